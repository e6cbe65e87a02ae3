"""What the extractor tests share: the pledges of a text, or its only one."""
from tracker.extract import extract_document


def pledges(text, published):
    return extract_document(text, published=published).candidates


def one(text, published):
    found = pledges(text, published)
    assert len(found) == 1, [c.quote for c in found]
    return found[0]

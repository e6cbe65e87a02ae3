"""What the extractor tests share: the pledges of a text, or its only one; a quantity in one canonical
form, so that a gold quantity (as written: 1.4万 个) and a candidate's (14000 个) compare equal; the
real passages' reader (``tests/extract/real/rule_coverage.py``), loaded once; every compiled pattern the
extractor's modules hold (``extractor_patterns``)."""
import datetime as dt
import importlib.util
import re
import sys
from decimal import Decimal
from pathlib import Path

from tracker.extract import extract_document

_PREFIX = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7, "亿": 10**8,
           "万亿": 10**12}


def pledges(text, published):
    return extract_document(text, published=published).candidates


def one(text, published):
    found = pledges(text, published)
    assert len(found) == 1, [c.quote for c in found]
    return found[0]


def canon(value, unit):
    """(value, unit) with a magnitude prefix folded into the value (1.4, 万个 → 14000, 个), 级 dropped
    (百亿级 → 100, 亿) and a percentage as a ratio (85, % → 0.85, ratio)."""
    unit = unit[:-1] if unit.endswith("级") and len(unit) > 1 else unit
    value = Decimal(str(value))
    if unit in ("%", "％"):
        return value / 100, "ratio"
    for p in sorted(_PREFIX, key=len, reverse=True):
        if unit.startswith(p) and len(unit) > len(p) or unit == p:
            return value * _PREFIX[p], unit[len(p):]
    return value, unit


def nows(s):
    """The text with all whitespace removed, as the gold's quotes and spans are."""
    return re.sub(r"\s+", "", s)


def rule_coverage():
    """``tests/extract/real/rule_coverage.py`` as a module (a script beside the passages, not a package)."""
    if "rule_coverage" not in sys.modules:
        spec = importlib.util.spec_from_file_location("rule_coverage", Path(__file__).parent / "real" / "rule_coverage.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["rule_coverage"] = module  # its dataclass looks itself up there
        spec.loader.exec_module(module)
    return sys.modules["rule_coverage"]


def extractor_patterns() -> list[re.Pattern]:
    """Every compiled pattern the extractor's modules hold, after a reading has built the lazy ones."""
    real = Path(__file__).parent / "real"
    for path in sorted(real.glob("*.txt"))[:5]:
        extract_document(path.read_text(encoding="utf-8"), published=dt.date(2026, 2, 1))
    found = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("tracker.extract"):
            continue
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                found[(value.pattern, value.flags)] = value
            elif hasattr(value, "cache_info") and hasattr(value, "__wrapped__"):
                try:
                    got = value() if value.__wrapped__.__code__.co_argcount == 0 else None
                except TypeError:
                    got = None
                for item in got if isinstance(got, tuple) else (got,):
                    if isinstance(item, re.Pattern):
                        found[(item.pattern, item.flags)] = item
    return list(found.values())


def finding_for(found, quote_part):
    """The follow-up finding of the pledge whose quote holds ``quote_part`` (the first, as the matcher listed them)."""
    hits = [f for f in found if quote_part in f.pledge.quote]
    assert hits, [f.pledge.quote for f in found]
    return hits[0]

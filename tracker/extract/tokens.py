"""The extractor's word segmenter: jieba with the project's domain dictionary, public to every layer.

    >>> from tracker.extract.tokens import cut
    >>> cut("新建幼儿园3所")[:2]
    ['新建', '幼儿园']

``tokenizer()`` is the one ``jieba.Tokenizer`` the extractor, the full-text index
(``tracker.db.fulltext``) and the search (``tracker.services.search``) share, so a word
means the same to all three. ``cut`` is its precise mode without HMM, which the rules read.
"""
from __future__ import annotations

import os
from functools import cache, lru_cache

from tracker.extract import lexicons


@cache
def tokenizer():
    """Our own jieba tokenizer with the domain dictionary, its cache file placed deliberately.

    jieba is imported here, on first use, not at the top of the module: importing it costs
    about a second of start-up (its HMM tables), which ``import tracker.extract`` (the CLI, the
    web app) should not pay before a clause with a number needs segmenting."""
    import jieba

    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    cache_dir = os.environ.get("TRACKER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tracker")
    try:
        os.makedirs(cache_dir, exist_ok=True)
        tok.tmp_dir = cache_dir
    except OSError:
        pass  # an unwritable home: jieba falls back to rebuilding the dictionary in memory
    with open(lexicons.path("userdict"), "rb") as fh:
        tok.load_userdict(fh)
    for w in lexicons.words("actions") + lexicons.words("object_stops"):
        tok.add_word(w, 10000)
    return tok


def cut(text: str) -> list[str]:
    """``text`` cut into words (precise mode, no HMM: unknown runs stay single characters)."""
    return tokenizer().lcut(text, HMM=False)


@lru_cache(maxsize=4096)
def cut_words(text: str) -> tuple[str, ...]:
    """``cut`` as a tuple, remembered: while reading one document the extractor's rules ask about the
    same window several times (the words before a number, read for the object by one rule and again
    by the next; the same clause's tail for each of its numbers), a third of its cuts on real reports.
    ``tracker.extract.extract_text`` empties it per document, as it does ``find_numbers``."""
    return tuple(cut(text))


#: another name for ``cut``, for callers that think of it as tokenising
tokenize = cut

"""The extractor's word segmenter: jieba with the project's domain dictionary, public to every layer.

    >>> from tracker.extract.tokens import cut
    >>> cut("新建幼儿园3所")[:2]
    ['新建', '幼儿园']

``tokenizer()`` is the one ``jieba.Tokenizer`` the full-text index (``tracker.db.fulltext``) and
the search (``tracker.services.search``) share; ``words()`` is the extractor's reader of the same
dictionary and ``cut`` its precise mode without HMM, which the rules read, so a word means the
same to all three.

Its prefix dictionary (jieba's ~350,000 words, every prefix of a word, the domain words) is
read in place: the first process builds it as jieba does and keeps it, compiled, in the cache
folder (``Compiled``); later processes read from that file only the entries a text asks about,
by their first two characters. The extractor cuts only the short windows before its numbers
(some 4% of a report's characters), so a process reads a few per cent of the dictionary instead
of building a dict of half a million entries, which cost a whole process about as much CPU as
the extraction of 1 MB of reports. The answers are the dictionary's own: the same words, the
same frequencies, the same total. Once the file is there, the extractor's cut (``Words``) needs
nothing else of jieba and does not import it (its HMM tables, which the precise cut without HMM
never reads); the full-text index and the search do, through ``tokenizer()``.
"""
from __future__ import annotations

import hashlib
import importlib.util
import marshal
import mmap
import os
import re
import sys
import tempfile
import threading
from array import array
from bisect import bisect_left
from functools import cache, lru_cache
from math import log

from tracker.extract import lexicons

#: the compiled dictionary's layout; a new layout gets a new file name
_LAYOUT = "4"

@cache
def cut_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """jieba's own patterns of its precise cut (``jieba.re_han_default``, ``re_skip_default``, ``re_eng``), copied so
    that cutting needs no import of jieba (``tests/extract/test_dictionary.py`` holds them equal to jieba's); compiled
    on first use, after ``tracker.extract`` has set up its kept patterns (this module is imported before)."""
    return (re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U), re.compile("(\r\n|\\s)", re.U),
            re.compile("[a-zA-Z0-9]", re.U))


def cache_dir() -> str:
    """Where jieba's cache and the compiled dictionary live: ``$TRACKER_CACHE_DIR`` or ``~/.cache/tracker``."""
    return os.environ.get("TRACKER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tracker")


def _import_jieba():
    """jieba, imported without ``pkg_resources``.

    ``jieba._compat`` imports ``pkg_resources`` only to open its own data files, and falls back
    to opening them by path when that import fails; ``pkg_resources`` scans every installed
    distribution on import, a tenth of a second or more of every process's start-up. While jieba
    is imported the name is held unimportable, then released, so a later ``import pkg_resources``
    of anyone else works as usual."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # ``import pkg_resources`` raises ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


class Compiled:
    """A prefix dictionary (jieba's ``FREQ`` and ``total``) as one file, read in place.

    The entries are grouped by their first two characters (single characters alone) (the file's layout 4). ``firsts``
    holds every first character, sorted; for the i-th, ``owns[i]`` is its own entry's frequency
    (``NONE`` when it has none), ``records[heads[i]:heads[i + 1]]`` (UTF-8) the second characters
    of its groups, and ``offsets[bases[i] + j]``, ``offsets[bases[i] + j + 1]`` the byte range in
    ``blob`` of its j-th group (the arrays are unsigned 32-bit integers, kept as bytes in the file).
    A group is ``word\tfrequency\t…`` in UTF-8. Loading the file makes a handful of objects; a
    record is read (its second characters decoded, nothing parsed) when a text first asks about its
    character. jieba asks its dictionary only about pieces of the text it cuts (``get_DAG`` and
    ``calc``: from each character, longer and longer fragments; the search and HMM modes: pieces of
    those fragments), so reading the groups of every pair of neighbouring characters of a text before
    cutting it answers every question the cut asks exactly as the whole dictionary would."""

    #: ``owns[i]`` of a first character that is no word by itself
    NONE = 0xFFFFFFFF

    def __init__(self, total: int, firsts: str, heads: bytes, owns: bytes, bases: bytes, offsets,
                 records, blob, force_split: tuple[str, ...], tags: dict):
        self.total, self.firsts, self.records, self.blob = total, firsts, records, blob
        self.heads, self.owns, self.bases = array("I"), array("I"), array("I")
        for arr, data in ((self.heads, heads), (self.owns, owns), (self.bases, bases)):
            arr.frombytes(data)
        if len(offsets) % self.heads.itemsize:
            raise ValueError("a compiled dictionary whose offsets are cut short")
        self.offsets = memoryview(offsets).cast("B").cast("I")  # read where it lies (the file's pages, mapped)
        if not (len(self.heads) == len(self.bases) == len(firsts) + 1 == len(self.owns) + 1
                and self.bases[-1] == len(self.offsets) and self.heads[-1] == len(records)
                and (not len(self.offsets) or self.offsets[-1] == len(blob))):
            raise ValueError("a compiled dictionary whose tables do not agree")
        self.force_split, self.tags = force_split, tags
        self.parsed: dict[str, tuple[int | None, str, int] | None] = {}

    @classmethod
    def of(cls, freq: dict[str, int], total: int, force_split, tags) -> Compiled:
        groups: dict[str, dict[str, list[str]]] = {}
        singles: dict[str, int] = {}
        for word, n in freq.items():
            if "\t" in word:
                raise ValueError(f"a word with a tab cannot be compiled: {word!r}")
            if not 0 <= n < cls.NONE:
                raise ValueError(f"a frequency a compiled dictionary cannot hold: {word!r} {n}")
            if len(word) == 1:
                singles[word] = n
            else:
                groups.setdefault(word[0], {}).setdefault(word[1], []).append(f"{word}\t{n}")
        firsts = "".join(sorted(set(singles) | set(groups)))
        heads, owns, bases, offsets = array("I", [0]), array("I"), array("I", [0]), array("I")
        records, parts, offset, at = [], [], 0, 0
        for first in firsts:
            seconds = "".join(sorted(groups.get(first, {})))
            offsets.append(offset)
            for second in seconds:
                data = "\t".join(groups[first][second]).encode("utf-8")
                parts.append(data)
                offset += len(data)
                offsets.append(offset)
            bases.append(len(offsets))
            owns.append(singles.get(first, cls.NONE))
            record = seconds.encode("utf-8")
            records.append(record)
            at += len(record)
            heads.append(at)
        return cls(total, firsts, heads.tobytes(), owns.tobytes(), bases.tobytes(), offsets.tobytes(),
                   b"".join(records), b"".join(parts), tuple(sorted(force_split)), dict(tags))

    def dump(self, path: str) -> None:
        """Written whole or not at all (a temporary file renamed), so a reader never sees half.

        The file: the length of its head (8 bytes), the head (``marshal``: the total, the first characters, the
        small tables, the lengths of the three large parts), then the group offsets, the records and the blob as
        they lie in memory, which ``load`` maps instead of reading."""
        folder = os.path.dirname(path)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".words-")
        offsets, records, blob = self.offsets.tobytes(), bytes(self.records), bytes(self.blob)
        head = marshal.dumps((self.total, self.firsts, self.heads.tobytes(), self.owns.tobytes(), self.bases.tobytes(),
                              len(offsets), len(records), len(blob), self.force_split, self.tags))
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(len(head).to_bytes(8, "little"))
                for part in (head, offsets, records, blob):
                    fh.write(part)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    @classmethod
    def load(cls, path: str) -> Compiled:
        """The file's head read, its large parts mapped (``mmap``, read only): a process reads the pages of the groups
        its texts ask about, not the whole file (7 MB: reading and unmarshalling it cost ~9 ms a process). Where
        a file cannot be mapped it is read whole."""
        with open(path, "rb") as fh:
            size = int.from_bytes(fh.read(8), "little")
            if size > os.fstat(fh.fileno()).st_size:
                raise ValueError("a compiled dictionary whose head is longer than the file")
            head = fh.read(size)
            if len(head) != size:
                raise ValueError("a compiled dictionary cut short")
            total, firsts, heads, owns, bases, n_offsets, n_records, n_blob, force_split, tags = marshal.loads(head)
            at = 8 + size
            try:
                data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):
                fh.seek(0)
                data = fh.read()
        if len(data) != at + n_offsets + n_records + n_blob:
            raise ValueError("a compiled dictionary whose size is not its head's")
        view = memoryview(data)
        offsets = view[at:at + n_offsets]
        records = view[at + n_offsets:at + n_offsets + n_records]
        blob = view[at + n_offsets + n_records:]
        return cls(total, firsts, heads, owns, bases, offsets, records, blob, force_split, tags)

    def record(self, first: str) -> tuple[int | None, str, int] | None:
        """(own frequency or None, second characters, where its groups' offsets begin in ``offsets``) of a
        first character; None when no entry begins with it."""
        try:
            return self.parsed[first]
        except KeyError:
            pass
        i = bisect_left(self.firsts, first)
        got = None
        if i < len(self.firsts) and self.firsts[i] == first:
            own = self.owns[i]
            got = (None if own == self.NONE else own, str(self.records[self.heads[i]:self.heads[i + 1]], "utf-8"),
                   self.bases[i])
        self.parsed[first] = got
        return got

    def group(self, first: str, second: str) -> list[tuple[str, int]]:
        """The entries of two characters or more that begin with ``first + second``."""
        rec = self.record(first)
        at = rec[1].find(second) if rec else -1
        if at < 0:
            return []
        base = rec[2] + at
        fields = str(self.blob[self.offsets[base]:self.offsets[base + 1]], "utf-8").split("\t")
        return list(zip(fields[::2], map(int, fields[1::2])))


class Words:
    """The words of a ``Compiled`` dictionary, read in place, and the extractor's cut through them, without
    jieba: ``read_for`` brings into ``FREQ`` (jieba's prefix dictionary: every word with its frequency, every
    prefix of a word with 0) the entries a text needs, ``cut_precise`` cuts as jieba's precise mode without
    HMM does. The extractor asks nothing else of jieba, so a process that finds the compiled file never
    imports it (its HMM tables, ``jieba.finalseg``'s, are a fifth of the extractor's imports)."""

    compiled: Compiled | None = None

    def __init__(self, compiled: Compiled):
        self.lock = threading.RLock()
        self.compiled, self.FREQ, self.total = compiled, {}, compiled.total
        self.pairs_read: set[str] = set()

    def check_initialized(self) -> None:
        """Nothing to load: the entries are read as texts ask for them (jieba's tokenizer loads its dictionary here)."""

    def read_for(self, text: str) -> None:
        """Bring into ``FREQ`` every entry that begins with a character of ``text`` or a pair of its
        neighbouring characters."""
        if self.compiled is None:
            return
        read = self.pairs_read
        missing = {text[k:k + 2] for k in range(len(text))} - read
        if not missing:
            return
        with self.lock:  # another thread's cut must not find a pair marked read before its words are in
            compiled, freq = self.compiled, self.FREQ
            if compiled is None:
                return  # another thread read the whole dictionary meanwhile
            # ``compiled.group`` inline: a process's first texts read a few thousand groups (~15 ms of its start), each
            # record looked up once and the entries put in as they are split, with no list between
            parsed, record, offsets, blob = compiled.parsed, compiled.record, compiled.offsets, compiled.blob
            for pair in missing - read:
                first = pair[0]
                rec = parsed[first] if first in parsed else record(first)
                if first not in read:
                    if rec is not None and rec[0] is not None:
                        freq[first] = rec[0]
                    read.add(first)
                if len(pair) == 2:
                    at = rec[1].find(pair[1]) if rec is not None else -1
                    if at >= 0:
                        base = rec[2] + at
                        fields = str(blob[offsets[base]:offsets[base + 1]], "utf-8").split("\t")
                        freq.update(zip(fields[::2], map(int, fields[1::2])))
                    read.add(pair)

    def read_everything(self) -> None:
        """The whole dictionary into ``FREQ`` (for a caller that walks ``FREQ`` itself)."""
        if self.compiled is None:
            return
        with self.lock:
            compiled, freq = self.compiled, self.FREQ
            for first in compiled.firsts:
                own, seconds, _ = compiled.record(first)
                if first not in self.pairs_read and own is not None:
                    freq[first] = own
                self.pairs_read.add(first)
                for second in seconds:
                    if first + second not in self.pairs_read:
                        freq.update(compiled.group(first, second))
                        self.pairs_read.add(first + second)
            self.compiled = None

    def _best_ends(self, sentence: str) -> list[int]:
        """``calc`` over ``get_DAG``'s graph in one backward pass: the end of the best word from each position,
        the same as ``route[k][1]`` after ``calc(sentence, get_DAG(sentence), route)``. Each fragment is looked
        up once, its score (``log(freq) - logtotal``, the same sum in the same order) taken where it is found,
        not sliced and looked up again for the route (the two took a fifth of the object's cuts each)."""
        self.read_for(sentence)
        self.check_initialized()
        get, n = self.FREQ.get, len(sentence)
        logtotal = log(self.total)
        alone = log(1) - logtotal  # a fragment not in the dictionary, or a bare prefix (0), counts once
        scores = [0.0] * (n + 1)
        ends = [0] * n
        for k in range(n - 1, -1, -1):
            best = at = None
            i, f = k, get(sentence[k])
            while f is not None:
                if f:
                    score = log(f) - logtotal + scores[i + 1]
                    if best is None or score >= best:
                        best, at = score, i
                i += 1
                if i >= n:
                    break
                f = get(sentence[k:i + 1])
            if best is None:  # no word starts here: the character alone (get_DAG's [k])
                best, at = alone + scores[k + 1], k
            scores[k], ends[k] = best, at
        return ends

    def cut_precise(self, sentence: str) -> list[str]:
        """``lcut(sentence, HMM=False)``, the same words, without jieba's generators: its blocks of Chinese,
        letters and digits cut by the route through their graph (``get_DAG``, ``calc``), a run of single
        letters and digits kept whole; the rest cut at white space, character by character."""
        han, skip, eng = cut_patterns()
        out: list[str] = []
        for blk in han.split(sentence):
            if not blk:
                continue
            if han.match(blk):
                ends = self._best_ends(blk)
                x, n, buf = 0, len(blk), ""
                while x < n:
                    y = ends[x] + 1
                    word = blk[x:y]
                    if y - x == 1 and eng.match(word):
                        buf += word
                    else:
                        if buf:
                            out.append(buf)
                            buf = ""
                        out.append(word)
                    x = y
                if buf:
                    out.append(buf)
            else:
                for x in skip.split(blk):
                    if skip.match(x):
                        out.append(x)
                    else:
                        out.extend(x)
        return out


class InPlace(Words):
    """What the project's jieba tokenizer adds to ``jieba.Tokenizer`` (its next base): ``Words``' dictionary read
    in place, which ``read_in_place`` makes answer from a ``Compiled`` file, reading the groups a text needs
    before jieba cuts it (``get_DAG``, which every cut starts with; ``add_word``, which must find the entries it
    changes already there)."""

    def __init__(self, *args, **kwargs):
        super(Words, self).__init__(*args, **kwargs)  # jieba.Tokenizer's

    def read_in_place(self, compiled: Compiled) -> None:
        Words.__init__(self, compiled)
        self.user_word_tag_tab = dict(compiled.tags)
        self.initialized = True
        finalseg = sys.modules["jieba.finalseg"]
        for word in compiled.force_split:
            finalseg.add_force_split(word)

    def check_initialized(self) -> None:
        super(Words, self).check_initialized()  # jieba's: its dictionary loaded when it was not read in place

    def get_DAG(self, sentence):  # noqa: N802  (jieba's name)
        """jieba's ``get_DAG`` (the same graph), after reading in the entries ``sentence`` needs, with one
        dictionary look-up per fragment instead of two."""
        self.read_for(sentence)
        self.check_initialized()
        get, n, dag = self.FREQ.get, len(sentence), {}
        for k in range(n):
            ends = []
            i, f = k, get(sentence[k])
            while f is not None:  # the fragment sentence[k:i + 1] is a word or a word's prefix (0)
                if f:
                    ends.append(i)
                i += 1
                if i >= n:
                    break
                f = get(sentence[k:i + 1])
            dag[k] = ends or [k]
        return dag

    def calc(self, sentence, DAG, route):  # noqa: N803  (jieba's names)
        """jieba's ``calc`` (the same route, the same sums in the same order), without a generator and a tuple
        per edge: the best (log probability, end) from each position, a tie going to the later end as
        ``max`` of jieba's tuples gives it."""
        n = len(sentence)
        route[n] = (0, 0)
        logtotal = log(self.total)
        get = self.FREQ.get
        for idx in range(n - 1, -1, -1):
            ends = DAG[idx]
            x = ends[0]
            best, at = log(get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x
            for x in ends[1:]:
                score = log(get(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0]
                if score >= best:
                    best, at = score, x
            route[idx] = (best, at)

    def add_word(self, word, freq=None, tag=None):
        self.check_initialized()
        self.read_for(word)
        return super().add_word(word, freq, tag)


def _jieba_files() -> tuple[str, str]:
    """jieba's ``__init__.py`` and its dictionary file ``dict.txt``, found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        raise ImportError("jieba is not installed")
    return spec.origin, os.path.join(os.path.dirname(spec.origin), "dict.txt")


def _compiled_name() -> str:
    """The compiled dictionary's file name: a hash of everything its entries come from (jieba's code,
    its version by its ``__init__.py``'s size and time, and its dictionary file, the user dictionary, the
    word lists ``build`` adds). jieba is not imported for it (``words`` needs no more of jieba than the file)."""
    stamps = []
    for source in _jieba_files():
        try:
            stat = os.stat(source)
            stamps += [source, f"{stat.st_size}:{stat.st_mtime_ns}"]
        except OSError:
            stamps += [source, "?"]
    words = lexicons.words("actions") + lexicons.words("object_stops")
    digest = hashlib.sha256("\0".join([_LAYOUT, *stamps, *words]).encode("utf-8"))
    with open(lexicons.path("userdict"), "rb") as fh:
        digest.update(fh.read())
    return f"words-{digest.hexdigest()[:16]}.marshal"


@lru_cache(maxsize=4)
def _load(path: str) -> Compiled:
    """The compiled file at ``path``, loaded once a process (``words`` and ``tokenizer`` share it)."""
    return Compiled.load(path)


def build(tok, folder: str | None) -> None:
    """The long way: ``tok`` (a ``jieba.Tokenizer``) given jieba's dictionary (from jieba's own cache
    file in ``folder`` when it can keep one there) and then the domain words: the user dictionary
    file, then the action verbs and the object stop words at a high frequency."""
    if folder:
        tok.tmp_dir = folder
    with open(lexicons.path("userdict"), "rb") as fh:
        tok.load_userdict(fh)
    for w in lexicons.words("actions") + lexicons.words("object_stops"):
        tok.add_word(w, 10000)


@cache
def tokenizer():
    """Our own jieba tokenizer with the domain dictionary, read in place from its compiled file.

    jieba is imported here, on first use, not at the top of the module: importing it costs
    a few hundredths of a second of start-up (its HMM tables), which ``import tracker.extract``
    (the CLI, the web app) should not pay; the extractor's own cuts (``words``) need it only in
    the process that builds the compiled file.
    The first process (or the first after jieba, the user dictionary or the word lists changed)
    builds the dictionary the long way (``build``), then writes it compiled; an unwritable cache
    folder leaves every process building it."""
    jieba = _import_jieba()
    jieba.setLogLevel(60)
    tok = type("Tokenizer", (InPlace, jieba.Tokenizer), {})()
    folder: str | None = cache_dir()
    compiled_path = os.path.join(folder, _compiled_name())
    try:
        tok.read_in_place(_load(compiled_path))
        return tok
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not built yet (or unreadable): build it
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        folder = None  # an unwritable home: jieba falls back to rebuilding the dictionary in memory
    finalseg = sys.modules["jieba.finalseg"]
    forced = set(finalseg.Force_Split_Words)
    build(tok, folder)
    if folder:
        try:
            Compiled.of(tok.FREQ, tok.total, set(finalseg.Force_Split_Words) - forced,
                        tok.user_word_tag_tab).dump(compiled_path)
        except (OSError, ValueError):
            pass
    return tok


def prefix_dictionary() -> dict[str, int]:
    """The tokenizer's whole prefix dictionary (every word with its frequency, every prefix of a
    word with 0), for a caller that walks it itself (``tracker.db.fulltext``)."""
    tok = tokenizer()
    tok.check_initialized()
    tok.read_everything()
    return tok.FREQ


@cache
def words() -> Words:
    """The extractor's words: the compiled dictionary read in place, with no import of jieba when the file is
    there (every process but the first); else the tokenizer, which builds the file (or, when it cannot
    write it, holds the whole dictionary). Either cuts as the other does: the same entries, the same route."""
    # compiled before jieba may be imported: jieba compiles the same three at its import, and a pattern re finds in
    # its own cache is never handed to the extractor's kept patterns (tracker.extract.patterns) to be written
    cut_patterns()
    try:
        return Words(_load(os.path.join(cache_dir(), _compiled_name())))
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not built yet (or unreadable): the tokenizer builds it
    tok = tokenizer()
    if tok.compiled is None:
        return tok
    return Words(tok.compiled)


def cut(text: str) -> list[str]:
    """``text`` cut into words (precise mode, no HMM: unknown runs stay single characters)."""
    return words().cut_precise(text)


@lru_cache(maxsize=4096)
def cut_words(text: str) -> tuple[str, ...]:
    """``cut`` as a tuple, remembered: while reading one document the extractor's rules ask about the
    same window several times (the words before a number, read for the object by one rule and again
    by the next; the same clause's tail for each of its numbers), a third of its cuts on real reports.
    ``tracker.extract.extract_text`` empties it per document, as it does ``find_numbers``."""
    return tuple(cut(text))


@lru_cache(maxsize=4096)
def is_word(word: str) -> bool:
    """Whether ``word`` is a word of the dictionary (a frequency above 0; a bare prefix of a longer word has 0)."""
    tok = words()
    tok.check_initialized()
    tok.read_for(word)
    return tok.FREQ.get(word, 0) > 0


#: another name for ``cut``, for callers that think of it as tokenising
tokenize = cut

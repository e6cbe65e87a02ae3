"""Ingest: files in, documents, candidates and pending pledges out.

* ``store_document(session, ...)`` writes one read-and-extracted document (flush only).
* ``ingest_file(session, item, ...)`` reads, extracts and stores one file (flush only).
* ``ingest_paths(session_factory, paths, ...)`` walks files and directories and stores
  them ``READ_AHEAD`` at a time, one transaction and one statement per table for the
  batch; if it fails, each of its documents is stored again in a transaction of its
  own. A failure anywhere leaves nothing of that document, and the run goes on; an
  outcome is reported once its document is committed. The same content twice adds
  nothing (sha256 of the decoded and of the stored text). ``manifest.csv`` beside the
  files (columns file, title, source, published, and optionally district, official,
  official_title) gives each document its metadata; district and official are the
  document's government and speaker as its user knows them, which the extractor uses
  where the text names none (stored on the document, so re-extraction uses them too).
* ``store_documents(session, docs, ...)`` writes several documents with one statement
  per table (flush only).

Machine output is stored twice over, on purpose: as immutable ``candidate`` rows
(with the extractor's version) and as *pending* ``pledge`` rows pointing back to
them, which editors then confirm, correct or reject.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from tracker.db import fulltext
from tracker.db.bulk import BulkInsert
from tracker.db.enums import DateSource, DocumentFormat, PledgeOrigin, Precision, QuantityRole
from tracker.db.models import AuditEvent, Candidate, District, Document, Pledge, Quantity
from tracker.db.types import canonical_decimal
from tracker.db.unit import transaction, unit_of_work
from tracker.extract import EXTRACTOR_VERSION, Official, extract_document
from tracker.reading import (Decoded, NotARegularFile, UnreadableDocument, UnsupportedDocument, decode_bytes,
                             document_format, open_regular, os_reason, read_document, sha256_text)
from tracker.services import dates
from tracker.services.followup import FAILED as FOLLOWUP_FAILED, followup_documents
from tracker.services.places import PlaceResolver, insert_titles, load_gazetteer

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "title", "source", "published", "district", "official", "official_title")
TITLE_MAX = 200
#: Lengths of the given district, official and title, as the document table stores them.
GIVEN_LIMITS = {"district": 50, "official": 50, "official_title": 200}


# --- metadata ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentMeta:
    """What a manifest row or the command line says about a file."""

    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_source: DateSource | None = None
    district: str | None = None  # the document's government as its user knows it (张店区)
    official: str | None = None  # its speaker (马晓磊)
    official_title: str | None = None  # and the speaker's title (张店区委书记)

    def given(self) -> dict:
        """The extractor's keyword arguments for what the user gave (none when nothing was)."""
        return given_to_extractor(self.district, self.official, self.official_title)


def given_to_extractor(district: str | None, official: str | None, official_title: str | None) -> dict:
    """``extract_document``'s ``district``/``official`` arguments, only those a user gave."""
    out: dict = {}
    if district:
        out["district"] = district
    if official:
        out["official"] = Official(official, official_title or None)
    return out


class ManifestError(ValueError):
    pass


def parse_date(text: str, where: str = "") -> dt.date:
    """A day as ``dates.parse_day`` reads it; ``BadDate`` (a ValueError) with its Chinese message after
    ``where`` otherwise (2021-02-30 is refused)."""
    try:
        return dates.parse_day(text, "发布日期")
    except dates.BadDate as exc:
        raise dates.BadDate(f"{where}{exc}") from None


def read_manifest(path: Path) -> dict[str, DocumentMeta | ManifestError]:
    """Rows of a manifest by file name (relative to its folder, with /). A row that cannot be
    used maps to its ManifestError; a manifest that cannot be read at all raises one."""
    try:  # never through a symbolic link, as for the documents
        text = decode_bytes(open_regular(path, path.parent, max_bytes=64 * 2**20)).text  # Excel: GBK or UTF-8 with BOM
    except (UnreadableDocument, OSError) as exc:
        raise ManifestError(f"{MANIFEST}：{exc}") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "file" not in header:
        raise ManifestError(f"{MANIFEST}：没有 file 列（应有的列：{'、'.join(MANIFEST_COLUMNS)}）")
    reader.fieldnames = header
    rows: dict[str, DocumentMeta | ManifestError] = {}
    for row in reader:
        line = reader.line_num
        name = (row.get("file") or "").strip().replace("\\", "/")
        if not name:
            continue
        published = (row.get("published") or "").strip()
        try:
            date = parse_date(published, f"{MANIFEST} 第 {line} 行：") if published else None
        except ValueError as exc:
            rows[name] = ManifestError(str(exc))
            continue
        given = {key: (row.get(key) or "").strip() or None for key in ("district", "official", "official_title")}
        too_long = next((f"{key} 过长（{len(value)} 个字符，最多 {limit} 个）" for key, limit in GIVEN_LIMITS.items()
                         if (value := given[key]) and len(value) > limit), None)
        if too_long:
            rows[name] = ManifestError(f"{MANIFEST} 第 {line} 行：{too_long}")
            continue
        if given["official_title"] and not given["official"]:
            rows[name] = ManifestError(f"{MANIFEST} 第 {line} 行：有 official_title 而没有 official"
                                       "（担任该职务的人的姓名）")
            continue
        rows[name] = DocumentMeta(
            title=(row.get("title") or "").strip() or None,
            source=(row.get("source") or "").strip() or None,
            published=date,
            published_source=DateSource.MANIFEST if date else None,
            **given,
        )
    return rows


# --- storing one document ----------------------------------------------------------------


def title_from_text(text: str) -> str:
    """The first line of the text, cut to a title's length."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first[:TITLE_MAX] or "(无标题)"


def quantity_dicts(candidate) -> list[dict]:
    """The candidate's quantities as JSON, values as exact decimal strings."""
    out = []
    for q in candidate.quantities:
        out.append({
            "value": format(canonical_decimal(q.value), "f"),
            "value_max": format(canonical_decimal(q.value_max), "f") if q.value_max is not None else None,
            "unit": q.unit,
            "raw": q.raw,
            "role": q.role.value,
            "start": q.start,
            "end": q.end,
        })
    return out


def candidate_row(candidate, *, document_id: int, version: str, ordinal: int) -> dict:
    deadline = candidate.deadline
    return {
        "document_id": document_id,
        "extractor_version": version,
        "ordinal": ordinal,
        "start": candidate.start,
        "end": candidate.end,
        "quote": candidate.quote,
        "district_name": candidate.district,
        "official_name": candidate.official.name if candidate.official else None,
        "official_title": candidate.official.title if candidate.official else None,
        "action": candidate.action,
        "object": candidate.object,
        "qualifier": candidate.qualifier,
        "deadline_raw": deadline.raw,
        "due_on": deadline.date,
        "deadline_precision": Precision(deadline.precision.value) if deadline.precision else None,
        "deadline_inherited": deadline.inherited,
        "responsible_unit": (candidate.responsible_unit or None) and candidate.responsible_unit[:200],
        "quantities": quantity_dicts(candidate),
        "confidence": min(1.0, max(0.0, float(candidate.confidence))),
        # the rule that decided each field, stored with the cues as "field=rule" (the review screen reads them)
        "cues": list(candidate.cues) + [f"{name}={rule_id}" for name, rule_id in candidate.why],
    }


#: Pledge fields copied from a candidate row (the machine's reading).
MACHINE_FIELDS = ("start", "end", "quote", "action", "object", "qualifier", "deadline_raw", "due_on",
                  "deadline_precision", "deadline_inherited", "confidence", "responsible_unit")


def pledge_fields(row: dict, *, district_id: int | None, official_id: int | None) -> dict:
    return {**{f: row[f] for f in MACHINE_FIELDS}, "district_id": district_id, "official_id": official_id}


def quantity_rows(quantities: list[dict], pledge_id: int) -> list[dict]:
    rows = []
    for position, q in enumerate(quantities):
        start, end = q.get("start"), q.get("end")
        if start is None or end is None or not 0 <= start < end:
            start = end = None
        rows.append({
            "pledge_id": pledge_id,
            "position": position,
            "value": canonical_decimal(q["value"]),
            "value_max": canonical_decimal(q["value_max"]) if q.get("value_max") is not None else None,
            "unit": q["unit"],
            "raw": q["raw"],
            "role": QuantityRole(q.get("role") or "other"),
            "start": start,
            "end": end,
        })
    return rows


# Batches are plain executemany (COPY on PostgreSQL; the same SQL every time, so drivers and
# servers cache it; see tracker.db.bulk) followed by one SELECT for the new ids: cheaper on both
# databases than INSERT ... RETURNING with many VALUES rows, which SQLite runs row by row and
# psycopg must parse anew for every batch size. ``store_documents`` writes several documents
# with one statement per table, so a batch of 50 costs about what one document did.


_INSERT_DOCUMENTS = BulkInsert(Document.__table__)
_INSERT_CANDIDATES = BulkInsert(Candidate.__table__)
_INSERT_PLEDGES = BulkInsert(Pledge.__table__)
_INSERT_QUANTITIES = BulkInsert(Quantity.__table__)
_INSERT_AUDIT = BulkInsert(AuditEvent.__table__)
# Built once: SQLAlchemy then finds them in its compiled cache without rebuilding a cache key
# (about 15 µs an execution instead of 100+).
_DOCUMENT_IDS = sa.select(Document.sha256, Document.id).where(
    Document.sha256.in_(sa.bindparam("wanted", expanding=True)))
_CANDIDATE_IDS = sa.select(Candidate.document_id, Candidate.ordinal, Candidate.id).where(
    Candidate.document_id.in_(sa.bindparam("document_ids", expanding=True)),
    Candidate.extractor_version == sa.bindparam("version"))
_PLEDGE_IDS = sa.select(Pledge.candidate_id, Pledge.id).where(
    Pledge.document_id.in_(sa.bindparam("document_ids", expanding=True)),
    Pledge.candidate_id.between(sa.bindparam("low"), sa.bindparam("high")))
_DOCUMENT_TITLES = sa.select(Document.id, Document.title).where(
    Document.id.in_(sa.bindparam("document_ids", expanding=True)))
_KNOWN_RAW = sa.select(Document.raw_sha256, Document.id).where(
    Document.raw_sha256.in_(sa.bindparam("wanted", expanding=True)))
_KNOWN_TEXT = sa.select(Document.sha256, Document.id).where(
    Document.sha256.in_(sa.bindparam("wanted", expanding=True)))


def insert_candidate_rows(session: Session, rows: list[dict]) -> None:
    """Insert candidate rows (one version; one document or several); each row gets its id in ``row["id"]``."""
    if not rows:
        return
    connection = session.connection()
    _INSERT_CANDIDATES.execute(connection, rows)
    ids = {(d, o): i for d, o, i in connection.execute(_CANDIDATE_IDS, {
        "document_ids": sorted({r["document_id"] for r in rows}), "version": rows[0]["extractor_version"]})}
    for row in rows:
        row["id"] = ids[row["document_id"], row["ordinal"]]


def insert_pending_pledges(session: Session, document_id: int | None, published_on: dt.date | None,
                           rows: list[dict], resolver: PlaceResolver) -> int:
    """A pending machine pledge (and its quantities) for each stored candidate row; returns how many.
    Each row names its document (``document_id`` here is the caller's, kept for its signature), so
    rows of several documents go in together; a new official title is dated by the row's own
    ``published_on`` when it has one, else by ``published_on``."""
    if not rows:
        return 0
    pledge_rows, titles = [], []
    for row in rows:
        seen_on = row.get("published_on", published_on)
        district_id = resolver.district(session, row["district_name"])
        official_id = resolver.official(session, row["official_name"], row["official_title"], district_id, seen_on,
                                        titles=titles)
        pledge_rows.append({**pledge_fields(row, district_id=district_id, official_id=official_id),
                            "document_id": row["document_id"], "candidate_id": row["id"],
                            "origin": PledgeOrigin.MACHINE})
    insert_titles(session, titles)
    connection = session.connection()
    _INSERT_PLEDGES.execute(connection, pledge_rows)
    pledge_ids = dict(connection.execute(_PLEDGE_IDS, {
        "document_ids": sorted({r["document_id"] for r in rows}),
        "low": min(r["id"] for r in rows), "high": max(r["id"] for r in rows)}).all())
    q_rows = [q for row in rows for q in quantity_rows(row["quantities"], pledge_ids[row["id"]])]
    _INSERT_QUANTITIES.execute(connection, q_rows)
    # the search index (bulk inserts bypass the ORM events that keep it for single pledges)
    doc_titles = dict(connection.execute(
        _DOCUMENT_TITLES, {"document_ids": sorted({r["document_id"] for r in rows})}).all())
    fulltext.insert_rows(connection, [(pledge_ids[row["id"]], row["quote"], row["object"],
                                       doc_titles[row["document_id"]]) for row in rows])
    return len(pledge_rows)


@dataclass(frozen=True)
class ToStore:
    """One read and extracted document, with what it is stored under."""

    decoded: Decoded
    extracted: object  # tracker.extract's ExtractedDocument
    file_name: str
    fmt: DocumentFormat
    meta: DocumentMeta


def store_documents(session: Session, docs: list[ToStore], *, resolver: PlaceResolver,
                    version: str) -> list[tuple[int, int]]:
    """Insert documents, their candidates, pending pledges, quantities and audit events with one
    statement per table for them all (flush only; no statement per row, none per document).
    Returns (document id, pledges added) for each, in order. Any failure raises and the caller
    rolls back: nothing of these documents stays."""
    if not docs:
        return []
    connection = session.connection()
    doc_rows = []
    for doc in docs:
        extracted, meta = doc.extracted, doc.meta
        published_source = meta.published_source
        if meta.published is None and extracted.published is not None:
            published_source = DateSource.STATED
        doc_rows.append({
            "title": (meta.title or doc.decoded.title or title_from_text(extracted.text))[:500],
            "source": meta.source,
            "file_name": doc.file_name,
            "format": doc.fmt,
            "published_on": meta.published or extracted.published,
            "published_source": published_source,
            "text": extracted.text,
            "sha256": sha256_text(extracted.text),
            "raw_sha256": doc.decoded.sha256,
            "encoding": doc.decoded.encoding,
            "extractor_version": version,
            "given_district": meta.district,
            "given_official": meta.official,
            "given_official_title": meta.official_title,
        })
    _INSERT_DOCUMENTS.execute(connection, doc_rows)
    ids = dict(connection.execute(_DOCUMENT_IDS, {"wanted": [r["sha256"] for r in doc_rows]}).all())
    rows, counts = [], []
    for doc, doc_row in zip(docs, doc_rows):
        document_id = doc_row["id"] = ids[doc_row["sha256"]]
        mine = [candidate_row(c, document_id=document_id, version=version, ordinal=i)
                for i, c in enumerate(doc.extracted.candidates)]
        for row in mine:
            row["published_on"] = doc_row["published_on"]
        rows.extend(mine)
        counts.append(len(mine))
    insert_candidate_rows(session, rows)
    insert_pending_pledges(session, None, None, rows, resolver)
    _INSERT_AUDIT.execute(connection, [{  # as audit.record would, without the unit of work
        "actor": f"extractor {version}", "entity": "document", "entity_id": r["id"], "action": "ingest",
        "new": {"file_name": r["file_name"], "sha256": r["sha256"], "encoding": r["encoding"], "candidates": n},
    } for r, n in zip(doc_rows, counts)])
    session.flush()
    return [(r["id"], n) for r, n in zip(doc_rows, counts)]


def store_document(session: Session, decoded: Decoded, extracted, *, file_name: str, fmt: DocumentFormat,
                   meta: DocumentMeta, resolver: PlaceResolver, version: str) -> tuple[int, int]:
    """Insert a document, its candidates, pending pledges and quantities, in a few batched statements
    (no statement per row). Returns (document id, pledges added)."""
    [result] = store_documents(session, [ToStore(decoded, extracted, file_name, fmt, meta)], resolver=resolver,
                               version=version)
    return result


def find_existing(session: Session, raw_sha256: str, sha256: str | None = None) -> int | None:
    """The document with this decoded or stored text, if any (each looked up through its own index)."""
    query = sa.select(Document.id).where(Document.raw_sha256 == raw_sha256)
    if sha256:
        query = query.union_all(sa.select(Document.id).where(Document.sha256 == sha256))
    return session.scalar(query.limit(1))


# --- batches -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    path: str
    state: str  # new, unchanged, failed, skipped
    reason: str | None = None
    document_id: int | None = None
    pledges: int = 0


@dataclass
class IngestSummary:
    outcomes: list[Outcome] = field(default_factory=list)
    suggestions: int = 0  # follow-up suggestions the new documents gave (tracker.services.followup)
    followup_failed: list = field(default_factory=list)  # FollowupReport of a failed follow-up run

    def count(self, state: str) -> int:
        return sum(1 for o in self.outcomes if o.state == state)

    @property
    def new(self) -> int:
        return self.count("new")

    @property
    def unchanged(self) -> int:
        return self.count("unchanged")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def pledges(self) -> int:
        return sum(o.pledges for o in self.outcomes)


@dataclass(frozen=True)
class WorkItem:
    path: Path
    name: str  # as stored in document.file_name: relative to the directory given, else the base name
    meta: DocumentMeta | ManifestError | None
    root: Path | None = None  # the folder or file given: the file's real path must lie under it
    size: int = 0  # bytes, as listed (batches are bounded by their files' total size)


#: Default bounds on one document (settings TRACKER_MAX_DOCUMENT_CHARS, TRACKER_MAX_DOCUMENT_PLEDGES):
#: a long provincial work report is some 40,000 characters and 300 pledges.
MAX_DOCUMENT_CHARS = 1_000_000
MAX_DOCUMENT_PLEDGES = 5_000
#: Bytes a file may have per character allowed: 4 for plain text (UTF-8 and GB18030 use at most 4
#: a character), more for formats with markup or compression around their text.
BYTES_PER_CHAR = {"text": 4, "html": 16, "docx": 16, "pdf": 16}
#: A batch of files read together holds at most this many bytes (besides READ_AHEAD files).
BATCH_BYTES = 32 * 2**20


@dataclass(frozen=True)
class Limits:
    """Bounds on one document: a file beyond them is refused with a Chinese message, nothing stored."""

    max_chars: int = MAX_DOCUMENT_CHARS
    max_pledges: int = MAX_DOCUMENT_PLEDGES

    @classmethod
    def from_config(cls, config) -> "Limits":
        """From a configuration mapping (``tracker.web.load_config()``: MAX_DOCUMENT_CHARS, MAX_DOCUMENT_PLEDGES)."""
        return cls(int(config.get("MAX_DOCUMENT_CHARS") or MAX_DOCUMENT_CHARS),
                   int(config.get("MAX_DOCUMENT_PLEDGES") or MAX_DOCUMENT_PLEDGES))

    def max_bytes(self, fmt: str | None) -> int:
        return self.max_chars * BYTES_PER_CHAR.get(fmt or "text", 16)


def _skipped_link(path: Path) -> Outcome:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return Outcome(str(path), "skipped", f"符号链接，未跟随（指向 {target}）")


def _manifest_for(folder: Path, cache: dict) -> dict | ManifestError:
    if folder not in cache:
        manifest = folder / MANIFEST
        try:
            cache[folder] = read_manifest(manifest) if manifest.is_file() or manifest.is_symlink() else {}
        except ManifestError as exc:
            cache[folder] = exc
    return cache[folder]


def _meta(folder: Path, rel: str, cache: dict) -> DocumentMeta | ManifestError | None:
    manifest = _manifest_for(folder, cache)
    if isinstance(manifest, ManifestError):
        return manifest
    return manifest.get(rel)


def collect(paths: Iterable[str | os.PathLike]) -> tuple[list[WorkItem], list[Outcome]]:
    """The files to ingest, in a stable order, with their manifest rows; and problems found on the way.

    Symbolic links are never followed: a link (to a file or a folder) is skipped and reported, and so
    is anything that is not a regular file (a FIFO, a device, a socket); ``prepare`` checks again on
    the file it opens that its real path lies under the folder or file given."""
    items: list[WorkItem] = []
    problems: list[Outcome] = []
    cache: dict = {}
    seen: set[Path] = set()
    for given in paths:
        root = Path(given)
        if root.is_symlink():
            problems.append(_skipped_link(root))
            continue
        if root.is_dir():
            listed: dict[Path, set[str]] = {}
            for folder, dirs, files in os.walk(root):  # followlinks=False: links to folders are not entered
                folder_path = Path(folder)
                for name in sorted(d for d in dirs if (folder_path / d).is_symlink()):
                    problems.append(_skipped_link(folder_path / name))
                dirs[:] = sorted(d for d in dirs if not (folder_path / d).is_symlink())
                for name in sorted(files):
                    path = folder_path / name
                    try:
                        info = path.lstat()
                    except OSError as exc:
                        problems.append(Outcome(str(path), "failed", _reason(exc)))
                        continue
                    if stat.S_ISLNK(info.st_mode):
                        problems.append(_skipped_link(path))
                        continue
                    if not stat.S_ISREG(info.st_mode):
                        problems.append(Outcome(str(path), "skipped", "不是普通文件（设备、FIFO 或套接字），未读取"))
                        continue
                    if name == MANIFEST or path.resolve() in seen:
                        continue
                    seen.add(path.resolve())
                    # A manifest describes the files of its folder and below; the nearest one wins.
                    meta, probe = None, folder_path
                    while True:
                        rel = path.relative_to(probe).as_posix()
                        meta = _meta(probe, rel, cache)
                        if meta is not None:
                            listed.setdefault(probe, set()).add(rel)
                            break
                        if probe == root:
                            break
                        probe = probe.parent
                    items.append(WorkItem(path, path.relative_to(root).as_posix(), meta, root, info.st_size))
            for folder, rows in ((f, m) for f, m in cache.items() if isinstance(m, dict)):
                if folder != root and root not in folder.parents:
                    continue
                for rel in sorted(set(rows) - listed.get(folder, set())):
                    problems.append(Outcome(str(folder / rel), "failed",
                                            f"{MANIFEST} 列出的文件不存在"))
        elif root.exists():
            if root.resolve() in seen:
                continue
            seen.add(root.resolve())
            items.append(WorkItem(root, root.name, _meta(root.parent, root.name, cache), root, root.stat().st_size))
        else:
            problems.append(Outcome(str(root), "failed", "文件或文件夹不存在"))
    return items, problems


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return os_reason(exc)
    if isinstance(exc, SQLAlchemyError):
        return f"数据库错误：{exc.__class__.__name__}: {str(exc.orig if hasattr(exc, 'orig') else exc)[:200]}"
    return str(exc) or exc.__class__.__name__


@dataclass(frozen=True)
class Prepared:
    """A file read and decoded, with the metadata it will be stored under."""

    item: WorkItem
    decoded: Decoded
    fmt: DocumentFormat
    meta: DocumentMeta


def prepare(item: WorkItem, *, published: dt.date | None = None, source: str | None = None,
            limits: Limits = Limits()) -> Prepared | Outcome:
    """Read and decode one file (no database). ``published``/``source`` from the command line win over the manifest.
    The file is opened without following a symbolic link and read only when it is a regular file
    under ``item.root`` and no larger than ``limits`` allow; its text no longer than ``limits.max_chars``."""
    path = str(item.path)
    if isinstance(item.meta, ManifestError):
        return Outcome(path, "failed", str(item.meta))
    meta = item.meta or DocumentMeta()
    if published is not None:
        meta = dataclasses.replace(meta, published=published, published_source=DateSource.GIVEN)
    if source is not None:
        meta = dataclasses.replace(meta, source=source)
    fmt = document_format(item.path)
    try:
        if fmt is None:
            read_document(item.path, b"")  # raises UnsupportedDocument with its reason
        data = open_regular(item.path, item.root, max_bytes=limits.max_bytes(fmt))
        decoded = read_document(item.path, data)
        del data
    except NotARegularFile as exc:
        return Outcome(path, "skipped", str(exc))
    except UnsupportedDocument as exc:
        return Outcome(path, "skipped", str(exc))
    except (UnreadableDocument, OSError) as exc:
        return Outcome(path, "failed", _reason(exc))
    if len(decoded.text) > limits.max_chars:
        return Outcome(path, "failed", f"文档过长：{len(decoded.text):,} 个字符，超过每篇文档的上限 "
                                       f"{limits.max_chars:,} 个字符（TRACKER_MAX_DOCUMENT_CHARS）")
    return Prepared(item, decoded, DocumentFormat(fmt), meta)


def store_prepared(session: Session, prepared: Prepared, extracted, *, resolver: PlaceResolver,
                   version: str | None = None, check_existing: bool = True) -> Outcome:
    """Store an extracted file unless its text is already there (flush only)."""
    path = str(prepared.item.path)
    if check_existing:
        existing = find_existing(session, prepared.decoded.sha256, sha256_text(extracted.text))
        if existing is not None:
            return Outcome(path, "unchanged", "已在库中", existing)
    document_id, pledges = store_document(session, prepared.decoded, extracted, file_name=prepared.item.name,
                                          fmt=prepared.fmt, meta=prepared.meta, resolver=resolver,
                                          version=version or EXTRACTOR_VERSION)
    return Outcome(path, "new", None, document_id, pledges)


def ingest_file(session: Session, item: WorkItem, *, resolver: PlaceResolver, published: dt.date | None = None,
                source: str | None = None, extract=None, limits: Limits = Limits()) -> Outcome:
    """Read, extract and store one file in the session's transaction (flush only)."""
    prepared = prepare(item, published=published, source=source, limits=limits)
    if isinstance(prepared, Outcome):
        return prepared
    existing = find_existing(session, prepared.decoded.sha256)
    if existing is not None:
        return Outcome(str(item.path), "unchanged", "已在库中", existing)
    extracted = _extract_safely(prepared, extract, limits)
    if isinstance(extracted, Outcome):
        return extracted
    return store_prepared(session, prepared, extracted, resolver=resolver)


def ensure_gazetteer(session_factory: sessionmaker) -> int:
    """Load the packaged districts when the district table is empty (a new database); returns rows added."""
    with transaction(session_factory) as session:  # SQLite: the write lock at BEGIN (engine.py)
        if session.scalar(sa.select(District.id).limit(1)) is not None:
            return 0
        return load_gazetteer(session)


#: Files taken together: read, looked up by sha256 in one query, extracted, then stored in one
#: transaction. Bounds the memory a batch holds and what a crash can lose before it commits.
READ_AHEAD = 50


def _batches(items: list[WorkItem]):
    """Runs of at most READ_AHEAD files and BATCH_BYTES bytes (a larger file goes alone): what a batch
    holds in memory is bounded whatever the input's size."""
    batch: list[WorkItem] = []
    size = 0
    for item in items:
        if batch and (len(batch) >= READ_AHEAD or size + item.size > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += item.size
    if batch:
        yield batch


def ingest_paths(session_factory: sessionmaker, paths: Iterable[str | os.PathLike], *,
                 published: dt.date | None = None, source: str | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None, extract=None,
                 gazetteer: bool = True, followup: bool = True, limits: Limits = Limits()) -> IngestSummary:
    """Ingest files and directories (recursively). Never raises for a bad file: each outcome says
    new / unchanged / failed / skipped and why.

    Files go ``READ_AHEAD`` at a time: read, looked up by sha256 in one query (known content is
    neither extracted nor stored again), extracted outside any transaction, then stored together
    in one transaction with one statement per table. If that transaction fails it is rolled back
    whole and each of its documents is stored again in a transaction of its own, so a failure
    anywhere leaves nothing of that document and the others land. Outcomes are reported once
    their documents are committed: a crash loses at most the batch not yet committed, of which
    nothing was written, and the next run ingests it. With ``gazetteer`` (the default) a database
    without districts first gets the packaged ones. With ``followup`` (the default) each batch's new
    documents are then matched against the earlier open pledges of their districts, each in a
    transaction of its own (``tracker.services.followup``): the suggestions it stores wait for a
    reviewer; a failure there keeps the document and is counted in the summary.
    """
    if gazetteer:
        ensure_gazetteer(session_factory)
    items, problems = collect(paths)
    summary = IngestSummary(list(problems))

    def emit(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    for outcome in problems:
        if on_outcome is not None:
            on_outcome(outcome)
    with session_factory() as session:
        resolver = PlaceResolver(session)
    stored: dict[str, int] = {}  # raw sha256 -> document id, for content met twice in this run
    for items_batch in _batches(items):
        batch = [_prepare_safely(item, published, source, limits) for item in items_batch]
        reviews: dict[int, object] = {}  # document id -> the extractor's reading, for the matcher
        outcomes = _ingest_batch(session_factory, batch, stored, resolver=resolver, extract=extract,
                                 limits=limits, reviews=reviews if followup else None)
        del batch
        for outcome in outcomes:
            emit(outcome)
        if followup:
            _follow_up(session_factory, outcomes, summary, reviews)
    return summary


def _follow_up(session_factory: sessionmaker, outcomes: list[Outcome], summary: IngestSummary,
               reviews: dict[int, object]) -> None:
    """Match the batch's new documents, oldest first (so a plan stored with its review is matched by it)."""
    new = [o.document_id for o in outcomes if o.state == "new" and o.document_id is not None]
    if not new:
        return
    with session_factory() as session:
        order = dict(session.execute(sa.select(Document.id, Document.published_on)
                                     .where(Document.id.in_(new))).all())
    new.sort(key=lambda i: (order.get(i) or dt.date.max, i))
    for report in followup_documents(session_factory, new, reviews=reviews):
        summary.suggestions += report.added + report.refreshed
        if (report.skipped or "").startswith(FOLLOWUP_FAILED):
            summary.followup_failed.append(report)


def _prepare_safely(item: WorkItem, published: dt.date | None, source: str | None,
                    limits: Limits = Limits()) -> Prepared | Outcome:
    try:
        return prepare(item, published=published, source=source, limits=limits)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return Outcome(str(item.path), "failed", f"{exc.__class__.__name__}: {_reason(exc)}")


def _extract_safely(prepared: Prepared, extract, limits: Limits = Limits()):
    """The extractor's output, or the failed Outcome (also when it finds more pledges than ``limits`` allow)."""
    try:
        extracted = (extract or extract_document)(prepared.decoded.text, published=prepared.meta.published,
                                                  **prepared.meta.given())
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return Outcome(str(prepared.item.path), "failed",
                       f"抽取失败：{exc.__class__.__name__}: {_reason(exc)}")
    found = len(extracted.candidates)
    if found > limits.max_pledges:
        return Outcome(str(prepared.item.path), "failed",
                       f"承诺过多：读出 {found:,} 条，超过每篇文档的上限 {limits.max_pledges:,} 条"
                       "（TRACKER_MAX_DOCUMENT_PLEDGES）；文档未入库")
    return extracted


def _ingest_batch(session_factory: sessionmaker, batch: list[Prepared | Outcome], stored: dict[str, int], *,
                  resolver: PlaceResolver, extract, limits: Limits = Limits(),
                  reviews: dict | None = None) -> list[Outcome]:
    """Outcomes for a batch of prepared files, in order, all committed."""
    outcomes: list[Outcome | None] = [p if isinstance(p, Outcome) else None for p in batch]
    wanted = [p.decoded.sha256 for p in batch if isinstance(p, Prepared)]
    if wanted:
        with session_factory() as session:
            stored.update(session.connection().execute(_KNOWN_RAW, {"wanted": wanted}).all())
    work: list[tuple[int, Prepared, object]] = []
    later: list[int] = []  # content met twice in this batch: decided once the first is stored
    raw_seen: set[str] = set()
    text_seen: dict[str, int] = {}  # stored text's sha256 -> its index in ``work``
    for i, prepared in enumerate(batch):
        if outcomes[i] is not None:
            continue
        raw = prepared.decoded.sha256
        if raw in stored:
            outcomes[i] = Outcome(str(prepared.item.path), "unchanged", "已在库中", stored[raw])
        elif raw in raw_seen:
            later.append(i)
        else:
            raw_seen.add(raw)
            extracted = _extract_safely(prepared, extract, limits)
            if isinstance(extracted, Outcome):
                outcomes[i] = extracted
            elif (sha := sha256_text(extracted.text)) in text_seen:  # another encoding or layout of it
                later.append(i)
            else:
                text_seen[sha] = len(work)
                work.append((i, prepared, extracted))
    if work:  # text already stored under another encoding or layout: one query for the batch
        with session_factory() as session:
            known = dict(session.connection().execute(_KNOWN_TEXT, {"wanted": list(text_seen)}).all())
        for sha, document_id in known.items():
            i, prepared, _ = work[text_seen[sha]]
            outcomes[i] = Outcome(str(prepared.item.path), "unchanged", "已在库中", document_id)
        work = [w for w in work if outcomes[w[0]] is None]
    for (i, _, extracted), outcome in zip(work, _store_together(session_factory, work, resolver=resolver)):
        outcomes[i] = outcome
        if reviews is not None and outcome.state == "new" and outcome.document_id is not None:
            reviews[outcome.document_id] = extracted
    for i, outcome in enumerate(outcomes):
        if outcome is not None and outcome.document_id is not None and isinstance(batch[i], Prepared):
            stored.setdefault(batch[i].decoded.sha256, outcome.document_id)
    for i in later:  # rare: one file at a time, as the first of its content has gone
        prepared = batch[i]
        if prepared.decoded.sha256 in stored:
            outcomes[i] = Outcome(str(prepared.item.path), "unchanged", "已在库中",
                                  stored[prepared.decoded.sha256])
            continue
        extracted = _extract_safely(prepared, extract, limits)
        outcomes[i] = extracted if isinstance(extracted, Outcome) else \
            _store_alone(session_factory, prepared, extracted, resolver=resolver)
        if outcomes[i].document_id is not None:
            stored[prepared.decoded.sha256] = outcomes[i].document_id
    return outcomes


def _store_together(session_factory: sessionmaker, work: list[tuple[int, Prepared, object]], *,
                    resolver: PlaceResolver) -> list[Outcome]:
    """Store extracted files in one transaction, one statement per table for them all. If anything
    fails the transaction is rolled back whole (nothing of any of them stays) and each is stored
    again in a transaction of its own, so only the failing document is left out."""
    if not work:
        return []
    try:
        with transaction(session_factory) as session:  # SQLite: the write lock at BEGIN
            results = store_documents(session, [
                ToStore(p.decoded, extracted, p.item.name, p.fmt, p.meta) for _, p, extracted in work
            ], resolver=resolver, version=EXTRACTOR_VERSION)
    except Exception:  # noqa: BLE001 - rolled back whole; now one transaction per document
        with session_factory() as session:
            resolver.reset(session)  # forget rows the rolled-back transaction created
        return [_store_alone(session_factory, p, extracted, resolver=resolver) for _, p, extracted in work]
    return [Outcome(str(p.item.path), "new", None, document_id, pledges)
            for (_, p, _), (document_id, pledges) in zip(work, results)]


def _store_alone(session_factory: sessionmaker, prepared: Prepared, extracted, *,
                 resolver: PlaceResolver) -> Outcome:
    """Store one extracted file in one transaction that commits everything or nothing. Text already
    stored under another encoding or layout meets the unique sha256 of the stored text and is
    reported unchanged."""
    path = str(prepared.item.path)
    with session_factory() as session:
        try:
            session.connection(execution_options={"write": True})  # SQLite: reads then writes, so lock at BEGIN
            with unit_of_work(session):  # the document whole, or nothing of it
                return store_prepared(session, prepared, extracted, resolver=resolver, check_existing=False)
        except Exception as exc:  # noqa: BLE001 - nothing of this document is kept; the batch goes on
            session.rollback()  # (the unit of work did, unless BEGIN itself failed)
            resolver.reset(session)
            session.rollback()
            if isinstance(exc, IntegrityError) and "sha256" in str(exc.orig):
                existing = find_existing(session, prepared.decoded.sha256, sha256_text(extracted.text))
                session.rollback()
                return Outcome(path, "unchanged", "已在库中", existing)
            return Outcome(path, "failed", _reason(exc))

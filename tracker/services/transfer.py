"""The whole database as one JSON file, and back: for backups and for moving between
SQLite and PostgreSQL.

Every table, every row, every column (history included), in a canonical form:
tables in foreign-key order, rows by primary key, one row per line as a JSON
array in the table's column order; timestamps ISO 8601 in UTC with
microseconds, dates ISO, exact decimals as strings, enums by value, JSON
columns as JSON with sorted keys. So exporting, importing elsewhere and
exporting again gives the same bytes.

``import_db`` takes an empty database at the same migration revision; it keeps
the ids, fills self-references after the rows exist, and moves PostgreSQL's
id sequences past the imported ids.

Derived tables (``DERIVED_TABLES``: the search index ``pledge_search``) are not
exported: ``import_db`` rebuilds them from the imported rows, with the importing
installation's jieba dictionary, so the file holds records only and the index
always matches the code that reads it.
"""
from __future__ import annotations

import datetime as dt
import enum
import json
from decimal import Decimal
from typing import IO, Any

from alembic.runtime.migration import MigrationContext
import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db import fulltext
from tracker.db.models import DERIVED_TABLES, TABLES_IN_ORDER, Base
from tracker.db.types import ExactDecimal, UTCDateTime, canonical_decimal

FORMAT = "tracker-db"
FORMAT_VERSION = 1


class TransferError(ValueError):
    pass


def _check_tables() -> None:
    missing = set(Base.metadata.tables) - {t.name for t in TABLES_IN_ORDER + DERIVED_TABLES}
    if missing:
        raise RuntimeError(f"TABLES_IN_ORDER misses {sorted(missing)}")


def _dump_value(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return format(canonical_decimal(value), "f")
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise TransferError(f"naive timestamp {value!r}")
        return value.astimezone(dt.timezone.utc).isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return value
    raise TransferError(f"cannot export a {type(value).__name__}")


def _loader(column: sa.Column):
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return dt.datetime.fromisoformat
    if isinstance(kind, ExactDecimal):
        return Decimal
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        return kind.enum_class
    if isinstance(kind, sa.Date) and not isinstance(kind, sa.DateTime):
        return dt.date.fromisoformat
    return None


def _line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def export_db(session: Session, out: IO[str]) -> dict[str, int]:
    """Write every table to ``out``; returns the row count per table."""
    _check_tables()
    revision = MigrationContext.configure(session.connection()).get_current_revision()
    counts: dict[str, int] = {}
    out.write("{" + f'"format":"{FORMAT}","version":{FORMAT_VERSION},"revision":{_line(revision)},"tables":[\n')
    for t_index, table in enumerate(TABLES_IN_ORDER):
        columns = [c.name for c in table.columns]
        out.write("{" + f'"name":{_line(table.name)},"columns":{_line(columns)},"rows":[')
        pk = list(table.primary_key.columns)
        n = 0
        result = session.execute(sa.select(table).order_by(*pk).execution_options(yield_per=2000))
        for row in result:
            out.write(("\n" if n == 0 else ",\n") + _line([_dump_value(v) for v in row]))
            n += 1
        out.write(("\n" if n else "") + "]}" + (",\n" if t_index < len(TABLES_IN_ORDER) - 1 else "\n"))
        counts[table.name] = n
    out.write("]}\n")
    return counts


#: How many unusable rows import-db lists before it stops looking.
MAX_REPORTED = 50
_INT_RANGES = {sa.SmallInteger: 2**15, sa.BigInteger: 2**63, sa.Integer: 2**31}


def _text_problem(value: str) -> str | None:
    if "\x00" in value:
        return "含 NUL 字符（U+0000），PostgreSQL 的文本不能保存"
    for ch in value:
        if "\ud800" <= ch <= "\udfff":
            return f"含不成对的代理字符 U+{ord(ch):04X}，不是有效的 Unicode 文本"
    return None


def _json_problem(value: Any) -> str | None:
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            problem = _text_problem(node)
            if problem:
                return problem
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def value_problem(column: sa.Column, value: Any) -> str | None:
    """Why ``value`` cannot go into ``column`` on every database tracker runs on, or None. SQLite
    keeps what PostgreSQL refuses (NUL in text, text longer than its VARCHAR, numbers beyond the
    column's integer type), so a backup taken there is checked before anything is written."""
    if value is None:
        return None
    kind = column.type
    if isinstance(value, str):
        problem = _text_problem(value)
        if problem:
            return problem
        length = getattr(kind, "length", None)
        if isinstance(kind, sa.String) and length and len(value) > length:
            return f"长 {len(value)} 个字符，超过该列的 {length}"
    elif isinstance(value, (dict, list)):
        return _json_problem(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        for integer, bound in _INT_RANGES.items():
            if isinstance(kind, integer):
                return None if -bound <= value < bound else f"整数 {value} 超出该列的范围"
    return None


def row_counts(session: Session) -> dict[str, int]:
    return {t.name: session.scalar(sa.select(sa.func.count()).select_from(t)) for t in TABLES_IN_ORDER}


def import_db(session: Session, source: IO[str], *, batch: int = 1000) -> dict[str, int]:
    """Load an export into this (empty) database and rebuild the search index; flush only.
    Returns the row count per exported table.

    Every row is checked first (``value_problem``): when any cannot be taken (a NUL that SQLite kept,
    a string longer than its column), TransferError lists them (table, id, column, why) and nothing
    is written. Any other failure is a TransferError with its reason too, never a traceback."""
    try:
        return _import_db(session, source, batch=batch)
    except TransferError:
        raise
    except sa.exc.SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
        raise TransferError(f"数据库拒绝了导入的数据，没有导入任何内容：{exc.__class__.__name__}: {first}") from None
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise TransferError(f"not a tracker export (or a damaged one): {exc.__class__.__name__}: {exc}"[:500]) from None


def _import_db(session: Session, source: IO[str], *, batch: int = 1000) -> dict[str, int]:
    _check_tables()
    given = _read_export(session, source)
    _check_values(given)
    counts = {table.name: _load_table(session, table, given.get(table.name, {"columns": [], "rows": []}), batch)
              for table in TABLES_IN_ORDER}
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        for table in TABLES_IN_ORDER:
            session.execute(sa.text(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"))
    fulltext.rebuild(session.connection())
    return counts


def _read_export(session: Session, source: IO[str]) -> dict[str, dict]:
    """The export's tables by name, once the file is a tracker export of this database's revision and
    the database is empty."""
    try:
        data = json.load(source)
    except json.JSONDecodeError as exc:
        raise TransferError(f"not a tracker export: invalid JSON at line {exc.lineno} column {exc.colno}") from None
    except UnicodeDecodeError as exc:
        raise TransferError(f"not a tracker export: not UTF-8 (byte {exc.start})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError("not a tracker export (no \"format\": \"tracker-db\")")
    if data.get("version") != FORMAT_VERSION:
        raise TransferError(f"export format version {data.get('version')} is not {FORMAT_VERSION}")
    revision = MigrationContext.configure(session.connection()).get_current_revision()
    if data.get("revision") != revision:
        raise TransferError(f"the export is at migration {data.get('revision')}, this database at {revision}: "
                            "bring both to the same revision first")
    occupied = {name: n for name, n in row_counts(session).items() if n}
    if occupied:
        listed = ", ".join(f"{name} ({n})" for name, n in occupied.items())
        raise TransferError(f"import-db needs an empty database; this one has rows in {listed}")
    given = {entry.get("name"): entry for entry in data.get("tables", [])}
    unknown = set(given) - {t.name for t in TABLES_IN_ORDER}
    if unknown:
        raise TransferError(f"the export has tables this database does not: {sorted(unknown)}")
    return given


def _check_values(given: dict[str, dict]) -> None:
    """Every value a column can hold, or TransferError listing the first ``MAX_REPORTED`` that cannot."""
    problems = []
    for table in TABLES_IN_ORDER:
        entry = given.get(table.name, {"columns": [], "rows": []})
        columns = [table.c[name] if name in table.c else None for name in entry["columns"]]
        for values in entry["rows"]:
            for column, value in zip(columns, values):
                problem = value_problem(column, value) if column is not None else None
                if problem:
                    row_id = values[entry["columns"].index("id")] if "id" in entry["columns"] else "?"
                    problems.append(f"{table.name} 编号 {row_id} 的 {column.name}：{problem}")
            if len(problems) >= MAX_REPORTED:
                break
        if len(problems) >= MAX_REPORTED:
            break
    if problems:
        more = "（只列出前 {}）".format(MAX_REPORTED) if len(problems) >= MAX_REPORTED else ""
        raise TransferError(f"{len(problems)} 行无法导入{more}，没有导入任何内容：\n  " + "\n  ".join(problems))


def _load_table(session: Session, table: sa.Table, entry: dict, batch: int) -> int:
    """INSERT one table's rows (``batch`` a statement); returns how many."""
    names = entry["columns"]
    expected = [c.name for c in table.columns]
    if entry["rows"] and names != expected:
        raise TransferError(f"{table.name}: columns {names} do not match {expected}")
    loaders = [_loader(table.c[name]) for name in names]
    # Columns that point into the same table are filled once every row exists.
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    rows, later = [], []
    for values in entry["rows"]:
        row = {name: (load(v) if load is not None and v is not None else v)
               for name, load, v in zip(names, loaders, values)}
        refs = {name: row[name] for name in self_refs if row[name] is not None}
        if refs:  # the UPDATE must not let onupdate defaults (updated_at) overwrite imported values
            refs.update({c.name: row[c.name] for c in table.columns if c.onupdate is not None})
            later.append((row["id"], refs))
            row.update({name: None for name in self_refs})
        rows.append(row)
    for start in range(0, len(rows), batch):
        session.execute(sa.insert(table), rows[start:start + batch])
    for row_id, refs in later:
        session.execute(sa.update(table).where(table.c.id == row_id).values(**refs))
    return len(rows)

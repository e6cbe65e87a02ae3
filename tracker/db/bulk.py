"""Batch INSERTs for the ingest's hot path: one statement per table and document, with the
per-row work of SQLAlchemy's executemany (parameter construction, default handling) done once
per dialect instead: the INSERT is compiled once, each column's bind processor looked up once,
and rows go to the driver through ``Connection.exec_driver_sql`` (an ``executemany``). On
PostgreSQL with psycopg the rows go through ``COPY ... FROM STDIN`` instead, which takes
about half the time of a pipelined executemany.

Values are converted by the same bind processors SQLAlchemy uses (enums, JSON, exact
decimals, UTC timestamps), so the rows are exactly those an ORM insert would write.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from tracker.db.written import note_write


class BulkInsert:
    def __init__(self, table: sa.Table) -> None:
        self.table = table
        # Every column but an autoincrement primary key; missing values take the column's default.
        self.columns = [c for c in table.columns if not (c.primary_key and c.autoincrement in (True, "auto"))]
        self._prepared: dict[str, tuple] = {}

    def _prepare(self, dialect):
        key = dialect.name
        if key not in self._prepared:
            stmt = sa.insert(self.table).values({c.name: sa.bindparam(c.name, type_=c.type) for c in self.columns})
            compiled = stmt.compile(dialect=dialect)
            names = list(compiled.positiontup) if compiled.positional else [c.name for c in self.columns]
            processors = {c.name: c.type.dialect_impl(dialect).bind_processor(dialect) for c in self.columns}
            defaults = {}
            for c in self.columns:
                if c.default is not None and c.default.is_scalar:
                    defaults[c.name] = (False, c.default.arg)
                elif c.default is not None and c.default.is_callable:
                    defaults[c.name] = (True, c.default.arg)
            quote = dialect.identifier_preparer.quote
            copy = f"COPY {quote(self.table.name)} ({', '.join(quote(n) for n in names)}) FROM STDIN"
            self._prepared[key] = (str(compiled), names, processors, defaults, compiled.positional, copy)
        return self._prepared[key]

    def execute(self, connection: Connection, rows: list[dict]) -> None:
        """INSERT ``rows`` (dicts with the same keys); columns they leave out take their defaults,
        computed and converted once for the whole batch."""
        if not rows:
            return
        sql, names, processors, defaults, positional, copy = self._prepare(connection.dialect)
        use_copy = connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg"
        given = rows[0].keys()
        template, work = [], []  # defaults converted once; the other columns converted per row
        for position, name in enumerate(names):
            process = processors[name]
            if name not in given and name in defaults:
                call, arg = defaults[name]
                value = arg(None) if call else arg
                template.append(process(value) if process is not None else value)
            else:
                template.append(None)
                work.append((position, name, process))
        params = []
        for row in rows:
            values = template.copy()
            for position, name, process in work:
                value = row.get(name)
                values[position] = process(value) if process is not None and value is not None else value
            params.append(tuple(values) if positional or use_copy else dict(zip(names, values)))
        if use_copy:
            note_write(connection)  # (a COPY is no statement SQLAlchemy sees: the transaction's end must ask)
            with connection.connection.driver_connection.cursor() as cursor, cursor.copy(copy) as stream:
                for values in params:
                    stream.write_row(values)
            return
        connection.exec_driver_sql(sql, params)

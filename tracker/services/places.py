"""Districts and officials: the gazetteer, and resolution of extracted names to existing rows.

张店 and 张店区 are one district: every district is found by its name and by its
aliases (``district_alias``); a district created from an extracted name gets the
name without its level suffix as an alias (张店区 → 张店). One person is one
``official`` row whatever titles they held: a name resolves to the existing
person (preferring one in the same district), and a new title is added to them.

``PlaceResolver`` loads the names once and keeps them in memory, so a batch of
documents resolves without a query per pledge, and creates what is missing with
Core INSERTs (no ORM unit of work, so nothing waits for a flush). If a
transaction that created rows rolls back, call ``reset()``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker.db.enums import DistrictLevel
from tracker.db.models import District, DistrictAlias, Official, OfficialTitle
from tracker.extract import lexicons

# Longest first: 自治区 before 区, 高新区 before 区.
_SUFFIX_LEVELS = (
    ("特别行政区", DistrictLevel.PROVINCE), ("自治区", DistrictLevel.PROVINCE), ("省", DistrictLevel.PROVINCE),
    ("高新区", DistrictLevel.ZONE), ("开发区", DistrictLevel.ZONE), ("新区", DistrictLevel.ZONE),
    ("度假区", DistrictLevel.ZONE), ("园区", DistrictLevel.ZONE),
    ("自治州", DistrictLevel.CITY), ("地区", DistrictLevel.CITY), ("盟", DistrictLevel.CITY), ("市", DistrictLevel.CITY),
    ("区", DistrictLevel.DISTRICT), ("自治县", DistrictLevel.COUNTY), ("县", DistrictLevel.COUNTY),
    ("旗", DistrictLevel.COUNTY), ("街道", DistrictLevel.TOWN), ("镇", DistrictLevel.TOWN), ("乡", DistrictLevel.TOWN),
)


def split_suffix(name: str) -> tuple[str, DistrictLevel | None]:
    """(stem, level) of a district name: 张店区 → (张店, district); 淄博 → (淄博, None)."""
    for suffix, level in _SUFFIX_LEVELS:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], level
    return name, None


def gazetteer_rows() -> tuple[tuple[str, ...], ...]:
    """The packaged district list (the extractor's ``districts`` lexicon: name, level label, parent, aliases)."""
    return lexicons.rows("districts")


def load_gazetteer(session: Session, rows=None) -> int:
    """Add the districts of the gazetteer that are not in the database yet; returns how many were added.

    Rows are (name, level label 省/市/区/县/镇, parent name, comma-separated aliases, and optionally
    the administrative code 行政区划代码); parents come before their children. Existing districts and
    aliases are left as they are, but an existing district without a code gets the gazetteer's
    (unless another district already holds it).
    """
    rows = gazetteer_rows() if rows is None else rows
    existing: dict[str, int] = {}
    coded: set[int] = set()
    for id_, name, code in session.execute(sa.select(District.id, District.name, District.code)):
        existing[name] = id_
        if code:
            coded.add(id_)
    codes_taken = set(session.scalars(sa.select(District.code).where(District.code.is_not(None))))
    taken = set(session.scalars(sa.select(DistrictAlias.alias)))
    connection = session.connection()
    aliases_rows: list[dict] = []
    added = 0
    for row in rows:
        name, level_label = row[0], row[1]
        parent = row[2] if len(row) > 2 and row[2] else None
        aliases = [a.strip() for a in row[3].split(",")] if len(row) > 3 and row[3] else []
        code = row[4].strip() if len(row) > 4 and row[4].strip() else None
        if code in codes_taken:
            code = None
        if name in existing:
            if code and existing[name] not in coded:
                connection.execute(sa.update(District.__table__).where(District.__table__.c.id == existing[name])
                                   .values(code=code))
                codes_taken.add(code)
            continue
        try:
            level = DistrictLevel.from_label(level_label)
        except ValueError:
            raise ValueError(f"gazetteer: {name}: unknown level {level_label!r}") from None
        # One row at a time (a child needs its parent's id), with Core: no unit of work to flush.
        district_id = connection.execute(_INSERT_DISTRICT, {
            "name": name, "level": level, "parent_id": existing.get(parent) if parent else None,
            "code": code}).scalar_one()
        if code:
            codes_taken.add(code)
        for alias in aliases:
            if alias and alias != name and alias not in taken and alias not in existing:
                aliases_rows.append({"district_id": district_id, "alias": alias})
                taken.add(alias)
        existing[name] = district_id
        added += 1
    if aliases_rows:
        connection.execute(_INSERT_ALIAS, aliases_rows)
    return added


# Built once, so SQLAlchemy finds them in its compiled cache without rebuilding a cache key.
_INSERT_DISTRICT = sa.insert(District.__table__).returning(District.__table__.c.id)
_INSERT_ALIAS = sa.insert(DistrictAlias.__table__)
_INSERT_OFFICIAL = sa.insert(Official.__table__).returning(Official.__table__.c.id)
_INSERT_TITLE = sa.insert(OfficialTitle.__table__)


@dataclass
class _Person:
    id: int
    district_id: int | None
    titles: set[str] = field(default_factory=set)


class PlaceResolver:
    """Resolve extracted district and official names to row ids, creating rows for new ones."""

    def __init__(self, session: Session) -> None:
        self.reset(session)

    def reset(self, session: Session) -> None:
        """(Re)load the names from the database, e.g. after a rollback."""
        self._districts: dict[str, int] = {}
        for id_, name in session.execute(sa.select(District.id, District.name).order_by(District.id)):
            self._districts.setdefault(name, id_)
        self._aliases: dict[str, int] = dict(
            session.execute(sa.select(DistrictAlias.alias, DistrictAlias.district_id)).all()
        )
        people: dict[int, _Person] = {}
        self._officials: dict[str, list[_Person]] = {}
        for id_, name, district_id in session.execute(
            sa.select(Official.id, Official.name, Official.district_id).order_by(Official.id)
        ):
            person = people[id_] = _Person(id_, district_id)
            self._officials.setdefault(name, []).append(person)
        for official_id, title in session.execute(sa.select(OfficialTitle.official_id, OfficialTitle.title)):
            people[official_id].titles.add(title)

    def find_district(self, name: str | None) -> int | None:
        """The id of an existing district called ``name`` (its name or an alias), else None."""
        if not name:
            return None
        name = name.strip()
        found = self._districts.get(name) or self._aliases.get(name)
        if found:
            return found
        stem, level = split_suffix(name)
        if level is not None and stem != name:  # 张店区 given, only 张店 known as an alias or a name
            return self._aliases.get(stem) or self._districts.get(stem)
        return None

    def district(self, session: Session, name: str | None) -> int | None:
        """Resolve ``name``; create the district when its level can be told from its suffix."""
        found = self.find_district(name)
        if found or not name:
            return found
        name = name.strip()
        stem, level = split_suffix(name)
        if level is None:
            return None  # a bare stem nobody knows: no guess at its level
        connection = session.connection()
        district_id = connection.execute(_INSERT_DISTRICT, {"name": name, "level": level}).scalar_one()
        self._districts[name] = district_id
        if len(stem) >= 2 and level is not DistrictLevel.ZONE and stem not in self._aliases \
                and stem not in self._districts:
            connection.execute(_INSERT_ALIAS, {"district_id": district_id, "alias": stem})
            self._aliases[stem] = district_id
        return district_id

    def official(self, session: Session, name: str | None, title: str | None, district_id: int | None,
                 seen_on: dt.date | None = None, *, titles: list[dict] | None = None) -> int | None:
        """Resolve a person by name (preferring one in ``district_id``); add a title they had not held:
        at once, or, given ``titles``, as a row appended to it for the caller to insert with the
        others in one statement (``insert_titles``) before its transaction ends."""
        if not name:
            return None
        name = name.strip()
        people = self._officials.get(name, [])
        person = next((p for p in people if p.district_id == district_id), None) or (people[0] if people else None)
        if person is None:
            official_id = session.connection().execute(
                _INSERT_OFFICIAL, {"name": name, "district_id": district_id}).scalar_one()
            person = _Person(official_id, district_id)
            self._officials.setdefault(name, []).append(person)
        title = (title or "").strip()
        if title and title not in person.titles:
            row = {"official_id": person.id, "title": title, "first_seen_on": seen_on}
            if titles is None:
                insert_titles(session, [row])
            else:
                titles.append(row)
            person.titles.add(title)
        return person.id


def insert_titles(session: Session, rows: list[dict]) -> None:
    """Insert ``official_title`` rows (official_id, title, first_seen_on) in one statement."""
    if rows:
        session.connection().execute(_INSERT_TITLE, rows)

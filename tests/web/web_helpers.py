"""Helpers for the web tests: a small document with known pledges, one account per role."""
from __future__ import annotations

import re
from html import unescape

BOTH = ["sqlite", "postgresql"]
PASSWORD = "password-123"
ACCOUNTS = {"editor": "editor", "editor2": "editor", "reviewer": "reviewer", "reader": "reader", "admin": "admin"}
TEXT = (
    "张店区2021年民生实事\n"
    "张店区委书记马晓磊表示，今年张店区将新建幼儿园3所，确保年内建成小学2处。\n"
    "力争新增城市绿道15公里。\n"
    "去年全区完成投资100亿元。\n"
    "到2022年底，改造老旧小区20个。\n"
)


#: (object, quote, quantity value, unit, confidence) of the pledges the test document holds.
PLEDGES = (
    ("幼儿园", "今年张店区将新建幼儿园3所", "3", "所", 0.95),
    ("小学", "确保年内建成小学2处", "2", "处", 0.9),
    ("城市绿道", "力争新增城市绿道15公里", "15", "公里", 0.8),
    ("投资", "去年全区完成投资100亿元", "100", "亿元", 0.5),
    ("老旧小区", "改造老旧小区20个", "20", "个", 0.7),
)


def seed(db_url: str, folder=None) -> None:
    """One document with the five pending pledges of ``PLEDGES`` (machine output, with their
    candidates, as ingest stores it, but fixed here so the tests do not follow the extractor's
    changes), the packaged districts, and one account per role."""
    import datetime as dt

    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.enums import DocumentFormat, PledgeOrigin, QuantityRole
    from tracker.db.models import Candidate, Document, Pledge, Quantity
    from tracker.reading import sha256_text
    from tracker.services import users
    from tracker.services.places import PlaceResolver, load_gazetteer

    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine)() as session:
            load_gazetteer(session)
            resolver = PlaceResolver(session)
            district = resolver.district(session, "张店区")
            official = resolver.official(session, "马晓磊", "张店区委书记", district, dt.date(2021, 1, 15))
            doc = Document(title="张店区民生实事", file_name="minsheng.txt", format=DocumentFormat.TEXT,
                           published_on=dt.date(2021, 1, 15), text=TEXT, sha256=sha256_text(TEXT),
                           raw_sha256=sha256_text(TEXT), encoding="utf-8", extractor_version="test")
            session.add(doc)
            session.flush()
            for ordinal, (obj, quote, value, unit, confidence) in enumerate(PLEDGES):
                start = TEXT.index(quote)
                raw = value + unit
                q_start = start + quote.index(raw)
                qty = {"value": value, "value_max": None, "unit": unit, "raw": raw, "role": "count",
                       "start": q_start, "end": q_start + len(raw)}
                cand = Candidate(document_id=doc.id, extractor_version="test", ordinal=ordinal, start=start,
                                 end=start + len(quote), quote=quote, district_name="张店区", official_name="马晓磊",
                                 object=obj, quantities=[qty], confidence=confidence, cues=["将"])
                session.add(cand)
                session.flush()
                pledge = Pledge(document_id=doc.id, candidate_id=cand.id, origin=PledgeOrigin.MACHINE, start=start,
                                end=start + len(quote), quote=quote, district_id=district, official_id=official,
                                object=obj, confidence=confidence)
                pledge.quantities.append(Quantity(position=0, value=value, unit=unit, raw=raw,
                                                  role=QuantityRole.COUNT, start=q_start, end=q_start + len(raw)))
                session.add(pledge)
            for name, role in ACCOUNTS.items():
                users.create_user(session, name, PASSWORD, role)
            session.commit()
    finally:
        engine.dispose()


def login(client, name: str, password: str = PASSWORD, csrf: str | None = None):
    data = {"name": name, "password": password}
    if csrf is not None:
        data["csrf_token"] = csrf
    response = client.post("/login", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


def csrf_token(client, path: str = "/") -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'<meta name="csrf-token" content="([^"]+)"', html).group(1)


def pending_ids(db) -> list[int]:
    import sqlalchemy as sa

    from tracker.db.enums import ReviewState
    from tracker.db.models import Pledge

    return list(db.scalars(sa.select(Pledge.id).where(Pledge.review_state == ReviewState.PENDING)
                           .order_by(Pledge.id)))


def user(db, name: str):
    import sqlalchemy as sa

    from tracker.db.models import User

    return db.scalar(sa.select(User).where(User.name == name))


def form_version(html: str) -> int:
    return int(re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1))


def review_data(html: str, **changes) -> dict:
    """The review form as the page filled it in (text inputs, selects, the version), with ``changes``."""
    data = {"version": form_version(html)}
    form = html.split('id="review-form"', 1)[1].split("</form>", 1)[0]
    for name, value in re.findall(r'<input[^>]*?name="([^"]+)"[^>]*?value="([^"]*)"', form):
        if name not in ("csrf_token", "version", "decision"):
            data[name] = unescape(value)
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option selected value="([^"]*)"', body)
        data[name] = chosen.group(1) if chosen else ""
    data.update(changes)
    return data

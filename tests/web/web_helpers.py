"""Helpers for the web tests: a small document with known pledges, one account per role."""
from __future__ import annotations

import re

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


def seed(db_url: str, folder) -> None:
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.services import users
    from tracker.services.ingest import ingest_paths

    folder.mkdir(exist_ok=True)
    (folder / "minsheng.txt").write_text(TEXT, encoding="utf-8")
    (folder / "manifest.csv").write_text("file,title,source,published\nminsheng.txt,张店区民生实事,,2021-01-15\n",
                                         encoding="utf-8")
    engine = make_engine(db_url)
    try:
        factory = make_sessionmaker(engine)
        summary = ingest_paths(factory, [folder])
        assert summary.new == 1 and summary.pledges >= 3, summary.line()
        with factory() as session:
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

"""Ingest on SQLite and PostgreSQL: documents, candidates and pending pledges in; bad files out
with their reason and nothing half-written."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
import sqlalchemy as sa

from tests.services.files import PLEDGE_TEXT, make_docx, make_pdf
from tracker.db.enums import DateSource, DocumentFormat, PledgeOrigin, ReviewState
from tracker.db.models import (
    TABLES_IN_ORDER,
    AuditEvent,
    Candidate,
    District,
    Document,
    Official,
    OfficialTitle,
    Pledge,
    Quantity,
)
from tracker.extract import EXTRACTOR_VERSION, Candidate as Found, Deadline, Quantity as Q, Role, extract_document
from tracker.services.ingest import ingest_paths

SEED_DATES = {
    "000_b1d06a0eb0b265fb.txt": dt.date(2020, 3, 20),
    "001_4b86012487325a09.txt": dt.date(2022, 3, 1),
    "002_6211d498416fb23a.txt": dt.date(2021, 1, 15),
    "003_6d3a527f7799a64f.txt": dt.date(2020, 3, 22),
    "004_567314c39f3d4d23.txt": dt.date(2020, 1, 1),
}
# Tables whose rows belong to one document; districts come from the gazetteer.
DOCUMENT_TABLES = ("document", "candidate", "pledge", "quantity", "official", "official_title", "audit_event")


def counts(session) -> dict[str, int]:
    return {t.name: session.scalar(sa.select(sa.func.count()).select_from(t)) for t in TABLES_IN_ORDER}


def by_state(summary) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for o in summary.outcomes:
        out.setdefault(o.state, []).append(o.path.rsplit("/", 1)[-1])
    return out


def test_seeds_are_ingested_with_their_manifest(session_factory, seeds_dir):
    summary = ingest_paths(session_factory, [seeds_dir])
    assert (summary.new, summary.unchanged, summary.failed, summary.skipped) == (5, 0, 0, 0)
    with session_factory() as s:
        docs = s.scalars(sa.select(Document).order_by(Document.file_name)).all()
        assert {d.file_name: d.published_on for d in docs} == SEED_DATES
        assert all(d.published_source is DateSource.MANIFEST for d in docs)
        assert docs[0].title.startswith("全力跑出张店高质量发展")
        assert all(d.format is DocumentFormat.TEXT and d.encoding == "utf-8" for d in docs)
        # Every candidate became one pending machine pledge whose quote is the stored text at its span.
        pledges = s.scalars(sa.select(Pledge)).all()
        assert len(pledges) == summary.pledges == s.scalar(sa.select(sa.func.count(Candidate.id)))
        texts = {d.id: d.text for d in docs}
        for p in pledges:
            assert texts[p.document_id][p.start:p.end] == p.quote
            assert (p.review_state, p.origin) == (ReviewState.PENDING, PledgeOrigin.MACHINE)
            assert p.is_machine_owned
        assert s.scalar(sa.select(sa.func.count(sa.distinct(Candidate.extractor_version)))) in (0, 1)


def test_the_stored_text_is_what_the_extractor_normalised(session_factory, seeds_dir):
    ingest_paths(session_factory, [seeds_dir / "000_b1d06a0eb0b265fb.txt"])
    raw = (seeds_dir / "000_b1d06a0eb0b265fb.txt").read_text(encoding="utf-8")
    with session_factory() as s:
        doc = s.scalars(sa.select(Document)).one()
        assert doc.text == extract_document(raw).text
        assert doc.extractor_version == EXTRACTOR_VERSION


def test_same_content_twice_adds_nothing_even_in_another_encoding(session_factory, seeds_dir, tmp_path):
    first = ingest_paths(session_factory, [seeds_dir])
    with session_factory() as s:
        before = counts(s)
    gbk = tmp_path / "copy_in_gbk.txt"
    gbk.write_bytes((seeds_dir / "002_6211d498416fb23a.txt").read_text(encoding="utf-8").encode("gb18030"))
    again = ingest_paths(session_factory, [seeds_dir, gbk])
    assert (again.new, again.unchanged, again.pledges) == (0, 6, 0)
    assert first.pledges > 0
    with session_factory() as s:
        assert counts(s) == before


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "空文件"),
    ("blank.txt", "  \n\u3000\n".encode(), "空文件"),
    ("binary.txt", bytes(range(256)) * 8, "二进制"),
    ("undecodable.txt", b"\x81\x30" * 3 + b"\xff\xfe\xfd" * 50 + b"\x80" * 40, "无法解码|二进制"),
])
def test_a_bad_text_file_fails_with_its_reason_and_leaves_no_rows(session_factory, tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    summary = ingest_paths(session_factory, [path])
    [outcome] = summary.outcomes
    assert outcome.state == "failed"
    assert pytest.importorskip("re").search(reason, outcome.reason), outcome.reason
    with session_factory() as s:
        assert all(counts(s)[t] == 0 for t in DOCUMENT_TABLES)


def test_truncated_docx_and_image_only_pdf_fail_with_their_reasons(session_factory, tmp_path):
    good = make_docx(tmp_path / "good.docx", [PLEDGE_TEXT])
    (tmp_path / "truncated.docx").write_bytes(good.read_bytes()[:1000])
    good.unlink()
    make_pdf(tmp_path / "scan.pdf", None, image=True)
    summary = ingest_paths(session_factory, [tmp_path])
    reasons = {o.path.rsplit("/", 1)[-1]: (o.state, o.reason) for o in summary.outcomes}
    assert reasons["truncated.docx"][0] == "failed" and "损坏或不完整" in reasons["truncated.docx"][1]
    assert reasons["scan.pdf"][0] == "failed" and "没有文字层" in reasons["scan.pdf"][1]
    with session_factory() as s:
        assert all(counts(s)[t] == 0 for t in DOCUMENT_TABLES)


def test_a_directory_mixing_good_and_bad_files(session_factory, tmp_path):
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(PLEDGE_TEXT, encoding="utf-8")
    (folder / "sub" / "b.html").write_bytes(
        f"<html><head><meta charset='gbk'><title>标题</title></head><body><p>{PLEDGE_TEXT}新建公园2个。</p></body>"
        "</html>".encode("gbk"))
    make_docx(folder / "sub" / "c.docx", ["淄川区将改造城市干道11条。"])
    make_pdf(folder / "d.pdf", ["临淄区年内建设20个中心村卫生室。"])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    summary = ingest_paths(session_factory, [folder])
    states = by_state(summary)
    assert sorted(states["new"]) == ["a.txt", "b.html", "c.docx", "d.pdf"]
    assert sorted(states["failed"]) == ["binary.txt", "empty.txt"]
    assert states["skipped"] == ["photo.jpg"]
    with session_factory() as s:
        docs = {d.file_name: d for d in s.scalars(sa.select(Document))}
        assert sorted(docs) == ["a.txt", "d.pdf", "sub/b.html", "sub/c.docx"]
        assert docs["sub/b.html"].format is DocumentFormat.HTML and docs["sub/b.html"].encoding == "gb18030"
        assert docs["sub/b.html"].title == "标题"
        assert docs["a.txt"].title == PLEDGE_TEXT.split("\n")[0]
        assert s.scalar(sa.select(sa.func.count(Document.id))) == 4


def _broken_extract(text, published=None):
    """The real extractor, plus one candidate the database must refuse (its span runs backwards)."""
    doc = extract_document(text, published=published)
    bad = Found(quote="x", start=5, end=2, quantities=(Q(value=1, unit="所", raw="1所", start=0, end=2),))
    return type(doc)(doc.text, doc.blocks, (*doc.candidates, bad), doc.published, doc.published_source)


def test_a_failure_while_storing_leaves_nothing_of_that_document_and_the_run_goes_on(session_factory, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(PLEDGE_TEXT, encoding="utf-8")
    (folder / "b.txt").write_text("淄川区将改造城市干道11条。", encoding="utf-8")
    summary = ingest_paths(session_factory, [folder / "a.txt"], extract=_broken_extract)
    [outcome] = summary.outcomes
    assert outcome.state == "failed" and "ck_candidate_span" in outcome.reason
    with session_factory() as s:
        assert all(counts(s)[t] == 0 for t in DOCUMENT_TABLES)
    # The same file goes in once the extractor behaves; nothing of the failed attempt is in the way.
    summary = ingest_paths(session_factory, [folder])
    assert by_state(summary) == {"new": ["a.txt", "b.txt"]}


def test_manifest_dates_that_do_not_exist_and_files_that_are_missing(session_factory, tmp_path):
    tmp_path = tmp_path / "docs"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(PLEDGE_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("淄川区将改造城市干道11条。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes(
        "file,title,source,published\n"
        "a.txt,今年的民生实事,https://example.gov.cn/a.html,2021-02-30\n"
        "b.txt,干道改造,https://example.gov.cn/b.html,2021-03-01\n"
        "gone.txt,不在了,,2021-01-01\n".encode("gbk"))  # as Excel saves it
    summary = ingest_paths(session_factory, [tmp_path])
    reasons = {o.path.rsplit("/", 1)[-1]: (o.state, o.reason) for o in summary.outcomes}
    assert reasons["a.txt"] == ("failed", "manifest.csv 第 2 行：发布日期「2021-02-30」这一天不存在")
    assert reasons["gone.txt"] == ("failed", "manifest.csv 列出的文件不存在")
    assert reasons["b.txt"][0] == "new"
    with session_factory() as s:
        doc = s.scalars(sa.select(Document)).one()
        assert (doc.title, doc.source, doc.published_on) == ("干道改造", "https://example.gov.cn/b.html",
                                                             dt.date(2021, 3, 1))


def test_command_line_date_and_source_win_over_the_manifest(session_factory, seeds_dir):
    ingest_paths(session_factory, [seeds_dir / "004_567314c39f3d4d23.txt"], published=dt.date(2019, 12, 31),
                 source="https://example.com/x")
    with session_factory() as s:
        doc = s.scalars(sa.select(Document)).one()
        assert (doc.published_on, doc.published_source, doc.source) == (
            dt.date(2019, 12, 31), DateSource.GIVEN, "https://example.com/x")
        assert doc.title == "政策迭出创意多 城市转型凤凰涅槃"  # the manifest still gives the title


def test_district_names_and_aliases_resolve_to_one_row_and_people_to_one_person(session_factory, tmp_path):
    tmp_path = tmp_path / "docs"
    tmp_path.mkdir()
    def extract(text, published=None):
        doc = extract_document(text, published=published)
        q = (Q(value=3, unit="所", raw="3所", start=0, end=2, role=Role.COUNT),)
        from tracker.extract import Official as Person

        found = (
            Found("新建幼儿园3所", 0, 4, q, district="张店区", official=Person("马晓磊", "张店区委书记")),
            Found("新建幼儿园3所", 4, 8, q, district="张店", official=Person("马晓磊", "淄博市委副书记、张店区委书记")),
            Found("新建幼儿园3所", 8, 12, q, district="新城区", deadline=Deadline("年内", dt.date(2021, 12, 31))),
            Found("新建幼儿园3所", 12, 16, q, district="新城", official=Person("马晓磊", "张店区委书记")),
        )
        return type(doc)(doc.text, doc.blocks, found, doc.published, doc.published_source)

    (tmp_path / "a.txt").write_text("今年将新建幼儿园3所，明年再建3所，后年还建3所，以后每年3所。", encoding="utf-8")
    summary = ingest_paths(session_factory, [tmp_path], extract=extract)
    assert summary.pledges == 4
    with session_factory() as s:
        pledges = s.scalars(sa.select(Pledge).order_by(Pledge.start)).all()
        zhangdian = s.scalars(sa.select(District).where(District.name == "张店区")).one()
        assert zhangdian.parent.name == "淄博市"
        assert [p.district_id for p in pledges[:2]] == [zhangdian.id, zhangdian.id]
        xincheng = s.get(District, pledges[2].district_id)
        assert (xincheng.name, [a.alias for a in xincheng.aliases]) == ("新城区", ["新城"])
        assert pledges[3].district_id == xincheng.id  # the alias made on the way resolves
        person = s.scalars(sa.select(Official)).one()
        assert person.name == "马晓磊" and person.district_id == zhangdian.id
        titles = s.scalars(sa.select(OfficialTitle.title).order_by(OfficialTitle.id)).all()
        assert titles == ["张店区委书记", "淄博市委副书记、张店区委书记"]
        assert [p.official_id for p in pledges] == [person.id, person.id, None, person.id]
        assert pledges[2].due_on == dt.date(2021, 12, 31)
        assert s.scalar(sa.select(sa.func.count(Quantity.id))) == 4


def test_every_ingest_leaves_an_audit_event(session_factory, seeds_dir):
    ingest_paths(session_factory, [seeds_dir])
    with session_factory() as s:
        events = s.scalars(sa.select(AuditEvent).where(AuditEvent.entity == "document")).all()
        assert len(events) == 5
        assert {e.action for e in events} == {"ingest"}
        assert all(e.user_id is None and e.actor == f"extractor {EXTRACTOR_VERSION}" for e in events)


def test_a_file_given_twice_in_one_run_is_stored_once(session_factory, seeds_dir, tmp_path):
    shutil.copy(seeds_dir / "000_b1d06a0eb0b265fb.txt", tmp_path / "dup.txt")
    summary = ingest_paths(session_factory, [seeds_dir / "000_b1d06a0eb0b265fb.txt", tmp_path / "dup.txt"])
    assert [o.state for o in summary.outcomes] == ["new", "unchanged"]


def test_ingest_file_stores_one_file_in_the_callers_transaction(session, seeds_dir):
    from tracker.services.ingest import WorkItem, ingest_file, read_manifest
    from tracker.services.places import PlaceResolver

    path = seeds_dir / "003_6d3a527f7799a64f.txt"
    item = WorkItem(path, path.name, read_manifest(seeds_dir / "manifest.csv")[path.name])
    resolver = PlaceResolver(session)
    first = ingest_file(session, item, resolver=resolver)
    again = ingest_file(session, item, resolver=resolver)  # same transaction, not yet committed
    assert (first.state, again.state, again.document_id) == ("new", "unchanged", first.document_id)
    session.rollback()  # the caller owns the transaction: nothing stays
    assert session.scalar(sa.select(sa.func.count(Document.id))) == 0


def test_manifest_district_and_official_are_stored_and_fill_the_pledges(session_factory, tmp_path):
    from tracker.db.models import Official as OfficialRow

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("2021年，我们将新建幼儿园3所。", encoding="utf-8")
    (folder / "b.txt").write_text("今年将改造城市干道11条。", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,title,source,published,district,official,official_title\n"
        "a.txt,报告,,2021-01-15,张店区,马晓磊,张店区委书记\n"
        "b.txt,新闻,,2021-01-15,,,区长\n", encoding="utf-8")
    summary = ingest_paths(session_factory, [folder])
    states = {o.path.rsplit("/", 1)[-1]: (o.state, o.reason) for o in summary.outcomes}
    assert states["a.txt"] == ("new", None)
    assert states["b.txt"] == ("failed", "manifest.csv 第 3 行：有 official_title 而没有 official"
                                         "（担任该职务的人的姓名）")
    with session_factory() as s:
        doc = s.scalars(sa.select(Document)).one()
        assert (doc.given_district, doc.given_official, doc.given_official_title) == ("张店区", "马晓磊", "张店区委书记")
        [pledge] = s.scalars(sa.select(Pledge).where(Pledge.document_id == doc.id)).all()
        assert pledge.district.name == "张店区"
        assert s.get(OfficialRow, pledge.official_id).name == "马晓磊"


def test_the_unit_the_text_names_is_stored_with_the_candidate_and_the_pending_pledge(session_factory, tmp_path):
    from tracker.db.models import Candidate as CandidateRow

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("今年将改造老旧小区12个，由市住建局牵头。", encoding="utf-8")
    summary = ingest_paths(session_factory, [folder], published=dt.date(2024, 3, 1))
    assert summary.new == 1
    with session_factory() as s:
        assert s.scalars(sa.select(CandidateRow.responsible_unit)).all() == ["市住建局"]
        assert s.scalars(sa.select(Pledge.responsible_unit)).all() == ["市住建局"]

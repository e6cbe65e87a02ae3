"""The editor's path through the queue and the review screen, on real databases."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa

from tracker.db.enums import PledgeOrigin, ReviewState
from tracker.db.models import AuditEvent, Pledge, PledgeSource
from web_helpers import BOTH, TEXT, login, review_data, user


def pledge_by_object(db, obj: str) -> Pledge:
    db.rollback()
    return db.scalar(sa.select(Pledge).where(Pledge.object == obj))


def audit_actions(db, pledge_id: int) -> list[str]:
    db.rollback()
    return list(db.scalars(sa.select(AuditEvent.action).where(AuditEvent.entity == "pledge",
                                                              AuditEvent.entity_id == pledge_id)
                           .order_by(AuditEvent.id)))


def test_queue_lists_pending_pledges_lowest_confidence_first(client, db):
    login(client, "editor")
    html = client.get("/review/").get_data(as_text=True)
    assert "今日已审 0 · 剩余 5" in html
    ids = [int(i) for i in re.findall(r'<td class="num"><a href="/review/(\d+)', html)]
    confidences = {p.id: p.confidence for p in db.scalars(sa.select(Pledge))}
    assert [confidences[i] for i in ids] == sorted(confidences[i] for i in ids)
    assert confidences[ids[0]] < confidences[ids[-1]]  # 改造老旧小区 (0.91) comes first
    oldest = client.get("/review/?order=oldest").get_data(as_text=True)
    assert [int(i) for i in re.findall(r'<td class="num"><a href="/review/(\d+)', oldest)] == sorted(ids)


def test_queue_filters_by_document_district_and_official_and_says_so(client, db):
    login(client, "editor")
    p = pledge_by_object(db, "幼儿园")
    html = client.get(f"/review/?document={p.document_id}&district={p.district_id}").get_data(as_text=True)
    assert "区县 = 张店区 且 文档 = 张店区民生实事" in html  # read, and said, as the pledge list does
    missing = client.get("/review/?document=999")
    assert missing.status_code == 400 and "没有编号为 999 的文档" in missing.get_data(as_text=True)
    unknown = client.get("/review/?district=abc")
    assert unknown.status_code == 400 and "未知的区县「abc」" in unknown.get_data(as_text=True)


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_two_editors_never_get_the_same_pledge(app, db):
    first, second = app.test_client(), app.test_client()
    login(first, "editor")
    login(second, "editor2")
    a = first.post("/review/next").headers["Location"]
    b = second.post("/review/next").headers["Location"]
    assert a.startswith("/review/") and b.startswith("/review/") and a != b
    held = int(a.split("/")[2].split("?")[0])
    assert f'href="/review/{held}"' not in second.get("/review/").get_data(as_text=True)
    page = second.get(f"/review/{held}").get_data(as_text=True)
    assert "此条正由 editor 审核" in page
    response = second.post(f"/review/{held}", data=review_data(page, confirm="1"))
    assert response.status_code == 409
    db.rollback()
    assert db.get(Pledge, held).review_state is ReviewState.PENDING


def test_a_claim_expires(app, db):
    first, second = app.test_client(), app.test_client()
    login(first, "editor")
    login(second, "editor2")
    held = int(first.post("/review/next").headers["Location"].split("/")[2].split("?")[0])
    db.rollback()
    pledge = db.get(Pledge, held)
    db.execute(sa.update(Pledge).where(Pledge.id == held)
               .values(claim_expires_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)))
    db.commit()
    assert pledge.id == held
    assert f'href="/review/{held}"' in second.get("/review/").get_data(as_text=True)


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_confirm_as_extracted_records_who_and_moves_on(client, db):
    login(client, "editor")
    pid = pledge_by_object(db, "小学").id
    page = client.get(f"/review/{pid}").get_data(as_text=True)
    response = client.post(f"/review/{pid}", data=review_data(page, confirm="1"))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/review/")
    assert response.headers["Location"] != f"/review/{pid}"
    pledge = pledge_by_object(db, "小学")
    assert pledge.review_state is ReviewState.CONFIRMED and not pledge.is_corrected
    assert pledge.reviewed_by_id == user(db, "editor").id
    assert pledge.claimed_by_id is None
    assert audit_actions(db, pid) == ["confirm"]


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_correct_a_quantity_and_find_it_in_the_history(client, db):
    login(client, "editor")
    pid = pledge_by_object(db, "幼儿园").id
    page = client.get(f"/review/{pid}").get_data(as_text=True)
    assert 'value="3"' in page and 'value="所"' in page
    response = client.post(f"/review/{pid}", data=review_data(page, **{"quantities-0-value": "4", "confirm": "1"}))
    assert response.status_code == 302, response.get_data(as_text=True)
    pledge = pledge_by_object(db, "幼儿园")
    assert pledge.review_state is ReviewState.CONFIRMED and pledge.is_corrected
    assert [(str(q.value), q.unit) for q in pledge.quantities] == [("4", "所")]
    assert audit_actions(db, pid) == ["correct"]
    history = client.get(f"/pledges/{pid}").get_data(as_text=True)
    assert "修改后确认" in history
    assert re.search(r'<td class="old">3 所</td>\s*<td class="arrow">→</td>\s*<td class="new">4 所</td>', history)


def test_reject_needs_a_reason_shown_beside_the_field(client, db):
    login(client, "editor")
    pid = pledge_by_object(db, "投资").id
    page = client.get(f"/review/{pid}").get_data(as_text=True)
    response = client.post(f"/review/{pid}", data=review_data(page, reject="1"))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert re.search(r'id="reject_reason".*?</textarea>\s*<span class="error" role="alert">驳回须写明理由</span>',
                     html, re.S)
    response = client.post(f"/review/{pid}", data=review_data(page, reject="1", reject_reason="去年的成绩，不是承诺"))
    assert response.status_code == 302
    pledge = pledge_by_object(db, "投资")
    assert pledge.review_state is ReviewState.REJECTED and pledge.reject_reason == "去年的成绩，不是承诺"
    history = client.get(f"/pledges/{pid}").get_data(as_text=True)
    assert "驳回" in history and "去年的成绩，不是承诺" in history


def test_validation_errors_appear_beside_their_field_in_chinese(client, db):
    login(client, "editor")
    pid = pledge_by_object(db, "幼儿园").id
    page = client.get(f"/review/{pid}").get_data(as_text=True)
    html = client.post(f"/review/{pid}", data=review_data(page, **{"quantities-0-value": "三个", "confirm": "1",
                                                                   "due_on": "2021-02-30",
                                                                   "district": "不存在区"})).get_data(as_text=True)
    assert re.search(r'name="quantities-0-value"[^>]*>\s*<input[^>]*>\s*<span class="error" role="alert">请填写数字', html)
    assert re.search(r'name="due_on"[^>]*>\s*<span class="error" role="alert">完成时限「2021-02-30」这一天不存在', html)
    assert pledge_by_object(db, "幼儿园").review_state is ReviewState.PENDING
    html = client.post(f"/review/{pid}", data=review_data(page, district="没有这个区", confirm="1")).get_data(as_text=True)
    assert re.search(r'name="district"[^>]*>\s*<span class="error" role="alert">没有名为“没有这个区”的区县</span>',
                     html), html[html.find('name="district"') - 100:html.find('name="district"') + 300]


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_stale_edit_is_refused_and_shows_both_versions(app, db):
    mine, theirs = app.test_client(), app.test_client()
    login(mine, "editor")
    login(theirs, "editor2")
    pid = pledge_by_object(db, "城市绿道").id
    page = mine.get(f"/review/{pid}").get_data(as_text=True)
    # editor2 saves first (the claim has lapsed), through the API
    db.rollback()
    db.execute(sa.update(Pledge).where(Pledge.id == pid).values(claimed_by_id=None, claim_expires_at=None))
    db.commit()
    version = theirs.get(f"/api/pledges/{pid}").get_json()["version"]
    r = theirs.post(f"/api/pledges/{pid}/confirm", json={"version": version, "changes": {"object": "绿道"}})
    assert r.status_code == 200, r.get_json()
    response = mine.post(f"/review/{pid}", data=review_data(page, **{"quantities-0-value": "16", "confirm": "1"}))
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "保存失败：此条已被他人修改" in html and "editor2" in html
    assert re.search(r"<th>对象</th><td>城市绿道</td><td>绿道</td>", html)
    assert re.search(r"<th>数量</th><td>16 公里</td><td>15 公里</td>", html), html[html.find("<th>数量"):html.find("<th>数量") + 200]
    assert 'value="16"' in html  # my values stay in the form
    db.rollback()
    pledge = db.get(Pledge, pid)
    assert pledge.object == "绿道" and [str(q.value) for q in pledge.quantities] == ["15"]
    # resubmitting deliberately, at the new version, works
    response = mine.post(f"/review/{pid}", data=review_data(html, confirm="1"))
    assert response.status_code == 302


def test_undo_puts_back_the_last_decision(client, db):
    login(client, "editor")
    pid = pledge_by_object(db, "幼儿园").id
    page = client.get(f"/review/{pid}").get_data(as_text=True)
    client.post(f"/review/{pid}", data=review_data(page, **{"quantities-0-value": "5", "confirm": "1"}))
    response = client.post("/review/undo")
    assert response.headers["Location"].startswith(f"/review/{pid}")
    pledge = pledge_by_object(db, "幼儿园")
    assert pledge.review_state is ReviewState.PENDING and not pledge.is_corrected
    assert [str(q.value) for q in pledge.quantities] == ["3"]
    assert audit_actions(db, pid) == ["correct", "undo"]
    assert "没有可以撤销的操作" in client.post("/review/undo", follow_redirects=True).get_data(as_text=True)


def test_skip_is_not_offered_again_this_session(client, db):
    login(client, "editor")
    first = int(client.post("/review/next").headers["Location"].split("/")[2].split("?")[0])
    nxt = client.post(f"/review/{first}/skip").headers["Location"]
    assert int(nxt.split("/")[2].split("?")[0]) != first
    db.rollback()
    assert db.get(Pledge, first).claimed_by_id is None
    for _ in range(6):
        loc = client.post("/review/next").headers["Location"]
        if not loc.startswith("/review/") or "?" in loc and loc.startswith("/review/?"):
            break
        assert int(loc.split("/")[2].split("?")[0]) != first


def test_review_screen_highlights_the_sentence_inside_its_paragraph_and_shows_the_keys(client, db):
    login(client, "editor")
    p = pledge_by_object(db, "幼儿园")
    html = client.get(f"/review/{p.id}").get_data(as_text=True)
    passage = html.split('aria-label="原文"', 1)[1].split("</section>", 1)[0]
    assert "张店区委书记马晓磊表示" in passage and "确保年内建成小学2处" in passage  # the whole paragraph
    assert "力争新增城市绿道" not in passage  # but not the next one
    assert re.search(r'<mark data-o="25" class="hl hl-current">今年张店区将新建幼儿园</mark>', passage)
    assert '<mark data-o="36" class="hl hl-current hl-qty">3所</mark>' in passage
    for key in ("<kbd>Y</kbd> 确认", "<kbd>R</kbd> 驳回", "<kbd>N</kbd> 下一条", "<kbd>S</kbd> 跳过", "<kbd>U</kbd> 撤销"):
        assert key in html


def test_document_view_highlights_every_pledge_coloured_by_state(client, db):
    login(client, "editor")
    reject = pledge_by_object(db, "投资")
    page = client.get(f"/review/{reject.id}").get_data(as_text=True)
    client.post(f"/review/{reject.id}", data=review_data(page, reject="1", reject_reason="成绩"))
    html = client.get(f"/documents/{reject.document_id}").get_data(as_text=True)
    marks = re.findall(r'<mark data-o="(\d+)" class="([^"]+)" data-pledge="(\d+)"', html)
    assert {int(m[2]) for m in marks} == {p.id for p in db.scalars(sa.select(Pledge))}
    classes = {int(pid): cls for _, cls, pid in marks}
    assert "hl-rejected" in classes[reject.id]
    assert sum("hl-pending" in c for c in classes.values()) == 4
    text = re.sub(r"<[^>]+>", "", html.split('id="doc-text"', 1)[1].split("</div>", 1)[0].split(">", 1)[1])
    assert "".join(text.split()) == "".join(TEXT.split())  # the whole stored text, nothing lost
    assert "待核实 4" in html and "已驳回 1" in html


def test_add_a_missed_pledge_from_a_selection(client, db):
    login(client, "editor")
    doc_id = pledge_by_object(db, "幼儿园").document_id
    sentence = "张店区委书记马晓磊表示"
    start = TEXT.index("张店区委书记")
    end = start + len(sentence)
    # a passage the extractor did not take: prefilled from its reading of the selection
    sel_start, sel_end = TEXT.index("到2022年底"), TEXT.index("改造老旧小区20个") + len("改造老旧小区20个")
    html = client.get(f"/documents/{doc_id}/add?start={sel_start}&end={sel_end}").get_data(as_text=True)
    assert 'name="object" type="text" value="老旧小区"' in html
    assert 'value="20"' in html and 'value="个"' in html
    assert 'value="2022-12-31"' in html
    response = client.post(f"/documents/{doc_id}/add", data={
        "start": start, "end": end, "official": "马晓磊", "district": "张店区", "object": "讲话",
        "quantities-0-value": "1", "quantities-0-unit": "次", "no_deadline": "y"})
    assert response.status_code == 302, response.get_data(as_text=True)
    pledge = pledge_by_object(db, "讲话")
    assert pledge.origin is PledgeOrigin.MANUAL and pledge.review_state is ReviewState.CONFIRMED
    assert (pledge.start, pledge.end, pledge.quote) == (start, end, sentence)
    assert pledge.official.name == "马晓磊" and pledge.district.name == "张店区"
    assert audit_actions(db, pledge.id) == ["add"]
    view = client.get(f"/documents/{doc_id}").get_data(as_text=True)
    assert f'data-pledge="{pledge.id}" id="p-{pledge.id}"' in view and "hl-manual" in view
    assert client.get(f"/documents/{doc_id}/add?start=5&end=99999").status_code == 400


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_merge_duplicates_into_one_pledge_with_two_sources(client, db, app):
    login(client, "editor")
    keep = pledge_by_object(db, "幼儿园")
    dup = pledge_by_object(db, "小学")
    response = client.post(f"/pledges/{keep.id}/merge", data={"duplicate": dup.id})
    assert response.status_code == 302
    db.rollback()
    assert db.get(Pledge, dup.id).merged_into_id == keep.id
    sources = db.scalars(sa.select(PledgeSource).where(PledgeSource.pledge_id == keep.id)).all()
    assert [(s.document_id, s.start, s.end, s.merged_pledge_id) for s in sources] == \
        [(dup.document_id, dup.start, dup.end, dup.id)]
    assert dup.id not in [int(i) for i in re.findall(r'href="/review/(\d+)', client.get("/review/").get_data(as_text=True))]
    page = client.get(f"/pledges/{keep.id}").get_data(as_text=True)
    assert "其他来源" in page and "合并重复" in page
    assert "已合并到" in client.get(f"/pledges/{dup.id}").get_data(as_text=True)
    again = client.post(f"/pledges/{keep.id}/merge", data={"duplicate": dup.id}, follow_redirects=True)
    assert "已合并到" in again.get_data(as_text=True)
    assert client.post(f"/pledges/{keep.id}/merge", data={"duplicate": keep.id},
                       follow_redirects=True).get_data(as_text=True).count("不能把一条承诺合并到它自己") == 1


def test_pledge_page_shows_every_field_a_link_into_its_source_and_history(client, db):
    p = pledge_by_object(db, "幼儿园")
    html = client.get(f"/pledges/{p.id}").get_data(as_text=True)
    for word in ("原文", "区县", "责任领导", "牵头单位", "动作", "对象", "数量", "限定词", "时限", "状态", "审核", "历史"):
        assert f"<dt>{word}</dt>" in html or f"<h2>{word}</h2>" in html, word
    assert f'href="/documents/{p.document_id}?at={p.start}#p-{p.id}"' in html  # the part holding it
    assert "张店区" in html and "马晓磊" in html and "3 所" in html


def test_the_pledge_page_offers_possible_duplicates_from_other_documents(client, db):
    from tracker.db.enums import DocumentFormat, QuantityRole
    from tracker.db.models import Document, Quantity

    original = pledge_by_object(db, "幼儿园")
    text = "张店区今年将新建幼儿园3所。\n"
    doc = Document(title="另一篇报道", file_name="other.txt", format=DocumentFormat.TEXT, text=text, sha256="e" * 64,
                   raw_sha256="e" * 64, encoding="utf-8", extractor_version="t")
    db.add(doc)
    db.flush()
    twin = Pledge(document_id=doc.id, start=5, end=13, quote=text[5:13], object="幼儿园",
                  district_id=original.district_id, confidence=0.9)
    twin.quantities.append(Quantity(position=0, value=3, unit="所", raw="3所", role=QuantityRole.COUNT))
    other = Pledge(document_id=doc.id, start=5, end=13, quote=text[5:13], object="幼儿园",
                   district_id=original.district_id, confidence=0.9)
    other.quantities.append(Quantity(position=0, value=4, unit="所", raw="4所", role=QuantityRole.COUNT))
    db.add_all([twin, other])
    db.commit()
    login(client, "editor")
    html = client.get(f"/pledges/{original.id}").get_data(as_text=True)
    dup_section = html.split("<h3>可能重复</h3>", 1)[1].split("</ul>", 1)[0]
    assert f'href="/pledges/{twin.id}"' in dup_section and f'href="/pledges/{other.id}"' not in dup_section
    assert client.post(f"/pledges/{original.id}/merge", data={"duplicate": twin.id}).status_code == 302
    assert "<h3>可能重复</h3>" not in client.get(f"/pledges/{original.id}").get_data(as_text=True)


def test_filters_take_names_and_the_filter_form_shows_them(client, db):
    login(client, "editor")
    by_name = client.get("/review/?district=张店&official=马晓磊").get_data(as_text=True)
    assert "区县 = 张店区 且 责任领导 = 马晓磊" in by_name  # an alias finds its district
    assert 'name="district" list="district-names" value="张店区"' in by_name
    assert len(re.findall(r'<td class="num"><a href="/review/\d+', by_name)) == 5
    response = client.get("/pledges/?district=火星区")
    assert response.status_code == 400 and "未知的区县「火星区」" in response.get_data(as_text=True)
    listing = client.get("/pledges/?official=马晓磊&q=幼儿园").get_data(as_text=True)
    assert "责任领导 = 马晓磊 且 包含 = 幼儿园" in listing
    assert 'name="official" value="马晓磊"' in listing
    assert client.get("/api/pledges?district=张店区").get_json()["items"]

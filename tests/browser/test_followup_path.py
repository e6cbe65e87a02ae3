"""Follow-up in a real browser: 高阳县's 2017 work report is in the database and confirmed; a later
report (the review of 2017 in its 2018 report) is ingested with `tracker ingest`; a reviewer works the
suggestions queue by keyboard, accepts two suggestions and corrects one, and finds each status on its
pledge's page with its evidence quote, the later document linked, and the history entry."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from playwright.sync_api import expect

DATA = Path(__file__).resolve().parents[1] / "followup_data"


def _plan_in_and_confirmed(db_url: str, folder: Path) -> None:
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.models import Document, Pledge, User
    from tracker.services import workbench
    from tracker.services.ingest import ingest_paths

    engine = make_engine(db_url)
    try:
        factory = make_sessionmaker(engine)
        assert ingest_paths(factory, [folder]).new == 1
        with factory() as s:
            plan = s.scalar(sa.select(Document.id).where(Document.file_name == "gaoyang_2017_plan.txt"))
            editor = s.scalar(sa.select(User).where(User.name == "editor"))
            for pledge_id in s.scalars(sa.select(Pledge.id).where(Pledge.document_id == plan)):
                workbench.confirm_pledge(s, pledge_id, editor, version=None)
            s.commit()
    finally:
        engine.dispose()


def _suggestions(db_url: str) -> dict[str, tuple[int, int, str]]:
    """pledge quote → (suggestion id, pledge id, evidence quote)."""
    from tracker.db.engine import make_engine
    from tracker.db.models import Pledge, Suggestion

    engine = make_engine(db_url)
    try:
        with engine.connect() as c:
            rows = c.execute(sa.select(Pledge.quote, Suggestion.id, Pledge.id, Suggestion.evidence_quote)
                             .join(Pledge, Pledge.id == Suggestion.pledge_id)).all()
    finally:
        engine.dispose()
    return {quote: (sid, pid, evidence) for quote, sid, pid, evidence in rows}


def test_reviewer_accepts_two_suggestions_and_corrects_one_by_keyboard(live_server, db_url, browser, artifacts,
                                                                      tmp_path):
    base = live_server
    plan_dir, review_dir = tmp_path / "plan", tmp_path / "review"
    plan_dir.mkdir(), review_dir.mkdir()
    manifest = (DATA / "manifest.csv").read_text(encoding="utf-8").splitlines()
    for folder, name in ((plan_dir, "gaoyang_2017_plan.txt"), (review_dir, "gaoyang_2018_review.txt")):
        shutil.copy(DATA / name, folder / name)
        (folder / "manifest.csv").write_text("\n".join([manifest[0]] + [r for r in manifest if r.startswith(name)])
                                             + "\n", encoding="utf-8")
    _plan_in_and_confirmed(db_url, plan_dir)

    # the later report arrives: `tracker ingest` stores it and matches it against the open pledges
    run = subprocess.run([sys.executable, "-m", "tracker.cli", "ingest", str(review_dir)], capture_output=True,
                         text=True, env={**os.environ, "DATABASE_URL": db_url}, timeout=300)
    assert run.returncode == 0, run.stderr
    assert re.search(r"新入库 1.*后续建议 \d+ 条", run.stderr), run.stderr
    found = _suggestions(db_url)
    wanted = {"新增外贸出口企业30家以上": "accept", "实施千万元以上重点项目50个以上": "accept", "加快40所项目校建设": "correct"}
    assert set(wanted) <= set(found), found

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base + "/login")
    page.fill("#name", "reviewer")
    page.fill("#password", "reviewer-demo")
    page.click("button[type=submit]")
    page.click("nav >> text=后续建议")
    expect(page.locator("h1")).to_contain_text("后续建议")
    expect(page.locator("#followup-queue")).to_contain_text("目标 30家 → 报告 45家：超额 50%")
    page.screenshot(path=str(artifacts / "followup-queue.png"), full_page=True)
    page.wait_for_function("document.documentElement.dataset.keys === 'ready'")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # start with the most confident

    done: dict[str, str] = {}
    for _ in range(12):
        page.wait_for_url(re.compile(r"/followup/\d+"))
        page.wait_for_function("document.documentElement.dataset.keys === 'ready'")
        quote = "".join(page.locator("#pledge-text mark.hl-current").all_inner_texts())
        target = quote if quote in wanted else None
        if target is None or target in done:
            with page.expect_navigation():  # wait for the next screen, not the one still showing
                page.keyboard.press("n")  # not one of ours: pass it over
            continue
        if wanted[target] == "accept":
            expect(page.locator("#evidence-text mark.hl-evidence").first).to_be_visible()
            if not done:
                page.screenshot(path=str(artifacts / "followup-screen.png"), full_page=True)
            with page.expect_navigation():
                page.keyboard.press("y")
        else:  # correct: not done yet, still being built
            page.keyboard.press("e")
            expect(page.locator("#status")).to_be_focused()
            page.select_option("#status", "in_progress")
            page.focus("#note")
            page.keyboard.type("40所项目校仍在建设")
            with page.expect_navigation():
                page.keyboard.press("Control+Enter")
        expect(page.locator(".flash-success", has_text="已记为")).to_have_count(1)
        done[target] = wanted[target]
        if len(done) == len(wanted):
            break
    assert done == wanted

    for quote, how in wanted.items():
        sid, pid, evidence = found[quote]
        page.goto(f"{base}/pledges/{pid}")
        status = "推进中" if how == "correct" else "已完成"
        expect(page.locator("dl.fields")).to_contain_text(status)
        event = page.locator("li.status-event").last
        expect(event).to_contain_text(status)
        expect(event.locator(".evidence")).to_contain_text(evidence)
        link = event.locator(".evidence a")
        expect(link).to_contain_text("高阳县2018年政府工作报告")
        expect(page.locator("#followups li.suggestion")).to_contain_text("修正后采纳" if how == "correct" else "已采纳")
        history = page.locator("ol.history li", has_text="采纳后续文档的建议")
        expect(history).to_contain_text("reviewer")
        expect(history).to_contain_text("高阳县2018年政府工作报告")
        if quote.startswith("新增外贸出口企业"):
            expect(event).to_contain_text("完成值 45家")
            page.screenshot(path=str(artifacts / "followup-pledge.png"), full_page=True)
        link.click()
        expect(page.locator("h1")).to_contain_text("高阳县2018年政府工作报告")
    context.close()

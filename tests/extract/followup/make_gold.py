"""Writes gold.json beside this file: the follow-up development pairs, annotated by hand before any rule
was written for them, in the format of the shared gold_followup_dev.json.

Run from anywhere: python tests/extract/followup/make_gold.py
Offsets (span_nows) are computed here from the quotes, in the files' text with all white space removed.
"""
from __future__ import annotations

import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = "pages corpus of the search tools (stored public web page; the file is the stored excerpt, which begins at the page's beginning)"


def nows(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return re.sub(r"\s+", "", fh.read())


def span(text, quote, after=0):
    q = re.sub(r"\s+", "", quote)
    i = text.find(q, after)
    if i < 0:
        raise SystemExit(f"make_gold: quote not in text: {quote}")
    return [i, i + len(q)]


def qty(raw, value, unit, role, qualifier=None, kind=None):
    out = {"value": value, "unit": unit, "raw": raw, "role": role}
    if qualifier:
        out["qualifier"] = qualifier
    if kind:
        out["kind"] = kind
    return out


def source(url, chars, note, published):
    return {"corpus": PAGES, "url": url, "char_range_in_excerpt": [0, chars], "note": note,
            "retrieved_with": "search(corpus='pages')", "published_on_page": published}


def pair(pair_id, place, level, plan_year, review_year, plan, review, links):
    pt, rt = nows(plan["file"]), nows(review["file"])
    for f in (plan, review):
        if "repo" in f["source"]:  # a file of a repository: its character range is given, not computed
            continue
        if "passage_starts_with" in f["source"]:  # a passage cut from inside the excerpt: its first words are named
            continue
        with open(os.path.join(HERE, f["file"]), encoding="utf-8") as fh:
            f["source"]["char_range_in_excerpt"] = [0, len(fh.read().rstrip("\n"))]
    out_links = []
    for n, ln in enumerate(links, 1):
        p = dict(ln["pledge"])
        p["span_nows"] = span(pt, p["quote"], ln.get("plan_after", 0))
        ev = ln.get("evidence")
        link = {"id": f"{pair_id.upper()}-L{n:02d}", "tier": ln.get("tier", "core"), "pledge": p, "outcome": ln["outcome"],
                "acceptable_outcomes": ln.get("acceptable", [ln["outcome"]]),
                "due_by_review": ln.get("due", True),
                "evidence": {"quote": ev, "span_nows": span(rt, ev)} if ev else None,
                "reported_quantities": ln.get("reported", []), "reason": ln["reason"],
                "traps": ln.get("traps", []),
                "distractors": [{"quote": q, "span_nows": span(rt, q), "why": why} for q, why in ln.get("distractors", [])],
                "confidence": ln.get("confidence", "high")}
        out_links.append(link)
    return {"pair_id": pair_id, "place": place, "level": level, "plan_year": plan_year, "review_year": review_year,
            "plan": plan, "review": review, "links": out_links}


def P(quote, obj, action, quantities, deadline=None):
    return {"quote": quote, "object": obj, "action": action, "quantities": quantities,
            "deadline": deadline or {"raw": "今年", "date": None, "inherited": True}}


def doc(file, url, note, published, page_date):
    return {"file": file, "source": source(url, 0, note, page_date), "published": published}


def repo_doc(file, year, chars, note):
    """A passage of one of 海拉尔区's work reports in derek-s/Python-GovWorkReportAnalyze (GB18030 files)."""
    return {"file": file, "published": None,
            "source": {"repo": "derek-s/Python-GovWorkReportAnalyze", "path": f"reportData/{year}.txt",
                       "commit": "8dc65feaaf2e1e4776c05f0da5189b8e436f0b51", "chars": chars,
                       "chars_note": "code-point offsets into the file decoded as GB18030; the passage is those characters "
                                     "exactly, CRLF line ends kept, no newline added (the file is the same at 64d015fb, "
                                     "the commit tests/extract/real cites)",
                       "retrieved_with": "fetch(github:derek-s/Python-GovWorkReportAnalyze)", "note": note}}


PAIRS = []

# ---------------------------------------------------------------- national, 2019 targets -> 2020 report
PAIRS.append(pair(
    "nat2019", "国务院 (全国)", "national", 2019, 2020,
    doc("nat2019_plan.txt", "https://m.news.shi-fen.com/china/201903/50-221875.html",
        "News report on the employment targets of the 2019 government work report (2019-03-05); the stored "
        "excerpt repeats its text twice.", "2019-03-05", "2019-03"),
    doc("nat2019_review.txt", "https://news.china.com/focus/2020qglh/lhkx/13003798/20200522/38252327.html",
        "Transcript of the 2020 government work report (2020-05-22), its opening and the review of 2019.",
        "2020-05-22", "2020-05-22"),
    [
        {"pledge": P("今年城镇新增就业1100万人以上", "城镇新增就业", "新增", [qty("1100万人", 1100, "万人", "count", "以上")],
                     {"raw": "今年", "date": "2019-12-31", "inherited": False}),
         "outcome": "exceeded", "evidence": "城镇新增就业1352万人",
         "reported": [qty("1352万人", 1352, "万人", "count")],
         "reason": "1352万人 > 1100万人以上"},
        {"pledge": P("城镇调查失业率5.5%左右", "城镇调查失业率", None, [qty("5.5%", 5.5, "%", "ratio", "左右")]),
         "outcome": "done", "acceptable": ["done", "exceeded"], "evidence": "调查失业率在5.3%以下",
         "reported": [qty("5.3%", 5.3, "%", "ratio", "以下")],
         "reason": "5.3%以下 is within 0.5pp of 5.5%左右 (a lower rate is better, so exceeded is defensible)",
         "traps": ["approximate_target_boundary"]},
        {"pledge": P("城镇登记失业率4.5%以内", "城镇登记失业率", None, [qty("4.5%", 4.5, "%", "ratio", "以内")]),
         "outcome": "not_reported", "reason": "the review gives the surveyed rate only, not the registered rate",
         "traps": ["related_object_different_measure"],
         "distractors": [("调查失业率在5.3%以下", "surveyed, not registered unemployment")]},
    ]))

# ---------------------------------------------------------------- national, 2020 targets -> 2021 count of results
PAIRS.append(pair(
    "nat2020", "国务院 (全国)", "national", 2020, 2021,
    doc("nat2020_plan.txt", "https://lianghui.jschina.com.cn/2020qglh/yw/xw/202005/t20200529_2562380.shtml",
        "Xinhua summary of the 2020 government work report (delivered 2020-05-22, published in full 2020-05-29).",
        "2020-05-22", "2020-05-29"),
    doc("nat2020_review.txt", "https://share1.kxm.xmtv.cn/xmtv/2021-03-04/a5838fcaa00487fd.html",
        "CCTV report of the State Council's account of the 2020 report's quantified targets (2021-03-04).",
        "2021-03-04", "2021-03-04"),
    [
        {"pledge": P("城镇新增就业900万人以上", "城镇新增就业", "新增", [qty("900万人", 900, "万人", "count", "以上")]),
         "outcome": "exceeded", "evidence": "城镇新增就业1186万人,超额完成原定的900万人以上的目标",
         "reported": [qty("1186万人", 1186, "万人", "count")], "reason": "1186万人 > 900万人以上"},
        {"pledge": P("城镇调查失业率6%左右", "城镇调查失业率", None, [qty("6%", 6, "%", "ratio", "左右")]),
         "outcome": "done", "acceptable": ["done", "exceeded"], "evidence": "全年城镇调查失业率平均为5.6%",
         "reported": [qty("5.6%", 5.6, "%", "ratio")],
         "reason": "5.6% is within 0.5pp of 6%左右; the review calls it 优于 the target",
         "traps": ["approximate_target_boundary"]},
        {"pledge": P("城镇登记失业率5.5%左右", "城镇登记失业率", None, [qty("5.5%", 5.5, "%", "ratio", "左右")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "年末城镇登记失业率为3.62%",
         "reported": [qty("3.62%", 3.62, "%", "ratio")],
         "reason": "an unemployment rate is better lower: 3.62% is far below 5.5%左右 (the review: 优于预期目标)",
         "traps": ["lower_is_better"],
         "distractors": [("全年城镇调查失业率平均为5.6%", "surveyed, not registered unemployment")]},
        {"pledge": P("居民消费价格涨幅3.5%左右", "居民消费价格涨幅", None, [qty("3.5%", 3.5, "%", "ratio", "左右")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "全国居民消费价格指数(CPI)涨幅为2.5%",
         "reported": [qty("2.5%", 2.5, "%", "ratio")],
         "reason": "a price rise target is a ceiling: 2.5% is within it (review: 控制在3.5%的涨幅目标内)",
         "traps": ["lower_is_better", "wording_variant"]},
    ]))

# ---------------------------------------------------------------- national, 2021 targets -> 2022 report
PAIRS.append(pair(
    "nat2021", "国务院 (全国)", "national", 2021, 2022,
    doc("nat2021_plan.txt", "https://paper.xinmin.cn/html/xmwb/2021-03-05/1-24/97567.html",
        "新民晚报 page on the 2021 government work report (2021-03-05): the 2020 results, the 14th five-year plan's "
        "targets for the people (due 2025) and the 2021 task list.", "2021-03-05", "2021-03-05"),
    doc("nat2021_review.txt", "http://hbwmpx.com/hbwmpx/gjscxx/fxyjts/101633683364923.html",
        "News page on the 2022 government work report (2022-03-05): the 2021 results, then the 2022 targets.",
        "2022-03-05", "2022-03-05"),
    [
        {"pledge": P("城镇调查失业率控制在5.5%以内", "城镇调查失业率", "控制", [qty("5.5%", 5.5, "%", "ratio", "以内")],
                     {"raw": "“十四五”", "date": "2025-12-31", "inherited": True}),
         "outcome": "not_reported", "due": False,
         "reason": "a 14th five-year plan target, due 2025; the 2021 figure is progress, not its outcome",
         "traps": ["multi_year_target"],
         "distractors": [("城镇调查失业率平均为5.1%", "a one-year figure against a five-year target")]},
        {"pledge": P("劳动年龄人口平均受教育年限提高到11.3年", "劳动年龄人口平均受教育年限", "提高",
                     [qty("11.3年", 11.3, "年", "duration")], {"raw": "“十四五”", "date": "2025-12-31", "inherited": True}),
         "outcome": "not_reported", "due": False, "reason": "five-year target; the review is silent",
         "traps": ["multi_year_target", "silence"]},
        {"pledge": P("人均预期寿命再提高1岁", "人均预期寿命", "提高", [qty("1岁", 1, "岁", "duration")],
                     {"raw": "“十四五”", "date": "2025-12-31", "inherited": True}),
         "outcome": "not_reported", "due": False, "reason": "five-year target; the review is silent",
         "traps": ["multi_year_target", "silence"]},
        {"pledge": P("基本养老保险参保率提高到95%", "基本养老保险参保率", "提高", [qty("95%", 95, "%", "ratio")],
                     {"raw": "“十四五”", "date": "2025-12-31", "inherited": True}),
         "outcome": "not_reported", "due": False, "reason": "five-year target; the review is silent",
         "traps": ["multi_year_target", "silence"]},
        {"pledge": P("国内生产总值增长6%以上", "国内生产总值", "增长", [qty("6%", 6, "%", "ratio", "以上")],
                     {"raw": "2021", "date": "2021-12-31", "inherited": True}),
         "outcome": "exceeded", "evidence": "增长8.1%", "reported": [qty("8.1%", 8.1, "%", "ratio")],
         "reason": "8.1% > 6%以上", "traps": ["rate_and_absolute_in_same_clause"],
         "distractors": [("我国国内生产总值达到114万亿元", "a level, not a growth rate"),
                         ("国内生产总值增长5.5%左右", "the next year's target, not an outcome")]},
        {"pledge": P("城镇新增就业1100万人以上", "城镇新增就业", "新增", [qty("1100万人", 1100, "万人", "count", "以上")],
                     {"raw": "2021", "date": "2021-12-31", "inherited": True}),
         "outcome": "exceeded", "evidence": "城镇新增就业1269万人", "reported": [qty("1269万人", 1269, "万人", "count")],
         "reason": "1269万人 > 1100万人以上",
         "distractors": [("城镇新增就业1100万人以上", "the next year's target, the same words and number")]},
        {"pledge": P("城镇调查失业率5.5%左右", "城镇调查失业率", None, [qty("5.5%", 5.5, "%", "ratio", "左右")],
                     {"raw": "2021", "date": "2021-12-31", "inherited": True}),
         
         "outcome": "done", "acceptable": ["done", "exceeded"], "evidence": "城镇调查失业率平均为5.1%",
         "reported": [qty("5.1%", 5.1, "%", "ratio")], "reason": "5.1% within 0.5pp of 5.5%左右 (lower is better)",
         "distractors": [("城镇调查失业率全年控制在5.5%以内", "the next year's target")]},
        {"pledge": P("居民消费价格涨幅3%左右", "居民消费价格涨幅", None, [qty("3%", 3, "%", "ratio", "左右")],
                     {"raw": "2021", "date": "2021-12-31", "inherited": True}),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "居民消费价格上涨0.9%",
         "reported": [qty("0.9%", 0.9, "%", "ratio")], "reason": "a price rise target is a ceiling; 0.9% is well within it",
         "traps": ["lower_is_better", "wording_variant"],
         "distractors": [("居民消费价格涨幅3%左右", "the next year's target")]},
    ]))

# ---------------------------------------------------------------- national, 2022 targets -> 2023 report
PAIRS.append(pair(
    "nat2022", "国务院 (全国)", "national", 2022, 2023,
    doc("nat2022_plan.txt", "http://hbwmpx.com/hbwmpx/gjscxx/fxyjts/101633683364923.html",
        "The same page as nat2021's review: the 2022 targets of the 2022 report (2022-03-05), after the 2021 results.",
        "2022-03-05", "2022-03-05"),
    doc("nat2022_review.txt", "http://epaper.hljnews.cn/shb/pc/con/202303/06/content_126306.html",
        "生活报 page on the 2023 government work report (2023-03-06): the past year and the past five years.",
        "2023-03-06", "2023-03-06"),
    [
        {"pledge": P("国内生产总值增长5.5%左右", "国内生产总值", "增长", [qty("5.5%", 5.5, "%", "ratio", "左右")]),
         "outcome": "missed", "evidence": "全年国内生产总值增长3%", "reported": [qty("3%", 3, "%", "ratio")],
         "reason": "3% is below 5.5%左右 beyond the band",
         "traps": ["multi_year_target"],
         "distractors": [("国内生产总值增加到121万亿元,五年年均增长5.2%", "a five-year average and a level")]},
        {"pledge": P("城镇新增就业1100万人以上", "城镇新增就业", "新增", [qty("1100万人", 1100, "万人", "count", "以上")]),
         
         "outcome": "exceeded", "evidence": "城镇新增就业1206万人", "reported": [qty("1206万人", 1206, "万人", "count")],
         "reason": "1206万人 > 1100万人以上",
         "distractors": [("城镇新增就业年均1270多万人", "a five-year average")]},
        {"pledge": P("城镇调查失业率全年控制在5.5%以内", "城镇调查失业率", "控制", [qty("5.5%", 5.5, "%", "ratio", "以内")]),
         "outcome": "done", "evidence": "年末城镇调查失业率降到5.5%", "reported": [qty("5.5%", 5.5, "%", "ratio")],
         "reason": "5.5% at the 以内 ceiling"},
        {"pledge": P("居民消费价格涨幅3%左右", "居民消费价格涨幅", None, [qty("3%", 3, "%", "ratio", "左右")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "居民消费价格上涨2%",
         "reported": [qty("2%", 2, "%", "ratio")], "reason": "a price rise target is a ceiling; 2% is within it",
         "traps": ["lower_is_better", "wording_variant"]},
        {"pledge": P("粮食产量保持在1.3万亿斤以上", "粮食产量", "保持", [qty("1.3万亿斤", 1.3, "万亿斤", "amount", "以上")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "粮食产量1.37万亿斤,增产74亿斤",
         "reported": [qty("1.37万亿斤", 1.37, "万亿斤", "amount"), qty("74亿斤", 74, "亿斤", "amount", kind="increment")],
         "reason": "1.37万亿斤 > 1.3万亿斤以上",
         "distractors": [("粮食产量连年稳定在1.3万亿斤以上", "the five-year record, not this year's figure")]},
    ]))

# ---------------------------------------------------------------- 北京市, 2019 targets -> 2020 report
PAIRS.append(pair(
    "beijing2019", "北京市", "province", 2019, 2020,
    doc("beijing2019_plan.txt", "https://news.shi-fen.com/china/201901/50-160948.html",
        "新京报 report on 北京市's 2019 government work report (delivered 2019-01-14).", "2019-01-15", "2019-01"),
    doc("beijing2019_review.txt", "http://www.71.cn/2020/0112/1073264.shtml",
        "宣讲家网 report on 北京市's 2020 government work report (2020-01-12): the 2019 results.",
        "2020-01-12", "2020-01-12"),
    [
        {"pledge": P("报告将2019年北京GDP预期增长目标设定为6%-6.5%", "GDP", "增长",
                     [qty("6%-6.5%", 6, "%", "ratio")], {"raw": "2019年", "date": "2019-12-31", "inherited": False}),
         "outcome": "done", "evidence": "全市地区生产总值比上年增长6.2%左右", "reported": [qty("6.2%", 6.2, "%", "ratio", "左右")],
         "reason": "6.2% lies in the 6%-6.5% range", "traps": ["wording_variant", "preliminary_estimate"]},
        {"pledge": P("城镇调查失业率控制在5%以内", "城镇调查失业率", "控制", [qty("5%", 5, "%", "ratio", "以内")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "城镇调查失业率保持在4.4%左右",
         "reported": [qty("4.4%", 4.4, "%", "ratio", "左右")], "reason": "below the 以内 ceiling"},
        {"pledge": P("今年北京全年建设用地要减量30平方公里以上", "建设用地", "减量", [qty("30平方公里", 30, "平方公里", "area", "以上")]),
         "outcome": "not_reported", "reason": "the review excerpt is silent", "traps": ["silence"]},
        {"pledge": P("拆违腾退土地4000公顷", "拆违腾退土地", "拆违腾退", [qty("4000公顷", 4000, "公顷", "area")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("退出300家以上一般制造业企业", "一般制造业企业", "退出", [qty("300家", 300, "家", "count", "以上")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("疏解提升市场和物流中心66家", "市场和物流中心", "疏解提升", [qty("66家", 66, "家", "count")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("完成中心城区和通州区739条背街小巷环境整治提升任务", "背街小巷", "环境整治提升", [qty("739条", 739, "条", "count")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

# ---------------------------------------------------------------- 湖北省, 2024 targets -> 2025 report
PAIRS.append(pair(
    "hubei2024", "湖北省", "province", 2024, 2025,
    doc("hubei2024_plan.txt", "http://hb.china.com.cn/2024-01/30/content_42687741.htm",
        "中国网湖北 bilingual summary of 湖北省's 2024 government work report (2024-01-30).", "2024-01-30", "2024-01-30"),
    doc("hubei2024_review.txt", "https://cjrb.cjn.cn/h5/html5/2025-01/17/content_151731_1763949.htm",
        "长江日报 summary of 湖北省's 2025 government work report (2025-01-17): the 2024 results, then the 2025 targets.",
        "2025-01-17", "2025-01-17"),
    [
        {"pledge": P("地区生产总值6%", "地区生产总值", None, [qty("6%", 6, "%", "ratio")]),
         "outcome": "done", "evidence": "预计全省地区生产总值增长6%左右", "reported": [qty("6%", 6, "%", "ratio", "左右")],
         "reason": "6%左右 (preliminary) against 6%", "traps": ["preliminary_estimate"],
         "distractors": [("经济增长6%左右", "the next year's target")]},
        {"pledge": P("城镇新增就业70万人以上", "城镇新增就业", "新增", [qty("70万人", 70, "万人", "count", "以上")]),
         "outcome": "not_reported", "reason": "the review gives no 2024 figure; the same words are the 2025 target",
         "traps": ["same_number_same_unit_different_verb"],
         "distractors": [("城镇新增就业70万人以上", "the next year's target, the same words and number")]},
        {"pledge": P("城镇调查失业率5.5%左右", "城镇调查失业率", None, [qty("5.5%", 5.5, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "only the 2025 target is given",
         "distractors": [("城镇调查失业率5.5%左右", "the next year's target")]},
        {"pledge": P("居民消费价格涨幅3%左右", "居民消费价格涨幅", None, [qty("3%", 3, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "only the 2025 target (2%左右) is given",
         "distractors": [("居民消费价格涨幅2%左右", "the next year's target")]},
        {"pledge": P("粮食产量500亿斤以上", "粮食产量", None, [qty("500亿斤", 500, "亿斤", "amount", "以上")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "粮食总产达到557亿斤",
         "reported": [qty("557亿斤", 557, "亿斤", "amount")], "reason": "557亿斤 > 500亿斤以上",
         "traps": ["wording_variant"],
         "distractors": [("粮食产量继续保持500亿斤以上", "the next year's target")]},
        {"pledge": P("单位GDP能耗降低2.5%左右", "单位GDP能耗", "降低", [qty("2.5%", 2.5, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "silent (the 2025 line names no figure)", "traps": ["silence"]},
        {"pledge": P("技术合同成交额达到5500亿元以上", "技术合同成交额", "达到", [qty("5500亿元", 5500, "亿元", "amount", "以上")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("高新技术企业新增5000家以上", "高新技术企业", "新增", [qty("5000家", 5000, "家", "count", "以上")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

# ---------------------------------------------------------------- 武汉市, 2022 targets -> 2023 report
PAIRS.append(pair(
    "wuhan2022", "武汉市", "city", 2022, 2023,
    doc("wuhan2022_plan.txt", "https://hb.ifeng.com/c/8ChTcvseb1h",
        "长江日报 report on 武汉市's 2022 government work report (2022-01-11).", "2022-01-11", "2022-01-11"),
    doc("wuhan2022_review.txt", "https://fensifuwu.com/emotion/me/2621727.html",
        "湖北广电 report on 武汉市's 2023 government work report (2023-01-05).", "2023-01-05", "2023-01-05"),
    [
        {"pledge": P("地区生产总值增长7.5%", "地区生产总值", "增长", [qty("7.5%", 7.5, "%", "ratio")]),
         "outcome": "missed", "evidence": "预计2022年武汉地区生产总值增长4.5%左右",
         "reported": [qty("4.5%", 4.5, "%", "ratio", "左右")], "reason": "4.5% < 7.5%",
         "traps": ["preliminary_estimate", "rate_and_absolute_in_same_clause"],
         "distractors": [("总量达到1.9万亿元左右", "a level, not the growth rate")]},
        {"pledge": P("城镇新增就业22万人", "城镇新增就业", "新增", [qty("22万人", 22, "万人", "count")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("居民消费价格涨幅3%左右", "居民消费价格涨幅", None, [qty("3%", 3, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

# ---------------------------------------------------------------- 镇安县, 2015 targets -> 2016 report
PAIRS.append(pair(
    "zhenan2015", "镇安县", "county", 2015, 2016,
    doc("zhenan2015_plan.txt", "http://www.slrbs.com/xqzc/xianqudongtai/mszx/2015-04-29/366613.html",
        "商洛日报 page on 镇安县's 2015 government work report (delivered 2015-04-27): its main targets.",
        "2015-04-27", "2015-04-29"),
    doc("zhenan2015_review.txt", "http://www.slrbs.com/xqzc/xianqudongtai/dzjs/2016-03-03/622003.html",
        "商洛日报 report on 镇安县's 2016 government work report (2016-03-02): the 2015 results.",
        "2016-03-02", "2016-03-03"),
    [
        {"pledge": P("生产总值增长11.5%左右", "生产总值", "增长", [qty("11.5%", 11.5, "%", "ratio", "左右")]),
         "outcome": "missed", "evidence": "全年实现生产总值83.91亿元、增长10.8%",
         "reported": [qty("83.91亿元", 83.91, "亿元", "amount", kind="level"), qty("10.8%", 10.8, "%", "ratio")],
         "reason": "10.8% is 0.7pp below 11.5%左右", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("全社会固定资产投资增长23%左右", "全社会固定资产投资", "增长", [qty("23%", 23, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("社会消费品零售总额增长13%左右", "社会消费品零售总额", "增长", [qty("13%", 13, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("财政总收入和地方财政收入分别增长10.6%", "财政总收入", "增长", [qty("10.6%", 10.6, "%", "ratio", "左右")]),
         "outcome": "missed", "evidence": "完成财政总收入4.17亿元、增长6.1%",
         "reported": [qty("4.17亿元", 4.17, "亿元", "amount", kind="level"), qty("6.1%", 6.1, "%", "ratio")],
         "reason": "6.1% < 10.6%", "traps": ["rate_and_absolute_in_same_clause"],
         "distractors": [("完成地方财政收入3.02亿元、增长9.2%", "the other revenue (地方 is part of 总)")]},
        {"pledge": P("地方财政收入分别增长10.6%和12.3%左右", "地方财政收入", "增长", [qty("12.3%", 12.3, "%", "ratio", "左右")]),
         "outcome": "missed", "evidence": "完成地方财政收入3.02亿元、增长9.2%",
         "reported": [qty("3.02亿元", 3.02, "亿元", "amount", kind="level"), qty("9.2%", 9.2, "%", "ratio")],
         "reason": "9.2% < 12.3%左右", "traps": ["rate_and_absolute_in_same_clause"],
         "distractors": [("完成财政总收入4.17亿元、增长6.1%", "the total revenue, not the local one")]},
        {"pledge": P("城乡居民收入分别增长11%", "城镇居民收入", "增长", [qty("11%", 11, "%", "ratio", "左右")]),
         "outcome": "missed", "evidence": "城乡居民收入达到23292元和7750元、分别增长8.8%和10%",
         "reported": [qty("8.8%", 8.8, "%", "ratio")], "reason": "城镇 8.8% < 11%; 分别 pairs the figures in order",
         "traps": ["respective_figures"], "confidence": "medium"},
        {"pledge": P("城乡居民收入分别增长11%和13%左右", "农村居民收入", "增长", [qty("13%", 13, "%", "ratio", "左右")]),
         "outcome": "missed", "evidence": "城乡居民收入达到23292元和7750元、分别增长8.8%和10%",
         "reported": [qty("10%", 10, "%", "ratio")], "reason": "农村 10% < 13%左右",
         "traps": ["respective_figures"], "confidence": "medium"},
        {"pledge": P("规模以上工业增加值增长16.5%左右", "规模以上工业增加值", "增长", [qty("16.5%", 16.5, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("非公经济占GDP比重达到53%", "非公经济占GDP比重", "达到", [qty("53%", 53, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("城镇化率提高2个百分点左右", "城镇化率", "提高", [qty("2个百分点", 2, "个百分点", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("万元GDP能耗下降3.5%", "万元GDP能耗", "下降", [qty("3.5%", 3.5, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))


# ================================================================ batch 2: annotated after the rules were fitted on
# the pairs above, and read once before any change (README "Follow-up: development pairs")

# ---------------------------------------------------------------- 北京市, 2022 targets -> 统计局's 2022 results
PAIRS.append(pair(
    "beijing2022", "北京市", "province", 2022, 2023,
    doc("beijing2022_plan.txt", "http://fgw.beijing.gov.cn/fzggzl/2022bjlh/zfgzbgjd/202201/t20220106_2584536.htm",
        "北京市发展和改革委员会 page on 北京市's 2022 government work report (2022-01-06).", "2022-01-06", "2022-01-06"),
    doc("beijing2022_review.txt", "https://www.xuehua.us/a/63c9760e5c7498a761275ead",
        "劳动午报 report of 北京市统计局's 2022 results (2023-01-19).", "2023-01-19", "2023-01"),
    [
        {"pledge": P("地区生产总值增长5%以上", "地区生产总值", "增长", [qty("5%", 5, "%", "ratio", "以上")]),
         "outcome": "missed", "evidence": "北京2022年全年实现地区生产总值41610.9亿元,按不变价格计算,比上年增长0.7%",
         "reported": [qty("41610.9亿元", 41610.9, "亿元", "amount", kind="level"), qty("0.7%", 0.7, "%", "ratio")],
         "reason": "0.7% < 5%以上", "traps": ["rate_and_absolute_in_same_clause", "clause_between_object_and_rate"]},
        {"pledge": P("一般公共预算收入增长4%", "一般公共预算收入", "增长", [qty("4%", 4, "%", "ratio")]),
         "outcome": "not_reported", "reason": "the statistics release gives no revenue figure", "traps": ["silence"],
         "distractors": [("全市居民人均可支配收入77415元,比上年增长3.2%", "another income, the residents'")]},
        {"pledge": P("城镇调查失业率控制在5%以内", "城镇调查失业率", "控制", [qty("5%", 5, "%", "ratio", "以内")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "全市城镇调查失业率均值为4.7%",
         "reported": [qty("4.7%", 4.7, "%", "ratio")], "reason": "4.7% is below the 5%以内 ceiling",
         "distractors": [("运行在5.0%的年度调控目标内", "the target recalled, not a result")]},
        {"pledge": P("居民消费价格涨幅3%左右", "居民消费价格涨幅", None, [qty("3%", 3, "%", "ratio", "左右")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "全市居民消费价格比上年上涨1.8%",
         "reported": [qty("1.8%", 1.8, "%", "ratio")], "reason": "a price rise target is a ceiling; 1.8% is within it",
         "traps": ["lower_is_better"],
         "distractors": [("其中消费品价格上涨2.8%", "a part of the index")]},
    ]))

# ---------------------------------------------------------------- national, 2016 targets -> 2017 news with 2016 GDP
PAIRS.append(pair(
    "nat2016", "国务院 (全国)", "national", 2016, 2017,
    doc("nat2016_plan.txt", "https://tex.org.cn/news/fangzhiyaowen/43/213576.html",
        "新华网 report on the 2016 government work report's targets (2016-03-05).", "2016-03-05", "2016-03"),
    doc("nat2016_review.txt", "http://m.guancha.cn/economy/2017_03_05_397148.shtml",
        "观察者网/新华社 report on the 2017 government work report (2017-03-05), with the 2016 GDP growth "
        "the statistics bureau published.", "2017-03-05", "2017-03-05"),
    [
        {"pledge": P("国内生产总值增长6.5%-7%", "国内生产总值", "增长", [qty("6.5%-7%", 6.5, "%", "ratio")]),
         "outcome": "done", "evidence": "中国2016年GDP增速为6.7%", "reported": [qty("6.7%", 6.7, "%", "ratio")],
         "reason": "6.7% lies in 6.5%-7%", "traps": ["wording_variant"],
         "distractors": [("国内生产总值增长6.5%左右", "the next year's target"),
                         ("中国2017年GDP增长预期目标为6.5%左右", "the next year's target")]},
        {"pledge": P("居民消费价格涨幅3%左右", "居民消费价格涨幅", None, [qty("3%", 3, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "only the next year's CPI target is given",
         "distractors": [("CPI涨幅料为3%左右", "the next year's target (料为: expected)")]},
        {"pledge": P("城镇新增就业1000万人以上", "城镇新增就业", "新增", [qty("1000万人", 1000, "万人", "count", "以上")]),
         "outcome": "not_reported", "reason": "only the next year's jobs target is given",
         "distractors": [("中国计划创造1100万个工作岗位", "the next year's target")]},
        {"pledge": P("城镇登记失业率4.5%以内", "城镇登记失业率", None, [qty("4.5%", 4.5, "%", "ratio", "以内")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("单位国内生产总值能耗下降3.4%以上", "单位国内生产总值能耗", "下降", [qty("3.4%", 3.4, "%", "ratio", "以上")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))


# ================================================================ batch 3 (fu-match2): county-level city, cities, a province.
# Annotated from the texts alone before the matcher was run on them; first readings are in the README.

# ---------------------------------------------------------------- 高州市 (county-level city), 2022 targets -> 2022 results
PAIRS.append(pair(
    "gaozhou2022", "高州市 (茂名市)", "county-level city", 2022, 2022,
    doc("gaozhou2022_plan.txt", "http://adgp.net/article-521-1.html",
        "高州 news page on the 2022 government work report (高州市第十七届人民代表大会第二次会议, 2022-01-18/19): the "
        "2021 results and the 2022 main targets.", "2022-01-18", "2022-01"),
    doc("gaozhou2022_review.txt", "http://adgp.net/article-772-1.html",
        "高州 news page of 2023-01-30 (茂名 leaders' inspection) with the 2022 results.", "2023-01-30", "2023-01-30"),
    [
        {"pledge": P("地区生产总值增长5.0%左右", "地区生产总值", "增长", [qty("5.0%", 5.0, "%", "ratio", "左右")]),
         "outcome": "missed", "evidence": "全市实现地区生产总值725.68亿元、同比增长2.3%",
         "reported": [qty("2.3%", 2.3, "%", "ratio")], "reason": "2.3% is 2.7pp below 5.0%左右",
         "traps": ["rate_and_absolute_in_same_clause", "past_result_in_plan_page"]},
        {"pledge": P("规上工业增加值增长5.0%", "规上工业增加值", "增长", [qty("5.0%", 5.0, "%", "ratio")]),
         "outcome": "not_reported", "reason": "the review gives no industrial value-added figure", "traps": ["silence"]},
        {"pledge": P("社会消费品零售总额增长6.0%", "社会消费品零售总额", "增长", [qty("6.0%", 6.0, "%", "ratio")]),
         "outcome": "missed", "evidence": "社会消费品零售总额257.09亿元、增长1.0%",
         "reported": [qty("1.0%", 1.0, "%", "ratio")], "reason": "1.0% < 6.0%",
         "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("地方一般公共预算收入增长2.5%", "地方一般公共预算收入", "增长", [qty("2.5%", 2.5, "%", "ratio")]),
         "outcome": "missed", "evidence": "一般公共预算收入17.37亿元、增长1.1%",
         "reported": [qty("1.1%", 1.1, "%", "ratio")],
         "reason": "1.1% < 2.5%; the review drops 地方 from the indicator's name", "traps": ["wording_variant"]},
        {"pledge": P("城镇登记失业率控制在3.5%以内", "城镇登记失业率", "控制", [qty("3.5%", 3.5, "%", "ratio", "以内")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

# ---------------------------------------------------------------- 威海市 (city), 2017 targets -> the 2017 entry of a yearbook
PAIRS.append(pair(
    "weihai2017", "威海市", "city", 2017, 2017,
    doc("weihai2017_plan.txt", "https://m.yybnet.net/weihai/news/201703/5969735.html",
        "News report on 威海市's 2017 government work report (市十七届人大一次会议), with the 2016 results and the 2017 "
        "main targets; the page address dates it 2017-03.", None, "2017-03"),
    doc("weihai2017_review.txt", "https://shandong-chorography.org/database/d00/section/35/article/273",
        "山东省情网 yearbook entry 【概况】 for 威海市 with the 2017 results (it names 2017年6月); no publication date.",
        None, None),
    [
        {"pledge": P("生产总值增长8%左右", "生产总值", "增长", [qty("8%", 8, "%", "ratio", "左右")]),
         "outcome": "done", "acceptable": ["done", "exceeded"],
         "evidence": "全年地区生产总值3480.1亿元,按可比价格计算,比上年增长8.1%",
         "reported": [qty("8.1%", 8.1, "%", "ratio")], "reason": "8.1% within 0.5pp of 8%左右",
         "traps": ["wording_variant", "rate_and_absolute_in_same_clause", "past_result_in_plan_page"]},
        {"pledge": P("一般公共预算收入增长9%左右", "一般公共预算收入", "增长", [qty("9%", 9, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "the review gives the level (273.08亿元) without a growth rate",
         "traps": ["level_is_not_rate"],
         "distractors": [("全市一般公共预算收入273.08亿元", "a level, not the growth rate")]},
        {"pledge": P("固定资产投资增长11%左右", "固定资产投资", "增长", [qty("11%", 11, "%", "ratio", "左右")]),
         "outcome": "missed", "evidence": "全社会固定资产投资增长8.7%",
         "reported": [qty("8.7%", 8.7, "%", "ratio")], "reason": "8.7% is 2.3pp below 11%左右",
         "traps": ["wording_variant"]},
        {"pledge": P("社会消费品零售总额增长10.5%左右", "社会消费品零售总额", "增长", [qty("10.5%", 10.5, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "the review gives the level (1607.94亿元) without a growth rate",
         "traps": ["level_is_not_rate"],
         "distractors": [("社会消费品零售总额1607.94亿元", "a level, not the growth rate")]},
        {"pledge": P("城镇和农村居民人均可支配收入分别增长8%", "城镇居民人均可支配收入", "增长",
                     [qty("8%", 8, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("农村居民人均可支配收入分别增长8%和8.5%左右", "农村居民人均可支配收入", "增长",
                     [qty("8.5%", 8.5, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("居民消费价格涨幅控制在3%", "居民消费价格涨幅", "控制", [qty("3%", 3, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent (the page is cut after 3%)", "traps": ["silence"]},
    ]))

# ---------------------------------------------------------------- 成都市 (city), 2016 targets -> the 2017 report
PAIRS.append(pair(
    "chengdu2016", "成都市", "city", 2016, 2017,
    doc("chengdu2016_plan.txt", "https://pitimail.com/10462/10778/10876/2016/1/13/10365066.shtml",
        "Report of 2016-01-13 on 成都市's 2016 government work report: the 2015 results and the 2016 targets.",
        "2016-01-13", "2016-01-13"),
    doc("chengdu2016_review.txt", "https://guanchang.qwyd.net/zhengfugongzuobaogao/141761.html",
        "成都市's 2017 government work report (市十六届人大五次会议, submitted 2017-01-06 per cdrd.gov.cn), its "
        "opening and the review of 2016.", "2017-01-06", None),
    [
        {"pledge": P("地区生产总值增长7%以上", "地区生产总值", "增长", [qty("7%", 7, "%", "ratio", "以上")]),
         "outcome": "exceeded", "evidence": "预计全年实现地区生产总值1.2万亿元,增长7.5%",
         "reported": [qty("7.5%", 7.5, "%", "ratio")], "reason": "7.5% > 7%以上",
         "traps": ["rate_and_absolute_in_same_clause", "past_result_in_plan_page"]},
        {"pledge": P("固定资产投资总额7000亿元以上", "固定资产投资总额", None, [qty("7000亿元", 7000, "亿元", "amount", "以上")]),
         "outcome": "exceeded", "evidence": "固定资产投资8370亿元,增长14.3%",
         "reported": [qty("8370亿元", 8370, "亿元", "amount")], "reason": "a level target met by a level: 8370 > 7000",
         "traps": ["rate_and_absolute_in_same_clause", "past_result_in_plan_page"]},
        {"pledge": P("一般公共预算收入增长7%", "一般公共预算收入", "增长", [qty("7%", 7, "%", "ratio")]),
         "outcome": "done", "evidence": "一般公共预算收入1175亿元,增长7%",
         "reported": [qty("7%", 7, "%", "ratio")], "reason": "7% = 7%"},
        {"pledge": P("城镇和农村居民人均可支配收入分别增长7%", "城镇居民人均可支配收入", "增长", [qty("7%", 7, "%", "ratio")]),
         "outcome": "exceeded", "evidence": "城乡居民人均可支配收入分别增长8.1%、9.9%",
         "reported": [qty("8.1%", 8.1, "%", "ratio")], "reason": "8.1% > 7% (the first of 分别)",
         "traps": ["wording_variant", "respective_figures"]},
        {"pledge": P("农村居民人均可支配收入分别增长7%、7.5%", "农村居民人均可支配收入", "增长", [qty("7.5%", 7.5, "%", "ratio")]),
         "outcome": "exceeded", "evidence": "城乡居民人均可支配收入分别增长8.1%、9.9%",
         "reported": [qty("9.9%", 9.9, "%", "ratio")], "reason": "9.9% > 7.5% (the second of 分别)",
         "traps": ["wording_variant", "respective_figures"]},
        {"pledge": P("城镇登记失业率控制在4%以内", "城镇登记失业率", "控制", [qty("4%", 4, "%", "ratio", "以内")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

# ---------------------------------------------------------------- 甘肃省 (province), 2022 targets -> the 2022 plan-execution report
PAIRS.append(pair(
    "gansu2022", "甘肃省", "province", 2022, 2022,
    doc("gansu2022_plan.txt", "https://www.xyshjj.cn/detail-1492-62720.html",
        "Report on the 甘肃省 2022 government work report (2022-01-17): 2022 targets and the county-economy tasks.",
        "2022-01-17", "2022-01"),
    doc("gansu2022_review.txt", "http://rdgb.gsrdw.gov.cn/2023/249_0704/3644.html",
        "甘肃省发展和改革委员会, report on the execution of the 2022 plan (2023-01-15), which compares results with "
        "the year's targets (年初目标).", "2023-01-15", "2023-07-04"),
    [
        {"pledge": P("2022年全省地区生产总值将增长6.5%以上", "地区生产总值", "增长", [qty("6.5%", 6.5, "%", "ratio", "以上")],
                     {"raw": "2022年", "date": "2022-12-31", "inherited": False}),
         "outcome": "missed", "evidence": "初步预计,全省地区生产总值全年增长4.2%",
         "reported": [qty("4.2%", 4.2, "%", "ratio")], "reason": "4.2% < 6.5%以上",
         "traps": ["target_restated_in_review"],
         "distractors": [("比年初目标(6.5%)低2.3个百分点", "the target restated; 2.3个百分点 is the gap, not the result")]},
        {"pledge": P("城乡居民人均可支配收入分别增长8%", "城镇居民人均可支配收入", "增长", [qty("8%", 8, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent (the page is cut)", "traps": ["silence"]},
        {"pledge": P("城乡居民人均可支配收入分别增长8%、10%左右", "农村居民人均可支配收入", "增长",
                     [qty("10%", 10, "%", "ratio", "左右")]),
         "outcome": "not_reported", "reason": "silent (the page is cut)", "traps": ["silence"]},
        {"pledge": P("新建高标准农田360万亩", "高标准农田", "新建", [qty("360万亩", 360, "万亩", "area")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("编制完成3996个发展类村庄规划", "发展类村庄规划", "编制完成", [qty("3996个", 3996, "个", "count")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))


# ---------------------------------------------------------------- 惠州市 (city), 2021 targets -> a 2022-01 report of the 2021 results
# The plan page lists the targets of several cities of the 珠三角 one after another; the pair is 惠州市's. 广州市's targets,
# printed first with the same indicators, are annotated as context links (not scored): the review is about 惠州 only.
PAIRS.append(pair(
    "huizhou2021", "惠州市", "city", 2021, 2021,
    doc("huizhou2021_plan.txt", "http://m.kcqsx.com/zhaoqing/202103/1232294.html",
        "惠州日报 (2021-03-25) page on the 2021 targets of the 珠三角 cities; 广州 first, then 深圳, then 惠州.",
        "2021-03-25", "2021-03-25"),
    doc("huizhou2021_review.txt", "http://m.yktchina.com/zx/2022/0124/18690.html",
        "Report of 2022-01-24 on 惠州市's 2021 results.", "2022-01-24", "2022-01-24"),
    [
        {"pledge": P("地区生产总值增长8.5%", "地区生产总值", "增长", [qty("8.5%", 8.5, "%", "ratio")]),
         "outcome": "exceeded", "evidence": "2021年惠州市地区生产总值接近5000亿元大关,达4977.36亿元,同比增长10.1%",
         "reported": [qty("10.1%", 10.1, "%", "ratio")], "reason": "10.1% > 8.5%",
         "traps": ["rate_and_absolute_in_same_clause"],
         "distractors": [("高出全省平均水平2.1个百分点", "a gap to the province, not the growth")]},
        {"pledge": P("规上工业增加值增长7.5%以上", "规上工业增加值", "增长", [qty("7.5%", 7.5, "%", "ratio", "以上")]),
         "outcome": "exceeded", "evidence": "去年惠州规上工业增加值2082.3亿元,增长14.1%",
         "reported": [qty("14.1%", 14.1, "%", "ratio")], "reason": "14.1% > 7.5%以上",
         "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("地方一般公共预算收入增长3.5%", "地方一般公共预算收入", "增长", [qty("3.5%", 3.5, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("固定资产投资增长18%", "固定资产投资", "增长", [qty("18%", 18, "%", "ratio")]),
         "outcome": "exceeded", "evidence": "固定资产投资增长21.8%",
         "reported": [qty("21.8%", 21.8, "%", "ratio")], "reason": "21.8% > 18%",
         "distractors": [("工业投资增长50.5%", "a part of the investment, not the whole")]},
        {"pledge": P("工业投资增长25%以上", "工业投资", "增长", [qty("25%", 25, "%", "ratio", "以上")]),
         "outcome": "exceeded", "evidence": "工业投资增长50.5%",
         "reported": [qty("50.5%", 50.5, "%", "ratio")], "reason": "50.5% > 25%以上",
         "distractors": [("固定资产投资增长21.8%", "the whole investment, not the industrial part")]},
        {"pledge": P("社会消费品零售总额增长10%以上", "社会消费品零售总额", "增长", [qty("10%", 10, "%", "ratio", "以上")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("居民人均可支配收入增长7%", "居民人均可支配收入", "增长", [qty("7%", 7, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("地区生产总值增长6%以上", "地区生产总值", "增长", [qty("6%", 6, "%", "ratio", "以上")]),
         "tier": "context", "outcome": "not_reported", "reason": "广州市's target; the review is about 惠州市",
         "traps": ["another_district"]},
        {"pledge": P("固定资产投资增长8%", "固定资产投资", "增长", [qty("8%", 8, "%", "ratio")]),
         "tier": "context", "outcome": "not_reported", "reason": "广州市's target; the review is about 惠州市",
         "traps": ["another_district"]},
    ]))


# ================================================================ batch 4 (followup5): one district's consecutive work
# reports (海拉尔区, 呼伦贝尔市), annotated before `tracker followup` was run on them. The plan is the paragraph of
# main targets of year N's report; the review is the review section of year N+1's report. Publication dates are
# not in the files (left null).

# ---------------------------------------------------------------- 海拉尔区 (district), 2013 targets -> the 2014 report
PAIRS.append(pair(
    "hailar2013", "海拉尔区", "district", 2013, 2014,
    repo_doc("hailar2013_plan.txt", 2013, [2767, 2884], "The main targets of 海拉尔区's 2013 work report (二、2013年工作安排)."),
    repo_doc("hailar2013_review.txt", 2014, [140, 3179], "The review section of the 2014 report (一、2013年工作回顾), "
             "up to the end of its part (四)."),
    [
        {"pledge": P("地区生产总值增长20%，达到282亿元", "地区生产总值", "增长",
                     [qty("20%", 20, "%", "ratio"), qty("282亿元", 282, "亿元", "amount")]),
         "outcome": "missed", "evidence": "全年地区生产总值完成253.7亿元，同比增长10.1%",
         "reported": [qty("253.7亿元", 253.7, "亿元", "amount", kind="level"), qty("10.1%", 10.1, "%", "ratio")],
         "reason": "10.1% < 20% and 253.7亿元 < 282亿元", "traps": ["rate_and_absolute_in_same_clause"],
         "distractors": [("地区生产总值、地方财政总收入、全社会固定资产投资、社会消费品零售总额、城镇居民人均可支配收入、农民人均纯收入等六项主要经济指标全部位列全市第一",
                          "a ranking, no figure")]},
        {"pledge": P("地方财政总收入增长20%，达到24.8亿元", "地方财政总收入", "增长",
                     [qty("20%", 20, "%", "ratio"), qty("24.8亿元", 24.8, "亿元", "amount")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "地方财政总收入完成24.85亿元，同比增长20.3%",
         "reported": [qty("24.85亿元", 24.85, "亿元", "amount", kind="level"), qty("20.3%", 20.3, "%", "ratio")],
         "reason": "24.85亿元 > 24.8亿元 and 20.3% > 20%: just above both (done defensible)",
         "traps": ["rate_and_absolute_in_same_clause", "near_miss_threshold"]},
        {"pledge": P("区本级固定资产投资增长23%，达到100亿元", "区本级固定资产投资", "增长",
                     [qty("23%", 23, "%", "ratio"), qty("100亿元", 100, "亿元", "amount")]),
         "outcome": "missed", "acceptable": ["missed", "partial", "exceeded"],
         "evidence": "区本级全社会固定资产投资额完成90.7亿元，同比增长24.7%",
         "reported": [qty("90.7亿元", 90.7, "亿元", "amount", kind="level"), qty("24.7%", 24.7, "%", "ratio")],
         "reason": "the level 90.7亿元 falls short of 100亿元 while the rate 24.7% passes 23% (the base differs): the "
                   "level target is missed; a reader of the rate alone would say exceeded",
         "traps": ["rate_and_absolute_in_same_clause", "wording_variant"], "confidence": "medium"},
        {"pledge": P("社会消费品零售总额增长22%，达到120亿元", "社会消费品零售总额", "增长",
                     [qty("22%", 22, "%", "ratio"), qty("120亿元", 120, "亿元", "amount")]),
         "outcome": "missed", "evidence": "社会消费品零售总额完成110.6亿元，同比增长13%",
         "reported": [qty("110.6亿元", 110.6, "亿元", "amount", kind="level"), qty("13%", 13, "%", "ratio")],
         "reason": "13% < 22% and 110.6亿元 < 120亿元", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("城乡居民可支配收入增长18%", "城乡居民可支配收入", "增长", [qty("18%", 18, "%", "ratio")]),
         "outcome": "missed",
         "evidence": "城镇居民人均可支配收入完成25852元，同比增长11.1%;农民人均纯收入完成19080元，同比增长14.1%",
         "reported": [qty("11.1%", 11.1, "%", "ratio"), qty("14.1%", 14.1, "%", "ratio")],
         "reason": "both the urban (11.1%) and the rural (14.1%) income grew less than 18%",
         "traps": ["wording_variant", "respective_figures"], "confidence": "medium"},
    ]))

# ---------------------------------------------------------------- 海拉尔区 (district), 2016 targets -> the 2017 report
PAIRS.append(pair(
    "hailar2016", "海拉尔区", "district", 2016, 2017,
    repo_doc("hailar2016_plan.txt", 2016, [9746, 9879], "The main targets of 海拉尔区's 2016 work report (三、2016年工作安排)."),
    repo_doc("hailar2016_review.txt", 2017, [127, 3348], "The review section of the 2017 report (一、2016年工作回顾), "
             "up to the end of its part (六)."),
    [
        {"pledge": P("地区生产总值增长7.5%，达到309亿元", "地区生产总值", "增长",
                     [qty("7.5%", 7.5, "%", "ratio"), qty("309亿元", 309, "亿元", "amount")]),
         "outcome": "missed", "evidence": "地区生产总值完成303.6亿元,同比增长7.2%",
         "reported": [qty("303.6亿元", 303.6, "亿元", "amount", kind="level"), qty("7.2%", 7.2, "%", "ratio")],
         "reason": "7.2% < 7.5% and 303.6亿元 < 309亿元", "traps": ["rate_and_absolute_in_same_clause", "near_miss_threshold"]},
        {"pledge": P("公共财政预算收入增长5%，达到15.8亿元", "公共财政预算收入", "增长",
                     [qty("5%", 5, "%", "ratio"), qty("15.8亿元", 15.8, "亿元", "amount")]),
         "outcome": "exceeded", "evidence": "一般公共财政预算收入完成17亿元,按可比口径增长13%",
         "reported": [qty("17亿元", 17, "亿元", "amount", kind="level"), qty("13%", 13, "%", "ratio")],
         "reason": "13% > 5% and 17亿元 > 15.8亿元", "traps": ["wording_variant", "rate_and_absolute_in_same_clause"]},
        {"pledge": P("区本级固定资产投资增长13%", "区本级固定资产投资", "增长", [qty("13%", 13, "%", "ratio")]),
         "outcome": "exceeded", "evidence": "区本级固定资产投资完成100.6亿元,同比增长16.6%",
         "reported": [qty("100.6亿元", 100.6, "亿元", "amount", kind="level"), qty("16.6%", 16.6, "%", "ratio")],
         "reason": "16.6% > 13%", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("社会消费品零售总额增长9%", "社会消费品零售总额", "增长", [qty("9%", 9, "%", "ratio")]),
         "outcome": "exceeded", "evidence": "社会消费品零售总额完成149.2亿元,同比增长9.5%",
         "reported": [qty("149.2亿元", 149.2, "亿元", "amount", kind="level"), qty("9.5%", 9.5, "%", "ratio")],
         "reason": "9.5% > 9% (a plain target)", "traps": ["rate_and_absolute_in_same_clause"],
         "distractors": [("旅游收入完成82.8亿元,同比增长20%", "another object")]},
        {"pledge": P("城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%", "城镇常住居民人均可支配收入", "增长",
                     [qty("8%", 8, "%", "ratio")]),
         "outcome": "missed", "evidence": "城镇常住居民人均可支配收入完成32943元,同比增长7%",
         "reported": [qty("32943元", 32943, "元", "amount", kind="level"), qty("7%", 7, "%", "ratio")],
         "reason": "7% < 8%", "traps": ["rate_and_absolute_in_same_clause"],
         "distractors": [("农村牧区常住居民人均可支配收入完成23830元,同比增长7.1%", "the rural income")]},
        {"pledge": P("农村常住居民人均可支配收入均增长8%", "农村常住居民人均可支配收入", "增长", [qty("8%", 8, "%", "ratio")]),
         "outcome": "missed", "evidence": "农村牧区常住居民人均可支配收入完成23830元,同比增长7.1%",
         "reported": [qty("23830元", 23830, "元", "amount", kind="level"), qty("7.1%", 7.1, "%", "ratio")],
         "reason": "7.1% < 8%", "traps": ["wording_variant", "rate_and_absolute_in_same_clause"],
         "distractors": [("城镇常住居民人均可支配收入完成32943元,同比增长7%", "the urban income")]},
    ]))

# ---------------------------------------------------------------- 海拉尔区 (district), 2018 targets -> the 2019 report
PAIRS.append(pair(
    "hailar2018", "海拉尔区", "district", 2018, 2019,
    repo_doc("hailar2018_plan.txt", 2018, [5818, 5925], "The main targets of 海拉尔区's 2018 work report (二、2018年工作安排)."),
    repo_doc("hailar2018_review.txt", 2019, [153, 3898], "The review section of the 2019 report (一、2018年工作回顾), "
             "up to the paragraph after its part (六)."),
    [
        {"pledge": P("地区生产总值增长6%左右", "地区生产总值", "增长", [qty("6%", 6, "%", "ratio", "左右")]),
         "outcome": "done", "evidence": "全年地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%",
         "reported": [qty("192.3亿元", 192.3, "亿元", "amount", kind="level"), qty("6.0%", 6.0, "%", "ratio")],
         "reason": "6.0% = 6%左右", "traps": ["rate_and_absolute_in_same_clause"],
         "distractors": [("规模以上工业总产值完成90.1亿元，同比增长6.9%", "another object")]},
        {"pledge": P("一般公共预算收入增长6%", "一般公共预算收入", "增长", [qty("6%", 6, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent: the review names no revenue figure", "traps": ["silence"]},
        {"pledge": P("城乡居民人均可支配收入分别增长7.5%", "城乡居民人均可支配收入", "增长", [qty("7.5%", 7.5, "%", "ratio")]),
         "outcome": "partial", "acceptable": ["partial", "missed"],
         "evidence": "城乡常住居民人均可支配收入分别完成37820元、28104元，同比分别增长6.5%、9.4%",
         "reported": [qty("6.5%", 6.5, "%", "ratio"), qty("9.4%", 9.4, "%", "ratio")],
         "reason": "one target for both: the urban income (6.5%) falls short, the rural (9.4%) passes it",
         "traps": ["respective_figures", "wording_variant"], "confidence": "medium"},
    ]))

# ---------------------------------------------------------------- 海拉尔区 (district), 2015 targets -> the 2016 report
# Annotated after the first reading of the three pairs above and before `tracker followup` was run on it: a
# fourth pair of the same reports, cut to test the changes those readings asked for on a second pair.
PAIRS.append(pair(
    "hailar2015", "海拉尔区", "district", 2015, 2016,
    repo_doc("hailar2015_plan.txt", 2015, [3519, 3650], "The main targets of 海拉尔区's 2015 work report."),
    repo_doc("hailar2015_review.txt", 2016, [135, 8372], "The review section of the 2016 report (一、“十二五”时期和"
             "2015年工作回顾): five years, then the 2015 results."),
    [
        {"pledge": P("地区生产总值增长8%，达到296亿元", "地区生产总值", "增长",
                     [qty("8%", 8, "%", "ratio"), qty("296亿元", 296, "亿元", "amount")]),
         "outcome": "missed", "acceptable": ["missed", "partial", "exceeded"],
         "evidence": "地区生产总值达到287.9亿元,同比增长8.9%（按可比价计算）",
         "reported": [qty("287.9亿元", 287.9, "亿元", "amount", kind="level"), qty("8.9%", 8.9, "%", "ratio")],
         "reason": "the level 287.9亿元 falls short of 296亿元 while the rate 8.9% passes 8% (as hailar2013's 固定资产投资)",
         "traps": ["rate_and_absolute_in_same_clause"], "confidence": "medium",
         "distractors": [("地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元，年均增长12.1%", "a five-year average")]},
        {"pledge": P("公共财政预算收入增长7%，达到14.6亿元", "公共财政预算收入", "增长",
                     [qty("7%", 7, "%", "ratio"), qty("14.6亿元", 14.6, "亿元", "amount")]),
         "outcome": "exceeded", "evidence": "地方公共财政预算收入达到15.07亿元,同比增长10.3%",
         "reported": [qty("15.07亿元", 15.07, "亿元", "amount", kind="level"), qty("10.3%", 10.3, "%", "ratio")],
         "reason": "10.3% > 7% and 15.07亿元 > 14.6亿元", "traps": ["wording_variant", "rate_and_absolute_in_same_clause"],
         "distractors": [("公共财政预算收入由2010年的5.24亿元增加到2015年的15.07亿元，年均增长23.53%", "a five-year average")]},
        {"pledge": P("区本级固定资产投资增长12%", "区本级固定资产投资", "增长", [qty("12%", 12, "%", "ratio")]),
         "outcome": "not_reported", "reason": "only the five-year sum (累积完成全社会固定资产投资615亿元) is given",
         "traps": ["silence", "multi_year_target"],
         "distractors": [("累积完成全社会固定资产投资615亿元", "a five-year sum")]},
        {"pledge": P("社会消费品零售总额增长11.5%", "社会消费品零售总额", "增长", [qty("11.5%", 11.5, "%", "ratio")]),
         "outcome": "not_reported", "reason": "only the five-year average is given", "traps": ["annual_vs_average_rate"],
         "distractors": [("社会消费品零售总额由2010年的68亿元增加到2015年的136.3亿元，年均增长14.9%", "a five-year average")]},
        {"pledge": P("城镇居民人均可支配收入增长10%", "城镇居民人均可支配收入", "增长", [qty("10%", 10, "%", "ratio")]),
         "outcome": "missed", "evidence": "城乡居民人均可支配收入分别增长8.7%和8.6%",
         "reported": [qty("8.7%", 8.7, "%", "ratio")], "reason": "城镇 8.7% < 10% (分别 pairs the figures in order)",
         "traps": ["respective_figures"],
         "distractors": [("2015年城镇常住居民人均可支配收入完成30788元，比2010年增加13480元，年均递增12.2%", "a five-year average")]},
        {"pledge": P("农民人均纯收入增长11%", "农民人均纯收入", "增长", [qty("11%", 11, "%", "ratio")]),
         "outcome": "missed", "acceptable": ["missed", "not_reported"], "evidence": "城乡居民人均可支配收入分别增长8.7%和8.6%",
         "reported": [qty("8.6%", 8.6, "%", "ratio")],
         "reason": "the rural income grew 8.6% < 11%; the review measures it as 可支配收入, the plan as 纯收入 (the "
                   "statistic changed in 2014), so silence is defensible",
         "traps": ["respective_figures", "related_object_different_measure"], "confidence": "low"},
    ]))

# ---------------------------------------------------------------- 海拉尔区 (district), 2013 民生 tasks -> the 2014 report
# Annotated after the change the first reading asked for and before `tracker followup` was run on it: a task
# paragraph of a work report (not its list of main targets) against the same review as hailar2013.
PAIRS.append(pair(
    "hailar2013b", "海拉尔区", "district", 2013, 2014,
    repo_doc("hailar2013b_plan.txt", 2013, [6608, 7097], "The paragraph 提高民生保障水平 of 海拉尔区's 2013 work report."),
    repo_doc("hailar2013_review.txt", 2014, [140, 3179], "As hailar2013's review."),
    [
        {"pledge": P("城乡居民参加养老保险和基本医疗保险参保率保持在90%", "养老保险参保率", "保持",
                     [qty("90%", 90, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent on the pension insurance", "traps": ["silence"]},
        {"pledge": P("基本医疗保险参保率保持在90%和98%以上", "基本医疗保险参保率", "保持", [qty("98%", 98, "%", "ratio", "以上")]),
         "outcome": "not_reported", "reason": "the review gives the rural cooperative scheme's rate (新农合参合率) only, "
                                               "one part of the basic medical insurance",
         "traps": ["related_object_different_measure"], "confidence": "medium",
         "distractors": [("全区新农合参合率达到98.9%", "新农合 only, not the basic medical insurance as a whole")]},
        {"pledge": P("确保新增城镇就业5400人", "城镇就业", "新增", [qty("5400人", 5400, "人", "count")]),
         "outcome": "exceeded", "evidence": "全年新增就业5611人", "reported": [qty("5611人", 5611, "人", "count")],
         "reason": "5611人 > 5400人", "traps": ["wording_variant"]},
        {"pledge": P("下岗失业人员和困难人员再就业2100人", "再就业", None, [qty("2100人", 2100, "人", "count")]),
         "outcome": "exceeded", "evidence": "实现再就业2529人", "reported": [qty("2529人", 2529, "人", "count")],
         "reason": "2529人 > 2100人"},
        {"pledge": P("解决芳园、天润等8个社区办公用房问题", "社区办公用房", "解决", [qty("8个", 8, "个", "count")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("启动正阳和建设2个办事处文体活动中心项目", "办事处文体活动中心项目", "启动", [qty("2个", 2, "个", "count")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("改造建华路、根河路等背街巷道10条", "背街巷道", "改造", [qty("10条", 10, "条", "count")]),
         "outcome": "exceeded", "evidence": "集中改造的11条背街巷道全部完工",
         "reported": [qty("11条", 11, "条", "count")], "reason": "11条 > 10条", "traps": ["wording_variant"]},
        {"pledge": P("年内完成3800户、58万平方米棚户区改造", "棚户区改造", "完成",
                     [qty("3800户", 3800, "户", "count"), qty("58万平方米", 58, "万平方米", "area")]),
         "outcome": "missed", "acceptable": ["missed", "partial"], "evidence": "实施棚户区改造19.5万平方米",
         "reported": [qty("19.5万平方米", 19.5, "万平方米", "area")],
         "reason": "19.5万平方米 < 58万平方米; no household count is given",
         "traps": ["wording_variant"], "confidence": "medium",
         "distractors": [("全年完成房屋征收16.2万平方米", "expropriation, not the renovation"),
                         ("森工集团棚户区改造项目一期工程完工", "one project, no figure")]},
        {"pledge": P("完成200套结转公租房建设任务", "公租房", "完成", [qty("200套", 200, "套", "count")]),
         "outcome": "not_reported", "reason": "the review counts all 保障性住房 (2262套), not the carried-over public rental flats",
         "traps": ["related_object_different_measure"], "confidence": "medium",
         "distractors": [("完成投资5.2亿元，建成保障性住房2262套", "all affordable housing, not the 200 carried-over flats")]},
        {"pledge": P("平价蔬菜超市，年内完成20个", "平价蔬菜超市", "完成", [qty("20个", 20, "个", "count")]),
         "outcome": "missed", "evidence": "新建10家平价蔬菜超市和直销店", "reported": [qty("10家", 10, "家", "count")],
         "reason": "10家 (with 直销店) < 20个", "traps": ["wording_variant"], "confidence": "medium"},
    ]))

# ================================================================ batch 5 (follow18): the remaining years of the same
# district's reports, annotated from the texts alone before `tracker followup` or the matcher was run on them. The
# plan passages of 2012 and 2014 were never read by the follow-up matcher's authors; the extractor has read the 2012
# targets before (tests/extract/excerpts/hailar_targets_2012.txt is the same paragraph). Written to gold_batch5.json
# beside gold.json, so that the twenty pairs above keep their figures and the new ones are read apart.
BATCH5 = []

# ---------------------------------------------------------------- 海拉尔区 (district), 2012 targets -> the 2013 report
BATCH5.append(pair(
    "hailar2012", "海拉尔区", "district", 2012, 2013,
    repo_doc("hailar2012_plan.txt", 2012, [5494, 5659], "The targets of 海拉尔区's 2012 work report (二、2012年政府工作总体要求和目标任务)."),
    repo_doc("hailar2012_review.txt", 2013, [135, 2181], "The review section of the 2013 report (一、过去一年工作回顾), "
             "up to the paragraph before 各位代表，过去的一年."),
    [
        {"pledge": P("地区生产总值达到240亿元，同比增长21%", "地区生产总值", "达到",
                     [qty("240亿元", 240, "亿元", "amount"), qty("21%", 21, "%", "ratio")]),
         "outcome": "missed", "evidence": "全年地区生产总值完成235.2亿元，同比增长18.5%",
         "reported": [qty("235.2亿元", 235.2, "亿元", "amount", kind="level"), qty("18.5%", 18.5, "%", "ratio")],
         "reason": "235.2亿元 < 240亿元 and 18.5% < 21%", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("地方财政总收入达到20亿元，同比增长24.6%", "地方财政总收入", "达到",
                     [qty("20亿元", 20, "亿元", "amount"), qty("24.6%", 24.6, "%", "ratio")]),
         "outcome": "exceeded", "evidence": "地方财政总收入完成20.67亿元，同比增长28.8%",
         "reported": [qty("20.67亿元", 20.67, "亿元", "amount", kind="level"), qty("28.8%", 28.8, "%", "ratio")],
         "reason": "20.67亿元 > 20亿元 and 28.8% > 24.6%", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("固定资产投资完成194亿元，同比增长25％", "固定资产投资", "完成",
                     [qty("194亿元", 194, "亿元", "amount"), qty("25％", 25, "%", "ratio")]),
         "outcome": "not_reported", "reason": "the review gives no fixed-asset investment figure; its 投资…亿元 are the sums "
                                               "spent on single projects", "traps": ["silence"],
         "distractors": [("投资12.4亿元的保障性住房", "one project's investment, not the district's fixed-asset investment")]},
        {"pledge": P("社会消费品零售总额达到100.8亿元，同比增长20％", "社会消费品零售总额", "达到",
                     [qty("100.8亿元", 100.8, "亿元", "amount"), qty("20％", 20, "%", "ratio")]),
         "outcome": "missed", "evidence": "全年社会消费品零售总额完成97.9亿元，同比增长16.2%",
         "reported": [qty("97.9亿元", 97.9, "亿元", "amount", kind="level"), qty("16.2%", 16.2, "%", "ratio")],
         "reason": "97.9亿元 < 100.8亿元 and 16.2% < 20%", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("城镇人均可支配收入达到23896元，同比增长18％", "城镇人均可支配收入", "达到",
                     [qty("23896元", 23896, "元", "amount"), qty("18％", 18, "%", "ratio")]),
         "outcome": "missed", "evidence": "城镇居民人均可支配收入达到23267元，同比增长14.9%",
         "reported": [qty("23267元", 23267, "元", "amount", kind="level"), qty("14.9%", 14.9, "%", "ratio")],
         "reason": "23267元 < 23896元 and 14.9% < 18%", "traps": ["wording_variant", "rate_and_absolute_in_same_clause"]},
        {"pledge": P("农民人均纯收入达到16892元，同比增长18％", "农民人均纯收入", "达到",
                     [qty("16892元", 16892, "元", "amount"), qty("18％", 18, "%", "ratio")]),
         "outcome": "missed", "evidence": "农民人均纯收入达到16720元，同比增长16.8%",
         "reported": [qty("16720元", 16720, "元", "amount", kind="level"), qty("16.8%", 16.8, "%", "ratio")],
         "reason": "16720元 < 16892元 and 16.8% < 18%", "traps": ["rate_and_absolute_in_same_clause"]},
    ]))

# ---------------------------------------------------------------- 海拉尔区 (district), 2014 targets -> the 2015 report
BATCH5.append(pair(
    "hailar2014", "海拉尔区", "district", 2014, 2015,
    repo_doc("hailar2014_plan.txt", 2014, [3863, 4011], "The main targets of 海拉尔区's 2014 work report (二、2014年工作安排)."),
    repo_doc("hailar2014_review.txt", 2015, [133, 2613], "The review section of the 2015 report (一、2014年工作回顾), "
             "up to the end of its part (五)."),
    [
        {"pledge": P("地区生产总值增长11%，达到282亿元", "地区生产总值", "增长",
                     [qty("11%", 11, "%", "ratio"), qty("282亿元", 282, "亿元", "amount")]),
         "outcome": "missed", "evidence": "全区地区生产总值完成274.4亿元，同比增长9.1%",
         "reported": [qty("274.4亿元", 274.4, "亿元", "amount", kind="level"), qty("9.1%", 9.1, "%", "ratio")],
         "reason": "9.1% < 11% and 274.4亿元 < 282亿元", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("地方财政总收入增长16%，达到28.8亿元", "地方财政总收入", "增长",
                     [qty("16%", 16, "%", "ratio"), qty("28.8亿元", 28.8, "亿元", "amount")]),
         "outcome": "missed", "evidence": "地方财政总收入完成24.9亿元，同比增长0.4%",
         "reported": [qty("24.9亿元", 24.9, "亿元", "amount", kind="level"), qty("0.4%", 0.4, "%", "ratio")],
         "reason": "0.4% < 16% and 24.9亿元 < 28.8亿元", "traps": ["rate_and_absolute_in_same_clause"],
         "distractors": [("公共财政预算收入完成13.7亿元，同比增长22.9%", "the budget revenue, a part of the total revenue")]},
        {"pledge": P("区本级固定资产投资增长20%，达到108.8亿元", "区本级固定资产投资", "增长",
                     [qty("20%", 20, "%", "ratio"), qty("108.8亿元", 108.8, "亿元", "amount")]),
         "outcome": "exceeded", "evidence": "区本级固定资产投资完成121.1亿元，同比增长33.5%",
         "reported": [qty("121.1亿元", 121.1, "亿元", "amount", kind="level"), qty("33.5%", 33.5, "%", "ratio")],
         "reason": "33.5% > 20% and 121.1亿元 > 108.8亿元", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("社会消费品零售总额增长14%，达到126亿元", "社会消费品零售总额", "增长",
                     [qty("14%", 14, "%", "ratio"), qty("126亿元", 126, "亿元", "amount")]),
         "outcome": "missed", "evidence": "社会消费品零售总额完成123.4亿元，同比增长11.6%",
         "reported": [qty("123.4亿元", 123.4, "亿元", "amount", kind="level"), qty("11.6%", 11.6, "%", "ratio")],
         "reason": "11.6% < 14% and 123.4亿元 < 126亿元; reported in the services paragraph, not with the other "
                   "main indicators", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("城镇居民人均可支配收入增长12%", "城镇居民人均可支配收入", "增长", [qty("12%", 12, "%", "ratio")]),
         "outcome": "missed", "evidence": "城镇居民人均可支配收入达到28541元，同比增长10.4%",
         "reported": [qty("28541元", 28541, "元", "amount", kind="level"), qty("10.4%", 10.4, "%", "ratio")],
         "reason": "10.4% < 12%", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("农民人均纯收入增长14%", "农民人均纯收入", "增长", [qty("14%", 14, "%", "ratio")]),
         "outcome": "missed", "evidence": "农民人均纯收入达到21618元，同比增长13.6%",
         "reported": [qty("21618元", 21618, "元", "amount", kind="level"), qty("13.6%", 13.6, "%", "ratio")],
         "reason": "13.6% < 14% (a near miss)", "traps": ["rate_and_absolute_in_same_clause", "near_miss_threshold"]},
    ]))

# ---------------------------------------------------------------- 海拉尔区 (district), 2014 民生 tasks -> the 2015 report
BATCH5.append(pair(
    "hailar2014b", "海拉尔区", "district", 2014, 2015,
    repo_doc("hailar2014b_plan.txt", 2014, [7413, 8355], "Four paragraphs of part (四) 全面加强社会建设，不断保障和改善民生 "
             "of 海拉尔区's 2014 work report (积极实施创业就业工程 … 大力发展社会事业)."),
    repo_doc("hailar2014_review.txt", 2015, [133, 2613], "As hailar2014's review."),
    [
        {"pledge": P("力争年内新增就业岗位5000个", "就业岗位", "新增", [qty("5000个", 5000, "个", "count")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "not_reported"], "evidence": "实现城镇新增就业5487人",
         "reported": [qty("5487人", 5487, "人", "count")],
         "reason": "5487 people placed in new jobs > 5000 new jobs; the review counts people (人), the plan posts (个), so "
                   "silence is defensible", "traps": ["wording_variant", "unit_variant"], "confidence": "medium"},
        {"pledge": P("城镇失业人员实现再就业2000人", "再就业", "实现", [qty("2000人", 2000, "人", "count")]),
         "outcome": "missed", "evidence": "再就业1687人", "reported": [qty("1687人", 1687, "人", "count")],
         "reason": "1687人 < 2000人"},
        {"pledge": P("城镇登记失业率控制在4%以内", "城镇登记失业率", "控制", [qty("4%", 4, "%", "ratio", "以内")]),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "城镇登记失业率为3.79%",
         "reported": [qty("3.79%", 3.79, "%", "ratio")], "reason": "3.79% is within the 4% ceiling",
         "traps": ["lower_is_better"]},
        {"pledge": P("实施黑羊站水厂3万吨扩建项目", "黑羊站水厂扩建项目", "实施", [qty("3万吨", 3, "万吨", "count")]),
         "outcome": "not_reported", "reason": "silent on the waterworks", "traps": ["silence"],
         "distractors": [("投资3000万元的两河圣山供水工程投入使用", "another water project")]},
        {"pledge": P("年内建成2家标准化菜市场", "标准化菜市场", "建成", [qty("2家", 2, "家", "count")]),
         "outcome": "not_reported", "reason": "the review counts vegetable supermarkets and outlets (平价蔬菜超市和销售网点26个), "
                                               "not standard markets", "traps": ["related_object_different_measure"],
         "distractors": [("建成平价蔬菜超市和销售网点26个", "supermarkets and outlets, not standard markets")]},
        {"pledge": P("10个大型储菜库", "大型储菜库", "建成", [qty("10个", 10, "个", "count")]),
         "outcome": "not_reported", "reason": "the review gives the area of two towns' stores (仓储库3.2万平方米), not a count "
                                               "of large vegetable stores", "traps": ["related_object_different_measure"],
         "confidence": "medium",
         "distractors": [("仓储库3.2万平方米", "an area of two towns' stores, not the count")]},
        {"pledge": P("年内完成15万平方米老旧小区既有建筑节能改造", "老旧小区既有建筑节能改造", "完成",
                     [qty("15万平方米", 15, "万平方米", "area")]),
         "outcome": "exceeded", "evidence": "实施老旧小区既有建筑节能改造16万平方米",
         "reported": [qty("16万平方米", 16, "万平方米", "area")], "reason": "16万平方米 > 15万平方米",
         "traps": ["wording_variant"]},
        {"pledge": P("2595套保障性住房建设任务", "保障性住房", "完成", [qty("2595套", 2595, "套", "count")]),
         "outcome": "not_reported", "reason": "the review counts the shanty-town renovation (2619户), not affordable housing",
         "traps": ["related_object_different_measure"],
         "distractors": [("全年完成棚户区改造任务2619户", "shanty-town renovation, not the affordable housing")]},
        {"pledge": P("实施5个村级卫生室项目", "村级卫生室项目", "实施", [qty("5个", 5, "个", "count")]),
         "outcome": "not_reported", "reason": "a qualitative mention only (村级卫生室建设全部达标): no figure",
         "traps": ["silence"],
         "distractors": [("村级卫生室建设全部达标", "qualitative, no count")]},
    ]))

# ---------------------------------------------------------------- 海拉尔区 (district), 2017 targets -> the 2018 report
BATCH5.append(pair(
    "hailar2017", "海拉尔区", "district", 2017, 2018,
    repo_doc("hailar2017_plan.txt", 2017, [4321, 4502], "The main targets of 海拉尔区's 2017 work report (二、2017年工作安排)."),
    repo_doc("hailar2017_review.txt", 2018, [126, 4341], "The review section of the 2018 report (一、2017年工作回顾), "
             "up to the paragraph before 各位代表，2017年: six paragraphs without a main indicator (the report says the "
             "district corrected false economic figures that year)."),
    [
        {"pledge": P("地区生产总值增长7.5%,达到326.4亿元", "地区生产总值", "增长",
                     [qty("7.5%", 7.5, "%", "ratio"), qty("326.4亿元", 326.4, "亿元", "amount")]),
         "outcome": "not_reported", "reason": "the review gives no output figure", "traps": ["silence"],
         "distractors": [("必须破除简单以生产总值增长率论英雄的发展观", "a principle, no figure")]},
        {"pledge": P("一般公共财政预算收入按可比口径增长7.5%", "一般公共财政预算收入", "增长", [qty("7.5%", 7.5, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent on revenue (only 民生支出占一般公共预算支出的73.6%, a share of spending)",
         "traps": ["silence"],
         "distractors": [("全年民生支出占一般公共预算支出的73.6%", "a share of spending, not revenue")]},
        {"pledge": P("全社会固定资产投资增长10%,达到110.7亿元", "全社会固定资产投资", "增长",
                     [qty("10%", 10, "%", "ratio"), qty("110.7亿元", 110.7, "亿元", "amount")]),
         "outcome": "not_reported", "reason": "only the key projects' investment (46.9亿元) is given",
         "traps": ["related_object_different_measure"],
         "distractors": [("全年实施重点项目47个，完成投资46.9亿元", "the key projects, not all fixed-asset investment")]},
        {"pledge": P("社会消费品零售总额增长10%,达到164.1亿元", "社会消费品零售总额", "增长",
                     [qty("10%", 10, "%", "ratio"), qty("164.1亿元", 164.1, "亿元", "amount")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("城镇常住居民人均可支配收入增长8%,达到35578元", "城镇常住居民人均可支配收入", "增长",
                     [qty("8%", 8, "%", "ratio"), qty("35578元", 35578, "元", "amount")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("农村牧区常住居民人均可支配收入增长7.5%,达到25617元", "农村牧区常住居民人均可支配收入", "增长",
                     [qty("7.5%", 7.5, "%", "ratio"), qty("25617元", 25617, "元", "amount")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

# ---------------------------------------------------------------- 海拉尔区 (district), 2017 city tasks -> the 2018 report
# Annotated after the first fitting of batch 5 and before any run on it: three task paragraphs of part (二) of the
# 2017 report (counts of roads, estates, toilets, stations, rooms), against the same review as hailar2017.
BATCH5.append(pair(
    "hailar2017b", "海拉尔区", "district", 2017, 2018,
    repo_doc("hailar2017b_plan.txt", 2017, [7070, 8125], "Three paragraphs of part (二) 全力提升城市建设管理水平 of 海拉尔区's "
             "2017 work report (加快完善城市承载功能 … 加快推进美丽乡村建设)."),
    repo_doc("hailar2017_review.txt", 2018, [126, 4341], "As hailar2017's review."),
    [
        {"pledge": P("全面完成建设街道辖区、工人新村和城区内零散区域1.8万户的征拆和安置任务", "征拆和安置任务", "完成",
                     [qty("1.8万户", 1.8, "万户", "count")]),
         "outcome": "done", "evidence": "全年投资90.07亿元，完成1.8万户、189万平方米棚改任务",
         "reported": [qty("1.8万户", 1.8, "万户", "count"), qty("189万平方米", 189, "万平方米", "area")],
         "reason": "1.8万户 = 1.8万户: the shanty-town programme's expropriation and resettlement, reported as its 棚改任务",
         "traps": ["wording_variant"], "confidence": "medium"},
        {"pledge": P("完成65条、总长度57.9公里的城市道路新建改造", "城市道路新建改造", "完成",
                     [qty("65条", 65, "条", "count"), qty("57.9公里", 57.9, "公里", "length")]),
         "outcome": "missed", "evidence": "新建及改造外环道路、旧城道路等城市主次干道61条",
         "reported": [qty("61条", 61, "条", "count")], "reason": "61条 < 65条 (no length given)",
         "traps": ["wording_variant"], "confidence": "medium",
         "distractors": [("完成9条道路路灯的升级改造", "street lights, not roads")]},
        {"pledge": P("完成9.2公里的城区供水主管网改造", "城区供水主管网改造", "完成", [qty("9.2公里", 9.2, "公里", "length")]),
         "outcome": "not_reported", "reason": "the review gives all pipe networks together (38.6公里), not the water mains",
         "traps": ["related_object_different_measure"], "confidence": "medium",
         "distractors": [("全年完成管网改造38.6公里", "all networks, not the water mains")]},
        {"pledge": P("实施36个老旧小区的既有建筑节能改造", "老旧小区既有建筑节能改造", "实施", [qty("36个", 36, "个", "count")]),
         "outcome": "not_reported", "reason": "the review gives the area (9万平方米), not the number of estates",
         "traps": ["related_object_different_measure"],
         "distractors": [("老旧小区既有建筑节能改造9万平方米", "an area, not a count of estates")]},
        {"pledge": P("45个老旧小区基础设施综合改造", "老旧小区基础设施综合改造", "实施", [qty("45个", 45, "个", "count")]),
         "outcome": "done", "evidence": "完成45个老旧小区改造任务", "reported": [qty("45个", 45, "个", "count")],
         "reason": "45个 = 45个", "traps": ["wording_variant"], "confidence": "medium"},
        {"pledge": P("23个老旧小区的三级供热管网改造", "三级供热管网改造", "实施", [qty("23个", 23, "个", "count")]),
         "outcome": "not_reported", "reason": "silent on the heating networks of estates", "traps": ["silence"],
         "distractors": [("新增供热面积72万平方米", "heated area, not the networks")]},
        {"pledge": P("完成30座公厕新建改造", "公厕新建改造", "完成", [qty("30座", 30, "座", "count")]),
         "outcome": "exceeded", "evidence": "新建改造公厕34座", "reported": [qty("34座", 34, "座", "count")],
         "reason": "34座 > 30座", "traps": ["wording_variant"]},
        {"pledge": P("建成4座现代化的垃圾中转站", "垃圾中转站", "建成", [qty("4座", 4, "座", "count")]),
         "outcome": "missed", "evidence": "新建新型垃圾转运站3座", "reported": [qty("3座", 3, "座", "count")],
         "reason": "3座 < 4座 (中转站 and 转运站 name one kind of station)", "traps": ["wording_variant"],
         "confidence": "medium"},
        {"pledge": P("完成21万平方米的中央公园景观、道路、活动广场建设", "中央公园景观、道路、活动广场建设", "完成",
                     [qty("21万平方米", 21, "万平方米", "area")]),
         "outcome": "not_reported", "reason": "silent on the central park", "traps": ["silence"]},
        {"pledge": P("启动投资2亿元的智慧城市项目", "智慧城市项目", "启动", [qty("2亿元", 2, "亿元", "amount")]),
         "outcome": "not_reported", "reason": "a qualitative mention only (下大力气启动智慧城市一期项目), no sum",
         "traps": ["silence"], "distractors": [("下大力气启动智慧城市一期项目", "no figure")]},
        {"pledge": P("年内完成335座保暖房装修", "保暖房装修", "完成", [qty("335座", 335, "座", "count")]),
         "outcome": "done", "acceptable": ["done", "not_reported"], "evidence": "建成335户绿色保暖房",
         "reported": [qty("335户", 335, "户", "count")],
         "reason": "335户 = 335座 warm houses; the review counts households (户), the plan buildings (座), and says 建成 "
                   "where the plan says 装修, so silence is defensible", "traps": ["wording_variant", "unit_variant"],
         "confidence": "medium"},
        {"pledge": P("实施村屯绿化2738亩", "村屯绿化", "实施", [qty("2738亩", 2738, "亩", "area")]),
         "outcome": "not_reported", "reason": "the review sums roads, villages and mines (公路、村屯、矿区绿化3920亩): the "
                                               "villages' part is not given", "traps": ["related_object_different_measure"],
         "confidence": "medium",
         "distractors": [("实施公路、村屯、矿区绿化3920亩", "a sum over three kinds of land")]},
    ]))

# ---------------------------------------------------------------- 商洛市 (city), 2023 tasks -> the 2024 report
# A city found with the pages corpus after batch 5's fitting, annotated before any run on it: 华商报's summary of the
# 2023 report (project tasks with each project's total investment and its stage due) against the opening of the 2024
# report as 商洛日报 printed it (the review's list of things done: the same projects, their sizes restated).
BATCH5.append(pair(
    "shangluo2023", "商洛市", "city", 2023, 2024,
    doc("shangluo2023_plan.txt", "http://home.eeju.com/loushi/2023/0202/40602.html",
        "华商报-二三里资讯's summary of 商洛市's 2023 government work report (2023-02-02): its project tasks.",
        "2023-02-02", "2023-02-02"),
    doc("shangluo2023_review.txt", "https://www.51sougongwen.com/p-244629.html",
        "商洛日报 2024-02-06, p. 1: 商洛市's 2024 government work report (delivered 2024-02-02), its opening and the "
        "start of the review of 2023.", "2024-02-02", "2024-02-06"),
    [
        {"pledge": P("实施市级重点项目239个", "市级重点项目", "实施", [qty("239个", 239, "个", "count")]),
         "outcome": "not_reported", "reason": "the review's opening names no count of key projects", "traps": ["silence"]},
        {"pledge": P("年度投资656亿元、增长25%", "年度投资", None,
                     [qty("656亿元", 656, "亿元", "amount"), qty("25%", 25, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("抓好总投资47亿元的商洛电厂二期建设", "商洛电厂二期", "建设", [qty("47亿元", 47, "亿元", "amount")]),
         "outcome": "done", "acceptable": ["done", "partial"], "evidence": "总投资51亿元的商洛电厂二期开工建设",
         "reported": [qty("51亿元", 51, "亿元", "amount")],
         "reason": "the pledge is to build it this year; its construction started (开工建设): done, or partial for a reader "
                   "who wants it finished. The total investment (47亿元, now 51亿元) is the project's size, not its outcome: "
                   "exceeded would be wrong", "traps": ["project_size_restated", "wording_variant"], "confidence": "medium"},
        {"pledge": P("推进总投资106亿元的柞水曹坪抽水蓄能电站近期开工", "柞水曹坪抽水蓄能电站", "开工",
                     [qty("106亿元", 106, "亿元", "amount")]),
         "outcome": "done", "evidence": "总投资107亿元的柞水曹坪抽水蓄能电站开工建设",
         "reported": [qty("107亿元", 107, "亿元", "amount")],
         "reason": "started, as pledged; 106亿元 → 107亿元 is the size restated, not exceeded", "traps": ["project_size_restated"]},
        {"pledge": P("总投资96亿元的山阳色河抽水蓄能电站3月底前开工", "山阳色河抽水蓄能电站", "开工",
                     [qty("96亿元", 96, "亿元", "amount")], {"raw": "3月底前", "date": "2023-03-31", "inherited": False}),
         "outcome": "missed", "acceptable": ["missed", "partial"], "evidence": "总投资96亿元的山阳色河抽水蓄能电站获得核准",
         "reported": [qty("96亿元", 96, "亿元", "amount")],
         "reason": "to start by the end of March; by the year's end it was only approved (获得核准): the same size is no "
                   "completion", "traps": ["project_size_restated", "start_is_not_finish"]},
        {"pledge": P("总投资88亿元的镇安月河抽水蓄能电站10月底前并网发电", "镇安月河抽水蓄能电站", "并网发电",
                     [qty("88亿元", 88, "亿元", "amount")], {"raw": "10月底前", "date": "2023-10-31", "inherited": False}),
         "outcome": "done", "acceptable": ["done", "partial"], "evidence": "总投资105亿元的镇安月河抽水蓄能电站首台机组并网发电",
         "reported": [qty("105亿元", 105, "亿元", "amount")],
         "reason": "its first unit was connected to the grid (the review gives no date; the first unit only: partial is "
                   "defensible); 88亿元 → 105亿元 is the size restated", "traps": ["project_size_restated"],
         "confidence": "medium"},
        {"pledge": P("全市策划储备项目动态保持在2000个以上", "策划储备项目", "保持", [qty("2000个", 2000, "个", "count", "以上")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("全市引进10亿元以上项目5个", "10亿元以上项目", "引进", [qty("5个", 5, "个", "count")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("20亿元以上项目2个", "20亿元以上项目", "引进", [qty("2个", 2, "个", "count")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("全年利用内外资分别增长12%", "利用内资", "增长", [qty("12%", 12, "%", "ratio")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence", "respective_figures"]},
        {"pledge": P("全年利用内外资分别增长12%和15%以上", "利用外资", "增长", [qty("15%", 15, "%", "ratio", "以上")]),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence", "respective_figures"]},
    ]))

# ---------------------------------------------------------------- batch 6 (follow19): county-level governments new here
# Found with the pages corpus and annotated from the texts alone, before `tracker followup` or the matcher was run on
# them (docs/measuring.md, "Follow-up on new pairs, batch 6").
BATCH6 = []


def doc_passage(file, url, starts_with, note, published, page_date):
    """A passage cut from inside a stored excerpt: from the line that begins with starts_with to the excerpt's end."""
    src = source(url, 0, note, page_date)
    del src["char_range_in_excerpt"]
    src["passage_starts_with"] = starts_with
    src["passage_note"] = ("the file is the stored excerpt from the line that begins with these words to the excerpt's "
                           "end, character for character as the search tool printed it (white space included); the "
                           "lines before it are the page's navigation and publication notice")
    return {"file": file, "source": src, "published": published}


Y24 = {"raw": "今年", "date": "2024-12-31", "inherited": True}
# 白沙黎族自治县 (海南, a county): the 2024 targets and the start of the 2024 plan, against the opening of the 2025
# report as a Hong Kong-style page printed it, in traditional characters (the review reader must read 縣, 增長, 預算).
BATCH6.append(pair(
    "baisha2024", "白沙黎族自治县", "county", 2024, 2025,
    doc("baisha2024_plan.txt", "https://nec-driver.com/bhuanan/10093_3.html",
        "The third page of 白沙黎族自治县's 2024 government work report: this year's targets (今年…主要预期目标), then "
        "'三、2024年主要工作安排' and its first section. The same stored excerpt as tests/extract/real/short_pages/"
        "baisha_plan_2024.txt (the extractor's corpus has read it); the page names no county and gives no date.",
        None, None),
    doc("baisha2024_review.txt", "http://www.xtskoda.com/hainan/xgwjtv/202502/4bf603b5f1494be599411160961bad87.shtml?ddtab=true",
        "白沙黎族自治县's 2025 government work report (delivered 2025-01-23), in traditional characters: its opening, "
        "the review of 2024's indicators and the start of section (一).", "2025-01-23", "2025-02"),
    [
        {"pledge": P("全县地区生产总值增长8%左右", "地区生产总值", "增长", [qty("8%", 8, "%", "ratio", "左右")], Y24),
         "outcome": "missed", "evidence": "全縣地區生產總值增長3.1%", "reported": [qty("3.1%", 3.1, "%", "ratio")],
         "reason": "3.1% is far below 8%左右", "traps": ["traditional_characters"]},
        {"pledge": P("一般公共预算收入增长8%左右", "一般公共预算收入", "增长", [qty("8%", 8, "%", "ratio", "左右")], Y24),
         "outcome": "done", "acceptable": ["done", "missed"], "evidence": "地方一般公共預算收入增長7.6%",
         "reported": [qty("7.6%", 7.6, "%", "ratio")],
         "reason": "7.6% is within 0.5pp of 8%左右 (a reader who takes 左右 strictly may say missed); a county's 一般公共预算收入 "
                   "is its 地方 one", "traps": ["traditional_characters", "approximate_target_boundary", "wording_variant"],
         "confidence": "medium"},
        {"pledge": P("固定资产投资增长10%左右", "固定资产投资", "增长", [qty("10%", 10, "%", "ratio", "左右")], Y24),
         "outcome": "not_reported", "reason": "the review's opening gives no investment figure",
         "traps": ["silence"], "distractors": [("計劃投資額同期增長5%", "planned investment of admitted projects, not fixed-asset investment")]},
        {"pledge": P("社会消费品零售总额增长8%左右", "社会消费品零售总额", "增长", [qty("8%", 8, "%", "ratio", "左右")], Y24),
         "outcome": "missed", "evidence": "社會消費品零售總額增長0.8%", "reported": [qty("0.8%", 0.8, "%", "ratio")],
         "reason": "0.8% < 8%左右 (the same digit, another scale)", "traps": ["traditional_characters"]},
        {"pledge": P("城镇和农村常住居民人均可支配收入分别增长8%左右", "城镇常住居民人均可支配收入", "增长",
                     [qty("8%", 8, "%", "ratio", "左右")], Y24),
         "outcome": "missed", "evidence": "城鎮、農村常住居民人均可支配收入分別增長3.8%、7.4%",
         "reported": [qty("3.8%", 3.8, "%", "ratio")], "reason": "the first of the respective figures: 3.8% < 8%左右",
         "traps": ["traditional_characters", "respective_figures"]},
        {"pledge": P("城镇和农村常住居民人均可支配收入分别增长8%左右和8.5%左右", "农村常住居民人均可支配收入", "增长",
                     [qty("8.5%", 8.5, "%", "ratio", "左右")], Y24),
         "outcome": "missed", "evidence": "城鎮、農村常住居民人均可支配收入分別增長3.8%、7.4%",
         "reported": [qty("7.4%", 7.4, "%", "ratio")], "reason": "the second of the respective figures: 7.4% < 8.5%左右",
         "traps": ["traditional_characters", "respective_figures"]},
        {"pledge": P("城镇调查失业率控制在5.5%以内", "城镇调查失业率", "控制", [qty("5.5%", 5.5, "%", "ratio", "以内")], Y24),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("居民消费价格指数涨幅控制在3%以内", "居民消费价格指数涨幅", "控制", [qty("3%", 3, "%", "ratio", "以内")], Y24),
         "outcome": "done", "acceptable": ["done", "not_reported"], "evidence": "居民消費價格漲幅控制在3%左右",
         "reported": [qty("3%", 3, "%", "ratio", "左右")],
         "reason": "the review says the rise was held at about 3%: the ceiling restated as met, with no measured figure, so "
                   "silence is defensible", "traps": ["traditional_characters", "target_restated"], "confidence": "medium"},
        {"pledge": P("完成耕地修复2000亩", "耕地修复", "完成", [qty("2000亩", 2000, "亩", "area")], Y24),
         "outcome": "not_reported", "reason": "the excerpt of the review does not reach farming", "traps": ["silence"]},
        {"pledge": P("建成高标准农田0.15万亩", "高标准农田", "建成", [qty("0.15万亩", 0.15, "万亩", "area")], Y24),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("粮食播种面积稳定在7万亩以上", "粮食播种面积", "稳定", [qty("7万亩", 7, "万亩", "area", "以上")], Y24),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("粮食总产量稳定在2.5万吨以上", "粮食总产量", "稳定", [qty("2.5万吨", 2.5, "万吨", "weight", "以上")], Y24),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("精准帮扶544户监测对象", "监测对象", "帮扶", [qty("544户", 544, "户", "count")], Y24),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("新增年收入超50万元的经济强村5个", "经济强村", "新增", [qty("5个", 5, "个", "count")], Y24),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

Y14 = {"raw": "2014年", "date": "2014-12-31", "inherited": True}
# 武昌区 (武汉, a county-level district): the 2014 plan adopted by the district congress (its lines of targets carry no
# time; the year is in the headings), against the review of 2014 in the district's report delivered 2014-12-29.
BATCH6.append(pair(
    "wuchang2014", "武昌区", "district", 2014, 2015,
    doc_passage("wuchang2014_plan.txt", "http://pidke.com/html/wcqzfzzzwgk1jbxxgkfzghzxgh1387480index.html",
                "武昌区2014年国民经济和社会发展计划",
                "武昌区's 2014 national economic and social development plan as the district government printed it "
                "(approved by the 14th district congress's third session; notice dated 2013-12-31, published 2014-01-07): "
                "its heading, general requirement and main expected targets.", "2013-12-31", "2014-01-07"),
    doc_passage("wuchang2014_review.txt", "http://pidke.com/html/wcqzfzzzwgk1jbxxgkzfgzbgzfgzbg1337596index.html",
                "2014年政府工作报告",
                "武昌区's government work report delivered 2014-12-29 to the 14th district congress's fourth session "
                "(published 2015-01-05): its opening and the review of 2014's main indicators.", "2014-12-29", "2015-01-05"),
    [
        {"pledge": P("地区生产总值增长10%以上", "地区生产总值", "增长", [qty("10%", 10, "%", "ratio", "以上")], Y14),
         "outcome": "done", "acceptable": ["done", "exceeded"], "evidence": "全年完成地区生产总值800亿元,增长 10%",
         "reported": [qty("800亿元", 800, "亿元", "amount"), qty("10%", 10, "%", "ratio")],
         "reason": "10% meets 10%以上 exactly", "traps": ["rate_and_absolute_in_same_clause", "plan_as_a_whole"]},
        {"pledge": P("地方公共财政收入增长13%以上", "地方公共财政收入", "增长", [qty("13%", 13, "%", "ratio", "以上")], Y14),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "地方公共财政预算收入65.7亿 元,增长13.5%",
         "reported": [qty("65.7亿元", 65.7, "亿元", "amount"), qty("13.5%", 13.5, "%", "ratio")],
         "reason": "13.5% > 13%以上; 地方公共财政收入 and 地方公共财政预算收入 name one measure",
         "traps": ["wording_variant", "plan_as_a_whole"],
         "distractors": [("实现公共财政预算总收入153.3亿元,增长14.5%", "total revenue, not the district's own")]},
        {"pledge": P("服务业增加值增长10.5%以上", "服务业增加值", "增长", [qty("10.5%", 10.5, "%", "ratio", "以上")], Y14),
         "outcome": "not_reported", "reason": "the review gives the level (690亿元) and its share, not the growth rate",
         "traps": ["level_is_not_rate", "plan_as_a_whole"],
         "distractors": [("其中服务业增加值完成690亿元,占GDP的86%", "a level and a share, not a growth rate")]},
        {"pledge": P("全社会固定资产投资增长15%以上", "全社会固定资产投资", "增长", [qty("15%", 15, "%", "ratio", "以上")], Y14),
         "outcome": "exceeded", "evidence": "完成全社会固定资产投资 316亿元,增长20.4%",
         "reported": [qty("316亿元", 316, "亿元", "amount"), qty("20.4%", 20.4, "%", "ratio")],
         "reason": "20.4% > 15%以上", "traps": ["plan_as_a_whole"]},
        {"pledge": P("安排重大项目143项,年度计划投资200亿元", "重大项目", "安排",
                     [qty("143项", 143, "项", "count"), qty("200亿元", 200, "亿元", "amount")], Y14),
         "outcome": "not_reported", "reason": "the review's opening names no count of major projects",
         "traps": ["silence", "plan_as_a_whole"]},
    ]))

Y22 = {"raw": "2022年", "date": "2022-12-31", "inherited": True}
# 西湖区 (南昌, a county-level district): a news page's account of the 2022 plan (its targets said with 预计, then
# projects and estates), against the district's 2023 plan document, whose opening reviews 2022's indicators.
BATCH6.append(pair(
    "xihu2022", "西湖区 (南昌市)", "district", 2022, 2023,
    doc("xihu2022_plan.txt", "https://m.lanca.com.cn/post/1495.html",
        "A news page on 南昌市西湖区: its 2021 results, then what the district will do in 2022 (the targets and tasks of "
        "its 2022 work report, retold; the page gives no date).", None, None),
    doc_passage("xihu2022_review.txt", "http://xhq.nc.gov.cn/xhqrmzf/xhbmghxx1/202303/d85fb4a271b14f7b980174b67cb878f2.shtml",
                "南昌市西湖区2023年国民经济和社会发展计划 (the title line above the document's first paragraph)",
                "南昌市西湖区's 2023 national economic and social development plan (approved by the 17th district "
                "congress's fourth session; notice dated 2023-03-21): its opening review of 2022.", "2023-03-21", "2023-03-24"),
    [
        {"pledge": P("预计地区生产总值增长7%以上", "地区生产总值", "增长", [qty("7%", 7, "%", "ratio", "以上")], Y22),
         "outcome": "missed", "evidence": "全年地区生产总值完成727.24亿元,同比增长4.7%",
         "reported": [qty("727.24亿元", 727.24, "亿元", "amount"), qty("4.7%", 4.7, "%", "ratio")],
         "reason": "4.7% < 7%以上", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("地方一般公共预算收入增长5%左右", "地方一般公共预算收入", "增长", [qty("5%", 5, "%", "ratio", "左右")], Y22),
         "outcome": "done", "acceptable": ["done", "exceeded"], "evidence": "地方一般公共预算收入完成22.62亿元,同比增长5.1%",
         "reported": [qty("22.62亿元", 22.62, "亿元", "amount"), qty("5.1%", 5.1, "%", "ratio")],
         "reason": "5.1% is 5%左右", "traps": ["rate_and_absolute_in_same_clause"]},
        {"pledge": P("500万元以上固定资产投资增长8.5%左右", "500万元以上固定资产投资", "增长",
                     [qty("8.5%", 8.5, "%", "ratio", "左右")], Y22),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "500万元以上固定资产投资同比增长15%",
         "reported": [qty("15%", 15, "%", "ratio")], "reason": "15% is far beyond 8.5%左右",
         "traps": ["threshold_in_object"]},
        {"pledge": P("社会消费品零售总额增长10%以上", "社会消费品零售总额", "增长", [qty("10%", 10, "%", "ratio", "以上")], Y22),
         "outcome": "missed", "evidence": "社会消费品零售总额完成417.16亿元,增长5.3%",
         "reported": [qty("417.16亿元", 417.16, "亿元", "amount"), qty("5.3%", 5.3, "%", "ratio")],
         "reason": "5.3% < 10%以上"},
        {"pledge": P("实际利用外资和内资增长均预计超过7%", "实际利用外资和内资", "增长", [qty("7%", 7, "%", "ratio", "以上")], Y22),
         "outcome": "not_reported", "reason": "the review's excerpt stops before foreign and domestic capital",
         "traps": ["silence"]},
        {"pledge": P("加快推动焕赣商业中心、奇新江西骆驼码等21个产业项目落地", "产业项目", "落地", [qty("21个", 21, "个", "count")], Y22),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("力争全年引进各类项目100个", "各类项目", "引进", [qty("100个", 100, "个", "count")], Y22),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("加快实施公安小区、桃源三区等49个老旧小区改造工程", "老旧小区改造工程", "实施", [qty("49个", 49, "个", "count")], Y22),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

Y24W = {"raw": "2024年", "date": "2024-12-31", "inherited": True}
# 武昌区 again, ten years on: the 2024 plan document (targets under the heading 2024年经济社会发展的主要目标预安排, tasks
# under 三、2024年…主要任务) against the report on its execution, which restates each target before its result.
BATCH6.append(pair(
    "wuchang2024", "武昌区", "district", 2024, 2025,
    doc_passage("wuchang2024_plan.txt", "https://www.wuchang.gov.cn/zwgk_37/fdzdgknr/fzgh/zxgh/202412/t20241210_2495934.html",
                "武昌区2024年国民经济和社会发展计划 (the title line above the document's first paragraph)",
                "武昌区's 2024 national economic and social development plan as the district's site printed it (published "
                "2024-12-10; the plan itself was adopted at the start of 2024): targets and the first task section.",
                None, "2024-12-10"),
    doc_passage("wuchang2024_review.txt", "http://wcrd.wuchang.gov.cn/zyfb/003004/20250313/30c0f473-2aea-49ac-86bb-3969b9e95e49.html",
                "一、2024年国民经济和社会发展计划执行情况",
                "The report on 武昌区's 2024 plan's execution and the 2025 draft plan, delivered 2024-12-27 to the 16th "
                "district congress's fourth session (published 2025-03-13): each target restated, then the year's result.",
                "2024-12-27", "2025-03-13"),
    [
        {"pledge": P("地区生产总值增长6.5%左右", "地区生产总值", "增长", [qty("6.5%", 6.5, "%", "ratio", "左右")], Y24W),
         "outcome": "not_reported", "reason": "the review gives the level (2020亿元), not the growth rate; the 6.5%左右 in the "
                                               "review is the target restated",
         "traps": ["target_restated", "level_is_not_rate", "plan_as_a_whole"],
         "distractors": [("地区生产总值预期目标增长6.5%左右", "the target restated, not an outcome"),
                         ("预计全年地区生产总值完成2020亿元", "a level, not a growth rate")]},
        {"pledge": P("地方一般公共预算收入增长5%", "地方一般公共预算收入", "增长", [qty("5%", 5, "%", "ratio")], Y24W),
         "outcome": "missed", "evidence": "预计全年地方一般公共预算收入完成137.5亿元,同比增长0.3%",
         "reported": [qty("137.5亿元", 137.5, "亿元", "amount"), qty("0.3%", 0.3, "%", "ratio")],
         "reason": "0.3% < 5%", "traps": ["target_restated", "plan_as_a_whole"],
         "distractors": [("全年地方一般公共预算收入预期目标增长5%", "the target restated")]},
        {"pledge": P("全社会固定资产投资计划完成380亿元以上", "全社会固定资产投资", "完成",
                     [qty("380亿元", 380, "亿元", "amount", "以上")], Y24W),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "预计全年固定资产投资完成414亿元以上",
         "reported": [qty("414亿元", 414, "亿元", "amount", "以上")], "reason": "414亿元 > 380亿元以上",
         "traps": ["target_restated", "plan_as_a_whole"],
         "distractors": [("全社会固定资产投资完成380亿元", "the target restated, the same number")]},
        {"pledge": P("实施重大项目220项,年度计划投资340亿元以上", "重大项目", "实施",
                     [qty("220项", 220, "项", "count"), qty("340亿元", 340, "亿元", "amount", "以上")], Y24W),
         "outcome": "exceeded", "acceptable": ["exceeded", "done"], "evidence": "预计全年实施重大项目255项,实现投资387亿元以上",
         "reported": [qty("255项", 255, "项", "count"), qty("387亿元", 387, "亿元", "amount", "以上")],
         "reason": "255项 > 220项 and 387亿元 > 340亿元", "traps": ["target_restated", "plan_as_a_whole"],
         "distractors": [("计划实施重大项目220项,年度计划投资340亿元以上", "the target restated, the same numbers")]},
        {"pledge": P("力争2024年累计培育专精特新企业60家", "专精特新企业", "培育", [qty("60家", 60, "家", "count")], Y24W),
         "outcome": "not_reported", "reason": "the review's excerpt names no firms", "traps": ["silence"]},
        {"pledge": P("“新物种”企业35家", "“新物种”企业", "培育", [qty("35家", 35, "家", "count")], Y24W),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("力争年内推动4个项目落地", "院士专家项目", "落地", [qty("4个", 4, "个", "count")], Y24W),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("推动实现技术合同成交额120亿元", "技术合同成交额", "实现", [qty("120亿元", 120, "亿元", "amount")], Y24W),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

Y17J = {"raw": "2017年", "date": "2017-12-31", "inherited": True}
# 嘉鱼县 (湖北, a county): the county paper's core summary of the 2017 targets and the first task section, against the
# 2018 report's opening as a mirror site printed it: traditional characters with each word's pinyin in brackets
# (地區(qū)生產(chǎn)總值230億元). Added after batch 6's first reading, annotated before any run on it.
BATCH6.append(pair(
    "jiayu2017", "嘉鱼县", "county", 2017, 2018,
    doc("jiayu2017_plan.txt", "http://jiayu.cjyun.org/p/3193.html",
        "嘉鱼县's news site: the core of the 2017 government work report's plan (核心阅读: this year's targets, each an "
        "amount and a rate), then its first task section (industry). The page gives no date.", None, None),
    doc("jiayu2017_review.txt", "http://m.ilynn.cn/document_detail/11672.html",
        "嘉鱼县's government work report to the 18th county congress's second session (its review of 2017: 即將過去的"
        "2017年), as a mirror site printed it in traditional characters with bracketed pinyin; no date on the page.",
        None, None),
    [
        {"pledge": P("完成地区生产总值256亿元,增幅9%", "地区生产总值", "完成",
                     [qty("256亿元", 256, "亿元", "amount"), qty("9%", 9, "%", "ratio")], Y17J),
         "outcome": "missed", "evidence": "全年預(yù)計(jì)完成地區(qū)生產(chǎn)總值230億元,可比增長(zhǎng)8.2%",
         "reported": [qty("230億元", 230, "亿元", "amount"), qty("8.2%", 8.2, "%", "ratio")],
         "reason": "230亿元 < 256亿元 and 8.2% < 9%", "traps": ["traditional_characters", "pinyin_brackets",
                                                            "rate_and_absolute_in_same_clause"]},
        {"pledge": P("地方公共财政预算收入11.07亿元,增幅7%", "地方公共财政预算收入", None,
                     [qty("11.07亿元", 11.07, "亿元", "amount"), qty("7%", 7, "%", "ratio")], Y17J),
         "outcome": "missed", "acceptable": ["missed", "exceeded"],
         "evidence": "地方一般公共財(cái)政預(yù)算收入10.65億元,增長(zhǎng)8.6%",
         "reported": [qty("10.65億元", 10.65, "亿元", "amount"), qty("8.6%", 8.6, "%", "ratio")],
         "reason": "the level (10.65亿元) falls short of 11.07亿元 while the rate (8.6%) beats 7%: the base was revised; a "
                   "reader who reads the amount says missed, one who reads the rate exceeded",
         "traps": ["traditional_characters", "pinyin_brackets", "wording_variant", "amount_and_rate_disagree"],
         "confidence": "low"},
        {"pledge": P("全社会固定资产投资额286亿元,增幅15%", "全社会固定资产投资额", None,
                     [qty("286亿元", 286, "亿元", "amount"), qty("15%", 15, "%", "ratio")], Y17J),
         "outcome": "missed", "evidence": "固定資產(chǎn)投資額285億元,增長(zhǎng)14%",
         "reported": [qty("285億元", 285, "亿元", "amount"), qty("14%", 14, "%", "ratio")],
         "reason": "285亿元 < 286亿元 and 14% < 15% (a hair short)", "traps": ["traditional_characters", "pinyin_brackets",
                                                                         "wording_variant"]},
        {"pledge": P("实现社会消费品零售总额62亿元,增幅10.7%", "社会消费品零售总额", "实现",
                     [qty("62亿元", 62, "亿元", "amount"), qty("10.7%", 10.7, "%", "ratio")], Y17J),
         "outcome": "not_reported", "reason": "the review's opening gives no retail figure", "traps": ["silence"]},
        {"pledge": P("规模以上工业增加值增幅8%", "规模以上工业增加值", None, [qty("8%", 8, "%", "ratio")], Y17J),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("城镇常住居民人均可支配收入28069元,增幅9.5%", "城镇常住居民人均可支配收入", None,
                     [qty("28069元", 28069, "元", "amount"), qty("9.5%", 9.5, "%", "ratio")], Y17J),
         "outcome": "done", "acceptable": ["done", "exceeded", "missed"],
         "evidence": "城鄉(xiāng)居民人均可支配收入28100元和16042元,分別增長(zhǎng)9%、8.82%",
         "reported": [qty("28100元", 28100, "元", "amount"), qty("9%", 9, "%", "ratio")],
         "reason": "the first of the respective figures: 28100元 reaches 28069元 while 9% is short of 9.5%: the level is "
                   "met, the rate not", "traps": ["traditional_characters", "pinyin_brackets", "respective_figures",
                                                  "amount_and_rate_disagree"], "confidence": "low"},
        {"pledge": P("农村常住居民人均可支配收入17063元,增幅10.8%", "农村常住居民人均可支配收入", None,
                     [qty("17063元", 17063, "元", "amount"), qty("10.8%", 10.8, "%", "ratio")], Y17J),
         "outcome": "missed", "evidence": "城鄉(xiāng)居民人均可支配收入28100元和16042元,分別增長(zhǎng)9%、8.82%",
         "reported": [qty("16042元", 16042, "元", "amount"), qty("8.82%", 8.82, "%", "ratio")],
         "reason": "the second of the respective figures: 16042元 < 17063元 and 8.82% < 10.8%",
         "traps": ["traditional_characters", "pinyin_brackets", "respective_figures"]},
        {"pledge": P("单位二氧化碳排放量下降3.8%", "单位二氧化碳排放量", "下降", [qty("3.8%", 3.8, "%", "ratio")], Y17J),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("万元GDP综合能耗下降3.4%", "万元GDP综合能耗", "下降", [qty("3.4%", 3.4, "%", "ratio")], Y17J),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("全年实现工业总产值525亿元", "工业总产值", "实现", [qty("525亿元", 525, "亿元", "amount")], Y17J),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": P("力争全县挂牌企业突破40家", "挂牌企业", "突破", [qty("40家", 40, "家", "count", "以上")], Y17J),
         "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
    ]))

# ---------------------------------------------------------------- batch 7 (follow20): county-level governments new here
# Found with the pages corpus and annotated from the texts alone, before `tracker followup` or the matcher was run on
# them (docs/measuring.md, "Follow-up on new pairs, batch 7").
BATCH7 = []

Y23E = {"raw": "2023年", "date": "2023-12-31", "inherited": True}
# 鄂城区 (鄂州, a county-level district): 荆楚网's report of the 2023 targets in the district's report delivered
# 2022-12-19, as a mirror printed it in traditional characters with pinyin in brackets (固定資產(chǎn)投資增幅16%以上): the
# PLAN itself is in that script here, not only the review. Objects are given in their simplified reading.
ECHENG_PLAN = doc("echeng2023_plan.txt", "http://www.whitneyca.com/content/2022-12/19/content_15326024.html",
                  "荆楚网 (湖北日报网) on the opening of 鄂城区's 10th district congress's second session (2022-12-19): the "
                  "2023 main expected targets of the government work report, as a mirror site printed it in traditional "
                  "characters with bracketed pinyin.", "2022-12-19", "2022-12-19")
E_FIXED = P("力爭固定資產(chǎn)投資增幅16%以上", "固定资产投资", None, [qty("16%", 16, "%", "ratio", "以上")], Y23E)
E_INDUSTRY = P("規(guī)上工業(yè)產(chǎn)值增幅13%以上", "规上工业产值", None, [qty("13%", 13, "%", "ratio", "以上")], Y23E)
E_TECHINV = P("工業(yè)技改投資增幅20%以上", "工业技改投资", None, [qty("20%", 20, "%", "ratio", "以上")], Y23E)
E_RETAIL = P("限上社零額同比增長15%以上", "限上社零额", "增长", [qty("15%", 15, "%", "ratio", "以上")], Y23E)
E_HITECH = P("高新技術(shù)產(chǎn)業(yè)增加值增幅15%以上", "高新技术产业增加值", None, [qty("15%", 15, "%", "ratio", "以上")], Y23E)
E_REVENUE = P("財政總收入達到20億元、增幅12%以上", "财政总收入", "达到",
              [qty("20億元", 20, "亿元", "amount"), qty("12%", 12, "%", "ratio", "以上")], Y23E)
E_ENTITIES = P("市場主體實現(xiàn)增長60%以上", "市场主体", "增长", [qty("60%", 60, "%", "ratio", "以上")], Y23E)

# Its review 1: the district's report on the 2023 plan's execution (delivered 2023-12-28), simplified characters.
BATCH7.append(pair(
    "echeng2023", "鄂城区 (鄂州市)", "district", 2023, 2024, dict(ECHENG_PLAN),
    doc_passage("echeng2023_review.txt", "https://www.echeng.gov.cn/ecqxxgk/xxgkml/ghxx/lsgh/202404/t20240411_621651.html",
                "鄂城区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划(草案)的报告 (the title line "
                "below the site's banner)",
                "The report on 鄂城区's 2023 plan's execution and the 2024 draft plan, delivered 2023-12-28 to the district "
                "congress (the site prints the date as 20231228 and drops the session's numerals; published 2024-04-11): "
                "its opening and the year's main indicators.", "2023-12-28", "2024-04-11"),
    [
        {"pledge": E_FIXED, "outcome": "exceeded", "evidence": "固定资产投资预计同比增长22.78%",
         "reported": [qty("22.78%", 22.78, "%", "ratio")], "reason": "22.78% > 16%以上",
         "traps": ["traditional_characters", "pinyin_brackets"]},
        {"pledge": E_INDUSTRY, "outcome": "missed", "evidence": "规上工业产值预计同比增长5%",
         "reported": [qty("5%", 5, "%", "ratio")], "reason": "5% < 13%以上",
         "traps": ["traditional_characters", "pinyin_brackets"]},
        {"pledge": E_TECHINV, "outcome": "not_reported", "reason": "the review's opening gives no figure for technical "
                                                                   "renovation investment", "traps": ["silence"],
         "distractors": [("固定资产投资预计同比增长22.78%", "all fixed investment, not its technical-renovation part")]},
        {"pledge": E_RETAIL, "outcome": "missed", "evidence": "限上社零额预计同比增长9.3%",
         "reported": [qty("9.3%", 9.3, "%", "ratio")], "reason": "9.3% < 15%以上",
         "traps": ["traditional_characters", "abbreviated_measure"]},
        {"pledge": E_HITECH, "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": E_REVENUE, "outcome": "exceeded", "evidence": "财政总收入预计完成21.65亿元,同比增长36.1%",
         "reported": [qty("21.65亿元", 21.65, "亿元", "amount"), qty("36.1%", 36.1, "%", "ratio")],
         "reason": "21.65亿元 > 20亿元 and 36.1% > 12%以上", "traps": ["traditional_characters",
                                                                    "rate_and_absolute_in_same_clause"]},
        {"pledge": E_ENTITIES, "outcome": "not_reported",
         "reason": "the review counts the new market entities (突破10万户), not their growth rate",
         "traps": ["level_is_not_rate"],
         "distractors": [("新增市场主体预计突破10万户", "a count of entities, not a growth rate")]},
    ]))

# Its review 2: 荆楚网's account of the district's 2024 report (2024-01-10), again in traditional characters with pinyin;
# the same plan, another review: the revenue is named 本級財政收入 there, and most targets go unmentioned.
BATCH7.append(pair(
    "echeng2023b", "鄂城区 (鄂州市)", "district", 2023, 2024, dict(ECHENG_PLAN),
    doc_passage("echeng2023b_review.txt", "http://jyjlsz.com/ezssjd/p/17241065.html", "回眸鄂城2023,澎湃新動能",
                "荆楚网 (2024-01-10) on 鄂城区's government work report of January 2024 (its review of 2023), as a mirror "
                "site printed it in traditional characters with bracketed pinyin; the lines before the headline are a "
                "spam banner and the site's navigation.", "2024-01-10", "2024-01-10"),
    [
        {"pledge": E_FIXED, "outcome": "not_reported", "reason": "the news names no investment figure",
         "traps": ["silence"]},
        {"pledge": E_INDUSTRY, "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": E_TECHINV, "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": E_RETAIL, "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": E_HITECH, "outcome": "not_reported", "reason": "silent", "traps": ["silence"]},
        {"pledge": E_REVENUE, "outcome": "exceeded", "acceptable": ["exceeded", "done", "not_reported"],
         "evidence": "本級財政收入突破20億元大關(guān)、增長36.1%",
         "reported": [qty("20億元", 20, "亿元", "amount", "以上"), qty("36.1%", 36.1, "%", "ratio")],
         "reason": "the same 36.1% as the execution report's 财政总收入: the news names the revenue 本级财政收入; 突破20亿元 "
                   "and 36.1% are beyond 20亿元 and 12%以上 (a reader who holds 本级 for another measure says silent)",
         "traps": ["traditional_characters", "pinyin_brackets", "wording_variant"], "confidence": "medium"},
        {"pledge": E_ENTITIES, "outcome": "not_reported",
         "reason": "the news gives the stock of market entities (突破10萬戶), not a growth rate",
         "traps": ["level_is_not_rate", "stock_not_increment"],
         "distractors": [("市場主體突破10萬戶", "a stock of entities, not a growth rate")]},
    ]))

META = {
    "description": "Follow-up development pairs of tracker (issue 12): for each core pledge of a plan text, the statement "
                   "of the same government's later review that reports its outcome, or none. Annotated by hand from the "
                   "texts alone, before any matcher rule was written for them. Texts are the stored excerpts of public "
                   "web pages found with the search tools' pages corpus, character for character; 'source' names the "
                   "page and the character range of the excerpt the file holds.",
    "conventions": "As in ../../../../shared/eval/gold_followup_dev.json (meta there): span_nows index the file text with "
                   "all white space removed; outcome/acceptable_outcomes/due_by_review/evidence/distractors likewise. "
                   "Added here: a price-rise target (居民消费价格涨幅) and an unemployment rate are better lower, so a "
                   "figure below them beyond the 左右 band is 'exceeded' (done also acceptable); a figure that is the "
                   "review's own NEXT-year target is never evidence.",
    "levels": "national (国务院), province (北京市, 湖北省, 甘肃省), city (武汉市, 威海市, 成都市, 惠州市), county-level city "
              "(高州市), county (镇安县), district (海拉尔区, county-level)",
    "batches": "pairs 1-8 (nat2019 … zhenan2015) were annotated first and the rules fitted on them; pairs 9-10 "
               "(beijing2022, nat2016) were annotated after that fitting and read once before any change; pairs 11-15 (gaozhou2022, "
               "weihai2017, chengdu2016; gansu2022, huizhou2021) were annotated before the matcher was run on them and read once "
               "before any change (README: Follow-up, third batch); pairs 16-18 (hailar2013, hailar2016, hailar2018: one "
               "district's consecutive work reports, passages of a repository's files) were annotated before `tracker "
               "followup` was run on them and read once before any change; pair 19 (hailar2015) was annotated after that "
               "reading, before the matcher was run on it, to test the changes on a second pair; pair 20 (hailar2013b: a task "
               "paragraph, not the list of main targets) was annotated after that change, before any run on it.",
}


def main():
    gold = {"meta": META, "pairs": PAIRS}
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    n = sum(len(p["links"]) for p in PAIRS)
    print(f"make_gold: {len(PAIRS)} pairs, {n} links")
    meta5 = dict(META, batches="batch 5 (follow18): hailar2012, hailar2014, hailar2014b, hailar2017, annotated from the "
                               "texts alone before `tracker followup` or the matcher was run on them; read first as a "
                               "forecast, then fitted (docs/following.md); hailar2017b and shangluo2023 (商洛市, pages "
                               "corpus) annotated after that fitting, before any run on them")
    with open(os.path.join(HERE, "gold_batch5.json"), "w", encoding="utf-8") as fh:
        json.dump({"meta": meta5, "pairs": BATCH5}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    n5 = sum(len(p["links"]) for p in BATCH5)
    print(f"make_gold: gold_batch5.json {len(BATCH5)} pairs, {n5} links")
    meta6 = dict(META, batches="batch 6 (follow19): county-level governments new to the follow-up pairs (白沙黎族自治县, "
                               "武昌区 twice, 西湖区 of 南昌; then 嘉鱼县, added after the first reading of the first four), found with the pages corpus and annotated from the texts alone before `tracker "
                               "followup` or the matcher was run on them; read first as a forecast")
    with open(os.path.join(HERE, "gold_batch6.json"), "w", encoding="utf-8") as fh:
        json.dump({"meta": meta6, "pairs": BATCH6}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    n6 = sum(len(p["links"]) for p in BATCH6)
    print(f"make_gold: gold_batch6.json {len(BATCH6)} pairs, {n6} links")
    meta7 = dict(META, batches="batch 7 (follow20): 鄂城区 of 鄂州 (a county-level district new to the follow-up pairs): one plan "
                               "(the 2023 targets, a traditional-character mirror page with pinyin) against two reviews (the "
                               "district's plan-execution report; a news account of its 2024 work report), found with the pages "
                               "corpus and annotated from the texts alone before `tracker followup` or the matcher was run on "
                               "them; read first as a forecast")
    with open(os.path.join(HERE, "gold_batch7.json"), "w", encoding="utf-8") as fh:
        json.dump({"meta": meta7, "pairs": BATCH7}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    n7 = sum(len(p["links"]) for p in BATCH7)
    print(f"make_gold: gold_batch7.json {len(BATCH7)} pairs, {n7} links")


if __name__ == "__main__":
    main()

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
        with open(os.path.join(HERE, f["file"]), encoding="utf-8") as fh:
            f["source"]["char_range_in_excerpt"] = [0, len(fh.read().rstrip("\n"))]
    out_links = []
    for n, ln in enumerate(links, 1):
        p = dict(ln["pledge"])
        p["span_nows"] = span(pt, p["quote"], ln.get("plan_after", 0))
        ev = ln.get("evidence")
        link = {"id": f"{pair_id.upper()}-L{n:02d}", "tier": "core", "pledge": p, "outcome": ln["outcome"],
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
    "levels": "national (国务院), province (北京市, 湖北省), city (武汉市), county (镇安县)",
    "batches": "pairs 1-8 (nat2019 … zhenan2015) were annotated first and the rules fitted on them; pairs 9-10 "
               "(beijing2022, nat2016) were annotated after that fitting and read once before any change.",
}


def main():
    gold = {"meta": META, "pairs": PAIRS}
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    n = sum(len(p["links"]) for p in PAIRS)
    print(f"make_gold: {len(PAIRS)} pairs, {n} links")


if __name__ == "__main__":
    main()

"""The real development passages (tests/extract/real/: work-report passages copied character for
character from public sources, gold in gold/*.json, one file per batch, joined by make_gold.py):
every core pledge found with its numbers and deadline, nothing else emitted, and no negative the
annotators listed taken for a pledge. What the extractor still gets wrong is listed below, by
(file, gold quote) or by the quote of an extra candidate, kept visible rather than hidden; a test
fails when a listed fault is gone too, so the lists only shrink."""
import datetime as dt
import difflib
import importlib.util
import re
from pathlib import Path

import pytest

import extract_helpers
from tracker.extract import extract_document

HERE = Path(__file__).parent / "real"
_spec = importlib.util.spec_from_file_location("make_gold", HERE / "make_gold.py")
_make_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_make_gold)
GOLD = _make_gold.joined()["docs"]

# Core pledges and fields the extractor still gets wrong: (file, gold quote) → {"found"} or a subset of
# {"quantities", "deadline"}.
KNOWN_WRONG: dict[tuple[str, str], set[str]] = {
    # a plan paragraph with no cue of tense or time at all, the first of its passage
    ("guangxi_minsheng_2026.txt", "植树造林400万亩以上"): {"found"},
    ("jilin_minsheng_2026.txt", "省级一般性支出压减22.3%"): {"found"},
    # the span of “暖心民政”三年行动, the sentence's opening clause, is taken for the sum's deadline
    ("guangxi_minsheng_2026.txt", "筹措890.59亿元实施十大为民办实事工程项目"): {"deadline"},
    # batch B (county, township and news texts), as the extractor read them when the batches were joined
    ('hengyang_county_news_2013.txt', '完成固定资产投资150亿元'): {'deadline'},
    ('hengyang_county_news_2013.txt', '完成重点项目投资90亿元'): {'deadline'},
    ('hengyang_county_news_2013.txt', '实施重点项目200个'): {'deadline'},
    ('huangshan_eco_news_2011.txt', '再投资6230万元'): {'found'},
    ('huangshan_eco_news_2011.txt', '投资6000万元实施太平湖国家湿地公园环境整治与保护工程'): {'found'},
    ('huangshan_eco_news_2011.txt', '投资7677万元'): {'found'},
    ('huangshan_eco_news_2011.txt', '治理2670平方公里水土流失面积'): {'deadline'},
    ('huangshan_eco_news_2011.txt', '计划总投资60800万元实施水土保持生态建设工程'): {'deadline'},
    ('longwen_news_2017.txt', '10所幼儿园'): {'quantities'},
    ('longwen_news_2017.txt', '全年新开工77个'): {'deadline'},
    ('longwen_news_2017.txt', '将建5所小学'): {'found'},
    ('longwen_news_2017.txt', '投建5所小学'): {'found'},
    ('longwen_news_2017.txt', '竣工63个'): {'deadline'},
    ('shexian_shishi_2025.txt', '在17个乡镇(街道办)硬化道路10万平方米'): {'quantities'},
    ('shexian_shishi_2025.txt', '在39个村改造升级10千伏线路16.66公里'): {'quantities'},
    ('shexian_shishi_2025.txt', '安装太阳能路灯1000盏'): {'found'},
    # batch C: a plan section whose year is in its heading outside the passage (三、2026年工作安排): no deadline
    ('shanxi_minsheng_2026.txt', '20个省级临床重点专科'): {'deadline'},
    ('shanxi_minsheng_2026.txt', '增加1万个普惠性学前教育学位'): {'deadline'},
    ('shanxi_minsheng_2026.txt', '增加1万个普通高中学位'): {'deadline'},
    ('shanxi_minsheng_2026.txt', '打造15个紧密型县域医共体升级版'): {'deadline'},
    ('shanxi_minsheng_2026.txt', '新建6个国家级'): {'deadline'},
}
# Candidates that match no gold pledge: (file, candidate quote).
KNOWN_EXTRA: set[tuple[str, str]] = {
    # 千万吨 inside a project's name is not read, so the borderline pledge is split in two
    ("shaanxi_plan_2026.txt", "推进延安千万吨炼化一体化"),
    # batch B: achievements, a company's figures and programme names read as pledges
    ('changan_shishi_2022.txt', '进一步提升百万长安人民的幸福指数'),
    ('hengyang_county_news_2013.txt', '13处集中供水工程全部开工建设'),
    ('huangshan_eco_news_2011.txt', '全市农村建垃圾焚烧炉81个'),
    ('huangshan_eco_news_2011.txt', '共有垃圾运输车153辆（包括运输拖拉机）'),
    ('huangshan_eco_news_2011.txt', '垃圾中转站109座'),
    ('huangshan_eco_news_2011.txt', '垃圾填埋场52个'),
    ('huangshan_eco_news_2011.txt', '垃圾收集房66座'),
    ('huangshan_eco_news_2011.txt', '垃圾收集池3431个'),
    ('shangcheng_report_2024.txt', '坚决贯彻落实三个“一号工程”“十项重大工程”和“两场硬仗”部署要求'),
    ('shexian_shishi_2025.txt', '有效改善9万人口的饮水安全问题'),
    ('suzhou_gaoxin_news_2011.txt', '其中多晶硅片和单晶硅片各占50%'),
    ('suzhou_gaoxin_news_2011.txt', '苏州市欧陆杰电器有限公司是一家专业生产吸尘器用伸缩管的企业'),
    ('suzhou_gaoxin_news_2011.txt', '莱克电气绿能科技（苏州）有限公司由莱克电气投资15亿元设立'),
    # batch C: 两项补贴 as a name (the negatives list it)
    ('shanxi_minsheng_2026.txt', '提高残疾人两项补贴标准'),
    # batch C: a review of the last year under a heading without a word of the past (刚刚过去的2025年 opens it,
    # then each paragraph opens with a present-tense heading: 加强科技创新，驱动能源转型。): achievements read as pledges
    ('shanxi_review_2026.txt', '全年GDP增长4%'),
    ('shanxi_review_2026.txt', '快于2024年1.8个百分点'),
    ('shanxi_review_2026.txt', '投资、消费增速分别快于全国3.4个'),
    ('shanxi_review_2026.txt', '1个百分点'),
    ('shanxi_review_2026.txt', '全年规上原煤产量13.05亿吨'),
    ('shanxi_review_2026.txt', '增长2.1%'),
    ('shanxi_review_2026.txt', '谋划9条技术路径'),
    ('shanxi_review_2026.txt', '制定出台20条具体举措'),
    ('shanxi_review_2026.txt', '抓实风电光伏、新一代煤电、新型储能等11个重点领域项目'),
    ('shanxi_review_2026.txt', '总投资超500亿元的晋北采煤沉陷区新能源基地加快建设'),
    ('shanxi_review_2026.txt', '数字经济核心产业增加值预计增长10%'),
    ('shanxi_review_2026.txt', '新培育省级农业龙头企业120家'),
    ('shanxi_review_2026.txt', '国家5A级旅游景区达到12家'),
    ('shanxi_review_2026.txt', '重点监测景区接待游客、经营收入均保持10%以上增长'),
    ('shanxi_review_2026.txt', '年度36项重点改革任务扎实推进'),
    ('shanxi_review_2026.txt', '净增涉税主体24.8万户'),
    ('shanxi_review_2026.txt', '规上法人单位1302户'),
    ('shanxi_review_2026.txt', '民间投资增长2.8%'),
    ('shanxi_review_2026.txt', '快于全国9.2个百分点'),
    ('shanxi_review_2026.txt', '民营经营主体贷款余额增长6.7%'),
    ('shanxi_review_2026.txt', '56个全域土地综合整治项目扎实推进'),
    ('shanxi_review_2026.txt', '行政机关负责人出庭应诉率首次达到100%'),
    # batch C: a review section whose heading reads like a plan (（六）着力办好办实民生实事，人民生活品质稳步提高):
    # achievements read as pledges
    ('fujian_review_2026.txt', '6所高职院校入选国家“双高计划'),
    ('fujian_review_2026.txt', '县域医共体“六大中心”基层辐射率达96.9%'),
    ('fujian_review_2026.txt', '新增国家级临床重点专科项目9个'),
    ('fujian_review_2026.txt', '落地建设肿瘤与代谢、闽台地区高发慢病病因流行病学2个重点实验室'),
    ('fujian_review_2026.txt', '免陪照护服务”试点扩大至145家医院'),
    ('fujian_review_2026.txt', '医学检查检验结果互认项目达488项'),
    ('fujian_review_2026.txt', '城乡居民基础养老金最低标准调增11.8%'),
    ('fujian_review_2026.txt', '10个项目列入中国世界文化遗产预备名单'),
    ('fujian_review_2026.txt', '八闽书房”辐射人群超700万人'),
    ('fujian_review_2026.txt', '村歌”、“村晚”、“百姓大舞台”等群众文化活动超3万场'),
    # batch C: a news report's present-tense account of what a reform did this year (今年…平台开通5个月间，
    # 9类产品共成交1493次) and its description of the system (分为…3种形式) read as pledges
    ('nanjing_news_2011.txt', '9类产品共成交1493次'),
    ('nanjing_news_2011.txt', '成交金额1814万多元'),
    ('nanjing_news_2011.txt', '节约预算成本254万多元'),
    ('nanjing_news_2011.txt', '节约预算12.29%'),
    ('nanjing_news_2011.txt', '网上竞价分为单品牌比价、多品牌比价和多部门团购3种形式'),
    ('nanjing_news_2011.txt', '三种方式中最主要的是多品牌比价'),
    ('nanjing_news_2011.txt', '9类商品中有6类需要采取这种竞价方式'),
    ('nanjing_news_2011.txt', '南京雨花台区财政局采购3台电脑'),
    ('nanjing_news_2011.txt', '只看到有3家竞价'),
    ('nanjing_news_2011.txt', '有9家供应商因服务不到位等原因被警告'),
    # batch C: the attendance of a past event (200多名…的代表) and a count of parties (集两家所长) read as pledges
    ('yangzhou_news_2014.txt', '200多名来自美国加州大学、中科院药研所、日本国际养老医疗协会等高校和科研院所'),
    ('yangzhou_news_2014.txt', '上海（扬州）国际医学园的发展思路是集两家所长'),
    # batch B's replacement: a county's present state (目前拥有茶园13.8万亩, 共有…220多家, 海拔一般在600至900米之间)
    # read as pledges: no word of the past, no word of intent
    ('sanjiang_tea_news_2011.txt', '目前拥有茶园13.8万亩'),
    ('sanjiang_tea_news_2011.txt', '年干茶产量6900吨以上'),
    ('sanjiang_tea_news_2011.txt', '共有茶叶加工厂220多家'),
    ('sanjiang_tea_news_2011.txt', '规模以上企业10多家'),
    ('sanjiang_tea_news_2011.txt', '茶叶专业合作社26家'),
    ('sanjiang_tea_news_2011.txt', '海拔一般在600至900米之间'),
    ('sanjiang_tea_news_2011.txt', '三江县有林地面积20.11万公顷'),
}
_canon = extract_helpers.canon
_nows = extract_helpers.nows


@pytest.fixture(scope="module", params=GOLD, ids=[d["file"] for d in GOLD])
def reading(request):
    doc = request.param
    text = (HERE / doc["file"]).read_text(encoding="utf-8")
    found = extract_document(text, published=dt.date.fromisoformat(doc["published"])).candidates
    return doc, list(found)


def _pairs(golds, found):
    """One-to-one (gold index → candidate) pairs sharing a quantity, the longest common run of quotes first,
    as ../shared/eval/score.py pairs them."""
    cands = []
    for gi, gold in enumerate(golds):
        want = {_canon(q["value"], q["unit"]) for q in gold["quantities"]}
        for ci, c in enumerate(found):
            if not want & {_canon(q.value, q.unit) for q in c.quantities}:
                continue
            g, p = _nows(gold["quote"]), _nows(c.quote)
            m = difflib.SequenceMatcher(None, g, p, autojunk=False).find_longest_match(0, len(g), 0, len(p)).size
            if m >= min(6, len(g), len(p)) or m >= 0.5 * min(len(g), len(p)):
                cands.append((m, gi, ci))
    pairs, used_g, used_c = {}, set(), set()
    for _, gi, ci in sorted(cands, reverse=True):
        if gi not in used_g and ci not in used_c:
            used_g.add(gi)
            used_c.add(ci)
            pairs[gi] = found[ci]
    return pairs


def _faults(doc, found):
    """{(file, gold quote): fields wrong} for the core pledges of one passage."""
    pairs = _pairs(doc["pledges"], found)
    out = {}
    for gi, gold in enumerate(doc["pledges"]):
        if gold["tier"] != "core":
            continue
        c = pairs.get(gi)
        key = (doc["file"], gold["quote"])
        if c is None:
            out[key] = {"found"}
            continue
        wrong = set()
        want = {_canon(q["value"], q["unit"]) for q in gold["quantities"] if q["role"] != "duration"}
        got = {_canon(q.value, q.unit) for q in c.quantities}
        if not want <= got <= {_canon(q["value"], q["unit"]) for q in gold["quantities"]}:
            wrong.add("quantities")
        if (c.deadline.date.isoformat() if c.deadline.date else None) != gold["deadline"]["date"]:
            wrong.add("deadline")
        if wrong:
            out[key] = wrong
    return out


def test_every_core_pledge_is_found_with_its_numbers_and_deadline(reading):
    doc, found = reading
    expected = {k: v for k, v in KNOWN_WRONG.items() if k[0] == doc["file"]}
    assert _faults(doc, found) == expected


def test_nothing_but_the_pledges_is_emitted(reading):
    doc, found = reading
    matched = {id(c) for c in _pairs(doc["pledges"], found).values()}
    extra = {(doc["file"], c.quote) for c in found if id(c) not in matched}
    assert extra == {k for k in KNOWN_EXTRA if k[0] == doc["file"]}


def test_no_listed_negative_is_taken_for_a_pledge(reading):
    doc, found = reading
    for neg in doc.get("negatives", []):
        n = _nows(neg["quote"])
        hits = [c.quote for c in found if n in _nows(c.quote) or (len(_nows(c.quote)) >= 6 and _nows(c.quote) in n)]
        assert hits == [] or all((doc["file"], h) in KNOWN_EXTRA for h in hits), n


# Batch B passages under the 1,000 characters a passage must have. The page store of the search tool keeps a
# page's first 800 or so characters only (about 2,000 bytes), so these cannot be widened from their source; 芗城区's
# and 龙华区's news end inside that opening (the whole article is shorter). Each is to be replaced by a passage of
# its kind and level from another source (长沙县's 989-character article was: gold/b.json "retired"); the list only shrinks.
SHORT_EXCERPTS = {
    "anyi_interview_2023.txt", "baofeng_interview_2020.txt", "changan_shishi_2022.txt", "changshuo_jiedao_2023.txt",
    "guandu_midyear_2023.txt", "hanbin_report_2025.txt", "hengyang_county_news_2013.txt", "hudong_jiedao_2024.txt",
    "longhua_news_2018.txt", "longwen_news_2017.txt", "mudong_town_report_2024.txt",
    "shagou_town_report_2021.txt", "shangcheng_report_2024.txt", "shexian_shishi_2025.txt", "tianchang_city_report_2016.txt",
    "xiangcheng_news_2016.txt",
}


def test_every_passage_is_recorded_with_its_source_and_first_reading():
    assert SHORT_EXCERPTS <= {doc["file"] for doc in GOLD}
    for doc in GOLD:
        src = doc["source"]
        # a file of a repository (repo, path, commit) or a stored public page (its address)
        if "repo" in src:
            assert src["repo"] and src["path"] and re.fullmatch(r"[0-9a-f]{7,40}", src["commit"]), doc["file"]
        else:
            assert src["url"].startswith(("http://", "https://")), doc["file"]
        start, end = src["chars"]
        text = (HERE / doc["file"]).read_text(encoding="utf-8")
        # the range covers the passage (an HTML file's range is wider: its tags were taken out)
        assert end - start in (len(text), len(text.rstrip("\n"))) or (
            src.get("note", "").lower().find("html") >= 0 and end - start > len(text)), doc["file"]
        if doc["file"] in SHORT_EXCERPTS:
            assert 500 <= len(text.rstrip("\n")) < 1000, doc["file"]
        else:
            assert 1000 <= len(text.rstrip("\n")) <= 8000, doc["file"]
        assert re.search(r"(?:^|\| )recall \d\.\d\d precision \d\.\d\d", doc["first_reading"]), doc["file"]
        nows = _nows(text)
        for p in doc["pledges"]:
            s, e = p["span_nows"]
            assert nows[s:e] == _nows(p["quote"]), (doc["file"], p["quote"])


def test_the_corpus_covers_the_governments_levels_and_kinds_the_issue_asks_for():
    """At least 40 passages of at least 20 governments, at province, city, county and township level, and at
    least five kinds of text (issue 9: plan sections, 民生实事 lists, target sections, news in reported speech,
    interviews, reviews)."""
    assert len(GOLD) >= 40
    assert len({d["government"] for d in GOLD}) >= 20
    assert {d["level"] for d in GOLD} >= {"province", "city", "county", "township"}
    genres = {d["genre"] for d in GOLD}
    assert genres <= {"plan section", "民生实事 list", "target section", "news", "interview", "review"}
    assert len(genres) >= 5

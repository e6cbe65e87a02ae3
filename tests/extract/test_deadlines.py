"""Deadline words → the last day they allow, resolved against a fixed publication date."""
import datetime as dt

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import lexicons
from tracker.extract.deadlines import DeadlineMention, _cn_int, find_deadlines, find_document_date, resolve
from tracker.extract.model import Deadline, Precision

PUB = dt.date(2022, 3, 1)  # the publication date every relative rule resolves against
D, M, Q, H, Y, P = (Precision.DAY, Precision.MONTH, Precision.QUARTER, Precision.HALF,
                    Precision.YEAR, Precision.PLAN)


def only(text, published=PUB):
    mentions = find_deadlines(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


# (sentence, the deadline words, the last day they allow, precision)
RULES = [
    # the publication year
    ("各街道年内完成雨污分流改造", "年内", "2022-12-31", Y),
    ("今年将改造燃气管网80公里", "今年", "2022-12-31", Y),
    ("明后两年新建学校6所", "明后两年", "2024-12-31", Y),
    ("今后两年完成改造任务", "今后两年", "2023-12-31", Y),
    ("今年内投用智慧停车场5处", "今年内", "2022-12-31", Y),
    ("年底前建成口袋公园12个", "年底前", "2022-12-31", Y),
    ("力争年底城区绿化覆盖率达到42%", "年底", "2022-12-31", Y),
    ("全年新增城镇就业1.2万人", "全年", "2022-12-31", Y),
    ("本年度计划发放消费券2000万元", "本年度", "2022-12-31", Y),
    ("新项目当年开工", "当年", "2022-12-31", Y),
    ("今年年底前实现村村通公交", "今年年底前", "2022-12-31", Y),
    # next years
    ("明年再建成两座污水处理厂", "明年", "2023-12-31", Y),
    ("明年底前全部完成搬迁", "明年底前", "2023-12-31", Y),
    ("后年实现县域全覆盖", "后年", "2024-12-31", Y),
    ("今明两年新建公租房800套", "今明两年", "2023-12-31", Y),
    # explicit years
    ("确保2024年全市光伏装机突破500万千瓦", "2024年", "2024-12-31", Y),
    ("到2025年建成区级养老服务中心8处", "2025年", "2025-12-31", Y),
    ("2026年底前完成全部危桥改造", "2026年底前", "2026-12-31", Y),
    ("2025年前淘汰燃煤锅炉30台", "2025年前", "2025-12-31", Y),
    ("至2027年末建成5G基站3000个", "2027年末", "2027-12-31", Y),
    ("二〇二五年人均公园绿地达到15平方米", "二〇二五年", "2025-12-31", Y),
    ("2023年至2025年每年新增学位3000个", "2023年至2025年", "2025-12-31", Y),
    ("实施2023—2025年乡村振兴规划", "2023—2025年", "2025-12-31", Y),
    # days and months
    ("2022年5月20日前完成报名", "2022年5月20日前", "2022-05-20", D),
    ("新馆将于2023年10月开馆", "2023年10月", "2023-10-31", M),
    ("6月底前完成清淤疏浚", "6月底前", "2022-06-30", M),
    # a month with 前 and no 底: before that month begins (rule month_before; real examples below)
    ("今年9月前建成投用", "今年9月前", "2022-08-31", M),
    ("明年1月前全部交付", "明年1月前", "2022-12-31", M),
    ("十二月底前全部交付", "十二月底前", "2022-12-31", M),
    # a month's ten days: 上旬 to the 10th, 中旬 to the 20th, 下旬 to its end (嘉定区 2026: 11月中旬前完成剩余20％的整治任务)
    ("11月中旬前完成剩余20％的整治任务", "11月中旬前", "2022-11-20", D),
    ("2023年3月上旬前完成招标", "2023年3月上旬前", "2023-03-10", D),
    ("9月下旬前全部完工", "9月下旬前", "2022-09-30", M),
    ("4月15日起开通夜间公交", "4月15日", "2022-04-15", D),
    ("二〇二三年二月二十八日前完成", "二〇二三年二月二十八日前", "2023-02-28", D),
    ("展会于5月8日至12日举行", "5月8日至12日", "2022-05-12", D),
    ("本月底前完成摸底排查", "本月底前", "2022-03-31", M),
    ("月底前全部签约", "月底前", "2022-03-31", M),
    ("下个月底启动招标", "下个月底", "2022-04-30", M),
    # halves and quarters
    ("上半年完成征收签约", "上半年", "2022-06-30", H),
    ("下半年启动二期工程", "下半年", "2022-12-31", H),
    ("明年上半年实现通车", "明年上半年", "2023-06-30", H),
    ("年中前完成主体施工", "年中前", "2022-06-30", H),
    ("一季度新开工项目40个", "一季度", "2022-03-31", Q),
    ("第三季度末前完成验收", "第三季度末前", "2022-09-30", Q),
    ("2023年四季度建成投产", "2023年四季度", "2023-12-31", Q),
    # seasons, from the lexicon
    ("确保3所新建小学秋季开学投入使用", "秋季开学", "2022-09-01", M),
    ("秋季学期前完成校舍改造", "秋季学期前", "2022-09-01", M),
    ("明年秋季开学启用新校区", "明年秋季开学", "2023-09-01", M),
    # N-year spans: the publication year is year 1
    ("实施城市更新三年行动", "三年", "2024-12-31", Y),
    ("用3年时间完成老旧管网改造", "3年", "2024-12-31", Y),
    ("三年内建成区域医疗中心", "三年内", "2024-12-31", Y),
    ("未来五年新增学位2万个", "未来五年", "2026-12-31", Y),
    ("五年内实现城乡供水一体化", "五年内", "2026-12-31", Y),
    ("利用3至5年时间培育千亿级产业集群", "3至5年", "2026-12-31", Y),
    ("通过3-5年时间的努力", "3-5年", "2026-12-31", Y),
    ("力争两三年内见到成效", "两三年内", "2024-12-31", Y),
    # plan periods
    ("十四五期间新增城市绿道100公里", "十四五期间", "2025-12-31", P),
    ("“十四五”期间累计完成投资500亿元", "“十四五”期间", "2025-12-31", P),
    ("十四五末数字经济占比达到50%", "十四五末", "2025-12-31", P),
    ("回顾十三五发展成就", "十三五", "2020-12-31", P),
    ("谋划十五五重大项目", "十五五", "2030-12-31", P),
    ("编制第十四个五年规划纲要", "第十四个五年规划", "2025-12-31", P),
    ("展望2035年远景目标", "2035年远景目标", "2035-12-31", P),
    # past years are still years: the caller decides what a past deadline means
    ("2019这一年，全市新增市场主体5万户", "2019这一年", "2019-12-31", Y),
    ("去年底已建成充电桩300个", "去年底", "2021-12-31", Y),
    # full-width digits fold; raw keeps them
    ("２０２４年６月底前完工", "２０２４年６月底前", "2024-06-30", M),
]


@pytest.mark.parametrize(("text", "raw", "date", "precision"), RULES, ids=[r[1] for r in RULES])
def test_rule(text, raw, date, precision):
    m = only(text)
    assert text[m.start:m.end] == m.deadline.raw == raw
    assert m.deadline.date == dt.date.fromisoformat(date)
    assert m.deadline.precision is precision
    assert m.deadline.inherited is False


NOT_DEADLINES = [
    "新用户享受3个月免费试用",
    "步行15分钟可达公园",
    "为60周岁以上老人免费体检",
    "第十五届运动会",
    "过去五年全区生产总值年均增长7%",
    "近三年累计投入资金8亿元",
    "三年来共改造老旧小区40个",
    "五年前这里还是一片荒地",
    "全区有三年级学生4200人",
    "上世纪80年代建成的老厂房",
    "2月30日完成",  # no such day
    "13月底前完成",  # no such month
    "一年一度的招聘会",
    "纪念建党100年",
    "二十四五个村庄",
    "地区生产总值比上年增长6.5%",  # a past year as a comparison's baseline
    "税收较去年同期增长12%",
    "工作满3年的教师可申请",  # eligibility, not a span of work ahead
    "具有5年以上工作经验",
]


@pytest.mark.parametrize("text", NOT_DEADLINES)
def test_not_a_deadline(text):
    assert find_deadlines(text, PUB) == []


def test_impossible_date_is_skipped_not_raised():
    assert find_deadlines("2021年2月29日前报名，6月31日截止", PUB) == []


@pytest.mark.parametrize("row", lexicons.rows("deadline_seasons"), ids=lambda r: r[0])
def test_every_season_word_in_the_lexicon_is_found(row):
    m = only(f"确保{row[0]}完成")
    assert m.deadline.raw == row[0]
    expected = None if row[1] == "-" else dt.date.fromisoformat(f"{PUB.year}-{row[1]}")
    assert m.deadline.date == expected


def test_lunar_festival_is_kept_without_a_date():
    (m,) = find_deadlines("春节前完成农民工工资清欠", PUB)
    assert m.deadline == Deadline("春节前", None, None)


@pytest.mark.parametrize("text", ["年内建成幼儿园3所", "三年内完成", "明年底前投用", "6月底前完成", "秋季开学投入使用"])
def test_relative_words_without_publication_date_have_no_date(text):
    m = only(text, published=None)
    assert m.deadline.raw and m.deadline.date is None


@pytest.mark.parametrize(("text", "date"), [
    ("2025年底前完成", "2025-12-31"),
    ("十四五期间建成", "2025-12-31"),
    ("2019年9月17日召开", "2019-09-17"),
])
def test_absolute_words_need_no_publication_date(text, date):
    assert only(text, published=None).deadline.date == dt.date.fromisoformat(date)


# Rule month_before, on real sentences of two documents (each with its publication date): a month named with 前
# (之前, 以前) and no 底/末 allows the last day of the month before it, as the corpus's gold reads 柳河县's 7月前
# ("before July"); with 底 it allows the month's own last day.
MONTH_BEFORE = [
    # 柳河县's energy report of 2022 (tests/extract/real/liuhe_energy_2022.txt, gold g.json: 2023-06-30)
    ("项目计划将于2023年7月前完成建设，并网售电价格为0.37元/度。", dt.date(2022, 10, 1), "2023年7月前", "2023-06-30"),
    # 合肥 news of 2011-04-19, likgjava/eb 7470cfbcce2c33c38d76cb757029227202253ea9
    # webapp/view/staticpags/cgxqzx/ff8080812f588033012f6b733e2208fd.jsp, code points 2997–3041
    ("本报讯日前,安徽省合肥市相关部门表示,合肥市政府机关将在今年9月份之前全面使用正版软件。", dt.date(2011, 4, 19),
     "今年9月份之前", "2011-08-31"),
    # the same page's lead: 底前 keeps the month (各级政府机关软件正版化专项检查和整改工作必须在2011年10月底前完成)
    ("各级政府机关软件正版化专项检查和整改工作必须在2011年10月底前完成", dt.date(2011, 4, 19), "2011年10月底前", "2011-10-31"),
]


@pytest.mark.parametrize(("text", "published", "raw", "date"), MONTH_BEFORE, ids=[r[2] for r in MONTH_BEFORE])
def test_a_month_with_qian_is_before_that_month_begins(text, published, raw, date):
    m = only(text, published)
    assert m.deadline.raw == raw
    assert m.deadline.date == dt.date.fromisoformat(date)
    assert m.deadline.precision is M


def test_publication_year_not_today_decides():
    assert only("年内建成", dt.date(2020, 3, 22)).deadline.date == dt.date(2020, 12, 31)
    assert only("三年行动", dt.date(2020, 3, 22)).deadline.date == dt.date(2022, 12, 31)


def test_several_mentions_in_order_without_overlap():
    text = "今年上半年开工，2023年6月底前主体完工，十四五末全面建成，3至5年见效。"
    mentions = find_deadlines(text, PUB)
    assert [m.deadline.raw for m in mentions] == ["今年上半年", "2023年6月底前", "十四五末", "3至5年"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_mention_is_a_frozen_dataclass():
    m = only("年内完成")
    assert isinstance(m, DeadlineMention)
    with pytest.raises(AttributeError):
        m.start = 3


@pytest.mark.parametrize(("raw", "date", "precision"), [
    ("年内", "2022-12-31", Y),
    ("到2025年", "2025-12-31", Y),
    ("至2025年", "2025-12-31", Y),
    ("三年行动", "2024-12-31", Y),
    ("“十四五”期间", "2025-12-31", P),
    ("6月底", "2022-06-30", M),
])
def test_resolve(raw, date, precision):
    assert resolve(raw, PUB) == Deadline(raw, dt.date.fromisoformat(date), precision)


def test_resolve_unknown_words_keep_raw():
    assert resolve("尽快", PUB) == Deadline("尽快")


@pytest.mark.parametrize(("token", "expected"), [
    ("二〇二五", 2025), ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31),
    ("一百二十", 120), ("两千", 2000), ("三万五千", 35000), ("2025", 2025),
])
def test_cn_int(token, expected):
    assert _cn_int(token) == expected


@given(st.integers(min_value=1, max_value=99999))
def test_cn_int_agrees_with_cn2an(n):
    assert _cn_int(cn2an.an2cn(n)) == n


# ---------------------------------------------------------------- any text in

_PIECES = ["年内", "今年", "明年底", "2025年", "6月", "底前", "三年", "过去", "十四五", "“", "”", "季度",
           "上半年", "秋季开学", "春节前", "２０２", "〇", "13月", "2月30日", "至", "-", "\n", "，", "建成"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(_PIECES) | st.text(max_size=3)).map("".join)),
       st.none() | st.dates())
def test_any_text_spans_are_valid(text, published):
    mentions = find_deadlines(text, published)
    for m in mentions:
        assert text[m.start:m.end] == m.deadline.raw
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    find_document_date(text)


# ---------------------------------------------------------------- the document's own date

DOCUMENT_DATES = [
    ("masthead with weekday", "8 城市晚报\n2021年3月5日 星期五\n编辑 张某\n今年将新建公园6个。", "2021-03-05"),
    ("weekday after an event date in the first line", "2018年6月2日,市里召开大会。\n3 日报 2018年6月4日 星期一\n", "2018-06-04"),
    ("publication cue", "市政府网站\n发布时间：2021年01月15日\n今年将改造老旧小区30个。", "2021-01-15"),
    ("iso date cue", "来源：区政府办 发布日期:2021-01-15 浏览次数：120\n正文", "2021-01-15"),
    ("iso date heading the page", "2021-07-09 09:30:12\n区长在会上表示，年内建成学校2所。", "2021-07-09"),
    ("date alone on a line", "区政府工作报告\n2023年1月10日\n各位代表：", "2023-01-10"),
    ("dateline with the year beside it", "本报济南4月2日讯 2021年，全省将新建5G基站4万个。", "2021-04-02"),
    ("full-width digits", "发布时间：２０２２年０２月１８日\n正文", "2022-02-18"),
    ("full dateline", "本报2022年3月5日讯 区里今年将新建学校3所。", "2022-03-05"),
    ("signature in Chinese numerals", "各位代表：\n今年将新建学校3所。\n某区人民政府\n二〇二三年一月十日", "2023-01-10"),
    ("time stamp", "市政府门户网站\n2021年01月15日 10:32 来源：市发改委\n正文", "2021-01-15"),
]


@pytest.mark.parametrize(("text", "date"), [d[1:] for d in DOCUMENT_DATES], ids=[d[0] for d in DOCUMENT_DATES])
def test_find_document_date(text, date):
    assert find_document_date(text) == dt.date.fromisoformat(date)


NO_DOCUMENT_DATE = [
    ("event in the body", "变革\n2019年9月5日,中共某市委第十二届委员会第八次全体会议在城区举行。"),
    ("event with a time of day", "2020年3月18日上午，市委书记到开发区调研。"),
    ("dateline without a year", "晨报淄博3月21日讯 记者从市工信局获悉，下一步将从五个方面着手。"),
    ("no date at all", "今年将新建保障性住房1021套。"),
    ("impossible date with weekday", "2021年2月30日 星期二"),
    ("event with its weekday", "2019年9月5日 星期四，市委召开全体会议。"),
    ("time of an event", "会议时间：2021年3月5日\n会议地点：市政府"),
]


@pytest.mark.parametrize("text", [d[1] for d in NO_DOCUMENT_DATE], ids=[d[0] for d in NO_DOCUMENT_DATE])
def test_no_document_date_when_unsure(text):
    assert find_document_date(text) is None


def test_a_work_reports_dateline_is_its_date():
    text = "政府工作报告\n——2022年1月10日在青山县第十八届人民代表大会第一次会议上\n县长 李红梅\n今年将新建学校6所。"
    assert find_document_date(text) == dt.date(2022, 1, 10)

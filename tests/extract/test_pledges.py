"""The pledge finder, rule by rule, on sentences written for these tests."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

import extract_helpers
from tracker.extract import extract_document

PUB = dt.date(2021, 2, 1)


def pledges(text, published=PUB):
    return extract_helpers.pledges(text, published)


def one(text, published=PUB):
    return extract_helpers.one(text, published)


def test_a_plain_pledge_with_every_field():
    c = one("今年将新建公办幼儿园12所，秋季开学投入使用。")
    assert c.quote == "今年将新建公办幼儿园12所"
    assert (c.action, c.object) == ("新建", "公办幼儿园")
    assert [(q.to_dict()["value"], q.unit) for q in c.quantities] == [(12, "所")]
    assert c.deadline.raw == "今年" and c.deadline.date == dt.date(2021, 12, 31)
    assert c.qualifier is None


@pytest.mark.parametrize("text, qualifier", [
    ("力争全年新增市场主体5000户以上。", "以上"),
    ("今年将培育省级专精特新企业30家左右。", "左右"),
    ("确保全年粮食产量突破60万吨。", "突破"),
    ("年内签约项目累计达到200个。", "累计"),
    ("力争年内新增城市绿道20公里。", "力争"),
])
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_one_object_with_several_numbers_is_one_pledge():
    c = one("今年将加快推进总投资85亿元的12个重点水利项目。")
    assert sorted(q.unit for q in c.quantities) == ["个", "亿元"]
    assert c.object == "重点水利项目"


def test_coordinated_objects_with_their_own_numbers_are_separate():
    found = pledges("今年将改造城中村6个、老旧小区25个，新建城市公园3处。")
    assert [c.quote for c in found] == ["今年将改造城中村6个", "老旧小区25个", "新建城市公园3处"]
    assert [c.action for c in found] == ["改造", "改造", "新建"]
    assert {c.deadline.raw for c in found} == {"今年"}


def test_two_rates_of_one_object_stay_one_pledge():
    c = one("今年城乡居民收入分别增长6%和8%。")
    assert [q.to_dict()["value"] for q in c.quantities] == [6, 8]


@pytest.mark.parametrize("text", [
    "去年，全市新建学校15所，改造道路30条。",
    "过去五年，全区累计完成投资1200亿元。",
    "2020年，全市新增城镇就业3.5万人。",
    "全市已建成充电桩500个。",
    "会议出台了支持企业发展的十条措施。",
])
def test_achievements_are_no_pledges(text):
    assert pledges(text) == ()


@pytest.mark.parametrize("text", [
    "我们将从五个方面推进改革。",
    "紧紧围绕“三大攻坚行动”，全面落实各项任务。",
    "扎实推进“千名干部进万家”活动。",
    "请拨打服务热线12345咨询。",
    "启动五年百万人才引育计划，加快建设人才高地。",
    "全面落实企业减负二十条措施。",
])
def test_names_and_structures_are_no_pledges(text):
    assert pledges(text) == ()


def test_cue_inherited_from_section_lead():
    text = "二、2021年重点工作\n今年，全区将聚焦民生实事。\n（一）办好教育。新建幼儿园4所，改扩建小学2所。"
    found = pledges(text)
    assert [c.quote for c in found] == ["新建幼儿园4所", "改扩建小学2所"]
    assert all(c.deadline.raw == "今年" and c.deadline.inherited for c in found)


def test_deadline_from_the_clause_that_follows():
    c = one("加快建设第二人民医院等3所医院，确保年底前投入使用。")
    assert c.deadline.raw == "年底前" and c.deadline.date == dt.date(2021, 12, 31)
    assert c.qualifier == "确保"


@pytest.mark.parametrize("text, raw, date", [
    ("到2025年，全市新建5G基站3000个。", "2025年", dt.date(2025, 12, 31)),
    ("利用三年时间，打造百亿级产业集群。", "三年", dt.date(2023, 12, 31)),
    ("上半年完成老旧管网改造40公里。", "上半年", dt.date(2021, 6, 30)),
])
def test_deadlines(text, raw, date):
    c = one(text)
    assert (c.deadline.raw, c.deadline.date) == (raw, date)


def test_relative_deadline_without_a_date_stays_unresolved():
    c = one("今年将新建学校3所。", published=None)
    assert c.deadline.raw == "今年" and c.deadline.date is None


def test_official_and_district_from_an_interview():
    text = ("专访某某市委常委、东城区委书记刘明远\n"
            "记者 王小二\n"
            "东城区委书记刘明远在接受记者采访时表示，今年东城区将新建社区食堂20处。")
    c = one(text)
    assert c.official.name == "刘明远"
    assert c.official.title == "某某市委常委、东城区委书记"
    assert c.district == "东城区"


def test_report_presenter_is_the_official():
    text = "市长李文华作政府工作报告。\n报告提出，今年济南将新建公园50个。"
    c = one(text)
    assert c.official.name == "李文华"
    assert c.district == "济南市"


def test_byline_is_never_the_official():
    text = "记者 张国强\n今年全市将新建停车泊位8000个。"
    assert one(text).official is None


def test_ads_are_set_aside():
    text = "扫描二维码，立享三个月免费服务，赢取1000元大奖\n今年将新建学校3所。"
    assert [c.quote for c in pledges(text)] == ["今年将新建学校3所"]


def test_every_offset_indexes_the_stored_text():
    raw = "今年将加快推进道路改\n\n造，新建道路12条，改造桥梁3座。\n"
    doc = extract_document(raw, published=PUB)
    assert [c.quote for c in doc.candidates] == ["新建道路12条", "改造桥梁3座"]
    for c in doc.candidates:
        assert doc.text[c.start:c.end] == c.quote
        for q in c.quantities:
            assert doc.text[q.start:q.end] == q.raw


@given(st.text(alphabet=st.sampled_from(list("今年将新建改造学校幼儿园道路所条个3０五十百万亿%，。、；\n “”以上左右力争去年已2021年")), max_size=120))
@settings(max_examples=400, deadline=None)
def test_any_text_in_no_exception_spans_valid(raw):
    doc = extract_document(raw, published=PUB)
    for c in doc.candidates:
        assert 0 <= c.start < c.end <= len(doc.text)
        assert doc.text[c.start:c.end] == c.quote
        assert c.quantities
        assert 0 <= c.confidence <= 1


@given(st.text(max_size=150))
@settings(max_examples=200, deadline=None)
def test_arbitrary_unicode_no_exception(raw):
    doc = extract_document(raw)
    for c in doc.candidates:
        assert doc.text[c.start:c.end] == c.quote


REPORT = """2021年某某市政府工作报告
市长 王志刚
一、2020年工作回顾
2020年是极不平凡的一年。全市生产总值完成2860亿元，增长3.8%。
（一）民生保障持续加强。新建中小学36所，改造老旧小区128个。
二、2021年重点工作
（一）着力扩大有效投资
实施市级重点项目350个，完成投资1300亿元以上。
（二）持续改善民生
新建、改扩建中小学和幼儿园40所，建设保障性租赁住房5000套。
"""


def test_a_work_report_review_section_is_no_pledge_and_its_task_section_is():
    found = pledges(REPORT, published=dt.date(2021, 1, 25))
    assert [c.quote for c in found] == [
        "实施市级重点项目350个", "完成投资1300亿元以上", "新建、改扩建中小学和幼儿园40所", "建设保障性租赁住房5000套"]
    assert {c.deadline.date for c in found} == {dt.date(2021, 12, 31)}
    assert {c.official.name for c in found} == {"王志刚"}
    assert found[2].action == "新建、改扩建"


def test_figures_of_a_period_already_behind_are_no_pledges():
    text = "今年前三季度，全市实现地区生产总值1000亿元，同比增长6%。"
    assert pledges(text, published=dt.date(2021, 10, 20)) == ()


def test_elliptical_clause_takes_the_object_before_it():
    found = pledges("今年计划新开工安置住房1.2万套，基本建成8000套。")
    assert [(c.action, c.object) for c in found] == [("开工", "安置住房"), ("建成", "安置住房")]


def test_the_first_verb_governs_unless_one_is_attached_to_the_number():
    assert one("今年将新开工棚户区改造安置住房500套。").action == "开工"
    assert one("力争高新技术企业累计达到120家。").action == "达到"


@pytest.mark.parametrize("text, raw, unit", [
    ("今年将惠及群众3万余户。", "3万余户", "万户"),
    ("年内新增市场主体100多家。", "100多家", "家"),
])
def test_approximations_inside_the_quantity(text, raw, unit):
    c = one(text)
    assert (c.quantities[0].raw, c.quantities[0].unit) == (raw, unit)
    assert c.qualifier == raw[-2]


@pytest.mark.parametrize("text, raws, qualifier", [
    ("今年将实施亿元以上项目100个。", ["100个", "亿元以上"], None),
    ("力争年内引进过亿元项目30个以上。", ["30个", "过亿元"], "以上"),
    ("年内实现税收过亿元楼宇新的突破。", ["过亿元"], "过"),
])
def test_thresholds_in_the_object_come_after_the_count(text, raws, qualifier):
    c = one(text)
    assert [q.raw for q in c.quantities] == raws
    assert c.qualifier == qualifier


def test_a_long_paragraph_keeps_every_pledge_and_its_deadline():
    unit = "今年将新建幼儿园3所，改造道路12条，确保年底前完工；"
    small = extract_document(unit * 50, published=PUB).candidates
    large = extract_document(unit * 400, published=PUB).candidates
    assert len(small) == 100 and len(large) == 800
    assert large[-1].deadline.raw == "年底前" and large[-1].quote == "改造道路12条"


@pytest.mark.parametrize("text, raw, unit", [
    ("今年将完成征地拆迁3000亩。", "3000亩", "亩"),
    ("年内新增养老床位2000张。", "2000张", "张"),
    ("今年将更新新能源公交车1500辆。", "1500辆", "辆"),
    ("今年将培训农民工2021人次。", "2021人次", "人次"),
])
def test_a_four_digit_count_with_its_unit_is_no_year(text, raw, unit):
    c = one(text)
    assert [(q.raw, q.unit) for q in c.quantities] == [(raw, unit)]


def test_a_four_digit_count_does_not_turn_the_next_paragraph_into_a_review():
    # Read as the year 2000, 征迁2000亩 once made the paragraph look back and the next
    # paragraph, with no cue of its own, inherited that and lost its pledges.
    text = ("二、2021年工作安排\n\n今年将实施重点项目100个，完成征迁2000亩。\n\n"
            "新建改建农村公路200公里，改造提升城市道路30条。")
    assert [c.quote for c in pledges(text)][-2:] == ["新建改建农村公路200公里", "改造提升城市道路30条"]


@pytest.mark.parametrize("text, quotes", [
    ("今年将完成老旧小区改造86个、惠及居民2.3万户。", ["今年将完成老旧小区改造86个、惠及居民2.3万户"]),
    ("今年将普及垃圾分类小区300个和智能回收站50座。", ["今年将普及垃圾分类小区300个", "智能回收站50座"]),
    ("今年将建设和谐社区20个、示范街道5条。", ["今年将建设和谐社区20个", "示范街道5条"]),
])
def test_and_inside_a_word_coordinates_nothing(text, quotes):
    assert [c.quote for c in pledges(text)] == quotes


def test_a_beneficiary_count_is_a_second_quantity_of_the_same_pledge():
    c = one("今年将完成棚户区改造1200户、惠及群众3600人。")
    assert [q.unit for q in c.quantities] == ["户", "人"]


@pytest.mark.parametrize("text, action, obj", [
    ("今年将新建改扩建中小学校、幼儿园25所。", "新建改扩建", "中小学校、幼儿园"),
    ("今年将建成投用公共服务中心8个。", "建成投用", "公共服务中心"),
    ("今年将改造提升农贸市场15个。", "改造提升", "农贸市场"),
    ("今年将新建、改扩建幼儿园12所。", "新建、改扩建", "幼儿园"),
])
def test_verbs_written_together_are_one_action_and_objects_sharing_a_number_are_one(text, action, obj):
    c = one(text)
    assert (c.action, c.object) == (action, obj)


def test_a_list_word_is_not_part_of_the_quote_and_a_hedge_not_part_of_the_object():
    found = pledges("下半年将重点抓好以下工作：一是新开工项目不少于20个；二是力争完成固定资产投资50亿元。",
                    published=dt.date(2021, 7, 10))
    assert [c.quote for c in found] == ["新开工项目不少于20个", "力争完成固定资产投资50亿元"]
    assert (found[0].object, found[0].qualifier) == ("项目", "不少于")


@pytest.mark.parametrize("text", [
    "截至目前，全市已完成投资23.5亿元，完成年度计划的27%。",
    "今年以来，全区已建成5G基站800个，占全年计划的40%。",
])
def test_a_plan_named_as_a_thing_makes_no_progress_report_a_pledge(text):
    assert not pledges(text, published=dt.date(2021, 7, 10))


@pytest.mark.parametrize("text, raw, value", [
    ("今年将新建改建学校十余所。", "十余所", 10),
    ("年内新增就业岗位百余个。", "百余个", 100),
    ("今年将培育科技型企业千余家。", "千余家", 1000),
])
def test_a_round_chinese_number_with_yu_or_duo_is_a_quantity(text, raw, value):
    c = one(text)
    assert [(q.raw, q.to_dict()["value"]) for q in c.quantities] == [(raw, value)] and c.qualifier == "余"


@pytest.mark.parametrize("text", ["今年将统一多元化的服务标准。", "唯一余下的任务今年完成。"])
def test_a_lone_numeral_inside_a_word_before_duo_or_yu_is_no_number(text):
    assert not pledges(text)


def test_leiji_before_the_verb_qualifies_the_count():
    assert one("“十四五”期间，全区将累计新增城镇就业3万人。").qualifier == "累计"


@pytest.mark.parametrize("text, obj", [
    ("今年将建成5G基站1500个。", "5G基站"),
    ("今年将新建110kV变电站3座。", "110kV变电站"),
    ("今年全区一般公共预算收入力争达到45亿元。", "一般公共预算收入"),
    ("今年全市新增城镇就业3万人。", "城镇就业"),
])
def test_objects_keep_technical_names_and_drop_the_speakers_territory(text, obj):
    assert one(text).object == obj


def test_a_rate_after_an_amount_is_of_the_same_subject():
    # one target, its level and its growth: one pledge with both quantities (level_then_rate)
    found = pledges("今年一般公共预算收入力争达到45亿元，增长7%。")
    assert [(c.object, [q.unit for q in c.quantities]) for c in found] == [("一般公共预算收入", ["亿元", "%"])]


@pytest.mark.parametrize("text", [
    "2020年全市国民经济和社会发展统计公报\n\n全年全市地区生产总值4520亿元，比上年增长4.1%。",
    "年末全市常住人口470.5万人，比上年末增加1.2万人。",
    "全年新开工亿元以上项目520个，同比增加30个。",
])
def test_statistics_compared_with_last_year_are_no_pledges(text):
    assert not pledges(text, published=dt.date(2021, 3, 20))
    assert not pledges(text, published=None)


def test_a_target_compared_with_last_year_is_still_a_pledge():
    # the growth under the same modal is a target of the same object, as 同比增长8% is
    # (the level and its growth are one pledge since level_then_rate)
    (target,) = pledges("今年力争地区生产总值达到500亿元，比上年增长6%。")
    assert [q.unit for q in target.quantities] == ["亿元", "%"] and target.qualifier == "力争"
    assert target.object == "地区生产总值"


@pytest.mark.parametrize("text, action, obj", [
    ("今年将实施老旧小区改造项目46个。", "实施", "老旧小区改造项目"),
    ("今年将新开工棚户区改造安置住房1.2万套。", "开工", "棚户区改造安置住房"),
    ("今年将完成老旧小区改造86个。", "改造", "老旧小区"),
])
def test_a_verb_between_name_words_names_the_object(text, action, obj):
    c = one(text)
    assert (c.action, c.object) == (action, obj)


def test_whom_a_pledge_reaches_is_no_pledge_of_its_own():
    assert [c.quote for c in pledges("今年将实施老旧小区改造项目46个，涉及居民1.2万户，年底前全部完工。")] == [
        "今年将实施老旧小区改造项目46个"]


@pytest.mark.parametrize("text, raw, date", [
    ("明年，我们将力争全年签约亿元以上项目150个。", "全年", dt.date(2025, 12, 31)),
    ("明年我市将年底前建成充电桩500个。", "年底前", dt.date(2025, 12, 31)),
    ("2025年，全市将新建公园20个，6月底前完成老旧小区改造30个。", "6月底前", dt.date(2025, 6, 30)),
    ("2025年，全市将新建公园20个。6月底前完成老旧小区改造30个。", "6月底前", dt.date(2025, 6, 30)),
    ("今年将新建公园20个，年底前完成老旧小区改造30个。", "年底前", dt.date(2024, 12, 31)),
])
def test_dates_without_a_year_take_the_year_their_sentence_opens_with(text, raw, date):
    found = pledges(text, dt.date(2024, 12, 29))
    last = found[-1]
    assert last.quantities[0].raw.startswith("30") or last.quantities[0].raw.startswith(("150", "500"))
    assert (last.deadline.raw, last.deadline.date) == (raw, date)


def test_a_year_inside_an_earlier_clause_governs_only_that_clause():
    found = pledges("确保2023年全区高速公路里程突破100公里；年内改造城市干道11条。", dt.date(2022, 1, 20))
    assert [(c.deadline.raw, c.deadline.date) for c in found] == [
        ("2023年", dt.date(2023, 12, 31)), ("年内", dt.date(2022, 12, 31))]


def test_a_past_month_of_the_publication_year_stays_behind_the_speaker():
    assert list(pledges("今年6月底前完成老旧小区改造30个。", dt.date(2024, 12, 29))) == []


@pytest.mark.parametrize("text, action, obj, raw", [
    ("今年将为老旧小区加装电梯300台。", "加装", "电梯", "300台"),
    ("年内新增路灯1200盏。", "新增", "路灯", "1200盏"),
    ("今年粮食总产量稳定在50亿斤以上。", "稳定", "粮食总产量", "50亿斤"),
    ("年内拆除违法建筑20万平方米。", "拆除", "违法建筑", "20万平方米"),
    ("今年将淘汰燃煤锅炉35台。", "淘汰", "燃煤锅炉", "35台"),
])
def test_more_measure_words_and_verbs(text, action, obj, raw):
    c = one(text)
    assert (c.action, c.object, c.quantities[0].raw) == (action, obj, raw)


def test_a_chinese_zero_inside_a_word_is_no_number():
    assert [q.raw for c in pledges("今年将建成汽车零部件项目。培育零部件生产基地3个。") for q in c.quantities] == ["3个"]


@pytest.mark.parametrize("text, raws", [
    ("今年将实施市重大项目24个，总投资417亿元，年度计划投资120亿元。", ["24个", "417亿元"]),
    ("年内开工建设重点项目50个、总投资300亿元。", ["50个", "300亿元"]),
    ("今年计划实施城建项目100项，估算总投资200亿元。", ["100项", "200亿元"]),
])
def test_the_investment_after_a_count_of_projects_sizes_that_pledge(text, raws):
    c = pledges(text)[0]
    assert [q.raw for q in c.quantities] == raws and c.object.endswith("项目")


def test_the_years_share_of_a_sized_pledge_is_a_pledge_of_its_own():
    # 龙文区 news, 2017 (tests/extract/real/longwen_news_2017.txt): its gold has 年度计划投资约7.2亿元 apart
    found = pledges("今年将实施市重大项目24个，总投资417亿元，年度计划投资120亿元。")
    assert [[q.raw for q in c.quantities] for c in found] == [["24个", "417亿元"], ["120亿元"]]
    assert found[1].action == "投资"


@pytest.mark.parametrize("text, raws", [
    ("今年地区生产总值增长8%，达到300亿元。", [["8%", "300亿元"]]),
    ("今年地方财政收入增长10%以上、达到20亿元。", [["10%", "20亿元"]]),
    ("今年社会消费品零售总额增长9%左右，力争突破120亿元。", [["9%", "120亿元"]]),
    # the level names a thing of its own, or follows no growth: a pledge of its own
    ("今年旅游人数增长15%，旅游收入达到38亿元。", [["15%"], ["38亿元"]]),
    ("今年将新建学校5所，达到120所。", [["5所"], ["120所"]]),
    # another sentence
    ("今年地区生产总值增长8%。达到300亿元。", [["8%"], ["300亿元"]]),
])
def test_the_level_a_growth_reaches_is_part_of_that_target(text, raws):
    assert [[q.raw for q in c.quantities] for c in pledges(text)] == raws


def test_an_investment_with_its_own_verb_stays_a_pledge_of_its_own():
    found = pledges("今年将实施重点项目30个，完成投资120亿元。")
    assert [[q.raw for q in c.quantities] for c in found] == [["30个"], ["120亿元"]]


def test_a_number_inside_the_name_leaves_its_unit_out_of_the_object():
    found = pledges("今年将新建15分钟便民生活圈5个，建设24小时自助图书馆10家。")
    assert [(c.object, c.quantities[0].raw) for c in found] == [("便民生活圈", "5个"), ("自助图书馆", "10家")]


def test_a_conjunct_without_a_verb_shares_the_whole_verb_group():
    found = pledges("今年将新建改扩建中小学校4所、幼儿园6所。")
    assert [(c.action, c.object) for c in found] == [("新建改扩建", "中小学校"), ("新建改扩建", "幼儿园")]


def test_a_speakers_answer_opens_with_its_own_deadline():
    text = ("记者：“十四五”期间有哪些打算？\n"
            "褚银良：今年我们将新增养老床位800张。此外，还将完成农村公路提质改造120公里。")
    last = pledges(text, dt.date(2021, 3, 5))[-1]
    assert (last.action, last.object) == ("提质改造", "农村公路")
    assert (last.deadline.raw, last.deadline.date) == ("今年", dt.date(2021, 12, 31))


def test_the_label_of_a_list_of_practical_things_is_no_pledge_its_items_are():
    text = ("市政府发布2024年十件民生实事项目。\n"
            "1.推进教育优质均衡发展。新增学位1.8万个。\n"
            "据介绍，去年的十件民生实事已全部完成。")
    found = pledges(text, dt.date(2024, 1, 25))
    assert [q.raw for c in found for q in c.quantities] == ["1.8万个"]


def test_an_age_limit_beside_the_target_is_no_quantity_of_the_pledge():
    c = one("今年将为65岁以上老年人免费健康体检20万人次。", dt.date(2024, 1, 25))
    assert [q.raw for q in c.quantities] == ["20万人次"] and c.qualifier is None


def test_an_aside_in_brackets_before_the_number_stays_out_of_the_object():
    assert one("今年将新建社区养老服务中心（站）40处。", dt.date(2024, 1, 25)).object == "社区养老服务中心"


@pytest.mark.parametrize("text, obj", [
    ("到2025年，居民人均可支配收入比2020年翻一番。", "居民人均可支配收入"),
    ("力争到2025年全市经济总量比2020年翻一番。", "经济总量"),
])
def test_a_baseline_year_is_not_when_the_pledge_happens(text, obj):
    c = one(text, dt.date(2021, 2, 20))
    assert c.object == obj and [(q.value, q.unit) for q in c.quantities] == [(2, "倍")]
    assert c.deadline.date == dt.date(2025, 12, 31)


def test_last_years_statistic_against_its_own_baseline_is_still_no_pledge():
    assert list(pledges("2020年全市地区生产总值4520亿元，比上年增长4.1%。", dt.date(2021, 2, 20))) == []


def test_a_plan_period_behind_the_speaker_is_a_past_cue():
    assert list(pledges("“十三五”期间，全区累计新增城镇就业5.6万人。", dt.date(2023, 11, 15))) == []
    c = one("“十四五”期间，全区将累计新增城镇就业6万人。", dt.date(2023, 11, 15))
    assert c.deadline.date == dt.date(2025, 12, 31)


def test_a_task_list_numbered_items_with_notes_of_unit_and_time_limit():
    text = ("关于2024年全县重点工作任务分解的通知\n"
            "一、经济发展\n"
            "2．新签约亿元以上项目50个，其中10亿元以上项目5个。（牵头单位：县商务局；完成时限：2024年12月底）\n"
            "3．新增规上工业企业25家。（牵头单位：县工信局）\n"
            "4．新建农村公路100公里，改造危桥12座。（牵头单位：县交通运输局；完成时限：2024年10月底前）\n")
    found = pledges(text, dt.date(2024, 2, 1))
    assert [c.quote for c in found] == ["新签约亿元以上项目50个", "其中10亿元以上项目5个", "新增规上工业企业25家",
                                        "新建农村公路100公里", "改造危桥12座"]
    assert [c.deadline.date for c in found][:2] == [dt.date(2024, 12, 31)] * 2
    assert [(c.deadline.raw, c.deadline.date) for c in found][3:] == [("2024年10月底前", dt.date(2024, 10, 31))] * 2


def test_the_basis_of_a_rate_is_not_the_object():
    c = one("今年城乡低保标准分别提高到每人每月760元和600元。", dt.date(2024, 1, 15))
    assert c.object == "城乡低保标准" and [q.raw for q in c.quantities] == ["760元", "600元"]


def test_an_amount_with_yishang_before_the_object_is_a_size_class_not_the_target():
    c = one("今年全市新开工5亿元以上项目60个。", dt.date(2022, 1, 18))
    assert [q.raw for q in c.quantities] == ["60个", "5亿元"] and c.qualifier is None
    c = one("今年新增规上工业企业50家以上。", dt.date(2022, 1, 18))
    assert c.qualifier == "以上"


@pytest.mark.parametrize("text, action, obj", [
    ("今年将谋划储备重大项目500个。", "谋划储备", "重大项目"),
    ("年内建成通车城市快速路20公里。", "建成通车", "城市快速路"),
])
def test_joined_planning_and_opening_verbs(text, action, obj):
    c = one(text, dt.date(2022, 1, 18))
    assert (c.action, c.object) == (action, obj)

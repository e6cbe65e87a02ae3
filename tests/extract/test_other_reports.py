"""Rules found by reading reports of other provinces and kinds (tests/extract/unseen/):
sentences written for the rule, not copied from those documents."""
import datetime as dt

import pytest

import extract_helpers

PUB = dt.date(2023, 2, 15)


def pledges(text, published=PUB):
    return extract_helpers.pledges(text, published)


def one(text, published=PUB):
    return extract_helpers.one(text, published)


def values(c):
    return [(q.to_dict()["value"], q.unit) for q in c.quantities]


@pytest.mark.parametrize("text, value", [
    ("年内改造2000年底前建成的老旧小区215个。", 215),
    ("今年将改造2005年以前建设的供水管网80公里。", 80),
])
def test_a_past_year_inside_the_objects_modifier_does_not_make_an_achievement(text, value):
    assert values(one(text)) == [(value, values(one(text))[0][1])]


def test_a_past_year_modifier_does_not_turn_the_next_paragraphs_back():
    text = "一、年内改造2000年底前建成的老旧小区215个。\n二、新建农村户用卫生厕所1.5万户。"
    assert [c.quote for c in pledges(text)] == ["年内改造2000年底前建成的老旧小区215个", "新建农村户用卫生厕所1.5万户"]


def test_a_plan_period_already_over_makes_an_achievement():
    text = "“十三五”时期，全旗地区生产总值年均增长4.8%。展望“十四五”，到2025年，全旗地区生产总值达到1500亿元。"
    assert [c.quote for c in pledges(text, dt.date(2021, 5, 20))] == ["全旗地区生产总值达到1500亿元"]


@pytest.mark.parametrize("text, n", [
    # the output value and its growth are one target since level_then_rate
    ("力争全年实际使用外资12亿美元，完成规上工业总产值4200亿元，同比增长8%。", 2),
    ("今年将确保规上工业增加值同比增长7%。", 1),
])
def test_a_comparison_with_last_year_under_a_modal_is_a_target(text, n):
    assert len(pledges(text)) == n


@pytest.mark.parametrize("text", [
    "1-9月，全市规上工业总产值完成4200亿元，同比增长8%。",
    "去年全市地区生产总值4520亿元，比上年增长4.1%。",
])
def test_a_comparison_with_last_year_without_a_modal_is_a_statistic(text):
    assert list(pledges(text)) == []


@pytest.mark.parametrize("text, groups", [
    ("力争新引进超10亿元产业项目10个、超亿元项目40个。", [[(10, "个"), (10, "亿元")], [(40, "个"), (1, "亿元")]]),
    ("力争全年新招引50亿元以上重大项目8个、10亿元以上项目25个。", [[(8, "个"), (50, "亿元")], [(25, "个"), (10, "亿元")]]),
])
def test_a_sum_after_a_count_and_a_comma_sizes_the_next_object(text, groups):
    assert [sorted(values(c), key=lambda v: v[1] != "个") for c in pledges(text)] == groups


@pytest.mark.parametrize("title, name", [
    ("县长  王晓东", "王晓东"),
    ("县长\u3000王晓东", "王晓东"),
])
def test_a_report_presented_under_a_spaced_title_credits_its_presenter(title, name):
    found = pledges(f"德清县人民政府工作报告\n{title}\n二、2023年重点工作\n新增公共停车位3000个。")
    assert [c.official.name if c.official else None for c in found] == [name]


@pytest.mark.parametrize("text, raw", [
    ("我们将新建、改扩建中小学8所，新增学位4500个，秋季开学前全部投入使用。", "秋季开学前"),
    ("今年新建口袋公园20个，年底前建成开放。", "今年"),
    ("区里将新建口袋公园20个，年底前建成开放。", "年底前"),
    ("区里将新建口袋公园20个，明年启动二期建设。", None),
])
def test_a_closing_clause_that_says_when_all_is_done_gives_the_deadline(text, raw):
    assert {c.deadline.raw for c in pledges(text)} == {raw}


def test_a_deadline_opening_the_sentence_beats_a_later_task_of_its_own():
    c = pledges("汛期前，我们要完成易涝点整治45处，新建改造雨污管网200公里，力争到2025年基本消除城市严重易涝积水区段。",
                dt.date(2024, 4, 16))
    assert [(x.deadline.raw, x.deadline.date) for x in c] == [("汛期前", dt.date(2024, 5, 31))] * 2
    assert [x.qualifier for x in c] == [None, None]


@pytest.mark.parametrize("text, obj", [
    ("今年，城市低保标准提高到每人每月850元。", "城市低保标准"),
    ("今年将农村特困人员供养标准提高到每人每年9000元。", "农村特困人员供养标准"),
])
def test_what_a_sum_is_counted_per_is_not_the_object(text, obj):
    assert one(text).object == obj


@pytest.mark.parametrize("text, qualifiers", [
    ("力争全年实际使用外资12亿美元，完成规上工业总产值4200亿元。", ["力争", "力争"]),
    ("力争新引进超10亿元产业项目10个、超亿元项目40个。", ["超", "力争"]),
    ("确保新增城镇就业1万人；新建公办幼儿园12所。", ["确保", None]),
])
def test_a_modal_opening_the_sentence_hedges_every_task_it_lists(text, qualifiers):
    assert [c.qualifier for c in pledges(text)] == qualifiers


@pytest.mark.parametrize("text", [
    "经市政府研究同意，现将2023年十件民生实事印发给你们，请认真组织实施。",
    "现将《2024年三十项为民办实事项目》转发给你们，请遵照执行。",
])
def test_a_document_that_names_itself_pledges_nothing(text):
    assert list(pledges(text)) == []


def test_the_total_investment_after_a_count_belongs_to_that_pledge():
    c = pledges("2022年，开发区计划实施重点产业项目68个，总投资超过650亿元，其中新开工项目30个。", dt.date(2022, 1, 10))
    assert [c_.quote for c_ in c] == ["开发区计划实施重点产业项目68个，总投资超过650亿元", "其中新开工项目30个"]
    assert values(c[0]) == [(68, "个"), (650, "亿元")]
    assert c[0].qualifier == "超过"


def test_a_total_investment_with_its_own_object_stays_its_own_pledge():
    c = pledges("今年将实施重点项目68个，总投资650亿元的产业园开工建设。")
    assert values(c[0]) == [(68, "个")]


def test_a_speaker_label_in_a_transcript_credits_the_answer():
    found = pledges("记者：今年新增多少学位？\n答：市教育局副局长孙伟：今年全市计划新增学位4.2万个。", dt.date(2024, 8, 20))
    assert [(c.official.name, c.official.title) for c in found] == [("孙伟", "市教育局副局长")]


@pytest.mark.parametrize("text, district", [
    ("浦东新区2021年政府工作报告\n浦东新区区长 杭迎伟\n二、2021年主要工作\n新增养老床位2000张。", "浦东新区"),
    ("（2021年1月20日在上海市浦东新区第六届人民代表大会第六次会议上）\n今年将新增养老床位2000张。", "浦东新区"),
])
def test_a_new_area_with_its_own_congress_or_head_is_a_district(text, district):
    assert [c.district for c in pledges(text, dt.date(2021, 1, 20))] == [district]


@pytest.mark.parametrize("text", [
    "秋季开学后，全市义务教育学校课后服务覆盖率将保持100%。",
    "2025年以后，全区常住人口将保持在600万人左右。",
])
def test_a_time_something_starts_after_is_no_deadline(text):
    assert [c.deadline.raw for c in pledges(text, dt.date(2024, 8, 20))] == [None]


def test_the_summer_holiday_ends_in_august():
    c = one("暑期将组织教师全员培训，培训人次不低于6万。", dt.date(2024, 7, 1))
    assert (c.deadline.raw, c.deadline.date) == ("暑期", dt.date(2024, 8, 31))


@pytest.mark.parametrize("text, action", [
    ("年底前实现烟花爆竹产业集群产值突破600亿元。", "实现"),
    ("确保全年粮食产量突破60万吨。", "突破"),
])
def test_a_hedging_verb_after_the_act_is_not_the_act(text, action):
    c = one(text)
    assert (c.action, c.qualifier) == (action, "突破")


@pytest.mark.parametrize("text, obj", [
    ("浏阳市“十四五”期间将累计投入200亿元。", None),
    ("力争三年内新增高新技术企业200家。", "高新技术企业"),
])
def test_a_time_before_the_verb_is_not_the_object(text, obj):
    assert one(text).object == obj


@pytest.mark.parametrize("text, action, obj", [
    ("今年将拆除旧房面积200万平方米。", "拆除", "旧房面积"),
    ("今年全市计划招聘中小学教师2600名左右。", "招聘", "中小学教师"),
    ("今年将新建筹措保障性租赁住房4万套。", "新建筹措", "保障性租赁住房"),
])
def test_verbs_of_other_reports(text, action, obj):
    c = one(text)
    assert (c.action, c.object) == (action, obj)


def test_a_list_items_deadline_line_governs_its_content():
    text = ("仙居县2024年民生实事项目\n1.城乡学校提质扩容工程\n建设内容：新建中小学校5所，新增学位2400个。\n"
            "完成时限：2024年8月底前。\n责任单位：县教育局\n2.老年助餐服务工程\n建设内容：新建老年食堂30家。\n"
            "责任单位：县民政局")
    found = pledges(text, dt.date(2024, 2, 1))
    assert [(c.quote, c.deadline.date) for c in found] == [
        ("新建中小学校5所", dt.date(2024, 8, 31)), ("新增学位2400个", dt.date(2024, 8, 31)),
        ("新建老年食堂30家", dt.date(2024, 12, 31))]
    assert {c.district for c in found} == {"仙居县"}


@pytest.mark.parametrize("heading, district", [
    ("贵州省2024年政府工作报告（摘要）", "贵州省"),
    ("某某县二〇二四年民生实事项目", "某某县"),
])
def test_the_owner_of_a_report_or_list_is_its_district(heading, district):
    found = pledges(f"{heading}\n2024年，全省将新改建农村公路3000公里。", dt.date(2024, 1, 25))
    assert [c.district for c in found] == [district]


def test_the_most_local_division_of_a_run_of_divisions():
    found = pledges("访宜兴市丁蜀镇党委书记吴建明\n吴建明说，今年镇里将新建停车位800个。", dt.date(2023, 3, 10))
    assert [c.district for c in found] == ["丁蜀镇"]


@pytest.mark.parametrize("text, obj, unit", [
    ("今年将新建老年食堂（助餐点）30家。", "老年食堂", "家"),
    ("今年粮食产量将稳定在220亿斤以上。", "粮食产量", "亿斤"),
])
def test_an_aside_and_a_weight_in_jin(text, obj, unit):
    c = one(text)
    assert (c.object, c.quantities[0].unit) == (obj, unit)


@pytest.mark.parametrize("text, district", [
    ("4月11日，湛江市召开乡村振兴工作会议。会议提出，今年全市要打造省级典型镇6个。", "湛江市"),
    ("区长谈民生\n——专访杭州市拱墅区区长姚峰\n姚峰：今年我们计划新增学位1080个。", "拱墅区"),
])
def test_the_host_of_a_meeting_and_the_head_of_a_division_name_the_district(text, district):
    assert [c.district for c in pledges(text)] == [district]


def test_a_bound_written_with_ji_coordinates_nothing():
    c = one("今年将完成110千伏及以上输变电工程12项。")
    assert sorted(q.unit for q in c.quantities) == ["千伏", "项"] and c.object.startswith("输变电")


@pytest.mark.parametrize("text, obj", [
    ("全市将安排志愿者2000名参与服务保障。", "志愿者"),
    ("今年将新增企业300家参加境外展会。", "企业"),
])
def test_a_verb_after_the_number_starts_no_object(text, obj):
    assert one(text).object == obj


def test_xin_kaifang_opens():
    assert one("今年将新开放城市书房10家。").action == "开放"


@pytest.mark.parametrize("text, quantities, obj", [
    ("今年将新增城镇就业 1.2 万人。", [(1.2, "万人")], "城镇就业"),
    ("今年将新建学校 12 所。", [(12, "所")], "学校"),
    ("今年全市森林覆盖率将达到 45 %。", [(45, "%")], "森林覆盖率"),
])
def test_numbers_spaced_off_their_units(text, quantities, obj):
    c = one(text)
    assert (values(c), c.object) == (quantities, obj)


def test_spacing_makes_no_number_of_a_phone_or_a_year():
    c = one("2023 年，全市将新建学校 5 所，联系电话 0797 8995612。")
    assert values(c) == [(5, "所")] and c.deadline.date == dt.date(2023, 12, 31)


@pytest.mark.parametrize("text, obj", [
    ("年内将引进企业上千家。", "企业"),
    ("今年将新建口袋公园近百个。", "口袋公园"),
])
def test_the_head_of_a_round_number_is_not_the_objects(text, obj):
    assert one(text).object == obj


def test_a_verb_between_two_numbers_is_the_action():
    assert one("今年将为1.2万户困难家庭发放补贴3000万元。").action.startswith("发放")


@pytest.mark.parametrize("text, obj", [
    ("全市今年力争引进世界500强企业5家以上。", "世界500强企业"),
    ("预计今年全市地区生产总值可达5000亿元左右。", "地区生产总值"),
    ("目前，已建成充电桩1200个，今年还将新建800个。", "充电桩"),
])
def test_adverbs_and_rankings_around_the_object(text, obj):
    assert one(text).object == obj


@pytest.mark.parametrize("text, raw", [
    ("2023年是实施“十四五”规划承上启下的关键一年，全市将新建学校10所。", "2023年"),
    ("“十四五”期间，全市将新建学校10所。", "“十四五”期间"),
])
def test_a_plan_named_as_a_document_is_no_deadline(text, raw):
    assert one(text).deadline.raw == raw


def test_a_verb_of_selection_ends_the_object():
    assert one("全市已有3所学校入选省级示范校，今年将再创建2所。").object == "学校"


def test_the_day_of_the_news_is_no_deadline():
    text = ("4月18日，市政府新闻办召开新闻发布会。\n"
            "市商务局副局长陈刚介绍，一季度全市社会消费品零售总额完成320亿元。下一步，将组织开展促消费活动100场以上。")
    found = pledges(text, dt.date(2023, 4, 18))
    assert [(c.quote, c.deadline.raw) for c in found] == [("将组织开展促消费活动100场以上", None)]


def test_a_day_after_publication_is_still_a_deadline():
    c = one("4月30日前，将完成老旧小区改造12个。", dt.date(2023, 4, 18))
    assert c.deadline.date == dt.date(2023, 4, 30)


def test_a_speakers_lead_governs_the_rest_of_the_answer():
    text = "记者：今年有哪些目标？\n王振华：今年，江夏将力争招引项目100个。民生方面，将新建改扩建学校10所。"
    found = pledges(text, dt.date(2024, 2, 5))
    assert [c.deadline.date for c in found] == [dt.date(2024, 12, 31)] * 2


def test_the_division_a_report_names_as_its_own_beats_its_parent_city():
    text = ("长乐区人民政府工作报告\n——2024年1月10日在福州市长乐区第三届人民代表大会第四次会议上\n区长 林海峰\n"
            "二、2024年工作安排\n新增城市停车泊位5000个。")
    assert [c.district for c in pledges(text, dt.date(2024, 1, 15))] == ["长乐区"]


def test_a_title_word_after_a_division_must_be_its_heads():
    from tracker.extract.people import generic_divisions

    assert generic_divisions("1月10日在福州市长乐区第三届人民代表大会") == ["长乐区"]


def test_tupo_after_any_verb_hedges():
    c = one("三年内，江夏要培育规上工业企业突破500家。", dt.date(2024, 2, 5))
    assert (c.action, c.qualifier) == ("培育", "突破")


def test_a_year_compared_with_is_no_deadline():
    found = pledges("力争到2026年，全市高新技术企业数量达到2000家，较2023年翻一番。")
    assert {c.deadline.date for c in found} == {dt.date(2026, 12, 31)}


@pytest.mark.parametrize("text, obj", [
    ("今年将在去年基础上再新增学位5000个。", "学位"),
    ("今年将继续实施已启动的老旧小区改造项目30个。", "项目"),
    ("力争今年完成投资比去年增长10%以上。", "投资"),
])
def test_the_past_inside_a_modifier_of_a_forward_clause(text, obj):
    assert one(text).object == obj


@pytest.mark.parametrize("text", [
    "去年已完成的项目有30个。",
    "今年，全市完成地区生产总值4520亿元，同比增长4.1%。",
])
def test_the_past_still_reads_as_past(text):
    assert list(pledges(text, dt.date(2023, 12, 20))) == []


@pytest.mark.parametrize("text, obj", [
    ("力争三年内高新技术企业数量翻一番。", "高新技术企业数量"),
    ("今年将建设“一年一个样”示范街区5条。", "一年一个样示范街区"),
])
def test_a_span_of_years_before_the_object_is_when_not_what(text, obj):
    assert one(text).object == obj


def test_a_speaker_credited_at_an_event():
    found = pledges("2月26日，洛阳市举行重大项目集中开工活动。\n市长徐衣显在活动中表示，今年全市计划实施重大项目1200个以上。",
                    dt.date(2024, 2, 27))
    assert [(c.official.name, c.district) for c in found] == [("徐衣显", "洛阳市")]


@pytest.mark.parametrize("text, units", [
    ("今年将新增电梯36部。", ["部"]),
    ("今年将建成汽车零部件项目3个。", ["个"]),
])
def test_bu_counts_lifts_but_not_parts_or_departments(text, units):
    assert [q.unit for q in one(text).quantities] == units


def test_two_departments_are_no_quantity():
    from tracker.extract.numbers import quantities

    assert quantities("市场监管等两部门联合开展检查") == []


def test_tasks_of_a_speech_are_no_pledge():
    found = pledges("下一步，街道将重点推进三项工作：一是新建社区养老服务站3个。")
    assert [c.quote for c in found] == ["新建社区养老服务站3个"]


def test_the_figures_of_the_event_reported_are_no_pledge():
    text = "2月26日，洛阳市举行2024年第一季度重大项目集中开工活动，此次集中开工项目186个，总投资1036亿元。"
    assert list(pledges(text, dt.date(2024, 2, 27))) == []


def test_a_later_sentence_dates_what_the_paragraph_lists():
    text = "2023年，市政府将继续办好十方面民生实事。主要包括：新增婴幼儿托位3000个；新建公办幼儿园15所。上述项目力争于11月底前全部完成。"
    found = pledges(text)
    assert [(c.quote, c.deadline.date) for c in found] == [
        ("新增婴幼儿托位3000个", dt.date(2023, 11, 30)), ("新建公办幼儿园15所", dt.date(2023, 11, 30))]


def test_fang_is_no_measure_in_fangmian():
    from tracker.extract.numbers import quantities

    assert quantities("继续办好十方面民生实事") == [] and [q.unit for q in quantities("土方3万方")] == ["万方"]


def test_a_headlines_subject_is_the_district():
    text = "兰考县：产业兴旺奏响乡村振兴“进行曲”\n今年该县将新发展高标准农田5万亩。"
    assert [(c.district, c.action) for c in pledges(text)] == [("兰考县", "发展")]

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
from collections import Counter
from pathlib import Path

import pytest

import extract_helpers
from tracker.extract import Official, extract_document

HERE = Path(__file__).parent / "real"
_spec = importlib.util.spec_from_file_location("make_gold", HERE / "make_gold.py")
_make_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_make_gold)
GOLD = _make_gold.joined()["docs"]

# Core pledges and fields the extractor still gets wrong: (file, gold quote) → {"found"} or a subset of
# {"quantities", "deadline"}.
KNOWN_WRONG: dict[tuple[str, str], set[str]] = {
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
    ('longwen_news_2017.txt', '将建5所小学'): {'found'},
    ('longwen_news_2017.txt', '投建5所小学'): {'found'},
    ('shexian_shishi_2025.txt', '在17个乡镇(街道办)硬化道路10万平方米'): {'quantities'},
    ('shexian_shishi_2025.txt', '安装太阳能路灯1000盏'): {'found'},
    # the project's 2013年建成通车 not bound (the headline's 十二五 taken instead); its length and sum are one pledge since
    # project_attributes_join
    ('qingdao_traffic_news_2011.txt', '其中青岛段主线长89公里，总投资71亿元'): {'deadline'},
    # days counted as a target (达到350天); 各…一个 (one each)
    ('hailar_plan_2019.txt', '全力确保空气优良天数达到350天'): {'found'},
    ('nanning_sand_news_2011.txt', '各组建一个采砂管理站'): {'found'},
    # the festival's opening date (将于4月18日开幕) taken for an activity that runs until 5月底
    ('shitai_tea_news_2011.txt', '划定3-5块标准茶园及茶厂'): {'deadline'},
    # batch E: 6处煤矿 split from the capacity it shares a verb with (力争黄蒿界等6处煤矿、产能1400万吨/年建成试运转)
    ('shaanxi_industry_2026.txt', '力争黄蒿界等6处煤矿、产能1400万吨/年建成试运转'): {'quantities'},
    # batch E: the section's opening target, with no cue in its sentence, missed
    ('heilongjiang_demand_2026.txt', '社会消费品零售总额、固定资产投资增长4%左右'): {'found'},
    # batch G (2026-12-03), as first read: a township's aim with a range and no cue of time or intent of its own
    # (打造…10-15个畜牧养殖基地, in a profile's present-tense paragraph) missed; present_stock's narrowing for it was
    # reverted (fields4, 2026-12-04): no second real example of the phenomenon was found
    ('liunan_township_2021.txt', '打造马鹿沟村、吕家堡村、辛家村10-15个畜牧养殖基地'): {'found'},
    # batch H (2026-12-03), as first read: a plan's budget given the date of the quarter named last before it
    # (第二季度 … 共需经费约400万元, the plan being the year's)
    ('hongkou_chargers_2026.txt', '共需经费约400万元，由区级财政承担'): {'deadline'},
    # a plan's tasks stated as counts of cases found (共计1534件、面积2489.71亩; the count and the area one pledge since
    # project_attributes_join reads a conjunct): the plan's
    # 三年 (its predecessor's name, 三年行动工作方案（2018-2020年）) or its year taken for the deadlines given two sections later
    # (2020年10月30日前, 年内), one task (本区共计4件、面积2422.62亩, after 2019年…发现) read as past
    ('chongming_landfix_2020.txt', '全区共计1534件、面积2489.71亩'): {'deadline'},
    ('chongming_landfix_2020.txt', '本区共计4件、面积2422.62亩'): {'found'},
    ('chongming_landfix_2020.txt', '共计13件、面积33.01亩'): {'deadline'},
    ('chongming_landfix_2020.txt', '共计1件、面积0.19亩'): {'deadline'},
    ('chongming_landfix_2020.txt', '剔除农民宅基地项目后共计71件、面积137.44亩'): {'deadline'},
    # 一座 after a verb of building in a plan read as an article (one_as_article), as in a profile's 建成一条…线路
    # (补建市政消火栓169具, missed as first read for want of the measure word 具, is read since 具 is a unit)
    ('jingan_fire_2019.txt', '在大宁地区选址租赁建设一座小型消防站'): {'found'},
    # batch H2 (奉贤区's shelters, first read after 31c9088): a graded kind of shelter (等级应急避难场所) read as the abstract
    # 等级 of abstract_object (四个等级 of 吴泾镇's plan), so its two area targets are declined
    ('fengxian_shelters_2022.txt', '全区建成等级应急避难场所避难面积达到87.75万平方米'): {'found'},
    ('fengxian_shelters_2022.txt', '总计建成等级应急避难场所避难面积达到111.41万平方米'): {'found'},
    # batch J (2026-12-04), as first read: 辽宁's five 十五五 outline indicators after 明确了, missed, are plan_outline_states'
    # since; 天津's two school targets dated by a programme's 三年, programme_span_dates_its_clause's; 海南's task counted in
    # sessions (高质量完成40期国家援外培训任务) is found since the rule sessions
    # batch I (长顺县, 深圳市, 重庆市, 宜宾市) as first read, before any rule for it (its poultry counts, 绿壳蛋鸡总存栏数
    # 达到1000万羽 and 肉鸭存栏500万羽, are found with their unit since 羽 joined lexicon units; 11月底前，完成75%以上 is
    # dated by its own time clause since, time_clause_before, not by the closing 确保年底全部完工使用)
    ('changshun_targets_2017.txt', '2020年全县每个行政村至少建设一个电子商务服务站（点）'): {'found'},
    ('changshun_targets_2017.txt', '实施通组公路硬化265.41公里，总计投资1.5925亿元'): {'quantities'},
    ('changshun_targets_2017.txt', '实施通组公路硬化290.49公里，总计投资1.74亿元'): {'quantities'},
    ('changshun_targets_2017.txt', '实施通组公路硬化800公里，总计投资4.8亿元'): {'quantities'},
    ('changshun_targets_2017.txt', '实现133个村民组通硬化路目标'): {'quantities'},
    ('changshun_targets_2017.txt', '实现170个村民组通硬化路'): {'quantities'},
    ('changshun_targets_2017.txt', '实现461个村民组通硬化路目标'): {'quantities'},
    ('changshun_targets_2017.txt', '实现贫困户孕前检查、“两癌”筛查覆盖率达100%'): {'deadline'},
    ('changshun_targets_2017.txt', '带动1000户4200人脱贫'): {'found'},
    ('changshun_targets_2017.txt', '带动2000户8500人脱贫'): {'found'},
    ('changshun_targets_2017.txt', '带动3000户11000人脱贫'): {'found'},
    ('changshun_targets_2017.txt', '易地扶贫搬迁任务为5086户20402人'): {'found'},
    ('changshun_targets_2017.txt', '每年组织不少于10名县级人才到乡镇服务1年以上'): {'deadline'},
    # found since the rule sessions (4期 with 培训班 after it is a count of sessions), but dated by the sentence's
    # opening year where the gold gives none
    ('changshun_targets_2017.txt', '组织开展4期以上医疗质量培训班'): {'deadline'},
    ('shenzhen_report_news_2022.txt', '10个三十亿以上重大工业项目'): {'quantities'},
    ('shenzhen_report_news_2022.txt', '年度计划完成2241.3亿元'): {'found'},
    ('shenzhen_report_news_2022.txt', '开工建设5个百亿级'): {'found'},
    ('shenzhen_report_news_2022.txt', '推动宝安燕罗、龙岗宝龙、龙华九龙山、坪山高新南、光明凤凰、深汕智造城等20个先进制造业园区建设提速'): {'found'},
    # batch L (2026-12-04), as first read at ff0729b, before any rule for it: an investment split from the task it funds;
    # a refuse station missed (the deadlines of the plan items whose year is in a heading outside the passage are null in
    # the gold since the convention of docs/rules.md, 时限的框架)
    ('hailar_minsheng_2015.txt', '年内投资1.6亿元，完成二期170万平方米供热改造任务'): {'quantities'},
    ('hailar_city_2017.txt', '建成4座现代化的垃圾中转站'): {'found'},
    ('hailar_city_2017.txt', '投资4.7亿元,完成65条、总长度57.9公里的城市道路新建改造'): {'quantities'},
    # batch N (2026-12-04), as first read at 295c5a6: the last targets of a paragraph whose 到2025年 opens the sentence
    # before (财富管理总规模达30万亿元，其中，证券业经营机构管理资产规模20万亿元) missed (the target after “十四五”期间, left
    # undated while its quote began inside the quotation mark, is dated since batch AG's deadline_in_quote)
    ('shenzhen_targets_news_2022.txt', '财富管理总规模达30万亿元'): {'found'},
    ('shenzhen_targets_news_2022.txt', '证券业经营机构管理资产规模20万亿元'): {'found'},
    # batch O (2026-12-04), as first read at 0019bf2: a target whose number is a scale class in quotation marks
    # (争取迈入“万亿工业时代”) missed
    ('ningde_industry_news_2022.txt', '到2025年，宁德还将争取迈入“万亿工业时代”'): {'found'},
    # batch P (2026-12-04), as read after the dateline's date stopped being a tense cue: 重庆希望吸引500家… had no cue
    # but that date (希望 is none), 每个区县将建成一个特色博物馆 counts with 一个, which the numbers read as an article
    ('chongqing_electronics_news_2011.txt', '重庆希望吸引500家零部件配套厂商前来落户'): {'found'},
    ('nanjing_heritage_news_2011.txt', '“十二五”末每个区县将建成一个特色博物馆'): {'found'},
    # batch Q (2026-12-04), as first read at 7533ded: a three-year budget (三年安排450亿元…) dated by the year's lead, not
    # by its three years (one document shows it)
    ('guangxi_targets_2026.txt', '三年安排450亿元支持以AI为引领的新质生产力发展'): {'deadline'},
    # batch R (2026-12-04), as first read at 89590ee: a city's plan with 规划 as its verb (广州市规划打造…的目标) and a
    # count already signed whose start is expected after it (…17个，…，预计年内均可落地开工) missed
    ('huadu_engine_news_2011.txt', '广州市规划打造3个100万辆乘用车生产基地的目标'): {'found'},
    ('fushun_gas_news_2011.txt', '新签合同项目17个，投资规模67.81亿元，预计年内均可落地开工'): {'found'},
    # batch T (2026-12-04), as read after the paragraph mark and the batch's four rules: a
    # district's spending and supply in a paragraph and section that open on what has begun (自６月１５日起，…开始了…)
    # missed, the term ahead (到明年６月３０日) after the number read as no cue (one document)
    ('qingdao_toilets_news_2012.txt', '市南区投入１５０万元，为前海一线的２４座公厕免费提供卫生纸'): {'found'},
    ('qingdao_toilets_news_2012.txt', '先期分批投放１０万个大盘卫生纸，投放时间是从今年７月１日起到明年６月３０日'): {'found'},
    # batch AD's second set (2026-12-05), as read at a376433 (one document each, docs/rules.md): 广西's outline figure,
    # found since outline_paragraph_plans, has no deadline (its period named by the heading and a sentence later); 山东's
    # 4个万亿级 loses its scale class
    ('guangxi_period_2026.txt', '地区生产总值年均增长5%左右'): {'deadline'},
    ('shandong_industry_2026.txt', '4个万亿级新兴支柱产业'): {'quantities'},
    # batch AG (2026-12-05), as read after the batch's two changes (docs/rules.md, "County-level plans, batch AG"): plan
    # items in a paragraph with fewer than two task words, or a word read as past (累计达到, 每年实现), missed; a count in
    # words of a measure no unit list has (三幅), a score in 分, 累计完成 read as past after 力争到2030年, the threshold of
    # 税收亿元楼 left out, and a count read as dated by the next clause's 到2030年 (the gold leaves it undated)
    ('changning_industry_2026.txt', '新增低空经济总部型企业30家以上'): {'found'},
    ('changning_industry_2026.txt', '专精特新企业累计达到300家以上'): {'found'},
    ('changning_industry_2026.txt', '到2030年全区税收亿元楼达到45幢以上'): {'quantities'},
    ('changning_people_2026.txt', '每年实现失业人员再就业4000人以上'): {'found'},
    ('changning_green_safety_2026.txt', '到2030年公众安全感满意度达到92分以上'): {'found'},
    ('changning_green_safety_2026.txt', '推进新渔浦、通协河、联通河等16条河道的美丽幸福河湖创建工程'): {'deadline'},
    ('minhang_renewal_2026.txt', '力争到2030年，累计完成50万平方米以上商业设施更新'): {'found'},
    ('minhang_renewal_2026.txt', '完成三幅安置房地块出让工作'): {'found'},

    # batch AE (2026-12-05), as first read with main's code e20c457 and after the batch's one change (one document
    # each, docs/measuring.md): 山西's 十五五 forest cover after 现有超载区逐步退出 (a present word of the clause before)
    # read as a stock; its plan's level with its 同比 growth (…达到8400亿元、同比增长7%左右) read as a statistic
    ('shanxi_period_2026.txt', '森林覆盖率超过24.1%'): {'found'},
    ('shanxi_plan_later_2026.txt', '省级重点产业链营收达到8400亿元、同比增长7%左右'): {'found'},
    # batch AE's third set, as first read with main's code and the branch's alike: 甘肃's computing power in P (no unit:
    # read as 15万, no match) and a count of a scale class after a paragraph read with no cue (the passage cut from its
    # section)
    ('gansu_industry_eco_2026.txt', '算力规模突破15万P'): {'found'},
    ('gansu_industry_eco_2026.txt', '壮大千亿级文旅融合产业链'): {'found'},
}
# Candidates that match no gold pledge: (file, candidate quote).
KNOWN_EXTRA: set[tuple[str, str]] = {
    # batch AE (2026-12-05), as first read with main's code e20c457 (one document each): 江苏's count of its three named
    # teams (产业、科技、服务业三支招商队伍, 队伍 no word of enumerated_kinds); 湖北's counts of a quoted list's items
    # (“…、…、…”三个现实需求, 三个关键问题) and of a quoted abbreviation's characters (“水铁公空管”五类交通网络)
    ('jiangsu_plan_2026.txt', '建强用好产业、科技、服务业三支招商队伍'),
    ('hubei_reform_open_2026.txt', '围绕“项目哪里来、投到哪里去、怎么发展好”三个现实需求'),
    ('hubei_reform_open_2026.txt', '围绕“钱从哪里来、用到哪里去、怎么用得好”三个关键问题'),
    ('hubei_reform_open_2026.txt', '统筹推进“水铁公空管”五类交通网络互联互通、整合运营'),
    # batch AE's third set: 甘肃's 15万P read as 15万 (no unit P) and its count of two named cities
    ('gansu_industry_eco_2026.txt', '算力规模突破15万P'),
    ('gansu_industry_eco_2026.txt', '做大做强酒泉、天水两个区域中心城市'),
    # batch AI (2026-12-05), as first read with the branch's start 6ce2e52 (main's extractor; no rule fitted): 辽宁's count
    # of the three named tasks of one sentence (渔船“木改钢”、…改造和…整治3件事: 件事 after a list, an enumerative label
    # the negatives list)
    ('liaoning_energy_minsheng_gov_2026.txt', '突出抓好渔船“木改钢”、化工老旧装置改造和矿山全面排查整治3件事'),
    # batch AD's second set (2026-12-05), as first read with main's code 1f91b12 (the branch's the same): 山东's count of a
    # programme's own plans (…“1+9”行动和12个重点产业稳增长方案)
    ('shandong_industry_2026.txt', '实施产业提质升级“1+9”行动和12个重点产业稳增长方案'),
    # batch Z's second set (2026-12-05), as first read with main's code f4e69f9 (the branch's the same): 上海's
    # standing programme of five new towns (深化五个新城建设); 安徽's 两个市场、两种资源 gone since numeral_idioms holds them
    ('shanghai_city_rural_2026.txt', '深化五个新城建设'),
    # batch P (2026-12-04), as read after the dateline's date stopped being a tense cue: a plan's structure (这4个片区);
    # 富县's costs read forward from 要 of a past necessity (过去…要用农用车…; its scope and funds, read forward from 将
    # used as 把, 将这些资金与…捆绑使用, are no longer since batch R's base._ba_object); 双城市's other market's figures,
    # distances and the disputed project's land read forward from 必然要路过 (section_cue)
    ('nanjing_heritage_news_2011.txt', '而这4个片区将成为代表南京历史文化的重要地区'),
    # batch T (2026-12-04), as read after the paragraph mark, penalty_amount, law_provision, hypothetical_clause and
    # past_day_opening: a service's terms (北京); a headline restating a plan under consideration, a company's cost and a
    # price (北京); a count of kinds after 划分出 and a procedure's 则要 (杭州)
    ('beijing_bikes_news_2012.txt', '同时需要交纳２００元诚信保证金'),
    ('beijing_bikes_news_2012.txt', '一卡通余额需不低于３０元'),
    ('beijing_oil_cameras_news_2012.txt', '京拟装６万电子眼监控地沟油'),
    ('beijing_oil_cameras_news_2012.txt', '设备费用约３０００万'),
    ('hangzhou_metro_rain_news_2012.txt', '划分出４种处理办法延误３－１０分钟每隔１分钟播放一次晚点广播值班站长马上到站厅'),
    ('hangzhou_metro_rain_news_2012.txt', '全线列车司机则要提前２个区段'),
    # batch R (2026-12-04), as read after 将 before a demonstrative stopped being a forward cue: a company's restated
    # investment in a sub-heading (a negative), a provincial programme's name carried by its paragraph's 将, a contract's
    # penalty carried from 将补偿金汇入… in its paragraph
    ('huadu_engine_news_2011.txt', '总投资将超过100亿元'),
    ('huadu_engine_news_2011.txt', '也是广东省两个产值超千亿元汽车制造基地的重要组成部分'),
    ('zibo_hisense_news_2011.txt', '甲方均有权要求乙方按汇入乙方账户的金额50%向甲方支付违约金'),
    ('fuxian_apple_news_2011.txt', '要用农用车到几公里甚至几十公里之外的水库取水'),
    ('shuangcheng_project_news_2011.txt', '这是一家投资5.5亿元'),
    ('shuangcheng_project_news_2011.txt', '交易量高达120万吨'),
    ('shuangcheng_project_news_2011.txt', '承担哈尔滨市九成以上果蔬吞吐的大型农产品物流中心'),
    ('shuangcheng_project_news_2011.txt', '不过50公里'),
    ('shuangcheng_project_news_2011.txt', '投资不过5.5亿元'),
    ('shuangcheng_project_news_2011.txt', '占地面积也不过14.1万平方米'),
    ('shuangcheng_project_news_2011.txt', '将近2300多亩的用地指标'),
    # batch O (2026-12-04), as first read at 0019bf2: the nation's half-year figures in a province's news (全国城镇新增
    # 就业654万人, 失业率平均为5.7%, 31个省市的经济家底同时亮相) and a hypothetical cost (…的话，…就将超过8000元)
    ('shandong_halfyear_news_2022.txt', '全国城镇新增就业654万人'),
    ('shandong_halfyear_news_2022.txt', '31个省市的经济家底同时亮相'),
    ('shandong_halfyear_news_2022.txt', '全国城镇调查失业率平均为5.7%'),
    # (…的话，…就将超过8000元, hypothetical_clause's since batch T)
    # batch B: achievements, a company's figures and programme names read as pledges (一家, 各占 and 百万长安人民 are
    # read by one_as_article, shares_of_a_whole and magnitude_as_epithet since)
    ('shexian_shishi_2025.txt', '有效改善9万人口的饮水安全问题'),
    ('suzhou_gaoxin_news_2011.txt', '莱克电气绿能科技（苏州）有限公司由莱克电气投资15亿元设立'),
    # (batch C's 两项补贴标准, a name the negatives list, is items_of_a_standard's since)
    # batch C: a news report's description of the system (9类商品中有6类) read as pledges (分为…3种形式 and 三种方式
    # are read by abstract_object since)
    # (平台开通5个月间，9类产品共成交1493次 is read by past_frame)
    ('nanjing_news_2011.txt', '9类商品中有6类需要采取这种竞价方式'),
    ('nanjing_news_2011.txt', '南京雨花台区财政局采购3台电脑'),
    # batch C: the attendance of a past event (200多名…的代表济济一堂) and a count of parties (集两家所长) read as
    # pledges (event_attendance's since batch M, parties_to_an_act's since)
    # batch B's replacement: a county's present state, 海拔一般在600至900米之间 (目前拥有… and 共有… are read
    # by present_stock)
    ('sanjiang_tea_news_2011.txt', '海拔一般在600至900米之间'),
    # batch D: news of the past or the present (a campaign's counts, a sale), a company's plan read as pledges (一辆辆
    # and 一艘 are read by one_as_article, a variety's yield by estimate_before_number, a price paid by payment_rate)
    ('quanjiao_integrity_news_2011.txt', '\u3000\u3000——338项城乡建设工程亮相社会'),
    ('xiangyang_cabbage_news_2011.txt', '3万多公斤包菜将进武汉的沃尔玛超市卖场'),
    # batch F: news of the past and present (以前亩产…, a company's costs after a forecast of this year's price; its
    # scenes' 一台/一处 are read by one_as_article, its estimates by estimate_before_number, 要花费 and 要通过 as no
    # cue since)
    ('jianli_drought_news_2011.txt', '以前亩产1300斤的'),
    ('jianli_drought_news_2011.txt', '这让福娃在收购季节每月要多支出近300万元的现金'),
    # batch E: the mines split from their capacity (the grid project's voltages are names since voltage_class)
    ('shaanxi_industry_2026.txt', '力争黄蒿界等6处煤矿'),
    # batch G (2026-12-03), as first read: a township profile's label (its projects' sums and areas are one pledge each since
    # project_attributes_join; its five industries, 烤烟、…5个产业, count_of_named_kinds' since)
    # batch G: a county policy read as a plan by its kind (实施意见: plan_document_frame, its conditional rewards and thresholds
    # policy_terms', its article numbers ordinals, its rewards per 亩 payment_rate's; the preamble's four industries,
    # 四个重点产业, count_of_named_kinds' since): the classes of new drugs (一、二类新药) a condition names are read as counts
    ('liuhe_industry_policy_2023.txt', '对企业自主 研发一、二类新药取得Ⅲ期临床批件并在取得药品生产文号 后落户我县投入生产销售的'),
    # batch G: a company's sales shares read as pledges (its tariffs, rents and payments are payment_rate's since, its wind
    # project's sum joined to its units since project_attributes_join)
    ('liuhe_energy_2022.txt', '计划60%的产品供国内市场'),
    ('liuhe_energy_2022.txt', '40%的产品供国外市场'),
    # batch G: news of a ceremony and a promotion: the year's results in a speech and a company's project read as
    # pledges (the signings a sentence opening on 据了解 reports are past_frame's since, its shares of the city's whole are shares_of_a_whole's since, its part by place, 其中新港园区5个, place_breakdown's, the capacities inside its project
    # names, 年产2000万吨…生产线项目, capacity_names_facility's); a report's structure (两个; its parties, 四方签字盖章,
    # parties_to_an_act's since)
    ('yangxin_projects_news_2021.txt', '列入省级重点项目11个'),
    ('heihe_procurement_news_2011.txt', '根据两个项目不同的标的物'),
    # batch H (2026-12-03), as first read: a plan's unit cost (每个…场所建设费用以10万元计) read as a pledge; a task's count
    # split from its area (共计13件 | 面积33.01亩: one pledge since, project_attributes_join reading a conjunct); a task's
    # place count (增建6个街镇…) split from the facilities it gets (24处)
    ('jingan_fire_2019.txt', '增建6个街镇（石门二路街道、江宁路街道、天目西路街道、大宁路街道、临汾路街道'),
    # batch H2: the count of kinds a plan sorts shelters into (…和社区应急避难场所2类) is classes_of_a_division's since
    # batch M (2026-12-04), as first read: a district news feature's figures of past years read as pledges; left: its
    # output per km² (the estimates of the year just over, 2021年GDP预计增至…, 收入预计…, and the figures after them are
    # read by estimate_of_a_year_over since, its area, 该辖区面积431平方公里, by place_area: 11 → 1)
    ('haidian_news_2022.txt', '就能产出23.2亿元GDP'),
    # batch I as first read, before any rule for it (its shares, 个数占比65.9% and 占搬迁人口的82.69%, are read by
    # share_opens_clause since; the road's standards, 路基宽度不得小于4.5米, by dimension_standard; the sites' areas apart, 总建筑面积39739平方米, by
    # site_area_apart; the villages and stations a count names after it, 敦操乡3个：… and 10个站点分别是…, by count_before_its_names; last year's plans, 2016年：计划搬迁1297户7000人 and 深圳市去年…计划共安排588个,
    # by past_years_plan; the lines' speeds, 设计速度250公里/小时 and 最高时速350公里, by design_speed; a total's
    # parts by place after 其中, 长寨街道204套… and 重庆境内112公里, by place_breakdown; comparisons with another
    # thing, 高于全国GDP5.5%的增长目标 and 比现在…还要快1个多小时, by comparison_with_other; results after 完成情况：
    # and 从2021年完成情况来看，, 安置点共7个 and …分别完成182.4亿元, by completion_frame)
    ('changshun_targets_2017.txt', '1个（代化镇'),
    ('changshun_targets_2017.txt', '对开办网店、从事网货生产销售的贫困户和带动贫困户生产销售的企业、给予免抵押、免担保、5万元以下、三年以内的小额信贷支持'),
    ('changshun_targets_2017.txt', '针对4类重点危房对象按照一级补助3.5万元/户'),
    ('changshun_targets_2017.txt', '错车道每公里不得少于3处'),
    ('chongqing_rail_news_2011.txt', '三万南铁路是主城市郊铁路二环线一部分'),
    ('chongqing_rail_news_2011.txt', '全长70.15公里'),
    ('chongqing_rail_news_2011.txt', '全长约309公里'),
    ('chongqing_rail_news_2011.txt', '成渝两座城市就像一座城市似的'),
    ('chongqing_rail_news_2011.txt', '沿线设立三江、新民、万盛、南川等6个上下客站'),
    ('chongqing_rail_news_2011.txt', '渝黔铁路新线全长345公里'),
    ('chongqing_rail_news_2011.txt', '重庆到广州坐火车将由20多个小时缩短至6个小时'),
    # (its plan sums' growth against last year, 同比增长26.2% and 同比增长6.3%, is year_on_year_result's since prec19)
    ('shenzhen_report_news_2022.txt', '增长10.0%'),
    # batch L as first read (ff0729b): an investment and a count split from their task; a quarry's output value under a
    # running contract and an expected result with 立 read as pledges (the parts by kind after 其中, 工业类3个、城市建设类
    # 28个…, are kind_breakdown's since; the quarry's 可产石子12.7万立 estimate_before_number's, 可产 an estimate word)
    ('hailar_minsheng_2015.txt', '年内投资1.6亿元'),
    ('hailar_city_2017.txt', '完成65条'),
    ('hailar_city_2017.txt', '投资4.7亿元'),
    ('tuoyao_town_2021.txt', '产值635万元'),
    ('tuoyao_town_2021.txt', '开采石子60万立'),
    # batch L's two more town profiles, as first read at 3b19062: a present count of companies at work (2021年有4家铁矿企业在
    # 生产或建设中) and 四方 in a closing welcome read as pledges (a project's site area split from its project, 占地35亩,
    # is site_area_apart's since)
    ('gushanzi_town_2021.txt', '2021年有4家铁矿企业在生产或建设中'),
    ('gushanzi_town_2021.txt', '欢迎四方来客前来共建共襄'),
    # batch N (2026-12-04), as first read at 295c5a6: the year's result and economists' opinions and estimates (不太可能
    # 突破…, 今年达到1.8万亿元，还是很有希望的, 预计超过…), other governments' past (北京、上海从3万亿到4万亿，都花了3到4年),
    # a roadmap sentence and a county's prices read as pledges (a journalist's question, GDP今年破两亿元？, is
    # question_clause's since; a result under 随着, circumstance_clause's; 今年上半年，全县GDP完成146.7亿元 in August,
    # cues.elapsed_part_of_year's: 12 → 8)
    ('hangzhou_gdp_news_2021.txt', '13151.38亿元'),
    ('hangzhou_gdp_news_2021.txt', '但今年不太可能突破两万亿元'),
    ('hangzhou_gdp_news_2021.txt', '今年达到1.8万亿元'),
    ('shenzhen_targets_news_2022.txt', '深圳向4万亿新征程冲刺的路线图越来越具体、越来越明晰'),
    ('shenzhen_greeting_news_2022.txt', '北京、上海从3万亿到4万亿'),
    ('shenzhen_greeting_news_2022.txt', '整个都市圈经济总量预计超过4.7万亿元'),
    ('sixian_housing_news_2022.txt', '泗县8月新房均价在5164元/㎡左右'),
    ('sixian_housing_news_2022.txt', '较宿州全市均价便宜1100元/㎡左右'),
    # batch AG: a count of the two airports just named (虹桥、浦东…两场), one document
    ('changning_industry_2026.txt', '推动虹桥、浦东国际机场两场国际货物转运'),
}
_canon = extract_helpers.canon
_nows = extract_helpers.nows


def _meta(doc) -> tuple[str | None, Official | None]:
    """The district and official most of a passage's gold pledges name: what its user gives
    (`tracker extract --district --official`), as ../shared/eval/score.py --meta passes them."""
    districts = Counter(g["district"] for g in doc["pledges"] if g.get("district"))
    officials = Counter((g["official"]["name"], g["official"].get("title")) for g in doc["pledges"]
                        if isinstance(g.get("official"), dict) and g["official"].get("name"))
    official = officials.most_common(1)[0][0] if officials else None
    return (districts.most_common(1)[0][0] if districts else None,
            Official(official[0], official[1]) if official else None)


@pytest.fixture(scope="module", params=GOLD, ids=[d["file"] for d in GOLD])
def reading(request):
    doc = request.param
    text = (HERE / doc["file"]).read_text(encoding="utf-8")
    district, official = _meta(doc)
    found = extract_document(text, published=dt.date.fromisoformat(doc["published"]), district=district,
                             official=official).candidates
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
        # read as stored: a passage copied with its source's CRLF line ends keeps them (batch D's 海拉尔区 reports)
        with open(HERE / doc["file"], encoding="utf-8", newline="") as f:
            text = f.read()
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

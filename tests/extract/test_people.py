"""Officials and districts: titles, names, credits, and the lexicon a user extends."""
import json
import os
import subprocess
import sys

import pytest

from tracker.extract.people import district_of_title, find_people


@pytest.mark.parametrize("text, name, title, credited", [
    ("专访某某市委副书记、东城区委书记刘明远", "刘明远", "某某市委副书记、东城区委书记", True),
    ("南山区人民政府代理区长陈立新作政府工作报告", "陈立新", "南山区人民政府代理区长", True),
    ("市发展改革委党组书记、主任周海波在接受记者采访时表示，", "周海波", "市发展改革委党组书记、主任", True),
    ("县长 张建国", "张建国", "县长", False),
    ("市委书记欧阳明到企业调研", "欧阳明", "市委书记", False),
    ("——访青山县委书记王卫", "王卫", "青山县委书记", True),
    ("县委副书记、县长赵明在调研时强调，", "赵明", "县委副书记、县长", True),
    ("据市住房和城乡建设局党组书记、局长李建华介绍，", "李建华", "市住房和城乡建设局党组书记、局长", True),
    ("区委书记王刚在全区经济工作会议上指出，", "王刚", "区委书记", True),
])
def test_title_and_name(text, name, title, credited):
    people = find_people(text)
    assert [(p.official.name, p.official.title, p.credited) for p in people] == [(name, title, credited)]
    p = people[0]
    assert text[p.start:p.end].replace(" ", "").endswith(name)


@pytest.mark.parametrize("text", ["记者 张三", "编辑 李四 美编 王五", "全市上下齐心协力"])
def test_no_official_without_a_title(text):
    assert find_people(text) == []


@pytest.mark.parametrize("title, district", [
    ("淄博市委副书记、张店区委书记", "张店区"),
    ("济南市人民政府副市长", "济南市"),
    ("青山县人民政府县长", "青山县"),
    ("某某市委常委、东城区委书记", "东城区"),
    ("绵阳市涪城区委书记", "涪城区"),
    ("市委书记", None),
    ("经济开发区管委会主任", None),
])
def test_the_most_local_division_a_title_names(title, district):
    assert district_of_title(title) == district


def test_a_user_extends_the_district_lexicon_without_touching_code(tmp_path):
    (tmp_path / "districts.txt").write_text("临江市\t市\t某省\t临江\n", encoding="utf-8")
    doc = tmp_path / "article.txt"
    doc.write_text("临江今年将新建学校5所。", encoding="utf-8")
    env = dict(os.environ, TRACKER_LEXICON_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "tracker.cli", "extract", "--published", "2021-03-01", str(doc)],
                         capture_output=True, text=True, encoding="utf-8", env=env, check=True).stdout
    assert json.loads(out.splitlines()[0])["district"] == "临江市"


@pytest.mark.parametrize("text, names", [
    ("市长陈明主持召开市政府常务会议", []),
    ("会议在召开市委全会后举行", []),
    ("绍兴市人民政府办公室", ["绍兴市"]),
    ("柯桥区委书记", ["柯桥区"]),
    ("日在嘉善县委", ["嘉善县"]),
    ("在绵阳市涪城区第十九届人民代表大会第三次会议上", ["涪城区"]),
    ("浙江省绍兴市人民政府", ["绍兴市"]),
    ("济南市市中区人民政府", ["市中区"]),
])
def test_an_unlisted_division_is_named_by_place_words_not_verbs(text, names):
    from tracker.extract.people import generic_divisions

    assert generic_divisions(text) == names


@pytest.mark.parametrize("title, district", [
    ("昆山开发区党工委书记、管委会主任", "昆山开发区"),
    ("两江新区党工委书记", "两江新区"),
    ("苏州工业园区党工委书记", "苏州工业园区"),
    ("国家级新区管委会主任", None),
])
def test_a_zone_with_its_own_party_committee_is_a_district(title, district):
    assert district_of_title(title) == district


def test_a_banner_named_by_its_plan_is_a_division():
    from tracker.extract.people import generic_divisions

    assert generic_divisions("准格尔旗国民经济和社会发展第十四个五年规划") == ["准格尔旗"]


def test_a_name_set_apart_from_its_title_by_spaces():
    people = find_people("县长  王晓东")
    assert [(p.official.name, p.official.title) for p in people] == [("王晓东", "县长")]


@pytest.mark.parametrize("text", ["各乡镇人民政府，县直各部门：", "全县各乡镇党委", "有关县区人民政府", "本市人民政府"])
def test_every_division_of_a_kind_names_none(text):
    from tracker.extract.people import generic_divisions

    assert generic_divisions(text) == []


@pytest.mark.parametrize("text, name", [("全椒县人民政府", "全椒县"), ("本溪市人民政府", "本溪市")])
def test_a_name_that_begins_like_every_division_is_still_a_name(text, name):
    from tracker.extract.people import generic_divisions

    assert generic_divisions(text) == [name]

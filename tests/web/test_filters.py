"""How the pages show quantities and audit values, including the forms older history rows hold."""
from decimal import Decimal

from tracker.web import filters


def test_a_quantity_reads_the_same_from_a_row_dict_or_an_early_list():
    class Row:
        value, value_max, unit = Decimal("3"), Decimal("5"), "年"

    assert filters.quantity_text(Row()) == "3–5 年"
    assert filters.quantity_text({"value": "417", "value_max": None, "unit": "亿元"}) == "417 亿元"
    assert filters.quantity_text(["24", "个", "24个"]) == "24 个"


def test_audit_quantities_read_as_one_line_in_either_form():
    assert filters.audit_value("quantities", [{"value": "3", "unit": "所"}, ["2", "条", "2条"]]) == "3 所；2 条"
    assert filters.audit_value("quantities", []) == "（无）"
    assert filters.audit_value("note", None) == "（空）"


def test_a_list_pages_links_are_what_url_for_writes_character_for_character(app):
    from flask import url_for

    views = ({}, {"review_state": "all", "sort": "-id"}, {"q": "学校 新建", "district": "张店区", "after": "5~9"},
             {"unit": "a&b=c", "document": "7", "flag": "red"})
    with app.test_request_context("/pledges/"):
        for args in views:
            links = filters.ViewLinks("pledges.index", args)
            for key, value in (("district", 3), ("document", "a b&c/?"), ("q", "中文 空格"), ("official", 12)):
                kept = {k: v for k, v in args.items() if k != "after"}
                assert links.with_(key, value) == url_for("pledges.index", **{**kept, key: value})


def test_links_by_id_are_what_url_for_writes(app):
    from flask import url_for

    with app.test_request_context("/review/"):
        for args in ({}, {"district": "张店区", "order": "oldest"}, {"document": "987654321987"}):
            links = filters.IdLinks("review.screen", "pledge_id", **args)
            for ident in (1, 12, 987654321987):
                assert links.of(ident) == url_for("review.screen", pledge_id=ident, **args)

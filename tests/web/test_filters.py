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

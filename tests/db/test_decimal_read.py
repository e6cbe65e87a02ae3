"""Numbers read back from the database: ``canonical_decimal_read`` gives what ``canonical_decimal`` gives,
kept by the value read (docs/measuring.md, pgpages)."""
from decimal import Decimal

import pytest

from tracker.db import types
from tracker.db.types import canonical_decimal, canonical_decimal_read


@pytest.mark.parametrize("value", [Decimal("41.000000"), Decimal("0.500000"), Decimal("12345.670000"),
                                   Decimal("1E+3"), Decimal("-2.500000"), "41", "0.5", "1000", "-0.25"])
def test_a_number_read_is_its_canonical_form_first_and_when_kept(value):
    first, kept = canonical_decimal_read(value), canonical_decimal_read(value)
    assert str(first) == str(kept) == str(canonical_decimal(value))


def test_equal_numbers_read_in_other_forms_share_one_canonical_form():
    assert str(canonical_decimal_read(Decimal("41.000000"))) == "41"
    assert str(canonical_decimal_read(Decimal("41.0"))) == "41"
    assert str(canonical_decimal_read(Decimal("0.50"))) == str(canonical_decimal_read(Decimal("0.500000"))) == "0.5"


def test_zero_and_minus_zero_are_never_taken_for_each_other():
    assert str(canonical_decimal_read(Decimal("-0"))) == str(canonical_decimal(Decimal("-0")))
    assert str(canonical_decimal_read(Decimal("0.000000"))) == "0"
    assert str(canonical_decimal_read(Decimal("-0"))) == str(canonical_decimal(Decimal("-0")))
    assert Decimal("0") not in types._READ and Decimal("-0") not in types._READ


def test_the_kept_numbers_are_bounded(monkeypatch):
    monkeypatch.setattr(types, "_READ", {})
    for n in range(1, types._READ_MAX + 10):
        canonical_decimal_read(Decimal(n) / 4)
    assert len(types._READ) <= types._READ_MAX


def test_a_number_that_is_not_finite_is_still_refused():
    with pytest.raises(ValueError):
        canonical_decimal_read(Decimal("NaN"))

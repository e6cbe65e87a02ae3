"""The progress bar's filters give the very text of the Jinja expressions they replaced (the ``pct``
macro and the ``round``/``min``/``max`` chains), for every kind of share a row can hold."""
from decimal import Decimal

import jinja2
import pytest

from tracker.web.filters import bar_length, share_pct

SHARES = [None, 0, Decimal("0"), Decimal("0.00"), Decimal("0.456"), Decimal("0.995"), Decimal("0.9951"),
          Decimal("1"), Decimal("1.5"), Decimal("-0.2"), Decimal("0.0005"), Decimal("0.00049"), 0.125, 1]


@pytest.fixture(scope="module")
def env():
    environment = jinja2.Environment(autoescape=True)
    environment.filters.update(share_pct=share_pct, bar_length=bar_length)
    return environment


@pytest.mark.parametrize("share", SHARES)
def test_share_pct_is_the_pct_macro(env, share):
    old = env.from_string("{% macro pct(value) %}{% if value is not none %}{{ '%.0f'|format(value * 100) }}%"
                          "{% endif %}{% endmacro %}[{{ pct(s) or '—' }}]").render(s=share)
    assert env.from_string("[{{ s|share_pct or '—' }}]").render(s=share) == old


@pytest.mark.parametrize("share", [s for s in SHARES if s is not None])
def test_bar_length_is_the_round_min_max_chain(env, share):
    for most in (100, 99):
        old = env.from_string("{{ [[(s * 100)|round(1), most]|min, 0]|max }}").render(s=share, most=most)
        assert env.from_string("{{ s|bar_length(most) }}").render(s=share, most=most) == old
    old = env.from_string("{{ [[((s or 0) * 100)|round(1), 100]|min, 0]|max }}").render(s=share)
    assert env.from_string("{{ (s or 0)|bar_length(100) }}").render(s=share) == old

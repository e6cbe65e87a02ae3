"""The fuzz targets of fuzz_targets.py, a few hundred cases each in CI (bench/fuzz.py runs 10,000+)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz_targets import TARGETS

CI_EXAMPLES = {"extractor": 300, "quantities": 300, "api_changes": 300, "dates_cursors": 300, "decode_bytes": 200}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz(name):
    strategy, check = TARGETS[name]

    @settings(max_examples=CI_EXAMPLES[name], deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(strategy)
    def run(args):
        check(args)

    run()

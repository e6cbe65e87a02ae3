"""The packaged gazetteer: districts with their level, parent, aliases and administrative code."""
from __future__ import annotations

import sqlalchemy as sa

from tracker.db.enums import DistrictLevel
from tracker.db.models import District
from tracker.services.places import load_gazetteer


def _codes(s) -> dict[str, str | None]:
    return dict(s.execute(sa.select(District.name, District.code)).all())


def test_gazetteer_districts_carry_their_administrative_codes(session_factory):
    with session_factory() as s:
        assert load_gazetteer(s) > 90
        s.commit()
        codes = _codes(s)
        assert codes["张店区"] == "370303" and codes["淄博市"] == "370300" and codes["山东省"] == "370000"
        assert codes["沂源县"] == "370323" and codes["深圳市"] == "440300"
        zhangdian = s.scalar(sa.select(District).where(District.name == "张店区"))
        assert zhangdian.level is DistrictLevel.DISTRICT and zhangdian.parent.name == "淄博市"
        # every code is six digits and unique (the column is unique too; this checks the data file)
        present = [c for c in codes.values() if c]
        assert len(present) == len(set(present)) and all(len(c) == 6 and c.isdigit() for c in present)
        assert load_gazetteer(s) == 0  # a second load adds nothing


def test_a_district_made_before_codes_gets_its_code_but_an_admins_code_is_kept(session_factory):
    rows = (("淄博市", "市", "", "淄博", "370300"), ("张店区", "区", "淄博市", "张店", "370303"),
            ("临淄区", "区", "淄博市", "临淄", "370305"))
    with session_factory() as s:
        load_gazetteer(s, rows=tuple(r[:4] for r in rows))  # an older gazetteer without codes
        s.execute(sa.update(District).where(District.name == "临淄区").values(code="999999"))
        s.commit()
        assert load_gazetteer(s, rows=rows) == 0
        s.commit()
        assert _codes(s) == {"淄博市": "370300", "张店区": "370303", "临淄区": "999999"}


def test_a_code_another_district_holds_is_not_given_twice(session_factory):
    with session_factory() as s:
        load_gazetteer(s, rows=(("甲市", "市", "", "", "100100"),))
        load_gazetteer(s, rows=(("乙市", "市", "", "", "100100"),))
        s.commit()
        assert _codes(s) == {"甲市": "100100", "乙市": None}

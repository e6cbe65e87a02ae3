"""Which rule of the extractor decided each field of a stored machine reading, for the review
screen: the extractor stores each field's rule in the candidate's cues as ``field=rule``."""
from __future__ import annotations

from tracker.extract import rules

#: the fields a machine reading names a rule for, as the review screen labels them
WHY_FIELDS = {"pledge": "是否承诺", "tense": "时态", "action": "动作", "object": "对象", "quantities": "数量",
              "qualifier": "限定词", "deadline": "时限", "district": "区县", "official": "责任领导",
              "responsible_unit": "牵头单位"}


def machine_reasons(cues: list) -> tuple[list[tuple[str, str, str]], list[str]]:
    """A stored candidate's cues split into the rule behind each field, as (field label, rule label,
    rule id), and the other cues (tense words)."""
    labels = rules.labels()
    reasons, plain = [], []
    for cue in cues or ():
        name, sep, rule_id = str(cue).partition("=")
        if sep and name in WHY_FIELDS:
            reasons.append((WHY_FIELDS[name], labels.get(rule_id, "其他规则"), rule_id))
        else:
            plain.append(str(cue))
    return reasons, plain

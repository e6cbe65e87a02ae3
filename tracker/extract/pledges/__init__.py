"""Pledge finding: clauses that hold a quantity and look forward.

The document is read paragraph by paragraph, sentence by sentence, clause by
clause (a clause ends at ，；：。 …). A clause becomes a candidate when it holds a
quantity (see ``numbers``), the number measures a deliverable (not a programme's
name or a discourse structure such as 从4个方面), and the nearest tense cue — in
the clause, its sentence, its paragraph, or the lead of its section — looks
forward. Coordinated objects with their own numbers (9个棚户区、18个老旧小区)
become separate candidates; one object with several numbers stays one.

Each decision about a candidate is an ordered list of named rules (``tracker.extract.rules``)
over one ``Context``, one module per decision:

========================  =========================  ==========================
decision                  rule list                  module
========================  =========================  ==========================
is it a pledge            ``PLEDGE_RULES``           ``pledge``
tense                     ``TENSE_RULES``            ``tense``
object                    ``FOUND_RULES``,           ``objects``
                          ``ELLIPSIS_RULES``
action                    ``ACTION_RULES``           ``actions``
qualifier                 ``QUALIFIER_RULES``        ``qualifiers``
deadline                  ``DEADLINE_RULES``         ``deadline``
official, district        ``OFFICIAL_RULES``,        ``speaker``
                          ``DISTRICT_RULES``
responsible unit          ``UNIT_RULES``             ``tracker.extract.people``
========================  =========================  ==========================

``reader`` walks the document, ``segment`` splits clauses into pledges, ``frames`` and ``cues``
keep what the reader carries between paragraphs, ``base`` what several decisions share.
jieba (``tracker.extract.tokens``) is used only on clauses that hold a quantity, to find where
the counted object's noun phrase begins and ends.
"""
from __future__ import annotations

from tracker.extract.pledges.actions import ACTION_RULES
from tracker.extract.pledges.deadline import DEADLINE_RULES
from tracker.extract.pledges.objects import ELLIPSIS_RULES, FOUND_RULES, _object  # noqa: F401
from tracker.extract.pledges.pledge import PLEDGE_RULES, Context, _baseline, _names_programme  # noqa: F401
from tracker.extract.pledges.qualifiers import QUALIFIER_RULES
from tracker.extract.pledges.reader import find_pledges
from tracker.extract.pledges.speaker import DISTRICT_RULES, OFFICIAL_RULES
from tracker.extract.pledges.tense import TENSE_RULES

__all__ = ["ACTION_RULES", "Context", "DEADLINE_RULES", "DISTRICT_RULES", "ELLIPSIS_RULES", "FOUND_RULES",
           "OFFICIAL_RULES", "PLEDGE_RULES", "QUALIFIER_RULES", "TENSE_RULES", "find_pledges"]

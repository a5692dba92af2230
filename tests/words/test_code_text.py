"""A stored code said to a person: its words, or, for a code this release does not know, the code marked so."""

from __future__ import annotations

import re

from counter.case.status import CaseStatus
from counter.intake.outcome import Outcome
from counter.words.cases import CASE_STATUS, code_text
from counter.words.intake import OUTCOME


def test_a_known_code_is_said_in_its_words() -> None:
    assert code_text(CASE_STATUS, CaseStatus, CaseStatus.ACCEPTED.value) == "已受理"


def test_a_code_another_release_wrote_is_marked_unknown_in_chinese_and_kept_for_support() -> None:
    said = code_text(OUTCOME, Outcome, "deferred_v2")
    assert "deferred_v2" in said  # what support reads back in the database
    assert re.search(r"[\u4e00-\u9fff]", said.replace("deferred_v2", ""))  # and a clerk reads why it stands there
    assert said != "deferred_v2"

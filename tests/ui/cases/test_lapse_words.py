"""The lapse of a 补正 in the words of the hall's standing (counter.ui.cases.words.case_form_title).

Where the hall only received the case its paper was a 补齐材料告知书, which decides nothing and so threatens nothing
(docs/notice-wording.md): the form that records the lapse said 依补齐补正通知书视为放弃申请 all the same.
"""

from __future__ import annotations

from counter.case.status import CaseEvent, CaseStatus
from counter.ui.cases.words import CASE_FORM_TITLE, case_form_title
from counter.words.cases import CASE_EVENT, case_event_text, case_status_text
from counter.words.documents import paper_title


def test_a_receiving_halls_lapse_names_its_own_paper_and_threatens_nothing() -> None:
    said = case_form_title(CaseEvent.CORRECTION_LAPSED, received=True)
    assert paper_title("correction", True) in said
    assert paper_title("correction", False) not in said
    assert "视为放弃申请" not in said
    assert "不予受理" not in said


def test_a_deciding_halls_lapse_keeps_its_notice() -> None:
    said = case_form_title(CaseEvent.CORRECTION_LAPSED, received=False)
    assert said == CASE_FORM_TITLE[CaseEvent.CORRECTION_LAPSED]
    assert paper_title("correction", False) in said


def test_other_steps_read_the_same_under_either_standing() -> None:
    for event in CASE_FORM_TITLE:
        if event is not CaseEvent.CORRECTION_LAPSED:
            assert case_form_title(event, received=True) == CASE_FORM_TITLE[event]


def test_a_receiving_halls_lapsed_case_is_not_said_given_up() -> None:
    assert "视为放弃申请" not in case_status_text(CaseStatus.CORRECTION_LAPSED, received=True)
    assert "视为放弃申请" in case_status_text(CaseStatus.CORRECTION_LAPSED, received=False)


def test_a_receiving_halls_lapse_event_is_not_said_given_up() -> None:
    said = case_event_text(CaseEvent.CORRECTION_LAPSED.value, received=True)
    assert "本次收件登记已终结" in said
    assert "随时" in said
    assert "视为放弃申请" not in said
    assert case_event_text(CaseEvent.CORRECTION_LAPSED.value) == CASE_EVENT[CaseEvent.CORRECTION_LAPSED]


def test_other_events_read_the_same_under_either_standing() -> None:
    for event in CASE_EVENT:
        if event is not CaseEvent.CORRECTION_LAPSED:
            assert case_event_text(event.value, received=True) == CASE_EVENT[event]
    assert "本版本未知" in case_event_text("no_such_event", received=True)

"""Closing and giving up as plain data (counter.intake.flow): the key orders the window's tests drive.

``tests/ui/intake/test_drafts.py`` (a filled form asks, an empty one closes), ``tests/ui/printing/test_papers_left.py``
and ``test_unprinted_flag.py`` (Esc with papers unprinted asks, a reason closes), ``test_reads_failing.py`` (放弃
twice) and the sign-out's close in ``tests/ui/mainwindow`` drive these through the panel; here they are events.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counter.intake.flow import (
    Answered,
    AskAboutPapers,
    AskToClose,
    CancelPressed,
    CloseAgreed,
    CloseAsked,
    Closes,
    CloseWindow,
    Effect,
    Event,
    FormChanged,
    GiveUp,
    IntakeFlow,
    NotTaken,
    PapersOut,
    Restore,
    Say,
    ScheduleDraft,
    Sent,
    ShowCancel,
    Taken,
    on,
)

UNRECORDED = "已送打印机，但打印记录未能保存"


def run(events: list[Event], state: IntakeFlow | None = None) -> tuple[IntakeFlow, list[Effect]]:
    state = state or IntakeFlow()
    effects: list[Effect] = []
    for event in events:
        state, done = on(state, event)
        effects.extend(done)
    return state, effects


TAKEN = run([Sent(), Taken(), Answered()])[0]


def test_an_empty_form_closes_without_a_question() -> None:
    assert on(IntakeFlow(), CloseAsked(filled=False)) == (IntakeFlow(), (Closes(),))


def test_a_filled_form_asks_before_closing_and_the_clerks_yes_closes_it() -> None:
    state, effects = run([CloseAsked(filled=True)])
    assert effects == [AskToClose()]  # Alt+F4 on a filled form: never lost unasked
    state, effects = run([CloseAgreed(), CloseAsked(filled=True)], state)
    assert effects == [CloseWindow(), Closes()]  # 关闭 in the question: closed, the draft kept


def test_a_form_whose_commit_failed_still_asks() -> None:
    _, effects = run([Sent(), NotTaken(), Answered(), CloseAsked(filled=True)])
    assert effects == [Restore(), AskToClose()]


def test_esc_on_a_taken_case_with_papers_unprinted_asks_and_asks_again() -> None:
    state, effects = run([CloseAsked(filled=True), CloseAsked(filled=False)], TAKEN)
    assert effects == [AskAboutPapers(), AskAboutPapers()]  # never closed without a word, however often
    state, effects = run([CloseAgreed(), CloseAsked(filled=False)], state)  # a reason typed and kept
    assert effects == [CloseWindow(), Closes()]


def test_the_papers_out_close_the_intake_for_the_next_applicant() -> None:
    state, effects = run([PapersOut(), CloseAsked(filled=False)], TAKEN)
    assert effects == [CloseWindow(), Closes()]
    assert state.papers_out


def test_papers_out_whose_record_was_not_written_keep_the_intake_open_saying_so() -> None:
    state, effects = run([PapersOut(UNRECORDED)], TAKEN)
    assert effects == [Say(UNRECORDED)]
    assert on(state, CloseAsked(filled=False))[1] == (Closes(),)  # the paper is out: not asked for again


def test_a_sign_out_closes_a_filled_form_without_asking() -> None:
    assert run([CloseAgreed(), CloseAsked(filled=True)])[1] == [CloseWindow(), Closes()]


def test_cancel_asks_once_and_gives_up_on_the_second_press() -> None:
    state, effects = run([CancelPressed()])
    assert effects == [ShowCancel(True)]
    state, effects = run([CancelPressed(), CloseAsked(filled=True)], state)
    assert effects == [GiveUp(), CloseWindow(), Closes()]  # given up: nothing left to ask about
    assert state.finished


def test_a_change_takes_the_armed_cancel_back() -> None:
    state, effects = run([CancelPressed(), FormChanged(), CancelPressed()])
    assert effects == [ShowCancel(True), ShowCancel(False), ScheduleDraft(), ShowCancel(True)]
    assert not state.finished
    assert run([FormChanged()])[1] == [ScheduleDraft()]  # nothing to take back: the button is left alone


def test_a_taken_case_is_not_given_up() -> None:
    assert run([CancelPressed(), CancelPressed()], TAKEN)[1] == []


EVENTS = st.one_of(
    st.builds(CloseAsked, st.booleans()),
    st.builds(PapersOut, st.sampled_from(["", UNRECORDED])),
    st.sampled_from([CancelPressed(), FormChanged(), CloseAgreed(), Sent(), Taken(), NotTaken(), Answered()]),
)


@given(st.lists(EVENTS, max_size=30))
def test_closing_never_loses_a_form_or_papers_unasked(events: list[Event]) -> None:
    state = IntakeFlow()
    for event in events:
        before = state
        state, effects = on(state, event)
        if Closes() in effects:
            assert before.agreed or before.finished or not (isinstance(event, CloseAsked) and event.filled)
            assert before.agreed or not before.taken or before.papers_out
        if isinstance(event, CloseAsked):
            assert len(effects) == 1  # closed, or asked: one of them
        if GiveUp() in effects:
            assert before.cancel_armed
            assert not before.finished

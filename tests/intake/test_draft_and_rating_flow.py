"""The draft's gating and F9 in the intake as plain data (counter.intake.flow).

``tests/ui/intake/test_drafts.py`` (typing keeps the draft, a draft put back is not typing, a commit keeps no new
one, a first 放弃 undone by typing) and ``tests/ui/mainwindow/test_f9_last_case.py`` (F9 rates the case on screen;
in an open intake it says why not) drive these through the windows; here they are events.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counter.intake.flow import (
    Answered,
    CancelPressed,
    CloseWindow,
    DraftShowing,
    DraftShown,
    Effect,
    Event,
    FormChanged,
    GiveUp,
    IntakeFlow,
    NoCaseYet,
    NotTaken,
    Rate,
    RateAsked,
    Restore,
    ScheduleDraft,
    Sent,
    ShowCancel,
    Taken,
    on,
)


def run(events: list[Event], state: IntakeFlow | None = None) -> tuple[IntakeFlow, list[Effect]]:
    state = state or IntakeFlow()
    effects: list[Effect] = []
    for event in events:
        state, done = on(state, event)
        effects.extend(done)
    return state, effects


def test_typing_keeps_the_draft_at_the_next_pause() -> None:
    assert run([FormChanged(), FormChanged()])[1] == [ScheduleDraft(), ScheduleDraft()]  # the timer restarts


def test_a_draft_put_back_is_not_typing_and_what_follows_is() -> None:
    state, effects = run([DraftShowing(), FormChanged(), FormChanged(), DraftShown()])
    assert effects == []
    assert run([FormChanged()], state)[1] == [ScheduleDraft()]


def test_typing_after_a_first_cancel_press_disarms_it_and_keeps_the_draft() -> None:
    _, effects = run([CancelPressed(), FormChanged()])
    assert effects == [ShowCancel(True), ShowCancel(False), ScheduleDraft()]


def test_a_committed_or_given_up_intake_keeps_no_new_draft() -> None:
    assert run([Sent(), Taken("XAM01-20261201-0001"), Answered(), FormChanged()])[1] == [Restore()]
    assert run([CancelPressed(), CancelPressed(), FormChanged()])[1] == [ShowCancel(True), GiveUp(), CloseWindow()]


def test_a_failed_commit_keeps_the_draft_going() -> None:
    assert run([Sent(), NotTaken(), Answered(), FormChanged()])[1][-1] == ScheduleDraft()


def test_f9_in_an_open_intake_says_it_has_no_case_yet() -> None:
    assert on(IntakeFlow(), RateAsked()) == (IntakeFlow(), (NoCaseYet(),))
    assert run([FormChanged(), Sent(), NotTaken(), Answered(), RateAsked()])[1][-1] == NoCaseYet()


def test_f9_on_the_intake_just_taken_rates_that_case() -> None:
    state, _ = run([Sent(), Taken("XAM01-20261201-0007"), Answered()])
    assert on(state, RateAsked()) == (state, (Rate("XAM01-20261201-0007"),))


def test_f9_on_an_intake_given_up_sends_nothing() -> None:
    state, _ = run([CancelPressed(), CancelPressed()])
    assert on(state, RateAsked()) == (state, ())


EVENTS = st.one_of(
    st.sampled_from([FormChanged(), DraftShowing(), DraftShown(), CancelPressed(), RateAsked(), Sent(), NotTaken()]),
    st.builds(Taken, st.sampled_from(["XAM01-20261201-0001", "XAM01-20261201-0002"])),
)


@given(st.lists(EVENTS, max_size=30))
def test_f9_never_rates_a_case_the_intake_did_not_take(events: list[Event]) -> None:
    state, taken = IntakeFlow(), ""
    for event in events:
        if isinstance(event, Taken) and not taken:  # one case per intake: the first taken
            taken = event.case_no
        state, effects = on(state, event)
        for effect in effects:
            if isinstance(effect, Rate):
                assert effect.case_no == taken
            if isinstance(effect, ScheduleDraft):
                assert not state.finished
                assert not state.restoring

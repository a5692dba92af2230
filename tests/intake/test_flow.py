"""The intake's commit as plain data (counter.intake.flow): every key order the window's tests drive, without a window.

The panel's mends of the commit's key order (Ctrl+Enter twice, Ctrl+Enter while her open cases are looked up or the
preview is in flight, intakes waiting for the connection together, the commit after the case is taken) are
properties here, checked over any sequence of events.
"""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from counter.intake.flow import (
    Answered,
    Asked,
    Busy,
    ByItself,
    CancelPressed,
    CloseWindow,
    Decide,
    Effect,
    Event,
    GiveUp,
    Go,
    IntakeFlow,
    InTurn,
    LookUpOver,
    LookUpStarted,
    NotTaken,
    PreviewAsked,
    PreviewLost,
    PreviewRead,
    ReadGrounds,
    Restore,
    SayBusy,
    SendFailed,
    Sent,
    ShowCancel,
    Step,
    Taken,
    WaitTurn,
    on,
)


def run(events: list[Event], state: IntakeFlow | None = None) -> tuple[IntakeFlow, list[Effect]]:
    state = state or IntakeFlow()
    effects: list[Effect] = []
    for event in events:
        state, done = on(state, event)
        effects.extend(done)
    return state, effects


def test_the_module_imports_no_qt() -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    code = "import sys, counter.intake.flow; assert not [m for m in sys.modules if m.startswith('PySide6')]"
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_ctrl_enter_goes_at_once_on_a_quiet_form() -> None:
    assert on(IntakeFlow(), Asked(Step.REQUEST)) == (IntakeFlow(), (Go(Step.REQUEST),))


def test_a_commit_asked_during_the_look_up_waits_once_and_goes_when_she_is_named() -> None:
    state, effects = run([LookUpStarted("1501"), Asked(Step.REQUEST), Asked(Step.REQUEST), Asked(Step.COMMIT)])
    assert effects == []
    assert state.waiting == (Step.REQUEST, Step.COMMIT)
    state, effects = run([LookUpOver()], state)
    assert effects == [Go(Step.REQUEST), Go(Step.COMMIT)]
    assert state == IntakeFlow()


def test_the_preview_in_flight_is_waited_for_before_the_look_up() -> None:
    state, effects = run([LookUpStarted("1501"), PreviewAsked(grounded=False), Asked(Step.COMMIT)])
    assert effects == [ReadGrounds()]
    assert state.after_preview == (Step.COMMIT,)
    assert state.waiting == ()
    state, effects = run([PreviewRead()], state)  # shown; the commit asked again waits for her name
    assert effects == [Decide()]
    assert state.waiting == (Step.COMMIT,)


def test_a_second_ctrl_enter_while_committing_takes_nothing() -> None:
    state, effects = run([Asked(Step.COMMIT), Sent(), Asked(Step.COMMIT)])
    assert effects == [Go(Step.COMMIT)]
    assert state.committing


def test_taken_the_intake_is_finished_and_asks_nothing_more() -> None:
    state, effects = run([Sent(), Taken(), Answered(), Asked(Step.REQUEST)])
    assert state.finished
    assert not state.committing
    assert effects == [Restore()]


def test_a_fault_keeps_the_form_and_the_clerk_commits_again() -> None:
    state, effects = run([Sent(), NotTaken(), Answered(), Asked(Step.COMMIT)])
    assert not state.finished
    assert effects == [Restore(), Go(Step.COMMIT)]


def test_busy_at_the_clerks_commit_is_said_and_the_button_restored() -> None:
    state, effects = run([Sent(), Busy()])
    assert not state.committing
    assert effects == [Restore(), SayBusy()]


def test_intakes_waiting_for_the_connection_commit_each_in_turn() -> None:
    state, effects = run([ByItself(), Sent(), Busy()])
    assert effects == [Go(Step.COMMIT), WaitTurn()]
    assert state.committing  # still says it is saved
    state, effects = run([InTurn(), Sent(), Taken(), Answered()], state)
    assert effects == [Restore(), Go(Step.COMMIT), Restore()]
    assert state.finished
    assert not state.by_itself


def test_given_up_asks_nothing() -> None:
    state, effects = run([CancelPressed(), CancelPressed(), Asked(Step.REQUEST)])
    assert state.finished
    assert effects == [ShowCancel(True), GiveUp(), CloseWindow()]


EVENTS = st.one_of(
    st.builds(Asked, st.sampled_from(Step)),
    st.builds(PreviewAsked, st.booleans()),
    st.builds(PreviewRead, st.sampled_from([None, "暂时无法计算受理结果"])),
    st.builds(LookUpStarted, st.sampled_from(["1501", "1502"])),
    st.sampled_from(
        [
            LookUpOver(),
            Sent(),
            Busy(),
            SendFailed(),
            InTurn(),
            ByItself(),
            Taken(),
            NotTaken(),
            Answered(),
            CancelPressed(),
            PreviewLost(),
        ]
    ),
)


@given(st.lists(EVENTS, max_size=30))
def test_any_order_of_keys_and_answers_keeps_the_rules(events: list[Event]) -> None:
    state = IntakeFlow()
    for event in events:
        before = state
        state, effects = on(state, event)
        assert len(set(state.waiting)) == len(state.waiting)  # each step waits once
        assert len(set(state.after_preview)) == len(state.after_preview)
        if isinstance(event, Asked):
            if event.step is Step.REQUEST and before.finished:
                assert effects == ()  # nothing after the case is taken or given up
            elif before.previewing:
                assert effects == ()  # the form's own preview first: the step waits for it, once
                assert event.step in state.after_preview
            elif before.looking_up:
                assert effects == ()  # never taken before she is named: it waits
                assert event.step in state.waiting
            elif event.step is Step.COMMIT and before.committing:
                assert effects == ()  # a second Ctrl+Enter takes nothing twice
            else:
                assert effects == (Go(event.step),)
        if isinstance(event, LookUpOver):
            assert state.waiting == ()
            assert not state.looking_up
            assert list(effects) == [Go(step) for step in before.waiting]
        if before.finished:
            assert state.finished  # once finished, always

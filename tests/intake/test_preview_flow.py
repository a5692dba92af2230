"""The preview's flight as plain data (counter.intake.flow): the key orders the window's preview tests drive.

``tests/ui/intake/test_preview_called_back.py`` and ``test_reads_failing.py`` drive these through the panel with a
service held or failing; here the same orders are events, without a window: a change while the grounds are read is
decided once with the form as it then stands, Ctrl+Enter meanwhile goes by that outcome, a failed read is said and
the next change reads again, a read that cannot even be sent strands nothing.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counter.intake.flow import (
    Asked,
    Decide,
    Effect,
    Event,
    Go,
    IntakeFlow,
    LookUpOver,
    LookUpStarted,
    PreviewAsked,
    PreviewLost,
    PreviewRead,
    ReadGrounds,
    Sent,
    ShowProblem,
    Step,
    Taken,
    on,
)

FAULT = "暂时无法计算受理结果（数据库正忙），表单内容已保留"


def run(events: list[Event], state: IntakeFlow | None = None) -> tuple[IntakeFlow, list[Effect]]:
    state = state or IntakeFlow()
    effects: list[Effect] = []
    for event in events:
        state, done = on(state, event)
        effects.extend(done)
    return state, effects


def test_a_change_with_the_grounds_here_is_decided_at_once() -> None:
    assert on(IntakeFlow(), PreviewAsked(grounded=True)) == (IntakeFlow(), (Decide(),))


def test_the_first_change_reads_the_grounds_and_is_shown_when_they_answer() -> None:
    state, effects = run([PreviewAsked(grounded=False)])
    assert effects == [ReadGrounds()]
    assert state.previewing
    state, effects = run([PreviewRead()], state)
    assert effects == [Decide()]
    assert state == IntakeFlow()


def test_changes_while_the_grounds_are_read_cost_no_read_and_are_decided_once() -> None:
    """The clerk ticks 不予受理 and its ground while the read is held: one read, one decision, the form as it stands."""
    state, effects = run([PreviewAsked(False), PreviewAsked(False), PreviewAsked(False)])
    assert effects == [ReadGrounds()]
    assert state.again
    state, effects = run([PreviewRead()], state)
    assert effects == [Decide()]
    assert state == IntakeFlow()


def test_ctrl_enter_while_the_preview_is_in_flight_goes_by_the_form_as_it_is() -> None:
    state, effects = run([PreviewAsked(False), Asked(Step.REQUEST), Asked(Step.REQUEST)])
    assert effects == [ReadGrounds()]  # nothing decided on the outcome shown before the change
    assert state.after_preview == (Step.REQUEST,)  # asked twice, run once
    state, effects = run([PreviewRead()], state)
    assert effects == [Decide(), Go(Step.REQUEST)]  # the outcome shown first, then the step
    assert state == IntakeFlow()


def test_a_step_that_waited_for_the_preview_then_waits_for_her_name() -> None:
    state, effects = run([PreviewAsked(False), LookUpStarted("1501"), Asked(Step.COMMIT), PreviewRead()])
    assert effects == [ReadGrounds(), Decide()]
    assert state.waiting == (Step.COMMIT,)
    state, effects = run([LookUpOver()], state)
    assert effects == [Go(Step.COMMIT)]


def test_a_commit_that_waited_for_the_preview_is_not_made_twice() -> None:
    state, effects = run([Asked(Step.COMMIT), Sent(), PreviewAsked(False), Asked(Step.COMMIT), PreviewRead()])
    assert effects == [Go(Step.COMMIT), ReadGrounds(), Decide()]
    assert state.committing  # the second Ctrl+Enter, let go by the preview, found the commit in flight


def test_a_read_that_fails_is_said_and_the_next_change_reads_again() -> None:
    state, effects = run([PreviewAsked(False), PreviewRead(FAULT)])
    assert effects == [ReadGrounds(), ShowProblem(FAULT)]
    assert not state.previewing
    assert on(state, PreviewAsked(False)) == (IntakeFlow(previewing=True), (ReadGrounds(),))


def test_a_read_that_fails_after_a_change_reads_once_more_and_the_step_still_waits() -> None:
    state, effects = run([PreviewAsked(False), PreviewAsked(False), Asked(Step.REQUEST), PreviewRead(FAULT)])
    assert effects == [ReadGrounds(), ReadGrounds()]
    assert state.previewing
    assert state.after_preview == (Step.REQUEST,)
    state, effects = run([PreviewRead()], state)
    assert effects == [Decide(), Go(Step.REQUEST)]


def test_a_read_that_cannot_be_sent_leaves_no_step_waiting() -> None:
    state, effects = run([PreviewAsked(False), Asked(Step.COMMIT), PreviewLost()])
    assert effects == [ReadGrounds()]
    assert state == IntakeFlow()  # the clerk asks again; nothing runs later on an outcome never shown


def test_the_preview_still_shows_after_the_case_is_taken_and_asks_no_step() -> None:
    state, effects = run([Sent(), Taken(), PreviewAsked(False), Asked(Step.REQUEST), PreviewRead()])
    assert effects == [ReadGrounds(), Decide()]
    assert state.finished


EVENTS = st.one_of(
    st.builds(Asked, st.sampled_from(Step)),
    st.builds(PreviewAsked, st.booleans()),
    st.builds(PreviewRead, st.sampled_from([None, FAULT])),
    st.sampled_from([PreviewLost(), LookUpStarted("1501"), LookUpOver(), Sent(), Taken()]),
)


@given(st.lists(EVENTS, max_size=30))
def test_any_order_of_changes_and_answers_reads_once_at_a_time(events: list[Event]) -> None:
    state = IntakeFlow()
    for event in events:
        before = state
        state, effects = on(state, event)
        reads = effects.count(ReadGrounds())
        assert reads <= 1
        if reads:
            assert state.previewing  # a read is asked only with none in flight, or in place of the one answered
            assert not before.previewing or isinstance(event, PreviewRead)
        shown = [e for e in effects if isinstance(e, Decide | ShowProblem)]
        assert len(shown) <= 1
        if shown:
            assert effects[0] == shown[0]  # the outcome shown before any step that waited for it goes
            assert not state.previewing
        if not state.previewing:
            assert state.after_preview == ()  # no step is left waiting for a preview nobody reads
            assert not state.again

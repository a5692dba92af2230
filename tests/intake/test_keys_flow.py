"""The keys' way back into the checklist as plain data (counter.intake.flow): Shift+Tab returns to the row left.

``tests/ui/intake/test_clerk_keys.py`` drives it through the window (Tab from the fourth material to the outcome
column, Shift+Tab back to that material, its key settling it); here the same keys are events.  The list is one Tab
stop, its first row, so Qt's Shift+Tab into it lands there, on a material the clerk was not on.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counter.intake.flow import Effect, Event, FocusRow, IntakeFlow, ListLeft, RowFocused, on

FIRST, FOURTH, LAST = "M01", "M04", "M10"


def run(events: list[Event], state: IntakeFlow | None = None) -> tuple[IntakeFlow, list[Effect]]:
    state = state or IntakeFlow()
    effects: list[Effect] = []
    for event in events:
        state, done = on(state, event)
        effects.extend(done)
    return state, effects


def tab_out_from(code: str) -> list[Event]:
    """Tab from a row: the list's last place takes the keyboard on the way out, then the list is left from ``code``."""
    return [RowFocused(LAST, back=False), ListLeft(code)]


def test_shift_tab_from_the_outcome_column_returns_to_the_row_left() -> None:
    state, effects = run([RowFocused(FOURTH, back=False), *tab_out_from(FOURTH), RowFocused(FIRST, back=True)])
    assert effects == [FocusRow(FOURTH)]
    state, effects = run([RowFocused(FOURTH, back=True)], state)  # the row returned to takes it: nothing more
    assert effects == []
    assert state == IntakeFlow()


def test_the_way_back_is_used_once() -> None:
    state, _ = run([*tab_out_from(FOURTH), RowFocused(FIRST, back=True), RowFocused(FOURTH, back=True)])
    _, effects = run([RowFocused(FIRST, back=True)], state)  # Shift+Tab in again later, from above: the list's stop
    assert effects == []


def test_a_row_reached_otherwise_ends_the_way_back() -> None:
    """An arrow or a click onto a row after Tab left the list: a later Shift+Tab finds the list's own stop."""
    _, effects = run([*tab_out_from(FOURTH), RowFocused("M02", back=False), RowFocused(FIRST, back=True)])
    assert effects == []


def test_shift_tab_out_of_the_list_leaves_no_way_back() -> None:
    _, effects = run([RowFocused(FOURTH, back=False), ListLeft(""), RowFocused(FIRST, back=True)])
    assert effects == []


def test_shift_tab_onto_the_row_left_sends_it_nowhere() -> None:
    _, effects = run([*tab_out_from(FIRST), RowFocused(FIRST, back=True)])
    assert effects == []


def test_tab_into_the_list_lands_where_it_lands() -> None:
    _, effects = run([*tab_out_from(FOURTH), RowFocused(FIRST, back=False)])
    assert effects == []


CODES = st.sampled_from([FIRST, "M02", FOURTH, LAST])
KEYS = st.lists(
    st.one_of(
        st.builds(ListLeft, st.one_of(CODES, st.just(""))),
        st.builds(RowFocused, CODES, st.booleans()),
    ),
    max_size=12,
)


@given(KEYS)
def test_the_keyboard_only_ever_goes_back_to_the_row_tab_left_last(events: list[ListLeft | RowFocused]) -> None:
    """Over any keys: a row is focused only on Shift+Tab into the list, and only the row the last Tab left from,
    with no row reached in between; nothing else in the intake's state moves."""
    state, left = IntakeFlow(), ""
    for event in events:
        state, effects = on(state, event)
        expected: tuple[Effect, ...] = ()
        if isinstance(event, ListLeft):
            left = event.code
        else:
            if event.back and left and left != event.code:
                expected = (FocusRow(left),)
            left = ""
        assert effects == expected
        assert state == IntakeFlow(row_left=left)

"""A turn at a note that cannot be taken (its folder not makeable, a file where the folder goes) never stops the work:
a desk that could not take the turn numbers and notes as it did before turns were taken."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.host.notes.note_turn import take_turn, turn_at


def test_a_turn_that_cannot_be_taken_is_logged_and_the_work_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    in_the_way = tmp_path / "state"
    in_the_way.write_text("a file where the state folder goes", encoding="utf-8")
    turn = in_the_way / "databases" / "note.turn"
    assert take_turn(turn) is None
    done = []
    with turn_at(turn, shared=True):
        done.append("noted")
    assert done == ["noted"]
    assert f"no turn at {turn}; going on without one" in caplog.text
    assert in_the_way.read_text(encoding="utf-8") == "a file where the state folder goes"


def test_a_turn_let_go_twice_is_let_go_once(tmp_path: Path) -> None:
    turn = take_turn(tmp_path / "note.turn")
    assert turn is not None
    turn.release()
    turn.release()  # nothing: the descriptor is not closed twice (another file may have its number by now)
    again = take_turn(tmp_path / "note.turn")  # the turn is free
    assert again is not None
    again.release()

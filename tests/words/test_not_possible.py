"""Why an intake or a step cannot be committed, in the words both faces show: every code has its sentence."""

from __future__ import annotations

from counter.intake.not_possible import PROGRAM_FAULTS, NotPossibleWhy
from counter.words.intake import NOT_POSSIBLE_PROGRAM, NOT_POSSIBLE_WHY, not_possible_text
from tests.cli.test_case_take import ASCII_WORD


def test_every_code_a_clerk_can_meet_has_a_chinese_sentence() -> None:
    assert set(NOT_POSSIBLE_WHY) == set(NotPossibleWhy) - PROGRAM_FAULTS
    for why in NotPossibleWhy:
        said = not_possible_text(why)
        assert said, why
        assert not ASCII_WORD.search(said), said  # a key's name (F8) is no word


def test_a_fault_of_the_program_is_one_plain_sentence() -> None:
    assert PROGRAM_FAULTS
    assert {not_possible_text(why) for why in PROGRAM_FAULTS} == {NOT_POSSIBLE_PROGRAM}
    assert "技术支持" in NOT_POSSIBLE_PROGRAM


def test_the_materials_not_awaited_are_named() -> None:
    said = not_possible_text(NotPossibleWhy.NOT_AWAITED, ("M05", "M07"))
    assert said == "以下材料不是本件正在等待补交的材料：M05、M07"

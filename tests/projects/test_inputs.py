"""A project's facts and plan files read apart from any face: every problem at once, as codes."""

from __future__ import annotations

import datetime as dt

import pytest

from counter.projects.inputs import (
    FieldKind,
    InputProblem,
    InputProblemCode,
    InputRefused,
    parse_document,
    read_facts,
    read_plan,
)
from counter.projects.model import Stage
from counter.projects.service_items import shipped_service_list


def test_every_problem_of_a_facts_file_is_returned_at_once() -> None:
    with pytest.raises(InputRefused) as refused:
        read_facts({"name": 3, "investment": "many", "classes": ["tourism"], "colour": "red"})
    assert refused.value.problems == (
        InputProblem(InputProblemCode.UNKNOWN_FIELD, field="colour"),
        InputProblem(InputProblemCode.WRONG_TYPE, field="name", kind=FieldKind.TEXT),
        InputProblem(InputProblemCode.WRONG_TYPE, field="investment", kind=FieldKind.WHOLE),
        InputProblem(InputProblemCode.UNKNOWN_CLASS, detail="tourism"),
    )


def test_a_plan_step_takes_its_name_department_and_stage_from_the_reference_list() -> None:
    items = shipped_service_list()
    item = items.items[0]
    toml = f"[[steps]]\nitem_no = {item.no}\nexpected_on = 2026-09-01\n"
    (step,) = read_plan(parse_document(toml, toml=True), items)
    assert (step.name, step.department, step.stage, step.expected_on) == (
        item.name, item.department, item.stage, dt.date(2026, 9, 1),
    )  # fmt: skip


def test_a_plan_problem_names_its_step() -> None:
    plan = [{"name": "x", "stage": Stage.LAND.value, "expected_on": "2026-09-01"}, "step"]
    with pytest.raises(InputRefused) as refused:
        read_plan(plan, shipped_service_list())
    assert refused.value.problems == (InputProblem(InputProblemCode.NOT_AN_OBJECT, step=2),)


def test_a_file_of_neither_json_nor_toml_is_refused_with_the_parsers_complaint() -> None:
    with pytest.raises(InputRefused) as refused:
        parse_document("{", toml=False)
    (problem,) = refused.value.problems
    assert problem.code is InputProblemCode.NOT_JSON_OR_TOML
    assert problem.detail


def test_every_value_of_the_wrong_kind_in_a_facts_file_is_named() -> None:
    """Whatever a hand-written 申请表 holds in place of an object, a yes or no, a list or a reference number."""
    not_objects: list[object] = [[], "name = x", None]
    for data in not_objects:
        with pytest.raises(InputRefused) as not_one:
            read_facts(data)
        assert not_one.value.problems == (InputProblem(InputProblemCode.NOT_AN_OBJECT),)
    with pytest.raises(InputRefused) as refused:
        read_facts({"key_project": "是", "government": 1, "classes": "industry", "requested": [3, "三", True]})
    assert refused.value.problems == (
        InputProblem(InputProblemCode.WRONG_TYPE, field="key_project", kind=FieldKind.YES_NO),
        InputProblem(InputProblemCode.WRONG_TYPE, field="government", kind=FieldKind.YES_NO),
        InputProblem(InputProblemCode.WRONG_TYPE, field="classes", kind=FieldKind.LIST),
        InputProblem(InputProblemCode.ITEM_NOT_A_NUMBER, detail="三"),
        InputProblem(InputProblemCode.ITEM_NOT_A_NUMBER, detail="True"),
    )


def test_a_plan_without_its_steps_or_with_a_step_of_the_wrong_kinds_is_named() -> None:
    items = shipped_service_list()
    no_steps: list[object] = [{"step": []}, {"steps": {"name": "x"}}, "steps", None]
    for data in no_steps:
        with pytest.raises(InputRefused) as none:
            read_plan(data, items)
        assert none.value.problems == (InputProblem(InputProblemCode.NO_STEPS),)
    step = {
        "name": 7,
        "department": ["自然资源局"],
        "stage": "someday",
        "expected_on": "2026-09-01T09:00",
        "item_no": "1",
    }
    with pytest.raises(InputRefused) as refused:
        read_plan({"steps": [step]}, items)
    assert refused.value.problems == (
        InputProblem(InputProblemCode.WRONG_TYPE, field="item_no", kind=FieldKind.WHOLE, step=1),
        InputProblem(InputProblemCode.WRONG_TYPE, field="name", kind=FieldKind.TEXT, step=1),
        InputProblem(InputProblemCode.WRONG_TYPE, field="department", kind=FieldKind.TEXT, step=1),
        InputProblem(InputProblemCode.UNKNOWN_STAGE, detail="someday", step=1),
        InputProblem(InputProblemCode.BAD_DATE, detail="2026-09-01T09:00", step=1),
    )
    numbered = {"name": "用地预审", "department": "自然资源局", "stage": 2, "expected_on": "2026-09-01"}
    with pytest.raises(InputRefused) as refused:  # a stage by its place in the list: named, not guessed
        read_plan({"steps": [numbered]}, items)
    assert refused.value.problems == (InputProblem(InputProblemCode.UNKNOWN_STAGE, detail="2", step=1),)

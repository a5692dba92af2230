"""A 帮您办 project's facts and plan as a clerk hands them in: a JSON or TOML file, or the reference list's numbers.

The command line takes a project's 申请表 and its 申报计划 as files, written by hand or by another program.  They
are read here, apart from any face, so that every problem of a file is found at once and returned as codes
(:class:`InputProblem`, worded by :mod:`counter.words.project_inputs`).  What the facts or the plan themselves break
(a missing name, a step out of order) is the rules' (:mod:`counter.projects.rules`), checked by the action.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from counter.projects.model import STAGE_ORDER, PlanStep, ProjectClass, ProjectFacts, Stage
from counter.projects.service_items import STAGE_WORD, ServiceList

#: a plan from the reference list: each later stage expected this many days after the one before
STAGE_SPAN_DAYS = 20

#: the facts' fields of text, as a file and the JSON output name them
TEXT_FIELDS = ("name", "investor", "location", "county", "investor_address", "investor_head", "postcode", "phone",
                "contact", "contact_id_no", "code", "funding", "land", "purpose", "progress", "industry")  # fmt: skip
_FACT_FIELDS = frozenset({*TEXT_FIELDS, "investment", "key_project", "government", "classes", "requested"})
_STEP_FIELDS = ("name", "department", "stage", "expected_on", "item_no", "joint")


class InputProblemCode(StrEnum):
    NOT_JSON_OR_TOML = "not_json_or_toml"  # detail: the parser's message
    NOT_AN_OBJECT = "not_an_object"  # the file, or a plan's step, is not a table of fields and values
    NO_STEPS = "no_steps"  # a plan file lists no steps
    UNKNOWN_FIELD = "unknown_field"  # field
    WRONG_TYPE = "wrong_type"  # field and kind
    UNKNOWN_CLASS = "unknown_class"  # detail: the value
    ITEM_NOT_A_NUMBER = "item_not_a_number"  # detail: the value
    NOT_ON_LIST = "not_on_list"  # detail: the reference list's number
    UNKNOWN_STAGE = "unknown_stage"  # detail: the value
    BAD_DATE = "bad_date"  # detail: the value


class FieldKind(StrEnum):
    """What a field's value should have been."""

    TEXT = "text"
    WHOLE = "whole"
    YES_NO = "yes_no"
    LIST = "list"


@dataclass(frozen=True, slots=True)
class InputProblem:
    code: InputProblemCode
    field: str = ""
    kind: FieldKind | None = None
    detail: str = ""
    step: int = 0  # the plan's step (from 1) the problem is in; 0: the file as a whole


class InputRefused(Exception):
    """A file or a list that cannot be taken, with every problem found in it."""

    def __init__(self, problems: Sequence[InputProblem]) -> None:
        super().__init__(problems)
        self.problems = tuple(problems)


def parse_document(text: str, *, toml: bool) -> Any:
    """A TOML or JSON document's content; InputRefused naming the parser's complaint."""
    try:
        return tomllib.loads(text) if toml else json.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as err:
        raise InputRefused([InputProblem(InputProblemCode.NOT_JSON_OR_TOML, detail=str(err))]) from err


def _wrong_type(field: str, kind: FieldKind) -> InputProblem:
    return InputProblem(InputProblemCode.WRONG_TYPE, field=field, kind=kind)


def read_facts(data: object) -> ProjectFacts:
    """The 申请表 in ``data`` (a parsed file); InputRefused with every problem of the file."""
    if not isinstance(data, dict):
        raise InputRefused([InputProblem(InputProblemCode.NOT_AN_OBJECT)])
    problems = [InputProblem(InputProblemCode.UNKNOWN_FIELD, field=k) for k in data if k not in _FACT_FIELDS]
    texts: dict[str, str] = {}
    for key in TEXT_FIELDS:
        value = data.get(key, "")
        if isinstance(value, str):
            texts[key] = value.strip()
        else:
            problems.append(_wrong_type(key, FieldKind.TEXT))
    investment = data.get("investment", 0)
    if isinstance(investment, bool) or not isinstance(investment, int):
        problems.append(_wrong_type("investment", FieldKind.WHOLE))
        investment = 0
    key_project = data.get("key_project", False)
    if not isinstance(key_project, bool):
        problems.append(_wrong_type("key_project", FieldKind.YES_NO))
        key_project = False
    government = data.get("government", False)  # 政府投资项目
    if not isinstance(government, bool):
        problems.append(_wrong_type("government", FieldKind.YES_NO))
        government = False
    classes = _listed(data, "classes", problems, _class_of)
    requested = _listed(data, "requested", problems, _item_no_of)
    if problems:
        raise InputRefused(problems)
    return ProjectFacts(
        **texts,
        investment=investment,
        key_project=key_project,
        government=government,
        classes=frozenset(c for c in classes if c is not None),
        requested=tuple(n for n in requested if n is not None),
    )


def _class_of(value: object) -> tuple[ProjectClass | None, InputProblem | None]:
    if isinstance(value, str) and value in tuple(ProjectClass):
        return ProjectClass(value), None
    return None, InputProblem(InputProblemCode.UNKNOWN_CLASS, detail=str(value))


def _item_no_of(value: object) -> tuple[int | None, InputProblem | None]:
    if isinstance(value, int) and not isinstance(value, bool):
        return value, None
    return None, InputProblem(InputProblemCode.ITEM_NOT_A_NUMBER, detail=str(value))


def _listed(
    data: dict[str, Any],
    key: str,
    problems: list[InputProblem],
    read: Callable[[object], tuple[Any, InputProblem | None]],
) -> list[Any]:
    """The values of the list ``key``, each read by ``read``; its problems added to ``problems``."""
    raw = data.get(key, [])
    if not isinstance(raw, list):
        problems.append(_wrong_type(key, FieldKind.LIST))
        return []
    values = []
    for value in raw:
        found, problem = read(value)
        if problem is not None:
            problems.append(problem)
        values.append(found)
    return values


def _stage(value: object) -> Stage | None:
    if isinstance(value, str):
        word = value.strip()
        if word in tuple(Stage):
            return Stage(word)
        return next((s for s, w in STAGE_WORD.items() if w == word), None)
    return None


def read_plan(data: object, items: ServiceList) -> tuple[PlanStep, ...]:
    """The plan in ``data`` (a parsed file): ``{"steps": [...]}`` (TOML: ``[[steps]]``) or, in JSON, the list itself.

    A step on the reference list (``item_no``) takes its name, department and stage from the list where the file
    leaves them out.  InputRefused with every problem of every step.
    """
    raw = data.get("steps") if isinstance(data, dict) else data
    if not isinstance(raw, list):
        raise InputRefused([InputProblem(InputProblemCode.NO_STEPS)])
    problems: list[InputProblem] = []
    steps: list[PlanStep] = []
    for no, entry in enumerate(raw, 1):
        step, faults = _plan_step(entry, items)
        problems.extend(InputProblem(f.code, field=f.field, kind=f.kind, detail=f.detail, step=no) for f in faults)
        if step is not None:
            steps.append(step)
    if problems:
        raise InputRefused(problems)
    return tuple(steps)


def _plan_step(entry: object, items: ServiceList) -> tuple[PlanStep | None, list[InputProblem]]:
    if not isinstance(entry, dict):
        return None, [InputProblem(InputProblemCode.NOT_AN_OBJECT)]
    faults = [InputProblem(InputProblemCode.UNKNOWN_FIELD, field=k) for k in entry if k not in _STEP_FIELDS]
    item_no = entry.get("item_no", 0)
    if isinstance(item_no, bool) or not isinstance(item_no, int):
        faults.append(_wrong_type("item_no", FieldKind.WHOLE))
        item_no = 0
    item = items.item(item_no) if item_no else None
    if item_no and item is None:
        faults.append(InputProblem(InputProblemCode.NOT_ON_LIST, detail=str(item_no)))
    texts = {}
    for key in ("name", "department", "joint"):
        value = entry.get(key, "")
        if not isinstance(value, str):
            faults.append(_wrong_type(key, FieldKind.TEXT))
            value = ""
        texts[key] = value.strip()
    name = texts["name"] or (item.name if item else "")
    department = texts["department"] or (item.department if item else "")
    raw_stage = entry.get("stage")
    stage = _stage(raw_stage) if raw_stage is not None else (item.stage if item else None)
    if stage is None:
        faults.append(InputProblem(InputProblemCode.UNKNOWN_STAGE, detail=str(raw_stage or "")))
    raw_day = entry.get("expected_on")
    expected: dt.date | None = raw_day if isinstance(raw_day, dt.date) else None
    if isinstance(raw_day, str):
        try:
            expected = dt.date.fromisoformat(raw_day.strip())
        except ValueError:
            expected = None
    if expected is None or isinstance(expected, dt.datetime):
        faults.append(InputProblem(InputProblemCode.BAD_DATE, detail=str(raw_day or "")))
    if faults or stage is None or expected is None:
        return None, faults
    return PlanStep(0, name, department, stage, expected, item_no=item_no, joint=texts["joint"]), []


def plan_from_list(items: ServiceList, numbers: tuple[int, ...], start: dt.date) -> tuple[PlanStep, ...]:
    """A plan of the reference list's items ``numbers``, in the order of their stages, with their departments.

    The n-th stage the plan has is expected :data:`STAGE_SPAN_DAYS` × n days after ``start``: the steps of one stage
    run in parallel and share their date.  A number not on the list is refused (InputRefused, each number once).
    """
    missing = [n for n in numbers if items.item(n) is None]
    if missing:
        raise InputRefused([InputProblem(InputProblemCode.NOT_ON_LIST, detail=str(n)) for n in dict.fromkeys(missing)])
    chosen = [i for n in dict.fromkeys(numbers) if (i := items.item(n)) is not None]
    stages = sorted({i.stage for i in chosen}, key=STAGE_ORDER.index)
    chosen.sort(key=lambda i: STAGE_ORDER.index(i.stage))  # stable: the order given within a stage
    return tuple(
        PlanStep(
            no,
            item.name,
            item.department,
            item.stage,
            start + dt.timedelta(days=STAGE_SPAN_DAYS * (stages.index(item.stage) + 1)),
            item_no=item.no,
        )
        for no, item in enumerate(chosen, 1)
    )

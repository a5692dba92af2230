"""Every operation's request and response, and every fault it declares, cross JSON and come back unchanged; what
is not of its type is refused with its path, never coerced.

Values are generated from the types themselves (tests/service/strategies.py), so a field added to any request or
answer is walked without a line here; a type the codec cannot carry fails here by name, not at a hall's desk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
import re
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter.calendar.workdays import DateSpan
from counter.intake.not_possible import ClerkUnnamed, IntakeNotPossible, NotPossibleWhy
from counter.service.cases import FindCases
from counter.service.catalog import AllowDraftIntake
from counter.service.catalogue import operations
from counter.service.codec import Malformed, NotSerialisable, decode, encode, hints_of
from counter.service.faults import COMMON, UnknownFault, decode_fault, encode_fault, fault_class, fault_table
from counter.service.intake import KnownPartyOf, LookUpLicences
from counter.service.operation import Operation
from counter.service.outbox import RetryRow
from tests.service.strategies import strategy_for

OPERATIONS = operations()
FAULTS = fault_table()
#: Examples per operation: a twentieth of the profile's (tests/conftest.py), never fewer than two.  Each of the
#: four hundred cases walks one type, so the ci profile's 100 gives 5 (what every run walked before), the quick
#: tier's dev profile 2, and the release tier's thorough 50.
EXAMPLES = max(2, settings().max_examples // 20)
WALK = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _through_json(value: Any, hint: Any) -> Any:
    return decode(json.loads(json.dumps(encode(value, hint))), hint)


def _same(value: Any, back: Any, hint: Any) -> None:
    assert json.dumps(encode(back, hint)) == json.dumps(encode(value, hint))
    assert back == value or not _compares(value)


def _compares(value: Any) -> bool:
    """Whether the type compares by value (a dataclass made with ``eq=False`` compares by identity)."""
    params = getattr(type(value), "__dataclass_params__", None)
    return params is None or params.eq


def test_the_walk_finds_the_operations() -> None:
    assert len(OPERATIONS) >= 3
    for name, op in OPERATIONS.items():
        assert name == op.name, name
        assert "." in name, name


@pytest.mark.parametrize("name", sorted(OPERATIONS))
@WALK
@given(data=st.data())
def test_the_request_crosses_unchanged(name: str, data: st.DataObject) -> None:
    op: Operation[Any, Any] = OPERATIONS[name]
    value = data.draw(strategy_for(op.request))
    _same(value, _through_json(value, op.request), op.request)


@pytest.mark.parametrize("name", sorted(OPERATIONS))
@WALK
@given(data=st.data())
def test_the_answer_crosses_unchanged(name: str, data: st.DataObject) -> None:
    op: Operation[Any, Any] = OPERATIONS[name]
    value = data.draw(strategy_for(op.response))
    _same(value, _through_json(value, op.response), op.response)


@pytest.mark.parametrize("code", sorted(FAULTS))
@WALK
@given(data=st.data())
def test_each_declared_fault_crosses_as_itself(code: str, data: st.DataObject) -> None:
    cls = FAULTS[code]
    init = next(c.__dict__["__init__"] for c in cls.__mro__ if "__init__" in c.__dict__)
    hints = typing.get_type_hints(init) if init is not Exception.__init__ else {}
    params = list(inspect.signature(init).parameters)[1:] if hints else []
    values = {p: data.draw(strategy_for(hints[p])) for p in params}
    try:
        err = cls(**values)
    except (ValueError, TypeError, KeyError, AssertionError):
        return  # values the class itself refuses never cross
    back = decode_fault(json.loads(json.dumps(encode_fault(err))))
    assert type(back) is cls
    assert encode_fault(back) == encode_fault(err)


def _fault_hints(cls: type) -> list[Any]:
    init = next(c.__dict__["__init__"] for c in cls.__mro__ if "__init__" in c.__dict__)
    if init is Exception.__init__:
        return []
    return [hint for name, hint in typing.get_type_hints(init).items() if name != "return"]


def _unions_crossing() -> dict[str, tuple[Any, tuple[Any, ...]]]:
    """Every union of several types that an operation's request or answer, or a fault, reaches, by its text: the
    union and its arms.  Walked eagerly, since the codec builds an arm's encoder and decoder only when a value of
    that arm crosses: the round trips above draw an arm only when Hypothesis happens to."""
    seen: set[Any] = set()
    found: dict[str, tuple[Any, tuple[Any, ...]]] = {}

    def walk(hint: Any) -> None:
        if hint in seen:
            return
        seen.add(hint)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is Literal:
            return
        arms = tuple(a for a in args if a is not type(None))
        if (origin is typing.Union or isinstance(hint, types.UnionType)) and len(arms) > 1:
            found[repr(hint)] = (hint, arms)
        for arg in args:
            if arg is not Ellipsis:
                walk(arg)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            for field_hint in hints_of(hint).values():
                walk(field_hint)

    for op in OPERATIONS.values():
        walk(op.request)
        walk(op.response)
    for cls in FAULTS.values():
        for hint in _fault_hints(cls):
            walk(hint)
    return found


UNIONS = _unions_crossing()


def test_the_walk_finds_the_unions_that_cross() -> None:
    assert len(UNIONS) >= 5
    assert "int | str | None" in UNIONS


@pytest.mark.parametrize(
    ("union", "arm"), [(u, i) for u, (_, arms) in sorted(UNIONS.items()) for i in range(len(arms))]
)
@WALK
@given(data=st.data())
def test_every_arm_of_every_union_crosses_as_itself(union: str, arm: int, data: st.DataObject) -> None:
    hint, arms = UNIONS[union]
    value = data.draw(strategy_for(arms[arm]))
    written = encode(value, hint)
    back = decode(json.loads(json.dumps(written)), hint)
    assert type(back) is type(value)
    _same(value, back, hint)
    # each arm under a name of its own: two arms of one name would read back as the same one
    assert len({encode(data.draw(strategy_for(other)), hint)["arm"] for other in arms}) == len(arms)


def test_a_type_the_codec_cannot_carry_is_named() -> None:
    class Opaque:
        pass

    with pytest.raises(NotSerialisable, match="Opaque"):
        encode(Opaque(), Opaque)
    with pytest.raises(NotSerialisable, match="Any"):
        encode(1, Any)


# --- strict reading -------------------------------------------------------------------------------------------


def _refused_at(data: Any, hint: Any) -> str:
    with pytest.raises(Malformed) as refused:
        decode(data, hint)
    return refused.value.path


@pytest.mark.parametrize(
    ("data", "hint", "path"),
    [
        ({"id_no": None}, KnownPartyOf, "$.id_no"),  # was 'None'
        ({"allowed": "false"}, AllowDraftIntake, "$.allowed"),  # was True
        ({"allowed": 0}, AllowDraftIntake, "$.allowed"),
        ({"row_id": 1.9}, RetryRow, "$.row_id"),  # was 1
        ({"row_id": True}, RetryRow, "$.row_id"),
        ({"row_id": "7"}, RetryRow, "$.row_id"),
        ({"holder_id": "x", "types": "abc"}, LookUpLicences, "$.types"),  # was ('a', 'b', 'c')
        ({"holder_id": "x", "types": ["a", 1]}, LookUpLicences, "$.types[1]"),
        ({"id_no": ["1"]}, KnownPartyOf, "$.id_no"),
        (["1"], KnownPartyOf, "$"),
        (None, KnownPartyOf, "$"),
    ],
)
def test_a_value_of_another_type_is_refused_with_its_path_not_coerced(data: Any, hint: Any, path: str) -> None:
    assert _refused_at(data, hint) == path


def test_a_missing_required_field_and_an_unknown_field_are_refused_by_name() -> None:
    with pytest.raises(Malformed, match="missing required field `id_no`") as missing:
        decode({}, KnownPartyOf)
    assert missing.value.path == "$.id_no"
    with pytest.raises(Malformed, match="unknown field `today`") as unknown:
        decode({"id_no": "152201199001011234", "today": "2026-11-27"}, KnownPartyOf)
    assert unknown.value.path == "$.today"


def test_a_missing_field_with_a_default_takes_it() -> None:
    """An answer kept in a receipt, or a request of a desk one release older, still reads after a defaulted field is
    added: the default is the type's own, not a guess at what was meant."""
    assert decode({"holder_id": "x", "types": ["a"]}, LookUpLicences) == LookUpLicences("x", ("a",), "")


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclasses.dataclass(frozen=True)
class Leaf:
    when: dt.date
    amount: Decimal = Decimal(0)


@dataclasses.dataclass(frozen=True)
class Tree:
    leaves: tuple[Leaf, ...]
    either: dt.date | str
    by_colour: Mapping[Colour, int]
    share: Fraction
    file: Path
    kind: Literal["a", "b"] = "a"
    maybe: Leaf | None = None


TREE = Tree((Leaf(dt.date(2026, 11, 27)),), "x", {Colour.RED: 1}, Fraction(1, 3), Path("in/a.xlsx"), "b", None)


def _tree(**changes: Any) -> Any:
    data = encode(TREE, Tree)
    data.update(changes)
    return data


def test_the_walk_reads_back_what_it_wrote() -> None:
    assert decode(json.loads(json.dumps(encode(TREE, Tree))), Tree) == TREE


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"leaves": [{"when": "27.11.2026"}]}, "$.leaves[0].when"),
        ({"leaves": [{"when": "2026-11-27", "amount": 1.5}]}, "$.leaves[0].amount"),
        ({"leaves": [{"when": "2026-11-27", "colour": "red"}]}, "$.leaves[0].colour"),
        ({"either": "x"}, "$.either"),  # a union's value without its arm's name
        ({"either": {"arm": "int", "value": 1}}, "$.either.arm"),
        ({"either": {"arm": "date", "value": "x"}}, "$.either.value"),
        ({"either": {"arm": "str", "value": "x", "more": 1}}, "$.either"),
        ({"by_colour": [["green", 1]]}, "$.by_colour[0][0]"),
        ({"by_colour": [["red", 1], ["red", 2]]}, "$.by_colour"),
        ({"by_colour": {"red": 1}}, "$.by_colour"),
        ({"share": 0.5}, "$.share"),
        ({"share": "a half"}, "$.share"),
        ({"file": None}, "$.file"),
        ({"file": ""}, "$.file"),
        ({"kind": "c"}, "$.kind"),
        ({"maybe": {}}, "$.maybe.when"),
    ],
)
def test_each_kind_of_value_is_read_strictly_with_its_path(changes: dict[str, Any], path: str) -> None:
    assert _refused_at(_tree(**changes), Tree) == path


@pytest.mark.parametrize(
    ("value", "data", "hint", "name"),
    [
        ({"x": Leaf(dt.date(2026, 11, 27))}, {"x": {"when": "2026-11-27"}}, dict[str, Leaf], "Leaf"),
        ({"x": "y"}, {"x": {"arm": "str", "value": "y"}}, Mapping[str, dt.date | str], "date | str"),
        (Colour.RED, "red", Literal[Colour.RED], "Colour.RED"),
        (b"x", "eA==", Literal[b"x"], "b'x'"),
        (dt.timedelta(seconds=90), 90.0, dt.timedelta, "timedelta"),
    ],
)
def test_a_type_no_operation_carries_is_refused_both_ways_by_name(value: Any, data: Any, hint: Any, name: str) -> None:
    """A mapping by strings of dataclasses or of a union, a literal of an enum's member, a duration: no operation
    carries one, and the codec refuses it before writing as well as before reading, so a desk never sends what a
    server cannot read."""
    with pytest.raises(NotSerialisable, match=re.escape(name)):
        encode(value, hint)
    with pytest.raises(NotSerialisable, match=re.escape(name)):
        decode(data, hint)


@pytest.mark.parametrize(
    ("data", "hint", "path"),
    [
        (["x"], tuple[str, Leaf], "$"),  # a pair short of its second
        (["x", {"when": "2026-11-27"}, 1], tuple[str, Leaf], "$"),
        (["x", {"when": "27.11.2026"}], tuple[str, Leaf], "$[1].when"),
        ({"when": "2026-11-27", "amount": "12,50"}, Leaf, "$.amount"),  # a fee as a clerk might type it
        ({"when": "2026-11-27", "amount": "sNaN"}, Leaf, "$.amount"),  # raised at the first comparison
        ({"when": "2026-11-27", "amount": "NaN"}, Leaf, "$.amount"),
        ({"when": "2026-11-27", "amount": "-Infinity"}, Leaf, "$.amount"),
        ({"when": "2026-11-27", "amount": " 12.50"}, Leaf, "$.amount"),  # never written so: not read so
        ({"when": "2026-11-27", "amount": "1_250"}, Leaf, "$.amount"),
        ({"first": "2026-11-28", "last": "2026-11-27"}, DateSpan, "$"),  # its own check: it ends before it starts
        # a lookup reaching back before the calendar's first day: the read failed on the date as a 500
        ({"lookup": {"kind": "case_no", "text": ""}, "days": 739948}, FindCases, "$"),
        ({"lookup": {"kind": "name", "text": "乌兰"}, "days": 0}, FindCases, "$"),
    ],
)
def test_a_value_its_type_would_not_make_is_refused_with_its_path(data: Any, hint: Any, path: str) -> None:
    assert _refused_at(data, hint) == path


def test_a_pair_and_a_fee_read_back_as_written() -> None:
    pair = ("x", Leaf(dt.date(2026, 11, 27), Decimal("12.50")))
    assert decode(json.loads(json.dumps(encode(pair, tuple[str, Leaf]))), tuple[str, Leaf]) == pair
    assert encode(pair, tuple[str, Leaf])[1]["amount"] == "12.50"  # a string: no digit lost on the way
    for amount in ("0", "-0.5", "12.50", "1E+3", "1.5E-7", "123456789012345678901234567890.01"):
        assert decode(encode(Decimal(amount), Decimal), Decimal) == Decimal(amount)
        assert str(decode(encode(Decimal(amount), Decimal), Decimal)) == amount


def test_a_tagged_union_reads_its_arm_and_an_optional_its_null() -> None:
    back = decode(_tree(either={"arm": "date", "value": "2026-11-27"}, maybe=None), Tree)
    assert back.either == dt.date(2026, 11, 27)
    assert back.maybe is None


def test_a_fault_of_a_code_the_table_does_not_hold_is_refused_never_imported() -> None:
    """The class path the wire used to carry was imported as it came: a code now names a class of the table or is
    refused, and a dotted path is no code."""
    for code in ("NoSuchFault", "counter.intake.not_possible:IntakeNotPossible", "os:system", 7):
        with pytest.raises(UnknownFault):
            decode_fault({"fault": code, "values": {}})


def test_a_faults_values_are_read_as_strictly_as_a_request() -> None:
    written = encode_fault(IntakeNotPossible(None, why=NotPossibleWhy.NOT_AWAITED, names=("M05", "M07")))
    assert written["fault"] == "IntakeNotPossible"
    assert (written["values"]["why"], written["values"]["names"]) == ("not_awaited", ["M05", "M07"])
    back = decode_fault(written)
    assert isinstance(back, IntakeNotPossible)
    assert (back.why, back.names) == (NotPossibleWhy.NOT_AWAITED, ("M05", "M07"))
    with pytest.raises(Malformed) as unknown:
        decode_fault({**written, "values": {**written["values"], "more": 1}})
    assert unknown.value.path == "$.values.more"
    with pytest.raises(Malformed) as wrong:
        decode_fault({**written, "values": {**written["values"], "names": None}})
    assert wrong.value.path == "$.values.names"
    with pytest.raises(Malformed) as not_a_code:  # a reason in words (an earlier release's detail) is no code
        decode_fault({**written, "values": {**written["values"], "why": "reason required"}})
    assert not_a_code.value.path == "$.values.why"
    with pytest.raises(Malformed) as earlier:
        decode_fault({**written, "values": {"decision": None, "detail": "reason required"}})
    assert earlier.value.path == "$.values.detail"


def test_a_fault_missing_a_value_its_class_requires_is_refused_and_one_with_a_default_takes_it() -> None:
    """A server of another release answering "no such case" without the case's number: refused by the value's name,
    never a TypeError from the class; a value its constructor gives a default may be left out."""
    with pytest.raises(Malformed, match="missing required field `case_no`") as missing:
        decode_fault({"fault": "CaseNotFound", "values": {}})
    assert missing.value.path == "$.values.case_no"
    with pytest.raises(Malformed) as missing_decision:
        decode_fault({"fault": "IntakeNotPossible", "values": {"why": "reason_required"}})
    assert missing_decision.value.path == "$.values.decision"
    back = decode_fault({"fault": "IntakeNotPossible", "values": {"decision": None}})
    assert type(back) is IntakeNotPossible
    assert (back.why, back.names, back.party_problems, back.subject_problems) == (None, (), (), ())
    assert type(decode_fault({"fault": "ClerkUnnamed", "values": {}})) is ClerkUnnamed


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (None, "$"),
        (["CaseNotFound", {"case_no": "x"}], "$"),
        ({"fault": "CaseNotFound"}, "$"),
        ({"fault": "CaseNotFound", "values": {"case_no": "x"}, "more": 1}, "$"),
        ({"fault": "CaseNotFound", "values": ["x"]}, "$.values"),
        ({"fault": "CaseNotFound", "values": None}, "$.values"),
        ({"fault": "CaseNotFound", "values": {"case_no": 7}}, "$.values.case_no"),
    ],
)
def test_a_fault_not_of_its_shape_is_refused_with_its_path(data: Any, path: str) -> None:
    with pytest.raises(Malformed) as refused:
        decode_fault(data)
    assert refused.value.path == path


def test_the_table_holds_each_declared_fault_and_the_subclasses_of_its_module() -> None:
    declared = {fault_class(name) for op in OPERATIONS.values() for name in op.faults} | {
        fault_class(name) for name in COMMON
    }
    assert declared <= set(FAULTS.values())
    assert FAULTS["ClerkUnnamed"] is ClerkUnnamed  # caught by its own class at the command line
    assert all(code == cls.__name__ for code, cls in FAULTS.items())

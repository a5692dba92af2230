"""Every operation's request and response, and every fault it declares, cross JSON and come back unchanged.

Values are generated from the types themselves (tests/service/strategies.py), so a field added to any request or
answer is walked without a line here; a type the codec cannot carry fails here by name, not at a hall's desk.
"""

from __future__ import annotations

import inspect
import json
import typing
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter.service.catalogue import operations
from counter.service.codec import NotSerialisable, decode, encode
from counter.service.faults import COMMON, decode_fault, encode_fault, fault_class
from counter.service.operation import Operation
from tests.service.strategies import strategy_for

OPERATIONS = operations()
FAULTS = sorted({name for op in OPERATIONS.values() for name in op.faults} | set(COMMON))
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


@pytest.mark.parametrize("name", FAULTS)
@WALK
@given(data=st.data())
def test_each_declared_fault_crosses_as_itself(name: str, data: st.DataObject) -> None:
    cls = fault_class(name)
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


def test_a_type_the_codec_cannot_carry_is_named() -> None:
    class Opaque:
        pass

    with pytest.raises(NotSerialisable, match="Opaque"):
        encode(Opaque(), Opaque)
    with pytest.raises(NotSerialisable, match="Any"):
        encode(1, Any)

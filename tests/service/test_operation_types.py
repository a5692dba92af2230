"""Each operation's types said once and held: what mypy reads from a declaration is what the wire decodes by, and the
implementation it is bound to takes the declared request and answers the declared response.

mypy binds an answer's type from the hint a declaration passes, except for a union, which the declaration's constant
annotates (:mod:`counter.service.operation`); mypy cannot see that annotation agree with the hint beside it, so
these tests do, for every operation declared.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mypy import api
from sqlalchemy.orm import Session, sessionmaker

import counter.service
from counter.db.engine import Sessions
from counter.service.call import Call
from counter.service.catalogue import operations
from counter.service.operation import Operation

#: the modules of the package that declare no operation (as :mod:`counter.service.catalogue` lists them)
_FRAME = frozenset({"catalogue", "codec", "faults", "local", "operation", "remote", "retries"})


def _declaring() -> Iterator[types.ModuleType]:
    for info in pkgutil.iter_modules(counter.service.__path__):
        if info.name not in _FRAME:
            yield importlib.import_module(f"counter.service.{info.name}")


def _annotated() -> dict[str, tuple[str, Any]]:
    """Each annotated declaration's operation name: the constant's place and its annotation, evaluated."""
    found: dict[str, tuple[str, Any]] = {}
    for module in _declaring():
        hints = typing.get_type_hints(module)
        for name, hint in hints.items():
            op = getattr(module, name, None)
            if isinstance(op, Operation):
                found[op.name] = (f"{module.__name__}.{name}", hint)
    return found


def _union(hint: Any) -> bool:
    return isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union


def _hint(value: Any) -> Any:
    """``value`` as :func:`typing.get_type_hints` gives it: ``None`` as its type."""
    return type(None) if value is None else value


OPERATIONS = operations()
REPO = Path(__file__).resolve().parent.parent.parent

_CALLS = """
from counter.service.intake import KNOWN_PARTY, TAKE_INTAKE, KnownPartyOf, TakeIntake
from counter.service.local import Service

def asked(service: Service, intake: TakeIntake, party: KnownPartyOf) -> None:
    reveal_type(service.call(TAKE_INTAKE, intake))
    reveal_type(service.call(KNOWN_PARTY, party))
"""


@pytest.mark.slow
def test_mypy_knows_each_answer(tmp_path: Path) -> None:
    """Under the project's own settings, a call's answer is its declared type: a class bound from the hint passed,
    a union from the constant's annotation."""
    snippet = tmp_path / "calls.py"
    snippet.write_text(_CALLS, encoding="utf-8")
    settings = ["--config-file", str(REPO / "pyproject.toml"), "--cache-dir", str(REPO / ".mypy_cache")]
    out, err, _ = api.run([*settings, str(snippet)])
    revealed = [line.split("Revealed type is ")[1] for line in out.splitlines() if "Revealed type is" in line]
    assert revealed == [
        '"counter.case.intake_request.TakenIntake"',
        '"counter.intake.known_party.KnownParty | None"',
    ], out + err


def test_every_annotated_declaration_says_what_its_call_passes() -> None:
    annotated = _annotated()
    assert annotated, "no declaration is annotated: the unions would be Any to mypy"
    wrong = {
        place: (typing.get_args(hint), (OPERATIONS[name].request, OPERATIONS[name].response))
        for name, (place, hint) in annotated.items()
        if typing.get_origin(hint) is not Operation
        or typing.get_args(hint) != (OPERATIONS[name].request, _hint(OPERATIONS[name].response))
    }
    assert not wrong


def test_every_union_answer_is_annotated() -> None:
    """A union is no type mypy binds from a value: unannotated, its answer would be unknown to every call site."""
    annotated = _annotated()
    bare = sorted(name for name, op in OPERATIONS.items() if _union(op.response) and name not in annotated)
    assert not bare


#: the units of work, named by the implementations only for mypy, that a face load no SQLAlchemy
_WORK = {"Session": Session, "Sessions": Sessions, "sessionmaker": sessionmaker}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_implementation_takes_and_answers_what_is_declared(name: str) -> None:
    op = OPERATIONS[name]
    function = op.runs
    hints = typing.get_type_hints(function, localns=_WORK)
    _work, call, request = inspect.signature(function).parameters
    assert (hints[call], hints[request], hints["return"]) == (Call, op.request, _hint(op.response))


_DECLARATIONS_LOADED = """
import sys
from counter.service.catalogue import operations
operations()
storage = ("sqlalchemy", "alembic", "counter.actions", "counter.db")
print(sorted(name for name in sys.modules if name.startswith(storage)))
"""


@pytest.mark.slow
def test_every_declaration_imported_loads_no_action_nor_storage() -> None:
    """A face imports the declarations, an implementation bound beside them included: the window shows before the
    actions and SQLAlchemy load, and the hall's desk never needs them."""
    loaded = subprocess.run(
        [sys.executable, "-c", _DECLARATIONS_LOADED], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert loaded.stdout.strip() == "[]", loaded.stdout

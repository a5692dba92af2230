"""Each operation's types said once and held: what mypy reads from a declaration's implementation is what the wire
decodes by, a union included, and every implementation takes the call's context where the transport passes it.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from mypy import api
from sqlalchemy.orm import Session, sessionmaker

from counter.db.engine import Sessions
from counter.service.call import Call
from counter.service.catalogue import operations


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
    """Under the project's own settings, a call's answer is the type its implementation answers: a class, and a
    union (no value could say one to mypy: the function's annotation does)."""
    snippet = tmp_path / "calls.py"
    snippet.write_text(_CALLS, encoding="utf-8")
    settings = ["--config-file", str(REPO / "pyproject.toml"), "--cache-dir", str(REPO / ".mypy_cache")]
    out, err, _ = api.run([*settings, str(snippet)])
    revealed = [line.split("Revealed type is ")[1] for line in out.splitlines() if "Revealed type is" in line]
    assert revealed == [
        '"counter.case.intake_request.TakenIntake"',
        '"counter.intake.known_party.KnownParty | None"',
    ], out + err


#: the units of work, named by the implementations only for mypy, that a face load no SQLAlchemy
_WORK = {"Session": Session, "Sessions": Sessions, "sessionmaker": sessionmaker}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_implementation_takes_and_answers_what_is_declared(name: str) -> None:
    op = OPERATIONS[name]
    function = op.runs
    hints = typing.get_type_hints(function, localns=_WORK)
    _work, call, request = inspect.signature(function).parameters
    assert (hints[call], hints[request], hints["return"]) == (Call, op.request, _hint(op.response))


#: request types of the same fields that carry different things: a password typed to be checked and one to be set, a
#: search's text and a file's
_ALIKE_APART = {frozenset({"SignIn", "NewPassword"}), frozenset({"FindBundles", "ImportServiceList"})}


def test_no_two_request_types_carry_the_same_fields() -> None:
    """One request type for each thing an operation is asked with (nothing, a case's number, a site's code ...),
    shared by every area: the call's context is the transport's, and a type per operation left many alike."""
    by_fields: dict[tuple[tuple[str, Any, str], ...], set[str]] = {}
    for op in OPERATIONS.values():
        request = op.request
        hints = typing.get_type_hints(request)
        fields = tuple((f.name, hints[f.name], repr(f.default)) for f in dataclasses.fields(request))
        by_fields.setdefault(fields, set()).add(request.__qualname__)
    alike = {frozenset(names) for names in by_fields.values() if len(names) > 1}
    assert not alike - _ALIKE_APART


#: fields an operation leaves unread, by operation: the revocation shares its type with the 陈述申辩 notice, whose day
#: it does not need
_UNREAD = {"cases.revoke_pledge": {"hear_within"}, "cases.hear_pledge": {"said", "answer"}}


def test_every_field_of_a_request_is_read_by_its_operation() -> None:
    """A field an operation never reads is one a face fills for nothing, and a forger's to fill as it likes: read by
    name in the implementation's body (``request.case_no``), or the request handed on whole."""
    unread = {}
    for name, op in OPERATIONS.items():
        asked = list(inspect.signature(op.runs).parameters)[2]
        body = inspect.getsource(op.runs).split(")", 1)[1].split('"""')[-1]  # past the signature and the docstring
        if re.search(rf"\b{asked}\b(?!\.)", body):
            continue  # handed on whole
        fields = {f.name for f in dataclasses.fields(op.request)}
        missing = {f for f in fields if not re.search(rf"\.{f}\b", body)} - _UNREAD.get(name, set())
        if missing:
            unread[name] = sorted(missing)
    assert not unread


def test_every_operation_says_what_it_does() -> None:
    """The generated reference prints each operation's doc: its implementation's docstring, first paragraph."""
    assert not sorted(name for name, op in OPERATIONS.items() if not op.doc)


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

"""An operation of the service: its name, its request and response types, whether it writes, and who may ask it.

An operation is declared once, in the module of its area (:mod:`counter.service.intake` …), beside the function that
implements it and bound to it by reference: the faces import the declaration to call it, the in-process transport
(:mod:`counter.service.local`) calls the function, and the generated reference (``docs/operations.md``) prints it.
Each implementation imports its actions in its body, when it runs, so that a face importing the declarations loads
neither the actions nor SQLAlchemy (the window shows before either is imported); mypy checks the binding, and the
implementation's request and answer against the declaration.  An implementation asks its action and shapes the
answer, with what the call's context gives it (the desk, the department the account is bound to, the office's
calendar); an operation that composes several actions has its composition in the actions, as one function, for the
actions never import the service.

The implementation's annotations are the declaration's types, written once: :func:`read` and :func:`write` take the
function and mypy binds the request and the answer from its signature, so that ``service.call(TAKE_INTAKE, request)``
is a ``TakenIntake`` to mypy at every call site, a union (``StoredGuide | None``) as well as a class; at run time the
same annotations, evaluated in the function's module, are what the wire decodes by.  The function's docstring says
what the operation does, its first paragraph printed in the reference.  Rejected: the types passed beside the
function (each said twice, and a union, which no value says to mypy, annotated a third time on the constant), and a
decorator that turns the function into the operation (the faces call ``TAKE_INTAKE``, a value, not a function of
the actions' arguments).
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from counter.access.roles import Permission

if TYPE_CHECKING:
    from counter.service.call import Call

Req = TypeVar("Req")
Res = TypeVar("Res")
#: an operation answering a ``tuple[Row, ...]`` answers an ``Iterable[Row]``: a face may ask for less than is given
Res_co = TypeVar("Res_co", covariant=True)


class Open(StrEnum):
    """Who may ask an operation that names no one permission."""

    #: any desk of the site: reads every desk makes whatever its account (the catalog, the calendar, its own draft)
    ANY_DESK = "any_desk"
    #: the action asks finer: a standing per item, or one of several permissions (the department's or the window's)
    IN_ACTION = "in_action"
    #: before anyone is signed in: signing in, whether accounts exist
    BEFORE_SIGN_IN = "before_sign_in"


Gate = Permission | Open


@dataclass(frozen=True, eq=False)
class Operation(Generic[Req, Res_co]):
    """One named operation.

    ``runs``: the implementation, called as ``runs(work, call, request)`` with the unit
    of work (a SQLAlchemy session; for ``whole`` operations the store itself), the call's context the transport
    made (:class:`counter.service.call.Call`: the desk it is run for or None, the day and the moment) and the
    request; it returns the response.  ``faults``: the exception classes, ``module:Class``, that it may
    raise for the face to word, beyond the ones every operation may raise (:data:`counter.service.faults.COMMON`).
    ``whole``: work of many transactions (a catalog import, a training run) that opens its own units of work; it
    carries no idempotency receipt, being made safe to repeat by its own rule (written whole or not at all).
    ``receipt``: False for a write that may run again whatever came of its first run, and whose answer is a read of
    what is kept (a desk's draft checked, a bad one dropped): no receipt, so that its answer is never kept beside
    the data it reads (a draft's applicant, in clear in the receipt while the draft itself is sealed).
    """

    name: str
    request: type[Req]
    response: Any  # a type hint: ``CaseView``, ``tuple[CaseRow, ...]``, ``str | None``
    writes: bool
    gate: Gate
    runs: Callable[..., Any]
    faults: tuple[str, ...] = ()
    whole: bool = False
    doc: str = ""
    receipt: bool = True

    def __repr__(self) -> str:
        return f"<operation {self.name}>"


def read(
    name: str, gate: Gate, runs: Callable[[Any, Call, Req], Res], faults: tuple[str, ...] = ()
) -> Operation[Req, Res]:
    """A read: nothing is written, run in a read-only unit of work."""
    return _declared(name, False, gate, runs, faults)


def write(
    name: str,
    gate: Gate,
    runs: Callable[[Any, Call, Req], Res],
    faults: tuple[str, ...] = (),
    whole: bool = False,
    receipt: bool = True,
) -> Operation[Req, Res]:
    """A write: one transaction, committed whole with its idempotency receipt, or nothing of it kept."""
    return _declared(name, True, gate, runs, faults, whole, receipt)


def _types(runs: Callable[..., Any]) -> tuple[Any, Any]:
    """The request's type and the answer's hint, as the implementation annotates them.

    Evaluated in its module, where the request and answer types are imported to be read and written at the wire: the
    unit of work's annotation (``Session``, imported only for mypy so that a face loads no SQLAlchemy) is not read.
    """
    signature = inspect.signature(runs)
    request = list(signature.parameters.values())[2].annotation
    namespace = vars(sys.modules[runs.__module__])
    return _hint(request, namespace), _hint(signature.return_annotation, namespace)


def _hint(annotation: Any, namespace: dict[str, Any]) -> Any:
    """An annotation as its module names it: a string under ``from __future__ import annotations``, else as is."""
    return eval(annotation, namespace) if isinstance(annotation, str) else annotation


def _doc(runs: Callable[..., Any]) -> str:
    """The docstring's first paragraph, on one line: what the generated reference prints."""
    return " ".join((inspect.getdoc(runs) or "").split("\n\n")[0].split())


#: every operation declared so far, by name (:func:`counter.service.catalogue.operations` imports every area)
DECLARED: dict[str, Operation[Any, Any]] = {}


def _declared(
    name: str,
    writes: bool,
    gate: Gate,
    runs: Callable[[Any, Call, Req], Res],
    faults: tuple[str, ...],
    whole: bool = False,
    receipt: bool = True,
) -> Operation[Req, Res]:
    request, response = _types(runs)
    op: Operation[Req, Res] = Operation(name, request, response, writes, gate, runs, faults, whole, _doc(runs), receipt)
    if op.name in DECLARED:
        raise ValueError(f"operation {op.name} declared twice")
    DECLARED[op.name] = op
    return op

"""The intake's commit as plain data: its state, the events that move it, and what the window is to do.

The panel's commit was kept in flags spread over its mixins (finished, committing, the commit made by itself once
the connection is back, the number whose open cases are being looked up) and a hand-kept list of steps waiting for
that look-up; the order of keys around them was mended commit by commit.  Here the same lifecycle is one frozen
:class:`CommitFlow` and one function, :func:`on`, from a state and an event to the next state and its effects, so
that every key order can be tested without a window (``tests/intake/test_flow.py``), and the panel
(:class:`counter.ui.intake.commit.IntakeCommit`) only turns its signals into events and carries out the effects.

The preview's own flight stays the preview's (:class:`counter.ui.intake.preview.Preview`): the event says whether
one is in flight, and the machine answers :class:`AfterPreview` before anything else, as the commit always did.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class Step(enum.Enum):
    """What the clerk asked: the button or Ctrl+Enter (checks, a refusal's confirmation), or the commit itself."""

    REQUEST = "request"
    COMMIT = "commit"


@dataclass(frozen=True)
class CommitFlow:
    finished: bool = False  # taken or given up: no step runs again
    committing: bool = False  # the commit is in flight: a second Ctrl+Enter takes nothing
    by_itself: bool = False  # the commit made once the connection is back: nobody is there to press again
    looking_up: str = ""  # the number whose open cases are being looked up
    waiting: tuple[Step, ...] = ()  # steps asked meanwhile, in order, each once


# --- events -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asked:
    step: Step
    preview_busy: bool = False  # the form's own preview is in flight


@dataclass(frozen=True)
class LookUpStarted:
    id_no: str


@dataclass(frozen=True)
class LookUpOver:
    pass


@dataclass(frozen=True)
class Sent:
    """The commit went to the runner."""


@dataclass(frozen=True)
class Busy:
    """The runner refused the commit: another intake is being taken."""


@dataclass(frozen=True)
class SendFailed:
    """The commit could not even be sent (an error raised on the way)."""


@dataclass(frozen=True)
class InTurn:
    """The desk's operations answered: a commit that waited its turn is made now."""


@dataclass(frozen=True)
class ByItself:
    """The connection is back: the intake commits by itself."""


@dataclass(frozen=True)
class Taken:
    """The case is taken: finished before anything shows it so."""


@dataclass(frozen=True)
class NotTaken:
    """A fault answered: said, and the clerk commits again once it is put right."""


@dataclass(frozen=True)
class Answered:
    """The commit's answer, either way, has been shown: its flight is over."""


@dataclass(frozen=True)
class GivenUp:
    """放弃: the draft is gone and the panel closes."""


Event = (
    Asked
    | LookUpStarted
    | LookUpOver
    | Sent
    | Busy
    | SendFailed
    | InTurn
    | ByItself
    | Taken
    | NotTaken
    | Answered
    | GivenUp
)

# --- effects ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Go:
    """Run ``step`` now."""

    step: Step


@dataclass(frozen=True)
class AfterPreview:
    """Run ``step`` once the preview in flight has been shown."""

    step: Step


@dataclass(frozen=True)
class Restore:
    """The commit answered either way: the button names its act again."""


@dataclass(frozen=True)
class WaitTurn:
    """Ask again once the desk's operations have answered."""


@dataclass(frozen=True)
class SayBusy:
    """Say that another intake is being taken (else Ctrl+Enter would seem to do nothing)."""


Effect = Go | AfterPreview | Restore | WaitTurn | SayBusy


Next = tuple[CommitFlow, tuple[Effect, ...]]


def _busy(state: CommitFlow) -> Next:
    if state.by_itself:  # several waited for the connection: each in its turn, still saying it is saved
        return state, (WaitTurn(),)
    return dataclasses.replace(state, committing=False), (Restore(), SayBusy())


_R = dataclasses.replace
#: each event but Asked, by its type: the next state and its effects (a table, so each rule reads on one line)
_RULES: dict[type, Callable[[CommitFlow, Any], Next]] = {
    LookUpStarted: lambda s, e: (_R(s, looking_up=e.id_no), ()),
    LookUpOver: lambda s, e: (_R(s, looking_up="", waiting=()), tuple(Go(step) for step in s.waiting)),
    Sent: lambda s, e: (_R(s, committing=True), ()),
    Busy: lambda s, e: _busy(s),
    SendFailed: lambda s, e: (_R(s, committing=False), (Restore(),)),
    InTurn: lambda s, e: (_R(s, committing=False), (Restore(), Go(Step.COMMIT))),
    ByItself: lambda s, e: (_R(s, by_itself=True), (Go(Step.COMMIT),)),
    Taken: lambda s, e: (_R(s, finished=True, by_itself=False), ()),
    NotTaken: lambda s, e: (_R(s, by_itself=False), ()),
    Answered: lambda s, e: (_R(s, committing=False), (Restore(),)),
    GivenUp: lambda s, e: (_R(s, finished=True), ()),
}


def on(state: CommitFlow, event: Event) -> Next:
    """The next state and what the window does, for ``event`` in ``state``."""
    if isinstance(event, Asked):
        return _asked(state, event.step, event.preview_busy)
    return _RULES[type(event)](state, event)


def _asked(state: CommitFlow, step: Step, preview_busy: bool) -> Next:
    if step is Step.REQUEST and state.finished:
        return state, ()
    if preview_busy:
        return state, (AfterPreview(step),)
    if state.looking_up:
        waiting = state.waiting if step in state.waiting else (*state.waiting, step)
        return dataclasses.replace(state, waiting=waiting), ()
    if step is Step.COMMIT and state.committing:
        return state, ()
    return state, (Go(step),)

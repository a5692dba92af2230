"""The intake's flow as plain data: its state, the events that move it, and what the window is to do.

The panel's commit was kept in flags spread over its mixins (finished, committing, the commit made by itself once
the connection is back, the number whose open cases are being looked up), and its preview in flags and a hand-kept
list of steps of its own (in flight, asked again, the steps waiting for its answer), its closing in flags of the
window (the close agreed, the papers out, 放弃 armed, a draft being put back); the order of keys around them was
mended commit by commit.  Here the same lifecycle is one frozen :class:`IntakeFlow` and one function, :func:`on`,
from a state and an event to the next state and its effects, so that every key order can be tested without a window
(``tests/intake/test_*flow.py``), and the panel (:class:`counter.ui.intake.commit.IntakeCommit`,
:class:`counter.ui.intake.preview.Preview`, :class:`counter.ui.intake.panel.IntakePanel`) only turns its signals
into events and carries out the effects.  F9 asks it too (:class:`RateAsked`): the intake on screen rates the case
it took, and one still open says it has none yet.  The keys' way back is its too: Shift+Tab into the checklist
returns to the row Tab left it from (:class:`ListLeft`, :class:`RowFocused`, :class:`FocusRow`).

The preview of the form is decided on the desk from grounds read once (:mod:`counter.ui.intake.preview`): a change
while that read is in flight is decided when it answers, with the form as it then stands, and a step that must see
the outcome of the form as it stands (the commit) waits for it, asked again once it is shown.
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
class IntakeFlow:
    finished: bool = False  # taken or given up: no step runs again
    committing: bool = False  # the commit is in flight: a second Ctrl+Enter takes nothing
    by_itself: bool = False  # the commit made once the connection is back: nobody is there to press again
    looking_up: str = ""  # the number whose open cases are being looked up
    waiting: tuple[Step, ...] = ()  # steps asked meanwhile, in order, each once
    previewing: bool = False  # the preview's grounds are being read
    again: bool = False  # the form changed while they were: its preview is asked once more when they answer
    after_preview: tuple[Step, ...] = ()  # steps asked while the preview was in flight, in order, each once
    taken: bool = False  # the case is taken (finished, and not given up): its papers are to print
    papers_out: bool = False  # every paper of the outcome went out to the printer
    agreed: bool = False  # the clerk agreed to close (or the desk closes it: a sign-out): nothing more is asked
    cancel_armed: bool = False  # 放弃 pressed once: the next press gives the intake up
    case_no: str = ""  # the case taken: the one F9 rates while the intake is on screen
    restoring: bool = False  # a kept draft is being put back field by field: that is not typing
    row_left: str = ""  # the material row Tab left the checklist from: Shift+Tab back into the list returns there


# --- events -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Asked:
    step: Step


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
    """The case ``case_no`` is taken: finished before anything shows it so."""

    case_no: str = ""


@dataclass(frozen=True)
class NotTaken:
    """A fault answered: said, and the clerk commits again once it is put right."""


@dataclass(frozen=True)
class Answered:
    """The commit's answer, either way, has been shown: its flight is over."""


@dataclass(frozen=True)
class CancelPressed:
    """放弃: a first press only asks (a slip of the mouse must not throw the intake away); a second gives it up."""


@dataclass(frozen=True)
class FormChanged:
    """The form changed: a 放弃 pressed once is taken back, and the draft is kept at the clerk's next pause."""


@dataclass(frozen=True)
class DraftShowing:
    """A kept draft is put back field by field: its changes are not the clerk's typing (no look-up, no save)."""


@dataclass(frozen=True)
class DraftShown:
    """The kept draft is on screen: changes are the clerk's again."""


@dataclass(frozen=True)
class RateAsked:
    """F9 with the intake the window the clerk works in: the applicant is to rate the service."""


@dataclass(frozen=True)
class ListLeft:
    """Tab left the checklist forward from the row ``code`` (to the outcome column); "" when Shift+Tab left it
    backward, or from no row: nothing to come back to."""

    code: str


@dataclass(frozen=True)
class RowFocused:
    """The row ``code`` of the checklist took the keyboard; ``back`` when by Shift+Tab.  The list is one Tab stop,
    its first row, so Shift+Tab into it from the outcome column lands there, on a material the clerk was not on."""

    code: str
    back: bool


@dataclass(frozen=True)
class CloseAsked:
    """Esc, 关闭, Alt+F4 or the title bar's button; ``filled`` when the form holds what closing would lose."""

    filled: bool


@dataclass(frozen=True)
class CloseAgreed:
    """Close without asking: the clerk said so (the question's 关闭, a reason for papers unprinted), or the desk
    closes it (a sign-out); the draft is kept either way."""


@dataclass(frozen=True)
class PapersOut:
    """Every paper of the outcome went out; ``unrecorded`` says why its record was not written, "" when it was."""

    unrecorded: str = ""


@dataclass(frozen=True)
class PreviewAsked:
    """The form changed: its preview is asked; ``grounded`` when what it is decided from is on the desk already."""

    grounded: bool


@dataclass(frozen=True)
class PreviewRead:
    """The read of the preview's grounds answered: ``problem`` is None when they are here, else why there is none."""

    problem: str | None = None


@dataclass(frozen=True)
class PreviewLost:
    """The read could not be sent, or failed in a way nobody words: its flight is over (the error goes on up), and
    the clerk asks again."""


Event = (
    Asked
    | PreviewAsked
    | PreviewRead
    | PreviewLost
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
    | CancelPressed
    | FormChanged
    | DraftShowing
    | DraftShown
    | RateAsked
    | ListLeft
    | RowFocused
    | CloseAsked
    | CloseAgreed
    | PapersOut
)

# --- effects ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Go:
    """Run ``step`` now."""

    step: Step


@dataclass(frozen=True)
class ReadGrounds:
    """Read what the preview is decided from (the runner's workers; :class:`PreviewRead` once it answers)."""


@dataclass(frozen=True)
class Decide:
    """Decide the form's outcome on the desk from the grounds read, and show it."""


@dataclass(frozen=True)
class ShowProblem:
    """Show that there is no preview, and why."""

    problem: str


@dataclass(frozen=True)
class Restore:
    """The commit answered either way: the button names its act again."""


@dataclass(frozen=True)
class WaitTurn:
    """Ask again once the desk's operations have answered."""


@dataclass(frozen=True)
class SayBusy:
    """Say that another intake is being taken (else Ctrl+Enter would seem to do nothing)."""


@dataclass(frozen=True)
class ShowCancel:
    """The 放弃 button says whether a next press gives the intake up."""

    armed: bool


@dataclass(frozen=True)
class GiveUp:
    """The intake given up: its draft dropped, the desk told (the window then closes: :class:`CloseWindow`)."""


@dataclass(frozen=True)
class AskToClose:
    """A filled intake, not committed, closed: the clerk confirms first (the draft is kept either way)."""


@dataclass(frozen=True)
class AskAboutPapers:
    """A committed case closed with papers not printed: back to print, or closed saying why."""


@dataclass(frozen=True)
class Closes:
    """The window closes now (its close event is let through)."""


@dataclass(frozen=True)
class CloseWindow:
    """Close the window (it asks :class:`CloseAsked` in turn)."""


@dataclass(frozen=True)
class ScheduleDraft:
    """Keep the draft once the clerk pauses (the keeper's timer restarts)."""


@dataclass(frozen=True)
class Rate:
    """F9 asks the applicant to rate ``case_no``, the case on screen."""

    case_no: str


@dataclass(frozen=True)
class NoCaseYet:
    """F9 in an intake still open: it has no case to rate until it is committed; said, nothing sent."""


@dataclass(frozen=True)
class FocusRow:
    """Give the keyboard to the checklist's row ``code`` (the row Tab left the list from), if it is still shown."""

    code: str


@dataclass(frozen=True)
class Say:
    """Say ``text`` on the panel's message line."""

    text: str


Effect = (
    Go
    | Restore
    | WaitTurn
    | SayBusy
    | ReadGrounds
    | Decide
    | ShowProblem
    | ShowCancel
    | GiveUp
    | AskToClose
    | AskAboutPapers
    | Closes
    | CloseWindow
    | ScheduleDraft
    | Rate
    | NoCaseYet
    | FocusRow
    | Say
)


Next = tuple[IntakeFlow, tuple[Effect, ...]]


def _busy(state: IntakeFlow) -> Next:
    if state.by_itself:  # several waited for the connection: each in its turn, still saying it is saved
        return state, (WaitTurn(),)
    return dataclasses.replace(state, committing=False), (Restore(), SayBusy())


def _cancel(state: IntakeFlow) -> Next:
    if state.finished:  # taken or given up already: nothing is left to give up
        return state, ()
    if not state.cancel_armed:
        return dataclasses.replace(state, cancel_armed=True), (ShowCancel(True),)
    return dataclasses.replace(state, finished=True, cancel_armed=False), (GiveUp(), CloseWindow())


def _changed(state: IntakeFlow) -> Next:
    """A change takes an armed 放弃 back; the draft is kept at the next pause, unless the intake is over (nothing is
    left to keep) or the change is a kept draft being put back (it is kept already)."""
    effects: list[Effect] = [ShowCancel(False)] if state.cancel_armed else []
    if not state.finished and not state.restoring:
        effects.append(ScheduleDraft())
    return dataclasses.replace(state, cancel_armed=False), tuple(effects)


def _rate(state: IntakeFlow) -> Next:
    """F9 rates the case on screen: the one taken here; an intake still open has none yet and says so; one given up
    has none and F9 here sends nothing."""
    if state.case_no:
        return state, (Rate(state.case_no),)
    if state.finished:
        return state, ()
    return state, (NoCaseYet(),)


def _row_focused(state: IntakeFlow, code: str, back: bool) -> Next:
    """Shift+Tab into the list returns to the row Tab left it from; any row taking the keyboard ends the way back
    (an arrow, a click, the row returned to), so a later Shift+Tab from elsewhere finds the list's own stop."""
    left, state = state.row_left, dataclasses.replace(state, row_left="")
    if back and left and left != code:
        return state, (FocusRow(left),)
    return state, ()


def _close(state: IntakeFlow, filled: bool) -> Next:
    """Closing never loses a form unasked, nor leaves a taken case's papers unprinted without a word (the 承诺书 to
    sign may be among them); a form given up, a case printed or a close agreed goes at once."""
    if not state.agreed and filled and not state.finished:
        return state, (AskToClose(),)
    if not state.agreed and state.taken and not state.papers_out:
        return state, (AskAboutPapers(),)
    return state, (Closes(),)


_R = dataclasses.replace
#: each event but Asked, by its type: the next state and its effects (a table, so each rule reads on one line)
_RULES: dict[type, Callable[[IntakeFlow, Any], Next]] = {
    LookUpStarted: lambda s, e: (_R(s, looking_up=e.id_no), ()),
    LookUpOver: lambda s, e: (_R(s, looking_up="", waiting=()), tuple(Go(step) for step in s.waiting)),
    Sent: lambda s, e: (_R(s, committing=True), ()),
    Busy: lambda s, e: _busy(s),
    SendFailed: lambda s, e: (_R(s, committing=False), (Restore(),)),
    InTurn: lambda s, e: (_R(s, committing=False), (Restore(), Go(Step.COMMIT))),
    ByItself: lambda s, e: (_R(s, by_itself=True), (Go(Step.COMMIT),)),
    Taken: lambda s, e: (_R(s, finished=True, by_itself=False, taken=True, case_no=s.case_no or e.case_no), ()),
    NotTaken: lambda s, e: (_R(s, by_itself=False), ()),
    Answered: lambda s, e: (_R(s, committing=False), (Restore(),)),
    CancelPressed: lambda s, e: _cancel(s),
    FormChanged: lambda s, e: _changed(s),
    DraftShowing: lambda s, e: (_R(s, restoring=True), ()),
    DraftShown: lambda s, e: (_R(s, restoring=False), ()),
    RateAsked: lambda s, e: _rate(s),
    ListLeft: lambda s, e: (_R(s, row_left=e.code), ()),
    RowFocused: lambda s, e: _row_focused(s, e.code, e.back),
    CloseAsked: lambda s, e: _close(s, e.filled),
    CloseAgreed: lambda s, e: (_R(s, agreed=True), (CloseWindow(),)),
    PapersOut: lambda s, e: (_R(s, papers_out=True), (Say(e.unrecorded),) if e.unrecorded else (CloseWindow(),)),
    # no preview to wait for: the steps asked meanwhile are dropped, never run on an outcome not shown
    PreviewLost: lambda s, e: (_R(s, previewing=False, again=False, after_preview=()), ()),
}


def on(state: IntakeFlow, event: Event) -> Next:
    """The next state and what the window does, for ``event`` in ``state``."""
    if isinstance(event, Asked):
        return _asked(state, event.step)
    if isinstance(event, PreviewAsked):
        return _preview_asked(state, event.grounded)
    if isinstance(event, PreviewRead):
        return _preview_read(state, event.problem)
    return _RULES[type(event)](state, event)


def _asked(state: IntakeFlow, step: Step) -> Next:
    if step is Step.REQUEST and state.finished:
        return state, ()
    if state.previewing:  # the form's own preview first: the step goes by the outcome of the form as it stands
        after = state.after_preview if step in state.after_preview else (*state.after_preview, step)
        return dataclasses.replace(state, after_preview=after), ()
    if state.looking_up:
        waiting = state.waiting if step in state.waiting else (*state.waiting, step)
        return dataclasses.replace(state, waiting=waiting), ()
    if step is Step.COMMIT and state.committing:
        return state, ()
    return state, (Go(step),)


def _preview_asked(state: IntakeFlow, grounded: bool) -> Next:
    if state.previewing:
        return dataclasses.replace(state, again=True), ()
    if not grounded:
        return dataclasses.replace(state, previewing=True), (ReadGrounds(),)
    return _shown(state, Decide())


def _preview_read(state: IntakeFlow, problem: str | None) -> Next:
    if not state.previewing:  # an answer nobody waits for any more
        return state, ()
    if state.again and problem is not None:  # the form changed meanwhile, and still no grounds: read once more
        return dataclasses.replace(state, again=False), (ReadGrounds(),)
    # the form as it now stands decided (a change meanwhile included), or why there is none
    return _shown(_R(state, previewing=False, again=False), Decide() if problem is None else ShowProblem(problem))


def _shown(state: IntakeFlow, shown: Effect) -> Next:
    """The preview of the form as it stands is shown: the steps that waited for it are asked again, in order."""
    steps, state = state.after_preview, dataclasses.replace(state, after_preview=())
    effects: list[Effect] = [shown]
    for step in steps:
        state, more = _asked(state, step)
        effects.extend(more)
    return state, tuple(effects)

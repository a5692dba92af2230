"""The case page's heading: the case's state in one word, and under it what the intake found where the state no
longer says it.

Where the hall only receives every item applied for (收件: no power of its own over them and no entrustment recorded,
:func:`counter.documents.acting.received_title`), it accepted nothing: its departments accept, each by its 签收
(行政许可法 第三十二条; the project's domain notes, §12–13).  Its case then reads 已收件, never 已受理, as its paper
is a 收件凭证 and its message says 已收件 (:mod:`counter.sms.texts`).  The subtitle names the intake's outcome only
once the case has moved on from the state that outcome left it in: beside 已受理, 收件结果：受理 said the same fact
twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from counter.case.status import CaseStatus
from counter.case.view import CaseView
from counter.documents.acceptance import all_received
from counter.documents.case_page import ItemLine
from counter.intake.outcome import Outcome
from counter.ui.cases import words
from counter.words.cases import case_status_text, code_text
from counter.words.intake import OUTCOME

#: the state each outcome of the intake leaves a case in: while the case is there, its state says the outcome
OUTCOME_STATUS = {
    Outcome.ACCEPT: CaseStatus.ACCEPTED,
    Outcome.DEFER: CaseStatus.AWAITING_DEFERRED,
    Outcome.CORRECT: CaseStatus.CORRECTION_ISSUED,
    Outcome.REFUSE: CaseStatus.REFUSED,
}


def only_received(items: Sequence[ItemLine]) -> bool:
    """Whether the hall only received every item of the case (its papers of the 受理 stage are then the hall's 收件
    papers, by the same rule: every item's standing is 收件), as the lists are told it (:func:`all_received`)."""
    return all_received(item.received for item in items)


def status_text(view: CaseView, items: Sequence[ItemLine]) -> str:
    """The case's state as its badge and title say it, in the words the finder and the lists say it in."""
    return case_status_text(view.status, only_received(items))


def subtitle_text(view: CaseView, items: Sequence[ItemLine]) -> str:
    """The bundle, its code and guide version, and the intake's outcome where the state no longer says it."""
    version = words.CASE_GUIDE_VERSION.format(version=view.guide_version)
    line = words.CASE_SUBTITLE_PLAIN.format(bundle=view.bundle_name, code=view.bundle_code, version=version)
    try:
        outcome: Outcome | None = Outcome(view.outcome)
    except ValueError:
        outcome = None  # a code an older or newer program wrote: said as it stands
    if outcome is not None and OUTCOME_STATUS.get(outcome) is view.status:
        return line
    # a 申请事项告知书 after which the applicant withdrew (a refused case never becomes withdrawn): the window's 告知
    told = only_received(items) or (view.status is CaseStatus.WITHDRAWN and outcome is Outcome.REFUSE)
    received = words.CASE_OUTCOME_RECEIVED if told else {}
    said = received.get(outcome) if outcome is not None else None
    return words.CASE_SUBTITLE.format(line=line, outcome=said or code_text(OUTCOME, Outcome, view.outcome))

"""A 容缺 deadline extended: never past the legal date of an item it serves, and told to the applicant.

The 容缺 deadline may not exceed the item's promised time (domain §4), and force majeure extends it; but no
extension by the window reaches past the item's legal limit.  行政许可法 第四十二条 gives the deciding body alone
the power to extend its limit (经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人), and
第四十五条 stops its clock for 听证、检验、检测、鉴定 and the like: both are the department's 特别程序 (GB/T
39046-2020 A.7: 1 延长审批, 2 其他), recorded on the item's own path (:mod:`counter.case.item_clock`: an extension
adds its days to the legal date, a pause leaves the item with no date while it lasts).  So an extension is checked
against each served item's legal date as its department's steps leave it
(:func:`counter.actions.cases.item_track.standings`): past it the extension is refused, naming the item and the date,
until the department records its 特别程序 with its ground.  An accepted extension moves a date told to the
applicant, who is told the new one on paper (:mod:`counter.documents.date_notice`) and by SMS where the hall has a
gateway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from counter.actions.cases.item_track import standings
from counter.case.decisions import DecisionProblem, DecisionRefused, items_served
from counter.db import models
from counter.db.case_store import answers_of, case_view
from counter.db.catalog_store import guide_version
from counter.db.outbox_store import gateway_configured, queue_dated
from counter.sms.kinds import MessageKind


def check_within_legal_date(session: Session, case: models.Case, new_due: dt.date, awaited: Iterable[str]) -> None:
    """Refuse (:class:`DecisionRefused`, ``PAST_LEGAL_DATE``: the item and its legal date) a new 容缺 deadline past
    the legal date of an item the ``awaited`` materials serve, as its department's steps leave it."""
    stored = guide_version(session, case.guide_version_id)
    view = case_view(session, case.case_no)
    assert stored is not None  # a case always keeps its guide version (foreign key)
    assert view is not None
    bundle = stored.bundle.for_case(answers_of(case))
    served = set(items_served(bundle, awaited))
    dated = sorted(
        (standing.legal_due.date, standing.code)
        for standing in standings(session, view, bundle, None)  # a legal date is no day's: no alert asked
        if standing.code in served and standing.legal_due is not None
    )
    if dated and new_due > dated[0][0]:
        legal, item = dated[0]
        raise DecisionRefused(DecisionProblem.PAST_LEGAL_DATE, case.case_no, item, legal)


def tell_extension(session: Session, case: models.Case, new_due: dt.date, at: dt.datetime) -> None:
    """The new deadline told to the applicant, where the hall has a gateway and the case a phone: queued ``at``, the
    moment of the extension's line (a training desk's day too), as the supervisors' list of messages shows it."""
    if case.notify_phone.strip() and gateway_configured(session):
        queue_dated(session, case.id, case.uid, case.notify_phone, MessageKind.DEFERRAL_EXTENDED, new_due, at)

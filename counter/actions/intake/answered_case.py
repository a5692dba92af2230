"""A 补正 answer taken as the case it answers was: one forwarded on the applicant's insistence is received again.

The window's finding the applicant insisted on is kept on the case (:func:`counter.intake.outcome.forwarded_case`),
and it is what makes the hall only receive the case, whatever its agreements.  The answer is the same application:
its form carries the finding (:mod:`counter.case.resubmission`), and a request that states no refusal of its own — a
file for ``counter case take`` naming the case it answers, or a desk that did not carry it — is decided with it all
the same, so the answer is never accepted in a department's name nor refused where the first visit was received.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.case.intake_request import IntakeRequest
from counter.db import models
from counter.intake.outcome import Refusal, RefusalGround, forwarded_case


def as_answered(session: Session, request: IntakeRequest) -> IntakeRequest:
    """``request`` with the finding insisted on of the case it answers, where that case was forwarded so and the
    request states no refusal; else as it is (a ground this version does not know is asked again)."""
    if not request.previous_case_no or request.refusal is not None:
        return request
    c = models.Case
    found = session.execute(
        select(c.refusal_ground, c.outcome, c.turn_to).where(c.case_no == request.previous_case_no)
    ).first()
    if found is None or not forwarded_case(found[0], found[1]):
        return request
    try:
        ground = RefusalGround(found[0])
    except ValueError:
        return request
    return dataclasses.replace(request, refusal=Refusal(ground, found[2], insists=True))

"""The record of whole reads in process (:mod:`counter.service.reads`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.access.read_record import IdReadRow, ReadsAsked
from counter.db.read_log import list_reads as listed
from counter.service.call import Call


def list_reads(work: Session, call: Call, request: ReadsAsked) -> tuple[IdReadRow, ...]:
    return listed(work, request)

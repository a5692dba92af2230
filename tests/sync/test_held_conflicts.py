"""Cases a package cannot put in yet are held with their reason, and nothing of them is written.

A township whose database was put back numbers a case or a receipt again under a number the hall has for another
case; a correction's later case arrives without the earlier one it answers.  No test sent either: each is held for
the review list (``counter sync review``), the hall's case and its papers untouched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from counter.db import models
from counter.db.sync.cases import apply_cases
from counter.sync.records import CaseRecord
from counter.sync.sender_checks import Sender
from tests.sync.test_sync_scaling import copies, own, sites


def _apply(pair: Any, records: list[CaseRecord]) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """The uids applied, and each held one's reason and detail."""
    sender = Sender("ARS01", frozenset(), frozenset(), dt.datetime.now(dt.UTC))
    with pair.hall.sessions.begin() as session:
        done = apply_cases(session, records, own, sender)
    return sorted(done.applied), {h.record.uid: (h.reason, h.detail) for h in done.held}


def _count(pair: Any, model: Any) -> int:
    with pair.hall.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_case_or_a_receipt_numbered_again_is_held_and_the_halls_untouched(databases: Any, tmp_path: Path) -> None:
    pair = sites(databases, tmp_path, "again")
    first, second = copies(pair.templates, 2, 10)
    assert first.documents, "the template with a receipt comes first"
    assert _apply(pair, [first]) == ([first.uid], {})
    cases, documents = _count(pair, models.Case), _count(pair, models.DocumentRecord)

    same_number = dataclasses.replace(second, case_no=first.case_no, documents=())
    same_receipt = dataclasses.replace(second, documents=first.documents)
    assert _apply(pair, [same_number]) == (
        [],
        {same_number.uid: ("case_no_taken", f"{first.case_no} belongs to {first.uid}")},
    )
    doc = first.documents[0]
    assert _apply(pair, [same_receipt]) == (
        [],
        {same_receipt.uid: ("document_conflict", f"{doc.doc_no} ({doc.kind}) belongs to {first.uid}")},
    )
    assert (_count(pair, models.Case), _count(pair, models.DocumentRecord)) == (cases, documents)


def test_a_later_case_without_the_earlier_it_answers_is_held_and_so_is_the_one_after_it(
    databases: Any, tmp_path: Path
) -> None:
    """A chain of corrections whose first link is missing: each later case waits for the one before it."""
    pair = sites(databases, tmp_path, "chain")
    answer, again = copies(pair.templates, 2, 10)
    missing = uuid.uuid4().hex
    answer = dataclasses.replace(answer, previous_uid=missing, documents=())
    again = dataclasses.replace(again, previous_uid=answer.uid, documents=())
    cases = _count(pair, models.Case)
    assert _apply(pair, [again, answer]) == (
        [],
        {answer.uid: ("previous_missing", missing), again.uid: ("previous_missing", answer.uid)},
    )
    assert _count(pair, models.Case) == cases

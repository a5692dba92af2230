"""The case page's read (F7, the scanner) asks the database a fixed number of questions, however much the case holds.

Each question is a round trip to a hall's server; the page used to read the case twice (its view, then the whole
row again for its id) and its guide's document every time.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.case_view import read_case
from counter.actions.cases.documents import make_document
from counter.actions.cases.item_steps import route_items
from counter.actions.site.demo import run_demo
from counter.db.case_store import case_by_no
from counter.db.models import OpenItem
from counter.documents.kinds import DocumentKind
from tests.actions.conftest import TODAY
from tests.actions.test_intake_actions import full_request, take
from tests.actions.test_item_steps import at
from tests.db.plans import counted
from tests.entrusted import entrust_in


def _statements_of_reading(sessions: sessionmaker[Session], case_no: str) -> list[str]:
    with counted(sessions) as sent, sessions() as session:
        page = read_case(session, case_no, TODAY)  # as the window reads it: the items' dates on the day
    assert page is not None
    return sent


def test_opening_a_case_asks_the_same_few_questions_whatever_it_holds(
    sessions: sessionmaker[Session], desk: Desk
) -> None:
    cases = {c.label: c.case_no for c in run_demo(sessions, desk, TODAY)}
    for case_no in cases.values():  # each guide's document is read once, the first time its content is met
        _statements_of_reading(sessions, case_no)
    counts = {label: len(_statements_of_reading(sessions, case_no)) for label, case_no in cases.items()}
    bare = counts[next(iter(counts))]
    assert set(counts.values()) == {bare}, counts  # checklists, histories and outcomes of every kind alike
    # the case (with the case continuing it, its guide version's hash and its office settings); its checklist, its
    # history, its notices and its items still with their departments
    assert bare <= 2, counts
    deferred = cases["容缺受理"]
    kinds = (DocumentKind.DEFERRAL, DocumentKind.PLEDGE, DocumentKind.RECEIPT)
    for kind in kinds:
        with sessions.begin() as s:
            make_document(s, desk, deferred, kind, TODAY)
    sent = _statements_of_reading(sessions, deferred)
    assert len(sent) == bare, sent
    assert not [s for s in sent if "guide_version.document" in s]  # the guide known by its hash, not read again
    assert len([s for s in sent if "FROM document_record" in s]) == 1  # the notices with their prints, at once
    with sessions() as session:
        page = read_case(session, deferred)
    assert page is not None
    assert page.notices is not None
    assert [line.kind for line in page.notices.lines] == [kind.value for kind in kinds]


def test_the_items_with_their_departments_come_with_the_case(sessions: sessionmaker[Session], desk: Desk) -> None:
    number = take(sessions, desk, full_request(sessions))
    today = dt.date.today()
    before = _statements_of_reading(sessions, number)
    with sessions.begin() as s:
        route_items(s, desk, number, at(today))
    with sessions() as s:
        case = case_by_no(s, number)
        assert case is not None
        kept = {row.item_code: row.due_on for row in s.scalars(select(OpenItem).where(OpenItem.case_id == case.id))}
    assert kept
    assert all(kept.values())
    with counted(sessions) as sent, sessions() as session:
        page = read_case(session, number, today)
    assert page is not None
    assert {i.code: i.due_on for i in page.items if i.due_on is not None} == kept
    assert all(i.alert is not None for i in page.items if i.code in kept)
    # the office calendar is read for the alerts, once: the items themselves come with the page's statements
    assert len(sent) == len(before) + 1, sent
    assert len([q for q in sent if "open_item" in q]) == 1, sent


def test_the_page_names_each_receipt_by_the_title_it_prints_with(
    sessions: sessionmaker[Session], owner: sessionmaker[Session], desk: Desk
) -> None:
    """Where the hall only receives the items its receipt is a 收件凭证 (许可法 第二十六条), and one made so stays one;
    once the departments' 授权 is recorded, a new case's receipt is the kind's own 受理凭证."""
    number = take(sessions, desk, full_request(sessions))
    with sessions() as session:
        page = read_case(session, number)
    assert page is not None
    assert page.notices is not None
    assert page.notices.titles.get(DocumentKind.RECEIPT.value) == "收件凭证"
    with sessions.begin() as s:
        make_document(s, desk, number, DocumentKind.RECEIPT, TODAY)
    entrust_in(owner, desk, *(item.code for item in page.items))  # the administrator records the 授权
    later = take(sessions, desk, full_request(sessions))
    with sessions() as session:
        made, entrusted = read_case(session, number), read_case(session, later)
    assert made is not None
    assert made.notices is not None
    assert made.notices.titles.get(DocumentKind.RECEIPT.value) == "收件凭证"  # as it was made, and is reprinted
    assert entrusted is not None
    assert entrusted.notices is not None
    assert DocumentKind.RECEIPT.value not in entrusted.notices.titles

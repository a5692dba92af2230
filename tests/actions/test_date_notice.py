"""The 期限告知书: the applicant is told on paper when a 容缺 deadline is extended, and when a lapse the holiday notice
showed early is to be corrected by the body that decided it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from counter.access.desk import Desk
from counter.actions.cases.documents import make_document
from counter.actions.intake.take import extend_deferral
from counter.documents.kinds import DocumentKind
from counter.documents.made import MadeDocument
from counter.documents.model import DocumentNotPossible
from tests.actions.signed_head import head_of
from tests.actions.test_dates_moved import deferral
from tests.actions.test_early_lapses import lapsed_before_the_rule
from tests.actions.test_intake_actions import take
from tests.actions.test_provisional_lapse import import_2028
from tests.documents.pdf_tools import pdf_text

D = dt.date
ENTRUSTED_RESTAURANT = True  # the hall records the restaurant's items for their departments (tests/entrusted.py)


@pytest.fixture
def head(sessions: sessionmaker[Session], desk: Desk) -> Desk:
    return head_of(sessions, desk)


def notice(sessions: sessionmaker[Session], desk: Desk, number: str, day: dt.date, n: int = 0) -> MadeDocument:
    with sessions.begin() as s:
        return make_document(s, desk, number, DocumentKind.DATE_NOTICE, day, hand_over_no=n)


def flat(made: MadeDocument, tmp_path: Path) -> str:
    path = tmp_path / f"{made.doc_no}-{made.reprint}.pdf"
    path.write_bytes(made.pdf)
    return "".join(pdf_text(path).split())


def test_an_extended_deadline_is_told_on_paper(sessions: sessionmaker[Session], head: Desk, tmp_path: Path) -> None:
    number = take(sessions, head, deferral(sessions), D(2026, 11, 23))
    with sessions.begin() as s, pytest.raises(DocumentNotPossible):  # nothing changed yet: nothing to tell
        make_document(s, head, number, DocumentKind.DATE_NOTICE, D(2026, 11, 23))
    with sessions.begin() as s:
        extend_deferral(s, head, number, D(2026, 11, 27), "医院暂停办理健康证明")
    made = notice(sessions, head, number, D(2026, 11, 24))
    text = flat(made, tmp_path)
    assert "期限告知书" in text
    assert "补交期限延长至2026年11月27日" in text
    assert "因医院暂停办理健康证明" in text
    assert "食品安全管理制度文本" in text
    again = notice(sessions, head, number, D(2026, 11, 25), 1)  # the first change's paper, as first made
    assert again.reprint
    assert (again.doc_no, again.pdf) == (made.doc_no, made.pdf)


def test_a_lapse_found_early_is_told_on_paper_with_who_corrects_it(
    sessions: sessionmaker[Session], head: Desk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    number = lapsed_before_the_rule(sessions, head, monkeypatch)
    import_2028(sessions, head)
    text = flat(notice(sessions, head, number, D(2028, 2, 8)), tmp_path)
    assert "期限告知书" in text
    assert "按公布的安排为2028年2月7日" in text
    assert "于2028年2月4日作出的逾期处理早于该期限届满" in text
    assert "自行纠正" in text
    assert "乌兰浩特市市场监督管理局" in text  # the body that denied 食品经营许可, and corrects it

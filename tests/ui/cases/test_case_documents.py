"""The 文书 section's buttons: 打印 for a paper never printed, made or not; 重打 once it came out of a printer."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from counter.documents.case_page import CaseNotices, ItemPaper
from counter.documents.document_line import DocumentLine
from counter.documents.kinds import DocumentKind, record_kind
from counter.ui.cases.case_documents import CaseDocuments

RECEIPT = DocumentKind.RECEIPT
DENIAL = DocumentKind.DENIAL
FOOD = ItemPaper(DENIAL, "152201-YJS008-02", "食品经营许可", record_kind(DENIAL, 2))


def line(kind: str, prints: int, failed: int = 0) -> DocumentLine:
    return DocumentLine(1, "XAM01-20261120-01-S0001", kind, dt.date(2026, 11, 20), prints, failed)


def shown(qtbot: QtBot, *lines: DocumentLine) -> CaseDocuments:
    documents = CaseDocuments()
    qtbot.addWidget(documents)
    documents.show_notices(CaseNotices(lines, (RECEIPT,), (FOOD,), {RECEIPT.value: "收件凭证"}))
    return documents


def test_a_paper_made_and_never_printed_is_offered_to_print_not_to_reprint(qtbot: QtBot) -> None:
    """Its preview closed or its printer off, the list says 未打印 and the button 打印 — not 重打, which read as a
    second copy of a paper the applicant never had; a print that failed printed nothing either."""
    documents = shown(qtbot, line(RECEIPT.value, 0), line(FOOD.record_kind, 0, failed=1))
    assert documents.buttons[RECEIPT].text() == "打印收件凭证"
    assert documents.item_buttons[FOOD.item_code].text() == "打印不予批准决定书（食品经营许可）"
    state = documents.table.item(0, 3)
    assert state is not None
    assert state.text() == "未打印"


def test_a_paper_whose_every_print_failed_is_offered_to_print(qtbot: QtBot) -> None:
    """A print counts every attempt, the failed ones too: only one that came out makes the next a 重打."""
    documents = shown(qtbot, line(RECEIPT.value, 1, failed=1), line(FOOD.record_kind, 3, failed=2))
    assert documents.buttons[RECEIPT].text() == "打印收件凭证"
    assert documents.item_buttons[FOOD.item_code].text() == "重打不予批准决定书（食品经营许可）"


def test_a_paper_printed_once_is_offered_as_a_reprint(qtbot: QtBot) -> None:
    documents = shown(qtbot, line(RECEIPT.value, 1), line(FOOD.record_kind, 2))
    assert documents.buttons[RECEIPT].text() == "重打收件凭证"
    assert documents.item_buttons[FOOD.item_code].text() == "重打不予批准决定书（食品经营许可）"


def test_a_paper_not_made_is_offered_to_print(qtbot: QtBot) -> None:
    documents = shown(qtbot)
    assert documents.buttons[RECEIPT].text() == "打印收件凭证"
    assert documents.item_buttons[FOOD.item_code].text() == "打印不予批准决定书（食品经营许可）"

"""One name for each paper: its button, its preview's title and the headline it prints say the same words.

The names are the papers' own headlines, the law's names (:data:`counter.documents.words.DOC_TITLE`, and the hall's
收件 papers' :data:`counter.documents.acceptance_words.RECEIVED_TITLE` where it only receives the items); the
window's words (:data:`counter.words.documents.DOC_TITLE`) must repeat them, and the preview must title the hall's
收件凭证 as it prints, not as its kind's 受理凭证.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from counter.documents import words as paper
from counter.documents.acceptance_words import RECEIVED_TITLE
from counter.documents.kinds import DocumentKind
from counter.ui.cases.case_page import Loaded
from counter.ui.printing.preview_window import doc_title
from counter.ui.printing.words import PRINTING_MAKE_KIND, PRINTING_WINDOW_TITLE
from counter.words.documents import DOC_TITLE
from counter.words.punctuation import LIST_JOIN
from tests.entrusted import entrust_in
from tests.ui.printing.helpers import DESK, pdf_text
from tests.ui.printing.test_case_page import page_of, previews


def test_the_window_names_every_kind_of_paper_as_the_paper_heads_itself() -> None:
    assert {kind.value: DOC_TITLE[kind.value] for kind in DocumentKind} == {
        kind.value: paper.DOC_TITLE[kind.value] for kind in DocumentKind
    }


def _headline(kind: DocumentKind, titles: Mapping[str, str]) -> str:
    """The title the paper prints: the hall's 收件 paper's where it decides nothing of the items (``titles``, read
    with the case: counter.documents.acting.received_title), else its kind's."""
    return RECEIVED_TITLE[kind.value] if kind.value in titles else paper.DOC_TITLE[kind]


@pytest.mark.slow
@pytest.mark.parametrize("entrusted", [False, True], ids=["receives", "entrusted"])
@pytest.mark.parametrize("label", ["受理", "容缺受理", "补正（委托代理人办理）", "撤回申请"])
def test_each_paper_has_one_name_on_its_button_preview_and_headline(
    qtbot: QtBot, sessions: sessionmaker[Session], cases: dict[str, str], label: str, entrusted: bool
) -> None:
    page = page_of(qtbot, sessions, cases[label])
    if entrusted:
        entrust_in(sessions, DESK, *(item.code for item in page.item_states.items))
        assert page.reload() is Loaded.SHOWN
    shown = [kind for kind, button in page.documents.buttons.items() if button.isVisible()]
    assert shown
    titles = page.documents.notices.titles
    if DocumentKind.RECEIPT in shown:  # the hall receives for the departments, or accepts in their name
        assert _headline(DocumentKind.RECEIPT, titles) == ("受理凭证" if entrusted else "收件凭证")
    for kind in shown:
        name = _headline(kind, titles)
        button = page.documents.buttons[kind]
        assert button.text() == PRINTING_MAKE_KIND.format(title=name)
        before = set(previews(page))
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        [window] = [w for w in previews(page) if w not in before]
        made = window.documents[0]
        assert made.kind is kind
        # a receipt, 容缺 notice or 补正 of several entrusting departments is a paper each, named by its body
        several = len(window.documents) > 1
        per_body = (DocumentKind.RECEIPT, DocumentKind.DEFERRAL, DocumentKind.CORRECTION)
        assert not several or (entrusted and kind in per_body)
        names = [doc_title(d) for d in window.documents]
        assert names == [name] or all(n.startswith(f"{name}（") for n in names)
        assert window.title.text() == names[0]
        assert window.windowTitle() == PRINTING_WINDOW_TITLE.format(titles=LIST_JOIN.join(names))
        for each in window.documents:  # each part heads itself with the title, under its body's name
            assert name in [line.strip() for line in pdf_text(each.pdf).splitlines()]
        window.close()

"""The 收件 step of a hall that only receives (counter.catalog.received_step): its papers named by its reader's table.

The catalog sits below the faces' words and the papers, so the step holds no paper names of its own: the window's
guide hands in :func:`counter.words.documents.paper_title`, the printed 一次性告知单 the headings its papers print.
"""

from __future__ import annotations

from counter.catalog.model import Step
from counter.catalog.received_step import ACCEPT_STEP, RECEIVED_NAME, received_step
from counter.documents.acceptance_words import RECEIVED_TITLE
from counter.words.documents import paper_title


def _accept() -> Step:
    return Step(name=ACCEPT_STEP, limit=None, result="受理凭证，或补齐补正通知书、容缺受理通知书", description="")


def test_the_step_names_the_papers_as_the_table_handed_in_names_them() -> None:
    step = received_step(_accept(), lambda kind: f"<{kind}>")
    assert step.name == RECEIVED_NAME
    assert step.result == "<receipt>，或<correction>、<deferral>"


def test_the_window_and_the_paper_name_the_receiving_halls_papers_alike() -> None:
    on_screen = received_step(_accept(), lambda kind: paper_title(kind, True)).result
    on_paper = received_step(_accept(), RECEIVED_TITLE.__getitem__).result
    assert on_screen == on_paper == "收件凭证，或补齐材料告知书、容缺后补材料告知书"


def test_a_step_of_the_departments_stays_as_the_catalog_gives_it() -> None:
    review = Step(name="审查", limit=None, result="", description="实施部门审查")
    assert received_step(review, lambda kind: paper_title(kind, True)) is review

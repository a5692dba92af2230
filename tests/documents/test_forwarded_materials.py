"""Where a department decides the matter, no paper says the materials were sent home.

A hall that only receives a bundle (收件) decides nothing of it: the 受理 and its refusal are each department's
(行政许可法 第三十二条).  So it forwards the materials and says who decides; its papers never tell the applicant
"申请材料已全部退还" — a refusal in fact, with no remedy and a second trip.  Walked over every bundle of the shipped
catalog, every paper of the 受理 stage in every outcome of the demo's cases, and the department's own 不予受理.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from counter.case.item_lines import step_note
from counter.case.item_path import ItemEvent, ItemStep
from counter.case.view import HistoryLine
from counter.documents.acceptance import Acceptance, HeldItems, acceptance_of
from counter.documents.model import DocumentKind, DocumentNotPossible, document_for
from tests.documents.conftest import TODAY, DemoCases
from tests.documents.test_act_remedies import catalog
from tests.documents.test_item_law import SITE_NAMED, taken_under
from tests.documents.test_model import _all_text

RETURNED = "申请材料已全部退还"  # (an original checked at the window and handed back is no such thing)
#: the papers of the 受理 stage, the hall's for a bundle it only receives
STAGE = (DocumentKind.APPLICATION, DocumentKind.RECEIPT, DocumentKind.DEFERRAL, DocumentKind.PLEDGE,
         DocumentKind.CORRECTION, DocumentKind.REFUSAL)  # fmt: skip


def refused_by_department(view_history: tuple[HistoryLine, ...], code: str) -> tuple[HistoryLine, ...]:
    """The item routed on the intake day and refused by its department the next working day, instead of a 签收."""
    steps = (
        ItemStep(ItemEvent.ROUTED, TODAY, "乌兰"),
        ItemStep(ItemEvent.REFUSED, TODAY, "李娜", reason="不属于本机关管辖"),
    )
    lines = tuple(
        HistoryLine(dt.datetime(2026, 11, 20, 3 + n, 0, tzinfo=dt.UTC), s.by, "1", s.event.value, "in_approval",
                    step_note(code, s))
        for n, s in enumerate(steps)
    )  # fmt: skip
    return (*view_history, *lines)


def test_no_paper_of_a_received_bundle_says_the_materials_were_returned(demo: DemoCases) -> None:
    office = dataclasses.replace(demo.office, rights_overrides=SITE_NAMED)  # no agreement, nothing held: 收件
    held = HeldItems()
    printed = 0
    for bundle in catalog():
        assert all(acceptance_of(i, office, held) is Acceptance.RECEIVED for i in bundle.items), bundle.code
        for label, demo_view in demo.views.items():
            view = taken_under(demo_view, bundle)
            for kind in STAGE:
                try:
                    data = document_for(view, kind, office, "N-1", bundle, TODAY, held=held)
                except DocumentNotPossible:
                    continue  # not this outcome's paper
                assert RETURNED not in _all_text(data), (bundle.code, label, kind)
                printed += 1
        first = bundle.items[0]
        view = taken_under(demo.views["受理"], bundle)
        view = dataclasses.replace(view, history=refused_by_department(view.history, first.code))
        data = document_for(view, DocumentKind.ITEM_REFUSAL, office, "N-1", bundle, TODAY, first.code, held=held)
        assert RETURNED not in _all_text(data), (bundle.code, first.code)
        printed += 1
    assert printed > 600  # every shipped bundle: its receipt, notices and 告知书, and a department's refusal

"""One paper per issuing body: where the hall holds some items and is entrusted with others, no paper of the 受理
stage carries the acts of two bodies, and every item's 受理 (or 收件) is on exactly one paper, its body's.

Walked over every bundle of the shipped catalog: the site holds the items of the first item's department, the
other departments entrusted the window by a written 授权 (a vertically led one never does), so a bundle of several
departments has several issuing bodies (行政许可法 第二十四条第三款: an entrusted 受理 is in the entrusting body's
name).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from counter.case.view import CaseView
from counter.catalog.departments import is_vertical
from counter.catalog.model import Bundle, Item
from counter.documents import words as paper
from counter.documents.acceptance import HeldItems
from counter.documents.deciders import decider_name
from counter.documents.issuers import issuing_body, issuing_parts, part_keys
from counter.documents.model import DocumentData, DocumentKind, OfficeSettings, document_for
from tests.documents.conftest import TODAY, DemoCases
from tests.documents.test_act_remedies import catalog
from tests.documents.test_item_law import named, taken_under
from tests.documents.test_model import _all_text

GRANT = "兴安盟行政审批授权书（兴授〔2026〕1号，2026年3月1日）"
#: the papers made per issuing body, and the demo case whose outcome makes each
PAPERS = {DocumentKind.RECEIPT: "容缺受理", DocumentKind.DEFERRAL: "容缺受理"}


def standing(bundle: Bundle, office: OfficeSettings) -> HeldItems:
    """The first item's department's items held by the site, every other one entrusted by 授权 but a vertical's."""
    first = decider_name(bundle.items[0], office)
    own = frozenset(item.code for item in bundle.items if decider_name(item, office) == first)
    entrusted = {
        item.code: GRANT
        for item in bundle.items
        if item.code not in own and not is_vertical(item.department, item.vertical)
    }
    return HeldItems(own, entrusted)


def bodies(data: DocumentData, departments: set[str]) -> set[str]:
    """The bodies whose acts the paper carries: its head, and every department it acts "以××名义" of."""
    text = _all_text(data)
    return {data.office_name, data.sign_off.issuer} | {d for d in departments if f"以{d}名义" in text}


def listed(data: DocumentData) -> str:
    """The items the paper is about, as its header lists them."""
    return next(p.value for p in data.header if p.label == paper.DOC_ITEMS)


def names(items: tuple[Item, ...] | list[Item]) -> str:
    return paper.DOC_LIST_JOIN.join(item.name for item in items)


def walk(demo: DemoCases) -> Iterator[tuple[Bundle, DocumentKind, CaseView, OfficeSettings, HeldItems]]:
    office = named(demo)
    for bundle in catalog():
        held = standing(bundle, office)
        for kind, label in PAPERS.items():
            yield bundle, kind, taken_under(demo.views[label], bundle), office, held


def test_each_item_s_paper_is_its_issuing_body_s_alone(demo: DemoCases) -> None:
    several = 0
    for bundle, kind, view, office, held in walk(demo):
        departments = {decider_name(item, office) for item in bundle.items}
        for item in (i for part in issuing_parts(kind, view, bundle, office, held) for i in part):
            data = document_for(view, kind, office, "N-1", bundle, TODAY, item.code, held=held)
            body = issuing_body(item, office, held)
            assert bodies(data, departments) == {body}, (bundle.code, kind, item.code)
            assert item.name in listed(data), (bundle.code, kind, item.code)
        several += len({issuing_body(i, office, held) for i in bundle.items}) > 1
    assert several > 50  # bundles of several issuing bodies: most of the 103


def test_the_printed_set_has_every_act_on_exactly_one_paper(demo: DemoCases) -> None:
    papers = 0
    for bundle, kind, view, office, held in walk(demo):
        departments = {decider_name(item, office) for item in bundle.items}
        parts = issuing_parts(kind, view, bundle, office, held)
        acted = [i for part in parts for i in part]
        on_paper: Counter[str] = Counter()
        for key in part_keys(kind, view, bundle, office, held):
            data = document_for(view, kind, office, "N-1", bundle, TODAY, key, held=held)
            (body,) = bodies(data, departments)
            (part,) = (part for part in parts if names(part) == listed(data))
            assert {issuing_body(i, office, held) for i in part} == {body}, (bundle.code, kind, key)
            on_paper.update(i.code for i in part)
            papers += 1
        assert on_paper == Counter(item.code for item in acted), (bundle.code, kind)
        if kind is DocumentKind.RECEIPT:  # every item's 受理 or 收件 (a 容缺 notice: the items it defers)
            assert Counter(i.code for i in acted) == Counter(i.code for i in bundle.items), bundle.code
    assert papers > 2 * 103


def test_one_body_one_paper_as_before(demo: DemoCases) -> None:
    """A bundle the site holds whole is one paper, the whole bundle's, under the kind's own record."""
    office = named(demo)
    for bundle in catalog():
        held = HeldItems(site_items=frozenset(item.code for item in bundle.items))
        view = taken_under(demo.views["容缺受理"], bundle)
        assert part_keys(DocumentKind.RECEIPT, view, bundle, office, held) == ("",)
        data = document_for(view, DocumentKind.RECEIPT, office, "N-1", bundle, TODAY, held=held)
        assert listed(data) == names(bundle.items)
        assert data.office_name == office.office_name

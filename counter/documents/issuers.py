"""One paper per issuing body: the receipt, the 容缺 notice and the 补正 of a bundle whose items several bodies accept.

A paper is one body's act, under its name and its seal.  Where the hall accepts an item under a recorded
entrustment, the 受理 is the entrusting department's act in its name (行政许可法 第二十四条第三款; 行政诉讼法
第二十六条第五款): it is on that department's own 受理凭证 (or 容缺受理通知书), headed and sealed by it, never a line
of the hall's paper beside another department's.  The hall's own acts — its 受理 of the items it holds, and its 收件
of the items it only receives and forwards — stay on one paper in the office's name.

So the receipt, the 容缺 notice and the 补正 are made once per issuing body (:func:`issuing_parts`), each about that
body's items alone (a 补正's: those its missing materials serve, each part listing what its own items lack).  The
不予受理 is one body's already (:func:`counter.documents.acceptance.paper_standing`: where several would act, the
hall's 告知 for all), and every other paper is the case's, the applicant's or one item's.

A part is named by its first item in the guide: the part of the guide's first item is the kind's own record, the
others a record per part (:func:`counter.documents.kinds.record_kind`), all made under one standing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from counter.case.site_authority import EntrustedAct
from counter.case.view import CaseView
from counter.catalog.model import Bundle, Item
from counter.documents import acceptance_words as words
from counter.documents.acceptance import Acceptance, HeldItems, standing_for
from counter.documents.checks import DEFER, deferred_lines, shortfall_lines
from counter.documents.data import OfficeSettings
from counter.documents.deciders import decider_name
from counter.documents.item_law import items_served
from counter.documents.kinds import INTAKE_PAPER_ACT, DocumentKind, record_kind

#: the papers made once per issuing body; a paper of another kind is one body's already.  The 补正 too: where the
#: window accepts items in several entrusting departments' names, each one's 补正 is its act, told in its name
#: (许可法 第二十四条第三款, 第三十二条第一款第四项), never folded into the hall's 补齐材料告知书
PER_BODY = frozenset({DocumentKind.RECEIPT, DocumentKind.DEFERRAL, DocumentKind.CORRECTION})


def issuing_body(item: Item, office: OfficeSettings, held: HeldItems, kind: DocumentKind = DocumentKind.RECEIPT) -> str:
    """Whose act the item's paper of ``kind`` is: the entrusting department's where its agreement covers the act
    (:func:`counter.documents.acceptance.standing_for`), or the office's (its own act, its 收件, its 告知)."""
    if standing_for(item, office, held, INTAKE_PAPER_ACT.get(kind, EntrustedAct.ACCEPT)) is Acceptance.ENTRUSTED:
        return decider_name(item, office)
    return office.office_name


def _acted_on(kind: DocumentKind, case: CaseView, bundle: Bundle) -> tuple[Item, ...]:
    """The items a paper of ``kind`` acts on: a 容缺 notice's, those its deferred materials serve; a 补正's, those its
    missing materials serve."""
    if kind is DocumentKind.DEFERRAL:
        return items_served(bundle, (m.code for m in deferred_lines(case))) or bundle.items
    if kind is DocumentKind.CORRECTION:
        return items_served(bundle, (m.code for m in shortfall_lines(case, bundle))) or bundle.items
    return bundle.items


def issuing_parts(
    kind: DocumentKind, case: CaseView, bundle: Bundle, office: OfficeSettings, held: HeldItems
) -> tuple[tuple[Item, ...], ...]:
    """The items of each body's paper of ``kind``, in the guide's order of their first item; one part of every item
    for a kind not made per body."""
    if kind not in PER_BODY:
        return (bundle.items,)
    return by_body(kind, _acted_on(kind, case, bundle), office, held)


def by_body(
    kind: DocumentKind, items: Iterable[Item], office: OfficeSettings, held: HeldItems
) -> tuple[tuple[Item, ...], ...]:
    """``items`` grouped by the body whose paper of ``kind`` acts on them (:func:`issuing_body`), in their order."""
    parts: dict[str, list[Item]] = {}
    for item in items:
        parts.setdefault(issuing_body(item, office, held, kind), []).append(item)
    return tuple(tuple(its) for its in parts.values())


def part_keys(
    kind: DocumentKind, case: CaseView, bundle: Bundle, office: OfficeSettings, held: HeldItems
) -> tuple[str, ...]:
    """The ``item_code`` each part is made under: "" for the first (the kind's own record), its first item's code
    for the others."""
    parts = issuing_parts(kind, case, bundle, office, held)
    return ("", *(items[0].code for items in parts[1:]))


def part_key(
    kind: DocumentKind, case: CaseView, bundle: Bundle, office: OfficeSettings, held: HeldItems, item_code: str
) -> str:
    """The key of the part that acts on ``item_code`` (:func:`part_keys`); "" for an item of no part."""
    parts = issuing_parts(kind, case, bundle, office, held)
    for n, items in enumerate(parts):
        if any(item.code == item_code for item in items):
            return items[0].code if n else ""
    return ""


def part_bundle(
    kind: DocumentKind,
    case: CaseView,
    bundle: Bundle,
    office: OfficeSettings,
    held: HeldItems,
    item_code: str,
    *,
    per_body: bool = True,
) -> Bundle:
    """The guide as the part of ``item_code``'s issuing body reads it: that body's items alone (the first part for
    an item of none); the bundle as it is where one body issues the whole paper, for a kind not made per body, and
    without ``per_body`` (a paper made before papers were split by body, reprinted whole)."""
    if kind not in PER_BODY or not per_body:
        return bundle
    parts = issuing_parts(kind, case, bundle, office, held)
    if len(parts) == 1 and len(parts[0]) == len(bundle.items):
        return bundle
    items = next((its for its in parts if any(i.code == item_code for i in its)), parts[0])
    return dataclasses.replace(bundle, items=items)


def part_bodies(
    kind: DocumentKind, case: CaseView, bundle: Bundle, guide: Bundle, office: OfficeSettings, held: HeldItems
) -> dict[str, str]:
    """Each part's record kind (the first's the kind's own, the others' by their first item's place in the whole
    ``guide``, as the paper is kept) and its issuing body, where the paper is made in several parts; else empty."""
    parts = issuing_parts(kind, case, bundle, office, held)
    if len(parts) < 2:
        return {}
    return {
        record_kind(kind, guide.items.index(items[0]) + 1 if n else 0): issuing_body(items[0], office, held, kind)
        for n, items in enumerate(parts)
    }


def part_heading(title: str, issuer: str) -> str:
    """The name the preview and the case page give a part where the case has several: its title and its issuer."""
    return words.PART_HEADING.format(title=title, issuer=issuer)


def serves_part(bundle: Bundle, material_code: str) -> bool:
    """Whether a material of the case serves an item of ``bundle`` (a part's: :func:`part_bundle`), so its paper
    lists it; a material the guide no longer names, or that names no item, serves every part."""
    material = next((m for m in bundle.materials if m.code == material_code), None)
    if material is None or not material.items:
        return True
    return any(bundle.item(code) is not None for code in material.items)


def defers_part(case: CaseView, bundle: Bundle) -> bool:
    """Whether the paper's items wait for a material deferred at intake (a 容缺 case's), so it accepts them under
    容缺: a part whose items no deferred material serves is accepted as any complete one."""
    return case.outcome == DEFER and any(serves_part(bundle, m.code) for m in deferred_lines(case))

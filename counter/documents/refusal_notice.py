"""The 不予受理通知书 of a bundle: the window's refusal at intake, the ground, its basis per item type, 第七十八条's
consequences and the rights of what it refuses (docs/notice-wording.md); where the hall only receives an item, its
申请事项告知书 instead (:func:`counter.documents.acting.received_refusal`).

Apart from :mod:`counter.documents.case_documents`, which picks it among the case's papers: the refusal is the one
paper of the 受理 stage whose words turn on the ground and on which items it finds.
"""

from __future__ import annotations

from counter.case.site_authority import EntrustedAct
from counter.case.view import CaseView
from counter.catalog.model import Bundle
from counter.documents import law_words as law
from counter.documents import words as paper
from counter.documents.acceptance import Acceptance, HeldItems, paper_standing
from counter.documents.acting import received_refusal
from counter.documents.data import Block, Heading, OfficeSettings, Pair, Pairs, Text
from counter.documents.item_law import (
    basis_table,
    false_materials_intro,
    false_materials_lines,
    refusal_basis,
    refusal_cites_one_article,
    refusal_rights,
    refused_items,
    turn_to_lines,
)
from counter.documents.no_licence import no_licence_basis, no_licence_intro, no_licence_items, refuses_part
from counter.documents.words import date_text
from counter.intake.outcome import RefusalGround


def refusal_notice_blocks(
    case: CaseView, bundle: Bundle, office: OfficeSettings, you: str, held: HeldItems
) -> list[Block]:
    """The 不予受理通知书: the ground, its basis per item type, 第七十八条's consequences, and the rights.

    Where every item is a 行政许可 the basis is one article of 行政许可法, as the
    intro and the 依据 line say; otherwise a table gives each item its own basis.
    The rights are the office's unless the hall accepts every item on a
    department's behalf (:func:`counter.documents.item_law.refusal_rights`).  Where the hall only receives for
    an item, it refuses nothing: the paper is its 申请事项告知书 (:func:`counter.documents.acting.received_refusal`).
    """
    ground = RefusalGround(case.refusal_ground)  # one this version knows: document_problems saw to it
    if paper_standing(bundle.items, office, held, EntrustedAct.REFUSE) is Acceptance.RECEIVED:
        return received_refusal(case, bundle, office, you, ground)
    reason = paper.REFUSAL_GROUND[ground]
    found = no_licence_items(case.turn_to, bundle.items) if ground is RefusalGround.NO_LICENCE_NEEDED else ()
    part = refuses_part(found, bundle.items)  # 第一项 of some licences: the rest not decided
    licensing = refusal_cites_one_article(bundle.items) and not part
    received = date_text(case.received_on)
    pairs = [Pair(paper.DOC_REASON, reason, wide=True)]
    if licensing:
        basis = paper.REFUSAL_BASIS[ground]
        pairs.append(Pair(paper.DOC_BASIS, basis, wide=True))
        intro = paper.DOC_REFUSAL_INTRO.format(
            you=you, received=received, bundle=case.bundle_name, ground=reason, basis=basis
        )
    elif ground is RefusalGround.FALSE_MATERIALS:  # 第七十八条 refuses the licences only
        intro = false_materials_intro(bundle.items, you, received, case.bundle_name, reason)
    elif part:
        intro = no_licence_intro(found, bundle.items, you, received, case.bundle_name)
    else:
        intro = law.REFUSAL_INTRO_PLAIN.format(you=you, received=received, bundle=case.bundle_name, ground=reason)
    if case.turn_to and not found:
        pairs.append(Pair(paper.DOC_TURN_TO, turn_to_lines(case.turn_to, bundle.items), wide=True))
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(intro),
        Pairs(tuple(pairs)),
    ]
    if not licensing:
        blocks += [
            Heading(law.DOC_H_ITEM_BASIS),
            basis_table(
                bundle.items,
                office,
                lambda item: no_licence_basis(item, found) if found else refusal_basis(item, ground),
            ),
        ]
    if ground is RefusalGround.FALSE_MATERIALS:
        blocks += [Heading(law.DOC_H_REFERRED), *(Text(line) for line in false_materials_lines(bundle.items, office))]
    complaint = bundle.complaint_phone or office.complaint_phone
    decided = refused_items(bundle.items, ground, found)  # the rights of what this paper refuses, nothing else
    blocks += [
        Text(paper.DOC_MATERIALS_RETURNED.format(you=you)),
        *(Text(line, strong=True) for line in refusal_rights(decided, office, complaint, held)),
    ]
    return blocks

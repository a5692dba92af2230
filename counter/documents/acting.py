"""The parts of a case's papers that follow who accepts (:mod:`counter.documents.acceptance`): their title, their
opening, the issuing body and its seal, and the 告知 the hall gives where it only receives.

* Every item the site's own: the paper is the office's, "本机关决定…", as it always was.
* Every item entrusted by one department: the paper is issued in its name (许可法 第二十四条第三款), under its seal,
  and says who issued it under what ("本凭证由××受本机关委托，以本机关名义出具（…）").  Two departments never head
  one paper: the receipt, the 容缺 notice and the 补正 are made once per issuing body
  (:mod:`counter.documents.issuers`), and a 不予受理 of several is the hall's 告知, each department deciding on its own
  paper.
* Every item only received: the receipt is a 收件凭证 and the 容缺 notice a 容缺后补材料告知书, each forwarding to the
  departments, which accept; the promise runs from their 受理.
* Mixed: the office's receipt and 容缺 notice say, a line per group, what it accepts and what it only receives;
  its 补正 of the items it holds or only receives is the hall's 告知 for those where any is only received (each
  entrusting department's 补正 being its own part); a 不予受理 concerning an item only received is the hall's 告知
  for all the items it concerns (a paper is one act).

A 补正 notice and a 不予受理 never carry the forwarding paragraph: the hall either decides, or tells and forwards.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from counter.case.view import CaseView
from counter.catalog.model import Bundle, Item
from counter.documents import acceptance_words as words
from counter.documents import law_words as law
from counter.documents import words as paper
from counter.documents.acceptance import (
    Acceptance,
    HeldItems,
    department_names,
    departments_of,
    departments_with_items,
    entrustment_basis,
    one_issuer,
    paper_standing,
    standing_for,
)
from counter.documents.checks import shortfall_lines
from counter.documents.data import Block, DocumentNotPossible, OfficeSettings, Pair, Pairs, SignOff, Text
from counter.documents.deciders import unnamed_bodies
from counter.documents.issuers import defers_part
from counter.documents.item_law import (
    acceptance_lines,
    false_materials_lines,
    items_served,
    rights_items,
    turn_to_lines,
)
from counter.documents.kinds import INTAKE_PAPER_ACT, DocumentKind, DocumentProblem
from counter.documents.no_licence import received_finding
from counter.documents.words import date_text
from counter.intake.no_licence import names_no_licence
from counter.intake.outcome import RefusalGround

#: the papers of the 受理 stage: what the window issues for the departments, or in its own name
ACCEPTANCE_PAPERS = frozenset(
    {DocumentKind.RECEIPT, DocumentKind.DEFERRAL, DocumentKind.CORRECTION, DocumentKind.REFUSAL}
)
#: of those, the papers that still accept what they can where some items are only received (a line per group;
#: the 补正, like the receipt, a paper per issuing body: counter.documents.issuers)
_BY_GROUP = frozenset({DocumentKind.RECEIPT, DocumentKind.DEFERRAL, DocumentKind.CORRECTION})


def _standings(
    items: Iterable[Item], office: OfficeSettings, held: HeldItems, kind: DocumentKind = DocumentKind.RECEIPT
) -> set[Acceptance]:
    """The standings of ``items`` for the act a paper of ``kind`` is: a 补正 or a 不予受理 an agreement may leave
    out (:func:`counter.documents.acceptance.standing_for`)."""
    act = INTAKE_PAPER_ACT[kind]
    return {standing_for(item, office, held, act) for item in items}


def received_title(
    kind: DocumentKind, items: Iterable[Item], office: OfficeSettings, held: HeldItems
) -> tuple[str, str] | None:
    """The title and noun of the hall's 收件 paper, where it decides nothing of ``items``; None: the kind's own."""
    if kind not in ACCEPTANCE_PAPERS:
        return None
    if kind in _BY_GROUP:
        received = _standings(items, office, held, kind) == {Acceptance.RECEIVED}
    else:
        received = paper_standing(items, office, held, INTAKE_PAPER_ACT[kind]) is Acceptance.RECEIVED
    return (words.RECEIVED_TITLE[kind], words.RECEIVED_NOUN[kind]) if received else None


def entrusted_sign_off(
    kind: DocumentKind, items: Iterable[Item], office: OfficeSettings, held: HeldItems, sign_off: SignOff, noun: str
) -> tuple[SignOff, str, str] | None:
    """The closing block in the entrusting department's name and seal, its head, and the line saying who issued the
    paper under what, where every item of the paper is entrusted by that one department; None otherwise (the
    office's own paper)."""
    items = tuple(items)
    if kind not in ACCEPTANCE_PAPERS or _standings(items, office, held, kind) != {Acceptance.ENTRUSTED}:
        return None
    names = department_names(items, office)
    if len(names) != 1:  # one paper, one body (one_issuer): a receipt is made per body (counter.documents.issuers)
        return None
    basis = entrustment_basis(items, office, held)
    line = words.ENTRUSTED_ISSUED.format(noun=noun, hall=office.office_name, basis=basis)
    seal = words.DEPARTMENT_SEAL.format(department=names[0])
    signed = dataclasses.replace(sign_off, issuer=names[0], seal_caption=paper.DOC_SEAL_PLACE.format(seal=seal))
    return signed, names[0], line


def receipt_opening(
    case: CaseView, bundle: Bundle, office: OfficeSettings, you: str, held: HeldItems
) -> tuple[list[Block], bool]:
    """The receipt's opening paragraphs, and whether the hall only received every item (a 收件凭证)."""
    found = _standings(bundle.items, office, held)
    deferred = defers_part(case, bundle)  # a part of a 容缺 case whose items wait for nothing is accepted whole
    facts = {"you": you, "received": date_text(case.received_on), "bundle": case.bundle_name}
    lines = [Text(line) for line in acceptance_lines(bundle.items, office, held, deferred=deferred)]
    if found == {Acceptance.RECEIVED}:
        template = words.RECEIPT_RECEIVED_DEFER if deferred else words.RECEIPT_RECEIVED
        departments = departments_with_items(bundle.items, office)
        return [Text(template.format(**facts, departments=departments))], True
    if len(found) == 1 and one_issuer(bundle.items, office, held):  # one act of 受理, in the issuer's name
        template = paper.DOC_RECEIPT_DEFER if deferred else paper.DOC_RECEIPT_ACCEPT
        return [Text(template.format(**facts))], False
    template = words.RECEIPT_OPENING_DEFER if deferred else words.RECEIPT_OPENING
    return [Text(template.format(**facts)), *lines], False


def deferral_intro(case: CaseView, bundle: Bundle, office: OfficeSettings, you: str, held: HeldItems) -> list[Block]:
    """The 容缺 notice's opening: the issuer's 容缺受理, the hall's 收件 with the departments' 容缺受理 to come, or
    a line per group."""
    found = _standings(bundle.items, office, held)
    facts = {"you": you, "received": date_text(case.received_on), "bundle": case.bundle_name}
    if found == {Acceptance.RECEIVED}:
        departments = departments_of(bundle.items, office)
        return [Text(words.DEFERRAL_RECEIVED_INTRO.format(**facts, departments=departments))]
    if len(found) == 1 and one_issuer(bundle.items, office, held):
        return [Text(paper.DOC_DEFERRAL_INTRO.format(**facts))]
    lines = acceptance_lines(bundle.items, office, held, deferred=True)
    return [
        Text(words.DEFERRAL_MIXED_INTRO.format(**facts)),
        *(Text(line) for line in lines),
        Text(words.DEFERRAL_MIXED_LIST),
    ]


def received_correction(case: CaseView, items: Iterable[Item], office: OfficeSettings, you: str) -> tuple[Block, ...]:
    """The 补齐材料告知书's opening (first) and its closing paragraphs: what is missing, told once; the hall receives
    once it is complete and forwards; the department decides 受理 and asks its own 补正 (第三十二条).  It decides
    nothing, so it threatens nothing: not the 补正 notice's 视为放弃申请 (domain §5, a decision's words), only that
    the hall closes its own record of the visit and receives again whenever the applicant comes back."""
    departments = departments_of(items, office)
    facts = {"you": you, "received": date_text(case.received_on), "bundle": case.bundle_name}
    return (
        Text(words.CORRECTION_RECEIVED_INTRO.format(**facts)),
        Text(words.CORRECTION_RECEIVED_AFTER.format(departments=departments)),
        Text(words.CORRECTION_RECEIVED_LATE.format(you=you, departments=departments), strong=True),
        Text(words.NOT_A_DECISION_CORRECTION),
    )


def received_refusal_lines(ground: RefusalGround, turn_to: str, items: Iterable[Item]) -> list[tuple[str, str]]:
    """(caption, text) of what the 申请事项告知书 says the window found and, where it names them, the bodies to turn
    to: the lines the window's confirmation repeats (:mod:`counter.ui.intake.refusal_confirm`)."""
    items = tuple(items)
    reason = words.RECEIVED_FINDING.get(ground.value, paper.REFUSAL_GROUND[ground])
    if ground is RefusalGround.NO_LICENCE_NEEDED:  # 第一项 of the licences named (counter.documents.no_licence)
        reason = received_finding(turn_to, items) or reason
    lines = [(words.FINDING, reason)]
    if turn_to and not names_no_licence(turn_to):
        lines.append((paper.DOC_TURN_TO, turn_to_lines(turn_to, items)))
    return lines


def received_refusal(
    case: CaseView, bundle: Bundle, office: OfficeSettings, you: str, ground: RefusalGround
) -> list[Block]:
    """The 申请事项告知书: what the window found, where the applicant may turn, and that nothing was decided; the
    departments decide whether to accept, and the applicant may have the application forwarded to them."""
    departments = departments_of(bundle.items, office)
    names = law.LIST_JOIN.join(item.name for item in bundle.items)
    facts = {"you": you, "received": date_text(case.received_on), "bundle": case.bundle_name}
    lines = received_refusal_lines(ground, case.turn_to, bundle.items)
    reason = lines[0][1]
    pairs = [Pair(caption, text, wide=True) for caption, text in lines]
    choice = words.REFUSAL_RECEIVED_TURN if len(lines) > 1 else words.REFUSAL_RECEIVED_CHOICE
    blocks: list[Block] = [
        Text(paper.DOC_SALUTATION.format(name=case.applicant_name), indent=False),
        Text(words.REFUSAL_RECEIVED_INTRO.format(**facts, ground=reason, items=names, departments=departments)),
        Pairs(tuple(pairs)),
    ]
    if ground is RefusalGround.FALSE_MATERIALS:  # the referral alone: 第七十八条's refusal is the department's
        blocks += [Text(false_materials_lines(bundle.items, office)[1])]
    blocks += [  # the materials are not said returned: a department decides the matter (许可法 第三十二条)
        Text(choice.format(you=you, departments=departments)),
        Text(words.NOT_A_DECISION_REFUSAL, strong=True),
    ]
    return blocks


def _rights_printed(
    kind: DocumentKind, bundle: Bundle, office: OfficeSettings, item_code: str, held: HeldItems
) -> tuple[Item, ...]:
    """The items whose department's 复议 body the paper names: the denied item, or a refusal's entrusting ones."""
    if kind in (DocumentKind.DENIAL, DocumentKind.ITEM_REFUSAL):
        item = bundle.item(item_code)
        return (item,) if item is not None else ()
    if kind is DocumentKind.REFUSAL:
        return rights_items(bundle.items, office, held)
    return ()


def check_acting(kind: DocumentKind, bundle: Bundle, office: OfficeSettings, item_code: str, held: HeldItems) -> None:
    """Refuse a paper whose acting body's 复议 body the site has not named (:mod:`counter.documents.acting`)."""
    unnamed = unnamed_bodies(_rights_printed(kind, bundle, office, item_code, held), office)
    if unnamed:
        raise DocumentNotPossible((DocumentProblem.REVIEW_BODY_UNNAMED,), unnamed)


def concerned_items(kind: DocumentKind, case: CaseView, bundle: Bundle) -> tuple[Item, ...]:
    """The items a paper acts on: a correction's, those its missing materials serve; the others', every item."""
    if kind is DocumentKind.CORRECTION:
        return items_served(bundle, (m.code for m in shortfall_lines(case, bundle))) or bundle.items
    return bundle.items

"""Which law, which department and which rights a notice prints, item by item.

A bundle is several items of different 事项类型, each decided by its own
department under its own law.  Only a 行政许可 (01) is governed by
《中华人民共和国行政许可法》; the other types have their own basis, which the
catalog gives as the item's 设定依据, and the league's rules
(《兴安盟政务服务标准化管理办法》, seed 001) govern the hall's procedure for every
政务服务事项.  The sentences are in :mod:`counter.documents.law_words`; here is
the choice between them.

Who acts at the hall: a department may entrust the hall with 收件、受理、送达
(seed 001 第三十二条, by agreement, the 同级 service department; the catalog's
``entrusted``, the site's recorded agreements and its own level, and the 授权 its authority setting records:
:mod:`counter.documents.acceptance`).
An entrusted body acts in
the entrusting department's name (行政许可法 第二十四条第三款: 受委托行政机关在委托范围内，
以委托行政机关名义实施行政许可), and the entrusting department answers for it
(行政诉讼法 第二十六条第五款: 行政机关委托的组织所作的行政行为，委托的行政机关是被告).
So a 不予受理 of a bundle whose every item the hall accepts on a department's
behalf is that department's act, and the rights printed are the department's
(:func:`refusal_rights`); a site that holds the power refuses in its own name and
prints the office's rights; where any item is only received by the hall and passed
on (行政许可法 第二十六条: one body receives for several), the hall refuses nothing:
its paper is a 告知, with no rights clause (:mod:`counter.documents.acceptance`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from counter.case.site_authority import EntrustedAct
from counter.catalog.departments import Rights
from counter.catalog.model import Bundle, Item, ItemType
from counter.catalog.remedies import Act, RemedyKind, way_against
from counter.documents import acceptance_words as accepting
from counter.documents import law_words as law
from counter.documents import words as paper
from counter.documents.acceptance import (
    NOTHING_HELD,
    Acceptance,
    HeldItems,
    acceptance_of,
    by_acting,
    departments_with_items,
    entrustment_basis,
    is_licensing,
    item_names,
    paper_standing,
)
from counter.documents.data import Column, OfficeSettings, Table
from counter.documents.deciders import decider_name, item_rights
from counter.documents.words import DOC_COURT_UNKNOWN, DOC_NOT_STATED, REFUSAL_BASIS
from counter.intake.outcome import RefusalGround
from counter.intake.turn_to import bodies_as_read, grouped


def makes_decision(item: Item) -> bool:
    """Whether the item's decision is open to 复议 and 诉讼: as its remedy says (社会保险 转移接续 is a 公共服务 and
    is), or for a guide version stored before items had one, unless it is a 公共服务."""
    if item.remedy is not None:
        return item.remedy.contested
    return item.item_type is not ItemType.PUBLIC_SERVICE


def review_first(item: Item, act: Act = Act.DECISION) -> bool:
    """Whether 诉讼 against ``act`` on the item waits for 复议 (复议前置: a 征税行为 only, 税收征收管理法 第八十八条
    第一款; a 不予受理 decides no tax: :func:`~counter.catalog.remedies.way_against`)."""
    return item.remedy is not None and way_against(item.remedy, act) is RemedyKind.REVIEW_FIRST


def type_label(item: Item) -> str:
    return law.ITEM_TYPE[item.item_type] if item.item_type is not None else law.ITEM_TYPE_UNKNOWN


def _basis(item: Item) -> str:
    return item.legal_basis.strip() or DOC_NOT_STATED


def stated_basis(item: Item) -> str:
    """The item's 设定依据 as the catalog gives it, or 未载明: what a paper of an item that is no 行政许可 cites beside
    the league's rule, never a bare 特此通知."""
    return _basis(item)


def _names(items: Iterable[Item]) -> str:
    return law.LIST_JOIN.join(item.name for item in items)


def by_department(items: Iterable[Item], office: OfficeSettings) -> dict[str, list[Item]]:
    """The items grouped by their deciding department's name at this site, in the guide's order."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(decider_name(item, office), []).append(item)
    return groups


def lapse_deciders(items: Iterable[Item], office: OfficeSettings) -> str:
    """Who denies what when a 容缺 lapses: each deciding department with the items it decides, in the guide's order.

    "由乌兰浩特市市场监督管理局依法对“食品经营许可”事项作出不予批准决定": the deferral notice and the pledge name the
    item and its department as the 不予批准决定书 would (:func:`~counter.documents.deciders.decider_name`).
    """
    return paper.DOC_LAPSE_DECIDER_JOIN.join(
        paper.DOC_LAPSE_DECIDER.format(
            department=department,
            items=paper.DOC_LAPSE_ITEM_JOIN.join(paper.DOC_LAPSE_ITEM.format(name=item.name) for item in its),
        )
        for department, its in by_department(items, office).items()
    )


def items_served(bundle: Bundle, material_codes: Iterable[str]) -> tuple[Item, ...]:
    """The items the given materials serve, in the guide's order: what a correction notice concerns."""
    codes = set(material_codes)
    served = {code for m in bundle.materials if m.code in codes for code in m.items}
    return tuple(item for item in bundle.items if item.code in served)


def basis_table(items: Iterable[Item], office: OfficeSettings, basis: Callable[[Item], str]) -> Table:
    """The items by type and basis: the items that stand on the same article share one line, so the
    notice stays short; each line names the items, their type, their departments and the basis."""
    groups: dict[tuple[str, str], list[Item]] = {}
    for item in items:
        groups.setdefault((type_label(item), basis(item)), []).append(item)
    rows = tuple(
        (_names(its), label, law.LIST_JOIN.join(by_department(its, office)), text)
        for (label, text), its in groups.items()
    )
    return Table(
        (
            Column(law.DOC_COL_ITEM, 0.24),
            Column(law.DOC_COL_TYPE, 0.12, centred=True),
            Column(law.DOC_COL_DECIDER, 0.24),
            Column(law.DOC_COL_BASIS, 0.40),
        ),
        rows,
    )


def correction_basis(item: Item) -> str:
    """Why the hall may demand the materials once and in full: 许可法 for a licence, the league's rules otherwise."""
    if is_licensing(item):
        return law.CORRECTION_BASIS_LICENSING
    return law.CORRECTION_BASIS_OTHER.format(basis=_basis(item))


def refusal_basis(item: Item, ground: RefusalGround) -> str:
    """The article a refusal stands on for this item: 许可法's own grounds only for a 行政许可.

    第七十八条 reaches no other item: the window's refusal for false materials decides nothing of it.
    """
    if is_licensing(item):
        return REFUSAL_BASIS[ground]
    if ground is RefusalGround.FALSE_MATERIALS:
        return law.FALSE_MATERIALS_NOT_LICENCE
    return law.REFUSAL_BASIS_OTHER.format(basis=_basis(item))


def refusal_cites_one_article(items: Iterable[Item]) -> bool:
    """Whether a 不予受理 stands on one article of 行政许可法 for the whole bundle, printed in its 依据 line.

    Only where every item is a 行政许可; otherwise the notice gives each item its own basis in a table.
    """
    return all(is_licensing(item) for item in items)


def refusal_basis_lines(items: Iterable[Item], ground: RefusalGround) -> tuple[str, ...]:
    """The basis of a 不予受理 as its notice gives it: the one article, or each group of items with its basis.

    What the desk shows before the notice is issued, so the clerk reads the paper's rule, not a second one.
    """
    items = tuple(items)
    if refusal_cites_one_article(items):
        return (REFUSAL_BASIS[ground],)
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(refusal_basis(item, ground), []).append(item)
    return tuple(law.ITEMS_BASIS.format(items=_names(its), basis=text) for text, its in groups.items())


def turn_to_lines(turn_to: str, items: Iterable[Item]) -> str:
    """第二项: where each item goes, a line per body naming its items (:mod:`counter.intake.turn_to`)."""
    items = tuple(items)
    codes = [item.code for item in items]
    names = {item.code: item.name for item in items}
    groups = grouped(bodies_as_read(turn_to, codes), codes)
    return "\n".join(
        paper.REFUSAL_TURN_TO_ITEMS.format(items=law.LIST_JOIN.join(names[c] for c in its), turn_to=body)
        for body, its in groups.items()
    )


def false_materials_lines(items: Iterable[Item], office: OfficeSettings) -> tuple[str, ...]:
    """行政许可法 第七十八条 on the window's 不予受理: the ground, and the referral to the deciding departments.

    The window refuses to accept; it gives no 警告 (a 行政处罚, with its own procedure) and bars nobody for a year.
    Those are the deciding department's, in its own decision (:func:`denial_consequences`); the notice says the
    matter is referred to it, for the licences only: 第七十八条 is 行政许可法's and reaches no other item.
    """
    licences = [item for item in items if is_licensing(item)]
    departments = law.LIST_JOIN.join(by_department(licences, office))
    return (law.FALSE_MATERIALS_GROUND, law.FALSE_MATERIALS_REFERRED.format(departments=departments))


def false_materials_intro(items: Iterable[Item], you: str, received: str, bundle: str, ground: str) -> str:
    """The opening of a 第七十八条 refusal of a bundle with items of other types: which items it refuses."""
    items = tuple(items)
    licences = [item for item in items if is_licensing(item)]
    others = [item for item in items if not is_licensing(item)]
    return law.FALSE_MATERIALS_INTRO_MIXED.format(
        you=you, received=received, bundle=bundle, ground=ground, licences=_names(licences), others=_names(others)
    )


def denial_consequences(item: Item, you: str) -> tuple[str, ...]:
    """What a department's 不予批准 under 第七十八条 carries: the one-year bar, where the licence is one the catalog
    marks 直接关系公共安全、人身健康、生命财产安全, and the 警告 left to the procedure of 行政处罚法."""
    bar = (law.DENIAL_FALSE_MATERIALS_BAR.format(you=you),) if item.public_safety else ()
    return (law.DENIAL_FALSE_MATERIALS.format(you=you), *bar, law.DENIAL_FALSE_MATERIALS_WARNING)


def acceptance_lines(
    items: Iterable[Item], office: OfficeSettings, held: HeldItems = NOTHING_HELD, *, deferred: bool = False
) -> tuple[str, ...]:
    """Who accepts each item, a line per group, for the receipt and the 容缺 notice that accept some of them: the
    site's own, each entrusting department's "以××名义" with what the hall acts under, and each department the hall
    only receives for, with the date its 受理 runs from (:mod:`counter.documents.acceptance`)."""
    items = tuple(items)
    lines = []
    own = [i for i in items if acceptance_of(i, office, held) is Acceptance.OWN]
    if own:
        lines.append((accepting.OWN_DEFERRED if deferred else accepting.OWN_ACCEPTED).format(items=item_names(own)))
    template = accepting.ENTRUSTED_DEFERRED if deferred else accepting.ENTRUSTED_ACCEPTED
    for name, its in by_acting(items, office, held, Acceptance.ENTRUSTED).items():
        basis = entrustment_basis(its, office, held)
        lines.append(template.format(department=name, items=item_names(its), basis=basis))
    received = [i for i in items if acceptance_of(i, office, held) is Acceptance.RECEIVED]
    if received:
        lines.append(accepting.RECEIVED_FORWARDED.format(departments=departments_with_items(received, office)))
    return tuple(lines)


def _rights_text(rights: Rights | None, item: Item | None = None, items: str = "", act: Act = Act.DECISION) -> str:
    """The rights sentence with these bodies, for ``act`` on one item under its remedy (None: the office's own
    act), for ``items`` when the notice names the items it concerns."""
    review = rights.review_body if rights is not None and rights.review_body else law.REVIEW_UNKNOWN
    court = rights.court if rights is not None and rights.court else DOC_COURT_UNKNOWN
    if item is not None and item.remedy is not None and review_first(item, act):
        template = law.RIGHTS_REVIEW_FIRST_FOR if items else law.RIGHTS_REVIEW_FIRST
        return template.format(review_body=review, court=court, items=items, basis=item.remedy.basis)
    return (law.RIGHTS_FOR if items else law.RIGHTS).format(review_body=review, court=court, items=items)


def item_rights_sentence(item: Item, office: OfficeSettings, complaint_phone: str = "", act: Act = Act.DECISION) -> str:
    """The rights clause of ``act`` on this item (its decision, or its department's 不予受理), in its department's
    name, as its remedy says for that act.

    An item that makes no administrative act gets a complaint channel instead; a 纳税 decision 复议 first
    (复议前置) with its conditions.  Where the site's settings cannot name the 复议 body or the court, the sentence
    says "依法有权受理的行政复议机关" / "有管辖权的人民法院": true whatever they are.
    """
    if not makes_decision(item):
        phone = complaint_phone or office.complaint_phone
        return law.COMPLAINT_ONLY.format(items=item.name, department=decider_name(item, office), phone=phone)
    return _rights_text(item_rights(item, office), item, act=act)


def office_rights_sentence(item: Item, office: OfficeSettings) -> str:
    """The rights clause of a decision the site makes in its own name (it holds the power): the office's 复议 body
    and court, as its own 不予受理 prints them."""
    return _rights_text(Rights(office.review_body, office.court), item)


def rights_items(items: Iterable[Item], office: OfficeSettings, held: HeldItems = NOTHING_HELD) -> tuple[Item, ...]:
    """The items whose own department's rights a 不予受理 prints: those open to 复议, where the hall accepts every
    item in an entrusting department's name; none where the refusal is the site's own act, or the hall only
    receives one of them and so refuses nothing (:func:`counter.documents.acceptance.paper_standing`)."""
    items = tuple(items)
    if paper_standing(items, office, held, EntrustedAct.REFUSE) is Acceptance.ENTRUSTED:
        return tuple(i for i in items if makes_decision(i))
    return ()


def refused_items(items: Iterable[Item], ground: RefusalGround, found: Iterable[Item] = ()) -> tuple[Item, ...]:
    """The items a 不予受理 decides, whose rights it prints: those found under 第一项 where some are
    (:mod:`counter.documents.no_licence`), the licences alone under 第七十八条 where the bundle has others (the paper
    says it decides nothing of a 备案 or a 登记 of another type), the whole bundle otherwise."""
    items, found = tuple(items), tuple(found)
    if found:
        return found
    licences = tuple(item for item in items if is_licensing(item))
    if ground is RefusalGround.FALSE_MATERIALS and licences:
        return licences
    return items


def refusal_rights(
    items: Iterable[Item], office: OfficeSettings, complaint_phone: str = "", held: HeldItems = NOTHING_HELD
) -> tuple[str, ...]:
    """The rights clause of a 不予受理 of the bundle: the office's, or the entrusting departments' (see above)."""
    items = tuple(items)
    acting = [i for i in items if makes_decision(i)]
    serving = [i for i in items if not makes_decision(i)]
    departments = rights_items(items, office, held)
    lines: list[str] = []
    if departments:
        groups: dict[tuple[Rights | None, bool], list[Item]] = {}
        for item in departments:
            groups.setdefault((item_rights(item, office), review_first(item, Act.REFUSAL)), []).append(item)
        if len(groups) == 1 and not serving:  # else each line names its items, the complaint's too
            [its] = groups.values()
            lines.append(_rights_text(item_rights(its[0], office), its[0], act=Act.REFUSAL))
        else:
            lines += [_rights_text(rights, its[0], _names(its), Act.REFUSAL) for (rights, _), its in groups.items()]
    elif acting:
        lines.append(_rights_text(Rights(office.review_body, office.court)))
    phone = complaint_phone or office.complaint_phone
    for name, its in by_department(serving, office).items():
        lines.append(law.COMPLAINT_ONLY.format(items=_names(its), department=name, phone=phone))
    return tuple(lines)


def denial_basis(items: Iterable[Item], you: str, *, lapsed: bool = False) -> str:
    """The law sentence of a 不予批准决定书 for these items, by their type; ``lapsed``: a 容缺 that lapsed denied them.

    行政许可法 第三十八条第二款 alone where every item denied is a 行政许可;
    otherwise (beside that article for the licences among them) the other items'
    own 设定依据 with seed 001 第十七条第二项 (不予批准 with its
    reason, for every 政务服务事项); a denial of 公共服务 alone names no rights.  Those articles say how a denial
    is told (in writing, with its reasons and the remedies), not why it is made: a lapse's ground, seed 001
    第十六条第三项, comes first.
    """
    items = tuple(items)
    if lapsed:
        return law.DENIAL_LAPSE_GROUND + denial_basis(items, you)
    if items and all(is_licensing(i) for i in items):
        return law.DENIAL_BASIS_LICENSING.format(you=you)
    if items and not any(makes_decision(i) for i in items):
        return law.DENIAL_BASIS_SERVICE
    bases = [law.DENIAL_LICENSING_ARTICLE] if any(is_licensing(i) for i in items) else []
    bases += [_basis(i) for i in items if not is_licensing(i)]
    acting = [i for i in items if makes_decision(i)]
    rights = law.DENIAL_RIGHTS_REVIEW_FIRST if acting and all(review_first(i) for i in acting) else law.DENIAL_RIGHTS
    basis = law.LIST_JOIN.join(dict.fromkeys(bases)) or DOC_NOT_STATED
    return law.DENIAL_BASIS_OTHER.format(basis=basis, you=you, rights=rights)

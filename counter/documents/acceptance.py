"""Who receives and who accepts each item, as the site has recorded it: the one model every paper follows.

受理 belongs to the body with power over the item (行政许可法 第三十二条; seed 001 第十六条).  So, per item:

* **own** (:attr:`Acceptance.OWN`): the site holds the power itself (its authority setting's ``site_items``: a
  行政审批局 under 相对集中行政许可权); it accepts, asks for 补正 and refuses in its own name;
* **entrusted** (:attr:`Acceptance.ENTRUSTED`): the department's entrustment is recorded — its written 授权 for the
  item (the authority setting's ``entrusted``, :mod:`counter.actions.cases.item_authority`) or the site's agreement
  with the
  department (office setting ``entrustments``, :func:`hall_accepts`; never seed 001 第三十二条 alone, a general
  clause and no agreement); the hall acts "以委托行政机关名义" (行政许可法 第二十四条第三款): the paper is issued in
  the department's name, and the rights it prints are the department's (行政诉讼法 第二十六条第五款);
* **received** (:attr:`Acceptance.RECEIVED`): anything else.  The hall is the department's 收件 window (许可法
  第二十六条): it issues a 收件凭证, tells the applicant once what is missing, and forwards; the department's 受理
  is its 签收 (:attr:`counter.case.item_path.ItemEvent.SIGNED`), dated as that step is, and limits run from it.

A paper is one act, of one body.  It decides (受理, 补正, 不予受理) only where the window may for every item it
concerns, in one body's name; where one of them is only received, or two bodies would issue it, the 补正 and the
不予受理 become the window's 告知 for all of them (:func:`paper_standing`), and each department's own 补正 or refusal
follows from that department.  Nor does the hall act in a department's name beyond its agreement: an entrusted
item whose agreement leaves out 补正 or 不予受理 stands, for that act, as one only received (:func:`standing_for`).

Entrustment of a 行政许可 is to a 行政机关 only (第二十四条第一款).  Whether the hall is one is a local fact the
司法局 answers (office setting ``administrative_organ``): until it is answered "yes", a recorded entrustment of a
licence does not stand and the hall only receives the licence (许可法 第二十六条), forwarding it the same day.  Its
intake used to wait for the answer, and the applicant went home with nothing: a window may always receive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from counter.case.site_authority import KEPT_DEFAULT, EntrustedAct, SiteAuthority
from counter.case.status import CaseStatus
from counter.catalog.model import Item, ItemType
from counter.documents import acceptance_words as words
from counter.documents.data import OfficeSettings
from counter.documents.deciders import agreements, decider_name
from counter.intake.outcome import forwarded_case


class Acceptance(StrEnum):
    """How the window stands to an item's 受理."""

    OWN = "own"  # the site holds the power: it accepts in its own name
    ENTRUSTED = "entrusted"  # in the entrusting department's name (许可法 第二十四条第三款)
    RECEIVED = "received"  # 收件 only: the department accepts (许可法 第二十六条)


class OrganAnswer(StrEnum):
    """The 司法局's answer, kept in the office setting ``administrative_organ``: is the hall a 行政机关 that may be
    entrusted with a 行政许可 (许可法 第二十四条第一款)?  Empty: not answered yet."""

    YES = "yes"
    NO = "no"


@dataclass(frozen=True, slots=True)
class HeldItems:
    """What the site's authority setting held when the paper was first made: the 实施编码 it decides in its own
    name, and the written 授权 recorded per 实施编码 (:class:`counter.case.site_authority.SiteAuthority`) with the
    acts each covers (an item not in ``acts``: all, as an agreement recorded before they were named).

    ``forwarded``: one fact of the case, not of the site — its applicant, told the window's finding that the hall
    could not refuse in any department's name, insisted, and the window took the materials as 收件 and forwarded
    them (:func:`forwarded_case`).  The hall then accepts nothing in a department's name either: it judged the
    application refusable, and whether it is the department's is the department's to decide."""

    site_items: frozenset[str] = frozenset()
    entrusted: Mapping[str, str] = field(default_factory=dict)
    acts: Mapping[str, frozenset[EntrustedAct]] = field(default_factory=dict)
    forwarded: bool = False

    def covers(self, code: str, act: EntrustedAct) -> bool:
        """Whether a 授权 is recorded for ``code`` and covers ``act``."""
        return bool(self.entrusted.get(code)) and act in self.acts.get(code, KEPT_DEFAULT)


def held_from(authority: SiteAuthority) -> HeldItems:
    """What a site's authority setting holds, as the papers read it."""
    return HeldItems(authority.site_items, dict(authority.entrusted), dict(authority.acts))


NOTHING_HELD = HeldItems()
#: the act a paper is of where it names none: the 受理 (or the 收件 in its place)
ACCEPT = EntrustedAct.ACCEPT
#: in a paper's record beside the office settings when the site's authority setting held items then (its own, or
#: entrusted by 授权): whom the paper was made in the name of; absent: nothing held, as on every older paper
HELD = "held"


def held_record(held: HeldItems) -> dict[str, object]:
    """What a paper's record keeps of ``held`` (JSON), so that a reprint, and the item's clock, read what applied."""
    kept: dict[str, object] = {"site_items": sorted(held.site_items), "entrusted": dict(sorted(held.entrusted.items()))}
    if held.acts:  # absent where every 授权 was recorded before agreements named their acts, as on older papers
        kept["acts"] = {code: sorted(act.value for act in held.acts[code]) for code in sorted(held.acts)}
    if held.forwarded:  # absent on every paper of a case not forwarded on the applicant's insistence
        kept[FORWARDED] = True
    return kept


def kept_snapshot(raw: str) -> dict[str, Any] | None:
    """A paper's kept settings (its record's ``office``) as the object this program writes; None for text that is
    none: empty, not JSON, or JSON of another shape (a record a township's package carried is kept as it came)."""
    try:
        kept = json.loads(raw)
    except ValueError:
        return None
    return kept if isinstance(kept, dict) else None


def held_of_record(kept: object) -> HeldItems:
    """:class:`HeldItems` as :func:`held_record` kept them; nothing held for anything else (an older paper's)."""
    if not isinstance(kept, dict):
        return NOTHING_HELD
    items, entrusted = kept.get("site_items", ()), kept.get("entrusted", {})
    acts = kept.get("acts", {})  # absent on a paper made before agreements named their acts: every act
    if not isinstance(items, list) or not isinstance(entrusted, dict) or not isinstance(acts, dict):
        return NOTHING_HELD
    covered = {
        str(code): frozenset(EntrustedAct(a) for a in named if a in set(EntrustedAct))
        for code, named in acts.items()
        if isinstance(named, list)
    }
    codes = frozenset(str(code) for code in items)
    forwarded = kept.get(FORWARDED) is True
    return HeldItems(codes, {str(k): str(v) for k, v in entrusted.items()}, covered, forwarded)


#: in a paper's kept holdings: the case was forwarded on the applicant's insistence (HeldItems.forwarded)
FORWARDED = "forwarded"


def with_case(held: HeldItems, refusal_ground: str, outcome: str) -> HeldItems:
    """``held`` as one case stands by it: :attr:`HeldItems.forwarded` where :func:`forwarded_case`."""
    if held.forwarded or not forwarded_case(refusal_ground, outcome):
        return held
    return replace(held, forwarded=True)


def is_licensing(item: Item) -> bool:
    return item.item_type is ItemType.LICENSING


def agreement_for(item: Item, office: OfficeSettings) -> str:
    """The entrustment agreement the site holds with the item's department; "" when it records none."""
    return agreements(office).get(decider_name(item, office), "")


def hall_accepts(item: Item, office: OfficeSettings) -> bool:
    """Whether the office settings have the hall accept this item in its department's name (委托受理).

    The catalog says the department may entrust the window (``entrusted``); the basis is the written agreement the
    site records with it (许可法 第二十四条: 委托 names the body and the matters).  Seed 001 第三十二条 — 委托同级政务
    服务部门负责事项的收件、受理、送达 — says what a department may do, not that it did: without an agreement the
    hall only receives, whatever the department's level.
    """
    return item.entrusted and bool(agreement_for(item, office))


def recorded_entrustment(item: Item, office: OfficeSettings, held: HeldItems) -> bool:
    """Whether the site records the item's department entrusting the window with its 受理, by 授权 (one that covers
    受理: an agreement for 决定 alone leaves the 受理 to the department, the hall receiving) or by agreement."""
    return held.covers(item.code, EntrustedAct.ACCEPT) or hall_accepts(item, office)


def entrusted_line(
    item: Item, office: OfficeSettings, held: HeldItems, act: EntrustedAct, noun: str, *, entered: bool = False
) -> str:
    """The sentence a paper of ``act`` on ``item`` made by the hall in its department's name carries (许可法 第二十四条
    第三款: 以委托行政机关名义), "" where the hall does not act so: who made it, in whose name, under what.  A
    decision is "作出", a notice "出具" — and so is a decision the department took in writing and the window
    ``entered`` for it (代为录入, its 文号 printed beside): the hall issued the paper, the department made the act."""
    if acceptance_of(item, office, held) is not Acceptance.ENTRUSTED or not held.covers(item.code, act):
        return ""
    template = words.ENTRUSTED_DECIDED if act in _DECIDING and not entered else words.ENTRUSTED_ISSUED
    return template.format(noun=noun, hall=office.office_name, basis=entrustment_basis((item,), office, held))


#: the acts whose papers are decisions (作出); the others' are notices (出具)
_DECIDING = frozenset({EntrustedAct.DECIDE, EntrustedAct.REVOKE})


def acceptance_of(item: Item, office: OfficeSettings, held: HeldItems = NOTHING_HELD) -> Acceptance:
    """How the window stands to ``item``'s 受理 at this site (see above)."""
    if item.code in held.site_items:
        return Acceptance.OWN
    if held.forwarded or not recorded_entrustment(item, office, held):
        return Acceptance.RECEIVED  # forwarded on insistence: the department decides, its 受理 too
    if is_licensing(item) and office.administrative_organ != OrganAnswer.YES:
        return Acceptance.RECEIVED  # 第二十四条: a licence is entrusted to a 行政机关 only; unanswered, it is received
    return Acceptance.ENTRUSTED


def standing_for(item: Item, office: OfficeSettings, held: HeldItems, act: EntrustedAct) -> Acceptance:
    """The standing the window's paper of ``act`` (受理, 补正 or 不予受理) on ``item`` is made in: the item's own
    (:func:`acceptance_of`), save an entrusted item whose agreement does not name ``act``.  The hall acts in a
    department's name "在委托范围内" only (许可法 第二十四条): an agreement for 受理 alone is no power to tell a
    第三十二条 补正 or to refuse in the department's name, so for that act the hall stands as a window that only
    receives — it tells what is missing in its own name, or asks whether the applicant insists and forwards — and
    the department's own 补正 or 不予受理 follows from its desk.  One rule, which the papers, the intake's outcome
    and what the platform hears all ask."""
    standing = acceptance_of(item, office, held)
    if standing is Acceptance.ENTRUSTED and not (held.covers(item.code, act) or hall_accepts(item, office)):
        return Acceptance.RECEIVED
    return standing


def receives_every_item(items: Iterable[Item], office: OfficeSettings, held: HeldItems = NOTHING_HELD) -> bool:
    """Whether the site only receives every one of ``items`` (at least one) for its departments: what its guide page
    and its 一次性告知单 say of the window's own step (:mod:`counter.catalog.received_step`).  The one answer both
    faces ask, from the settings and what the site holds, so the page and the paper cannot say it two ways."""
    items = tuple(items)
    return bool(items) and all(acceptance_of(item, office, held) is Acceptance.RECEIVED for item in items)


def one_issuer(
    items: Iterable[Item], office: OfficeSettings, held: HeldItems = NOTHING_HELD, act: EntrustedAct = ACCEPT
) -> bool:
    """Whether one body acts for every item of a paper of ``act``: the site for its own items, or one entrusting
    department for its own.  A paper is one body's act, under one seal: two departments never issue one paper
    together."""
    bodies = {
        office.office_name if standing is Acceptance.OWN else decider_name(item, office)
        for item in items
        if (standing := standing_for(item, office, held, act)) is not Acceptance.RECEIVED
    }
    return len(bodies) <= 1


def paper_standing(
    items: Iterable[Item], office: OfficeSettings, held: HeldItems = NOTHING_HELD, act: EntrustedAct = ACCEPT
) -> Acceptance:
    """The standing one paper of ``act`` about ``items`` is made in (:func:`standing_for`): own where every item is
    the site's, entrusted where every item is one department's entrusted with the act; received where any is only
    received for it, or where several bodies would act (:func:`one_issuer`): the hall then tells and forwards, and
    each body decides on its own paper."""
    items = tuple(items)
    found = {standing_for(item, office, held, act) for item in items}
    if Acceptance.RECEIVED in found or not one_issuer(items, office, held, act):
        return Acceptance.RECEIVED
    return Acceptance.ENTRUSTED if Acceptance.ENTRUSTED in found else Acceptance.OWN


def by_acting(
    items: Iterable[Item], office: OfficeSettings, held: HeldItems, standing: Acceptance
) -> dict[str, list[Item]]:
    """The items of ``standing`` grouped by their deciding department's name, in the guide's order."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        if acceptance_of(item, office, held) is standing:
            groups.setdefault(decider_name(item, office), []).append(item)
    return groups


def entrustment_basis(items: Iterable[Item], office: OfficeSettings, held: HeldItems) -> str:
    """What the hall acts under for these entrusted items: the article, and each 授权 or agreement recorded."""
    items = tuple(items)
    articles = [words.ENTRUSTMENT_LICENSING] if any(is_licensing(i) for i in items) else []
    if not all(is_licensing(i) for i in items):
        articles.append(words.ENTRUSTMENT_OTHER)
    recorded = [held.entrusted.get(i.code, "") or agreement_for(i, office) for i in items]
    return words.BASIS_JOIN.join(dict.fromkeys(text for text in (*articles, *recorded) if text))


def item_names(items: Iterable[Item]) -> str:
    return words.ITEM_JOIN.join(words.ITEM_NAME.format(name=item.name) for item in items)


def department_names(items: Iterable[Item], office: OfficeSettings) -> tuple[str, ...]:
    """The deciding departments of ``items``, each once, in the guide's order."""
    return tuple(dict.fromkeys(decider_name(item, office) for item in items))


def departments_of(items: Iterable[Item], office: OfficeSettings) -> str:
    return words.ITEM_JOIN.join(department_names(items, office))


def departments_with_items(items: Iterable[Item], office: OfficeSettings) -> str:
    """Each deciding department with its items: "乌兰浩特市市场监督管理局（“市场主体设立登记”、“食品经营许可”）、…"."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(decider_name(item, office), []).append(item)
    return words.ITEM_JOIN.join(
        words.DEPARTMENT_ITEMS.format(department=name, items=item_names(its)) for name, its in groups.items()
    )


def only_received(
    items: Sequence[Item], office: OfficeSettings, held: HeldItems = NOTHING_HELD, act: EntrustedAct = ACCEPT
) -> bool:
    """Whether the hall only received every item of a case (:attr:`Acceptance.RECEIVED`): it accepted none, its
    departments accept each by their 签收, and the case reads 已收件, never 已受理.  The one rule for the case page and
    every list that names the case's state (:mod:`counter.actions.cases.received_cases`).  ``act``: the act the
    case's state is the work of (:func:`state_act`): a 补正 the hall told for want of the act reads as its 告知."""
    return all_received(standing_for(item, office, held, act) is Acceptance.RECEIVED for item in items)


#: the states the window's 补正 leaves a case in, told or lapsed: said as whoever told it
_CORRECTION_STATES = frozenset({CaseStatus.CORRECTION_ISSUED.value, CaseStatus.CORRECTION_LAPSED.value})


def state_act(status: str) -> EntrustedAct:
    """The act a case's state is the work of, whose standing names it: the 补正 while the case stands in it (an
    agreement for 受理 alone left it the hall's 补齐材料告知书, whose lapse ends only the hall's 收件 registration and
    threatens nothing), the 受理 in every other state."""
    return EntrustedAct.CORRECT if status in _CORRECTION_STATES else ACCEPT


def all_received(received: Iterable[bool]) -> bool:
    """:func:`only_received` of the items' standings as already worked out (a page's item lines): a case of no items
    (its guide gone) was received by nobody."""
    flags = tuple(received)
    return bool(flags) and all(flags)

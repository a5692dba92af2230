"""What a site holds of its items: those it decides itself, and those it records for a department (entrusted).

No power without its agreement (许可法 第二十四条): an entrustment names the written agreement it stands on — its 文号
and date — and the items, by the catalog's codes; the entrusting body is the item's deciding department as the site
names it.  A code the catalog does not have is refused, naming it: an entrustment typed wrong would otherwise be
silently useless.  Codes come in two shapes, the full 实施编码 (``152201-YJS008-02``) and the bundle's part of it
without the area (``YJS008-02``), and either names the items it matches.  A vertically led body (税务, 海关 …:
行政复议法 第二十七条) keeps its power: no hall holds its items, nor is entrusted with them (:func:`check_changes`:
许可法 第二十四条 lets a body entrust what is its own to give, and a 盟 hall is no part of a vertical line).

An agreement names the acts it covers (:class:`EntrustedAct`: 受理, 补正, 不予受理, 决定, 核查, 撤销): 第二十四条
entrusts "在委托范围内", and a 受理 agreement is no power to revoke.  An act it does not cover stays the department's,
taken at its own desk.  An agreement recorded before agreements named their acts covers all six
(:data:`KEPT_DEFAULT`): that is what it meant when it was recorded — the window took every step of the item under it —
and narrowing it silently would stop the window's open cases halfway; the administrator narrows it by recording it
again with its acts (``docs/notice-wording.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from counter.case.item_path import ItemEvent


class EntrustedAct(StrEnum):
    """An act an entrustment agreement may cover; each step and paper of an item is one of them."""

    ACCEPT = "accept"  # 受理 (the department's 签收 where the hall only received it, too)
    CORRECT = "correct"  # 补正 (第三十二条: told once, in full, instead of 受理 for now)
    REFUSE = "refuse"  # 不予受理
    DECIDE = "decide"  # 决定: 准予 or 不予许可, and the steps toward it (审查, 第四十五条's pauses, 延期)
    CHECK = "check"  # 核查 of a promise, with the 责令改正 and the 复查 that follow a false one
    REVOKE = "revoke"  # 撤销, with the 陈述申辩 告知 before it (许可法 第六十九条)


#: the acts as an agreement names them, in the order the law takes them; the legal terms, printed and typed as such
ACT_NAMES = {
    EntrustedAct.ACCEPT: "受理",
    EntrustedAct.CORRECT: "补正",
    EntrustedAct.REFUSE: "不予受理",
    EntrustedAct.DECIDE: "决定",
    EntrustedAct.CHECK: "核查",
    EntrustedAct.REVOKE: "撤销",
}
ALL_ACTS = frozenset(EntrustedAct)
#: the act each department step of an item is (:class:`~counter.case.item_path.ItemEvent`): 签收 is its 受理; the
#: steps between 受理 and the decision (审查, the pauses of 第四十五条, 延期) are the deciding's own
STEP_ACT = {
    ItemEvent.ROUTED: None,  # the window's 分发, no act of the department's
    ItemEvent.SIGNED: EntrustedAct.ACCEPT,
    ItemEvent.CORRECTION: EntrustedAct.CORRECT,
    ItemEvent.REFUSED: EntrustedAct.REFUSE,
    ItemEvent.REVIEW_STARTED: EntrustedAct.DECIDE,
    ItemEvent.PAUSED: EntrustedAct.DECIDE,
    ItemEvent.RESUMED: EntrustedAct.DECIDE,
    ItemEvent.EXTENDED: EntrustedAct.DECIDE,
    ItemEvent.APPROVED: EntrustedAct.DECIDE,
    ItemEvent.DENIED: EntrustedAct.DECIDE,
}
#: what an agreement recorded before agreements named their acts covers: every act (see the module's docstring)
KEPT_DEFAULT = ALL_ACTS


def act_of_name(name: str) -> EntrustedAct | None:
    """The act a name as typed names (its legal term, or the code), None for none."""
    wanted = name.strip()
    for act, term in ACT_NAMES.items():
        if wanted in (term, act.value):
            return act
    return None


#: how an agreement's list of acts may be written: with commas or the enumeration comma, as a clerk types it
_ACT_SEPARATORS = re.compile(r"[,，、;；\s]+")


def acts_named(values: Iterable[str]) -> tuple[frozenset[EntrustedAct], tuple[str, ...]]:
    """The acts ``values`` name (each a list as an agreement writes it), and the names that are none."""
    found: set[EntrustedAct] = set()
    unknown: list[str] = []
    for value in values:
        for name in _ACT_SEPARATORS.split(value):
            act = act_of_name(name) if name else None
            if act is not None:
                found.add(act)
            elif name:
                unknown.append(name)
    return frozenset(found), tuple(unknown)


def act_list(acts: Iterable[EntrustedAct]) -> str:
    """The acts' legal terms in the law's order, joined as a list is printed."""
    chosen = frozenset(acts)
    return "、".join(term for act, term in ACT_NAMES.items() if act in chosen)


@dataclass(frozen=True, slots=True)
class MatchedItem:
    """A code as typed, and the catalog item it named: its 实施编码, name, bundle and deciding department."""

    typed: str
    code: str
    name: str
    bundle: str
    department: str


@dataclass(frozen=True, slots=True)
class CrossLevel:
    """An item the site holds or is entrusted with whose department sits at another level than the site: a 盟 hall
    and a 旗县 department.  Seed 001 第三十二条 speaks of a department entrusting "同级政务服务部门"; across levels the
    entrustment stands only on the department's own written act naming the site, which the setting cannot check, so
    the administrator is told at the time it is set (``counter site authority``), not left to find it on a paper."""

    code: str
    department: str
    level: str  # the department's AdminLevel value; the site's is the office's ``office_level``


@dataclass(frozen=True, slots=True)
class SiteAuthority:
    """What a site holds of its items: those it decides itself, and those it records for a department; after a
    change, the catalog items the typed codes matched."""

    site_items: frozenset[str] = frozenset()
    entrusted: dict[str, str] = field(default_factory=dict)
    matched: tuple[MatchedItem, ...] = ()
    cross_level: tuple[CrossLevel, ...] = ()  # of the items held or entrusted, those of another level than the site's
    #: the acts each entrusted item's agreement covers; an item not here: :data:`KEPT_DEFAULT`
    acts: dict[str, frozenset[EntrustedAct]] = field(default_factory=dict)

    def acts_of(self, code: str) -> frozenset[EntrustedAct]:
        """The acts the agreement for ``code`` covers; none where no agreement is recorded."""
        if code not in self.entrusted:
            return frozenset()
        return self.acts.get(code, KEPT_DEFAULT)


@dataclass(frozen=True, slots=True)
class CatalogItem:
    """What a change of the authority setting checks of an item of the catalog."""

    code: str
    name: str
    bundle: str
    department: str  # as the site names it
    vertical: bool  # vertically led (行政复议法 第二十七条)
    licensing: bool = False  # a 行政许可: held only by a 行政机关 (许可法 第二十二条)
    level: str = ""  # its department's AdminLevel value; "" where the catalog gives none


def cross_level(items: Iterable[CatalogItem], held: SiteAuthority, site_level: str) -> tuple[CrossLevel, ...]:
    """The items ``held`` holds or is entrusted with whose department's level is known and is not ``site_level``,
    each once, in code order (:class:`CrossLevel`)."""
    acted = held.site_items | frozenset(held.entrusted)
    found = {
        item.code: CrossLevel(item.code, item.department, item.level)
        for item in items
        if item.code in acted and item.level and site_level and item.level != site_level
    }
    return tuple(found[code] for code in sorted(found))


class AuthorityProblem(StrEnum):
    UNKNOWN_CODE = "unknown_code"  # no item of the catalog has it
    VERTICAL_HELD = "vertical_held"  # a vertically led body's item cannot be the site's own
    VERTICAL_ENTRUSTED = "vertical_entrusted"  # nor entrusted to the site's window
    NO_AGREEMENT = "no_agreement"  # the entrustment names no 文号 or no date
    NO_ACTS = "no_acts"  # the entrustment names none of the acts it covers
    #: a 行政许可 held in the site's own name while the 司法局 has not said the site is a 行政机关 (许可法 第二十二条:
    #: a licence is granted by a 行政机关 with the power; the answer is the office setting ``administrative_organ``)
    LICENCE_ORGAN_UNANSWERED = "licence_organ_unanswered"


class AuthorityRefused(Exception):
    """A change of the authority setting refused, every problem at once: (code as typed, problem)."""

    def __init__(self, problems: tuple[tuple[str, str], ...]) -> None:
        super().__init__(problems)
        self.problems = problems


# a 文号: 机关代字〔年份〕序号号 (also with [] or 【】 around the year, as typed at a keyboard)
_DOC_NUMBER = re.compile(r"[〔\[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d+\s*号")
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}")


def names_agreement(text: str) -> bool:
    """Whether an entrustment's text names its agreement: a 文号 and a date."""
    return bool(_DOC_NUMBER.search(text)) and bool(_DATE.search(text))


def matches(typed: str, code: str) -> bool:
    """Whether ``typed`` names the item ``code``: the whole 实施编码, or its part after the area code."""
    wanted, code = typed.strip().upper(), code.upper()
    return bool(wanted) and (code == wanted or code.endswith("-" + wanted))


def match(typed: str, items: Iterable[CatalogItem]) -> tuple[CatalogItem, ...]:
    """The catalog items ``typed`` names, each once, in the catalog's order."""
    found = {item.code: item for item in items if matches(typed, item.code)}
    return tuple(found.values())


def matched(typed: str, items: Iterable[CatalogItem]) -> tuple[MatchedItem, ...]:
    return tuple(MatchedItem(typed.strip(), i.code, i.name, i.bundle, i.department) for i in match(typed, items))


def check_changes(
    hold: Iterable[str],
    entrust: Iterable[tuple[str, str]],
    items: Iterable[CatalogItem],
    *,
    organ: bool = False,
    acts: Iterable[EntrustedAct] | None = None,
) -> tuple[tuple[str, str], ...]:
    """Every problem of a change at once: codes the catalog lacks, a vertically led body's item held or entrusted,
    a licence held by a site not known to be a 行政机关 (``organ``: the 司法局 said it is), an entrustment that names
    no agreement, or none of the acts it covers (``acts``; None: not asked)."""
    items = tuple(items)
    problems: list[tuple[str, str]] = []
    for typed in hold:
        found = match(typed, items)
        if not found:
            problems.append((typed, AuthorityProblem.UNKNOWN_CODE.value))
        elif any(item.vertical for item in found):
            problems.append((typed, AuthorityProblem.VERTICAL_HELD.value))
        elif not organ and any(item.licensing for item in found):
            problems.append((typed, AuthorityProblem.LICENCE_ORGAN_UNANSWERED.value))
    for typed, text in entrust:
        found = match(typed, items)
        if not found:
            problems.append((typed, AuthorityProblem.UNKNOWN_CODE.value))
        elif any(item.vertical for item in found):
            problems.append((typed, AuthorityProblem.VERTICAL_ENTRUSTED.value))
        if not names_agreement(text):
            problems.append((typed, AuthorityProblem.NO_AGREEMENT.value))
        if acts is not None and not frozenset(acts):
            problems.append((typed, AuthorityProblem.NO_ACTS.value))
    return tuple(problems)

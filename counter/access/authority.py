"""Who may decide an item, and take its steps: one rule, asked by every door (window, command line, department desk).

The hall accepts on the departments' behalf (seed 001 第三十二条: 收件、受理、送达); each item is decided by its
实施主体, in its own name and under its own seal (第十七条(二)).  So a decision — 准予 or 不予批准 — and the steps that
lead to it (签收, 审查, 暂停, 恢复, 延期) stand to the item in one of three ways, or are refused:

* **the deciding department's own**: an account of the department the site's catalog and settings name for the item;
* **the site's own body**: the site itself holds the power for the item (a 行政审批局 under 相对集中行政许可权), named
  so in the site's authority settings; the window's staff decide it, in the site's name;
* **entrusted**: the department's written 授权 lets the window record its decision for it; the step is the
  department's, recorded "由××代为录入" with the 授权 cited.

Anything else is refused: a window clerk or supervisor may route, remind, sign for paper received and hand over,
never grant or deny a department's item; a department's staff never step another department's item.  A database
without accounts (the single desk) is a window's clerk (:data:`counter.access.roles.SINGLE_DESK_GRANTS`).  办结 decides
nothing: it records that every item was decided (:func:`counter.case.decisions.undecided_items`).  The acts that end
an item otherwise (a lapse, a void, an extension, the same-day step) ask this rule too: :mod:`counter.access.case_acts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from counter.access.roles import Permission, Role, permissions_of
from counter.case.site_authority import ALL_ACTS, EntrustedAct


class Standing(StrEnum):
    """How the acting account stands to the item's deciding body, when it may act."""

    DEPARTMENT = "department"  # the deciding department's own staff
    SITE_BODY = "site_body"  # the site holds the power: decided at the window, in the site's name
    ENTRUSTED = "entrusted"  # recorded for the department under its written 授权 (由××代为录入)


class AuthorityRefusal(StrEnum):
    """Why the account may not decide the item, or take its step; the faces word it."""

    NOT_DECIDING_BODY = "not_deciding_body"  # the window (or a site without the power) and a department's item
    OTHER_DEPARTMENT = "other_department"  # a department's staff and another department's item
    NO_ROLE = "no_role"  # neither a department's staff nor the window's (an administrator alone)
    # the window under an entrustment whose agreement does not cover the step's act: the department takes it itself
    ACT_NOT_ENTRUSTED = "act_not_entrusted"


#: The name a history line recorded for a department is kept under: stored as written (the history, the sync
#: packages), so never translated, as the papers' legal wording is not.
RECORDED_FOR = "{department}（由{clerk}代为录入）"

#: The roles that serve at the window: they decide only what the site holds or was entrusted with.
WINDOW_ROLES = frozenset({Role.CLERK, Role.SUPERVISOR})


@dataclass(frozen=True, slots=True)
class ItemAuthority:
    """Who decides one item at one site: its deciding body as the site names it, and what the site holds of it.

    ``entrustment`` is the department's 授权 as the site recorded it (document number and date), "" when none;
    ``acts`` what it covers (许可法 第二十四条: "在委托范围内").
    """

    deciding: str
    site_body: bool = False
    entrustment: str = ""
    acts: frozenset[EntrustedAct] = ALL_ACTS


@dataclass(frozen=True, slots=True)
class Ruling:
    """The rule's answer: the standing the step is taken in, or why it is refused."""

    standing: Standing | None
    refusal: AuthorityRefusal | None = None

    @property
    def allowed(self) -> bool:
        return self.standing is not None


def item_ruling(
    roles: frozenset[Role], department: str, item: ItemAuthority, act: EntrustedAct | None = None
) -> Ruling:
    """May an account of ``roles`` (in ``department``, "" for none) decide ``item`` or take its steps (of ``act``,
    where the step is one), and how.

    A department's account is judged as its department alone, whatever other role it holds: its staff decide their
    own department's items and nobody else's.  Every other account serving at the window decides only an item the
    site holds or was entrusted with; the site's own power comes first (its decision is then in its own name).  Under
    an entrustment the window takes only the acts its agreement covers: the others stay the department's.
    """
    if department:
        if Permission.ITEM_STEPS not in permissions_of(roles):
            return Ruling(None, AuthorityRefusal.NO_ROLE)
        own = department == item.deciding
        return Ruling(Standing.DEPARTMENT) if own else Ruling(None, AuthorityRefusal.OTHER_DEPARTMENT)
    if not roles & WINDOW_ROLES:
        return Ruling(None, AuthorityRefusal.NO_ROLE)
    standing = Standing.SITE_BODY if item.site_body else Standing.ENTRUSTED if item.entrustment else None
    if standing is Standing.ENTRUSTED and act is not None and act not in item.acts:
        return Ruling(None, AuthorityRefusal.ACT_NOT_ENTRUSTED)
    return Ruling(standing, None if standing else AuthorityRefusal.NOT_DECIDING_BODY)


def window_decides(items: Mapping[str, ItemAuthority]) -> frozenset[str]:
    """The codes of the items the window may decide at this site (its own power, or entrusted)."""
    return frozenset(code for code, item in items.items() if item.site_body or item.entrustment)

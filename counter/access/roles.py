"""Roles and the permissions they carry.

The roles of a hall (domain: 窗口工作人员, 负责人, 系统管理员, and the deciding departments' 部门工作人员, who
take the items routed to them over the hall's database) are kept as separate sets: an account may hold several
roles (a supervisor who also serves at a desk holds clerk and supervisor).  Actions check a permission, never a
role, so a role can change its rights in one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    DEPARTMENT = "department"  # a deciding department's staff: the items routed to it, at a desk of their own


class Permission(StrEnum):
    TAKE_INTAKE = "take_intake"  # intake, deferred materials, ordinary case steps
    PRINT = "print"  # receipts and notices, reprints
    SEND_TO_PAD = "send_to_pad"
    SEE_FULL_ID = "see_full_id"  # an ID number or phone shown whole on the case page
    DECIDE_DEFERRAL = "decide_deferral"  # extend a deferral, deny an overdue one
    VOID_CASE = "void_case"
    RECTIFY = "rectify"  # revisits, appeals, rectification steps
    SEE_FIGURES = "see_figures"  # rating figures, supervision lists, exports
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_ACCOUNTS = "manage_accounts"
    CHANGE_SETTINGS = "change_settings"
    EDIT_HOLIDAYS = "edit_holidays"
    SYNC = "sync"  # write and take in sync packages: a township clerk carries the stick, an admin at the hall
    ITEM_STEPS = "item_steps"  # a department's steps of an item routed to it: sign for, review, pause, extend, decide
    AGENT_SERVICE = "agent_service"  # 帮您办: register, serve and end investment projects (the hall's agents)


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {
            Permission.TAKE_INTAKE,
            Permission.PRINT,
            Permission.SEND_TO_PAD,
            Permission.SEE_FULL_ID,
            Permission.SYNC,
            Permission.AGENT_SERVICE,  # the 帮您办 window's agents are the hall's clerks (方案 二(三))
        }
    ),
    Role.SUPERVISOR: frozenset(
        {
            Permission.DECIDE_DEFERRAL,
            Permission.VOID_CASE,
            Permission.RECTIFY,
            Permission.SEE_FIGURES,
            Permission.SEE_FULL_ID,
        }
    ),
    # a department decides on the materials it receives: its staff see an ID number or phone masked, as the lists do
    Role.DEPARTMENT: frozenset({Permission.ITEM_STEPS}),
    Role.ADMIN: frozenset(
        {
            Permission.MANAGE_CATALOG,
            Permission.MANAGE_ACCOUNTS,
            Permission.CHANGE_SETTINGS,
            Permission.EDIT_HOLIDAYS,
            Permission.SYNC,
        }
    ),
}


def permissions_of(roles: frozenset[Role]) -> frozenset[Permission]:
    granted: frozenset[Permission] = frozenset()
    for role in roles:
        granted |= GRANTS[role]
    return granted


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: a signed-in account, or the single desk of a database without accounts.

    ``login`` is empty for the single desk: its actions are allowed only while
    the database has no accounts, which :func:`counter.actions.admin.guard.require`
    checks against the database itself.
    """

    login: str
    name: str
    roles: frozenset[Role]

    @property
    def signed_in(self) -> bool:
        return bool(self.login)

    def may(self, permission: Permission) -> bool:
        granted = permissions_of(self.roles) if self.signed_in else SINGLE_DESK_GRANTS
        return permission in granted


#: What a desk without accounts may do (a township's one desk, where nobody signs in): a clerk's work, and the set-up
#: of its own site — its catalog, its settings and office, its holiday table, its sync packages, its own figures
#: (what the hall asks it to report) and the first account that ends it being a single desk.  Never a supervisor's
#: decision (a 容缺 lapse or extension, a 补正 lapse, a void: each answers for a deadline or undoes an intake, so a
#: named person answers for it), a reviewer's (revisits, rectifications, appeals: nobody reviews their own rating)
#: nor a department's (:attr:`Permission.ITEM_STEPS`).  It serves at the window as a clerk
#: (:data:`counter.access.authority.WINDOW_ROLES`): it grants an item only where the site holds it or was entrusted.
SINGLE_DESK_GRANTS = GRANTS[Role.CLERK] | frozenset(
    {
        Permission.MANAGE_CATALOG,
        Permission.CHANGE_SETTINGS,
        Permission.EDIT_HOLIDAYS,
        Permission.MANAGE_ACCOUNTS,
        Permission.SEE_FIGURES,
    }
)

SINGLE_DESK = Actor("", "", frozenset({Role.CLERK}))

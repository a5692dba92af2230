"""Changing this computer's desk settings (``counter desk --site … --clerk …``): who may, and which names.

The settings live in files (``desk.json``), but what they say is printed on every receipt and shown on the pad: the
site and desk number make the case numbers, the clerk's name is the one the applicant reads.  So where the database
has accounts only an administrator changes them, as every other setting; a clerk who could write ``--clerk 管理员``
would print a title, or a colleague's name, in place of their own.  While the database has no accounts it belongs to
the one desk, and its user sets up the desk as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.access.roles import Permission
from counter.actions.audit import record_at_desk
from counter.actions.desk import Desk
from counter.actions.guard import require
from counter.actions.store import Unit
from counter.audit.actions import AuditAction
from counter.case.desk_names import NameProblem, clerk_name_problem, same_name, site_name_problem
from counter.db.account_store import all_accounts

__all__ = ["DeskNameProblem", "desk_name_problems", "may_change_desk", "record_desk_change"]


@dataclass(frozen=True, slots=True)
class DeskNameProblem:
    field: str  # "clerk" or "site_name", as in DeskConfig
    problem: NameProblem


def desk_name_problems(clerk: str | None, site_name: str | None) -> tuple[DeskNameProblem, ...]:
    """What is wrong with the names given (None: not being changed), by field; needs no database."""
    found = []
    if clerk is not None and (problem := clerk_name_problem(clerk)) is not None:
        found.append(DeskNameProblem("clerk", problem))
    if site_name is not None and (problem := site_name_problem(site_name)) is not None:
        found.append(DeskNameProblem("site_name", problem))
    return tuple(found)


def may_change_desk(unit: Unit, desk: Desk, clerk: str | None) -> tuple[DeskNameProblem, ...]:
    """Refuse (:class:`NotPermitted`) anyone but an administrator where accounts exist; then the clerk's name
    problems that need the database: the name (or login) of an account other than the one acting."""
    require(unit, desk.actor, Permission.CHANGE_SETTINGS)
    if clerk is None:
        return ()
    for account in all_accounts(unit):
        if account.login == desk.actor.login:
            continue
        if same_name(clerk, account.name) or same_name(clerk, account.login):
            return (DeskNameProblem("clerk", NameProblem.ANOTHER_ACCOUNT),)
    return ()


def record_desk_change(unit: Unit, desk: Desk, changes: dict[str, str]) -> None:
    """The change in the audit trail, as every change of settings is."""
    record_at_desk(unit, desk, AuditAction.SETTING_CHANGED, "desk", {"desk": changes})

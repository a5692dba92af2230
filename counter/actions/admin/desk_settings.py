"""Changing this computer's desk settings (``counter desk --site … --clerk …``, the window's F8 本窗口): who may,
and which names.

The settings live in files (``desk.json``), but what they say is printed on every receipt and shown on the pad: the
site and desk number make the case numbers, the clerk's name is the one the applicant reads.  So where the database
has accounts only an administrator changes them, as every other setting; a clerk who could write ``--clerk 管理员``
would print a title, or a colleague's name, in place of their own.  While the database has no accounts it belongs to
the one desk, and its user sets up the desk as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.audit import record_at_desk
from counter.actions.admin.guard import require
from counter.audit.actions import AuditAction
from counter.case.desk_name_checks import DeskNameProblem, desk_name_problems
from counter.case.desk_names import NameProblem
from counter.case.numbers import DESK_NO_GIVEN
from counter.db.account_store import all_accounts
from counter.host.machine.desk_config import load_desk_config, save_desk_config
from counter.parties.skeleton import same_name

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit

__all__ = [
    "CHANGEABLE",
    "change_desk",
    "may_change_desk",
    "record_desk_change",
]

#: what the window's 本窗口 changes of this computer's desk
CHANGEABLE = frozenset({"clerk", "desk_no", "photo"})


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


def change_desk(unit: Unit, desk: Desk, changes: Mapping[str, str]) -> tuple[DeskNameProblem, ...]:
    """Set this computer's clerk, desk number or photo (F8 本窗口), as ``counter desk`` does: every problem at once
    and nothing changed while there is one; else the change recorded in the trail and kept in the user's settings.

    Raises :class:`NotPermitted` for anyone but an administrator where accounts exist, and :class:`OSError` when the
    settings cannot be written; the file is written last, so a commit that fails after it is the caller's to put
    back (the window puts the settings it read back).
    """
    assert set(changes) <= CHANGEABLE, changes
    problems = list(desk_name_problems(changes.get("clerk"), None))
    if "desk_no" in changes and not DESK_NO_GIVEN.match(changes["desk_no"]):  # "08" would share desk 8's numbers
        problems.append(DeskNameProblem("desk_no", NameProblem.NOT_DESK_NO))
    if problems:
        return tuple(problems)
    refused = may_change_desk(unit, desk, changes.get("clerk"))
    if refused:
        return refused
    record_desk_change(unit, desk, dict(changes))
    save_desk_config(replace(load_desk_config(), **changes))
    return ()

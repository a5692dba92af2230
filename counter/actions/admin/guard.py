"""The role check, made where an action runs rather than only by hiding its button.

A database with no accounts belongs to one desk and nobody signs in: it may do what
:data:`counter.access.roles.SINGLE_DESK_GRANTS` lists (a clerk's work and the set-up of its own site), nothing more.
Once an account exists, an action needs a signed-in actor whose roles grant its permission, so a command line or an
old window that forgets to sign in is refused by the action itself.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter.access.not_permitted import NotPermitted
from counter.access.roles import SINGLE_DESK, SINGLE_DESK_GRANTS, Actor, Permission, Role
from counter.db import models
from counter.db.account_store import roles_of

_ACCOUNTS = "counter.accounts_exist"  # Session.info: (the transaction, whether accounts existed when it read)
#: Session.info: (the transaction, a login, its account's roles as stored and whether disabled; None: no such account)
_ACCOUNT = "counter.account"

Account = tuple[str, bool] | None  # an account as the role check reads it: its roles as stored, whether disabled


def accounts_exist(work: Session) -> bool:
    """Whether any account exists; as the transaction already found it when it did (:func:`accounts_known`)."""
    known = work.info.get(_ACCOUNTS)
    if known is not None and known[0] is work.get_transaction():
        return bool(known[1])
    return work.scalar(select(models.Account.login).limit(1)) is not None


def accounts_known(work: Session, exist: bool, login: str = "", account: Account = None) -> None:
    """The open transaction has just read whether accounts exist, and the account of ``login`` when it names one
    (with other reads, in one statement): the role check of this transaction takes these answers instead of asking
    again."""
    transaction = work.get_transaction()
    work.info[_ACCOUNTS] = (transaction, exist)
    if login:
        work.info[_ACCOUNT] = (transaction, login, account)


def _account(work: Session, login: str) -> Account:
    """The account of ``login`` as it is now: as the transaction read it (:func:`accounts_known`), or read here."""
    known = work.info.get(_ACCOUNT)
    if known is not None and known[0] is work.get_transaction() and known[1] == login:
        found: Account = known[2]
        return found
    row = work.get(models.Account, login)
    return None if row is None else (row.roles, row.disabled)


def current_roles(work: Session, actor: Actor) -> frozenset[Role]:
    """The roles ``actor`` holds now: a signed-in account's as stored (none when disabled or gone); the single
    desk's (a clerk's) while the database has no account, none once it has one."""
    if actor.signed_in:
        account = _account(work, actor.login)
        return roles_of(account[0]) if account and not account[1] else frozenset()
    return frozenset() if accounts_exist(work) else SINGLE_DESK.roles


def require(work: Session, actor: Actor, permission: Permission) -> None:
    """Raise :class:`NotPermitted` unless ``actor`` may take this action in this database.

    The check every action makes with its desk's account (``desk.actor``); not
    an action itself, so it takes the account alone.
    """
    if actor.signed_in:
        # the account as it is now: disabled or stripped of a role since signing in counts
        account = _account(work, actor.login)
        current = Actor(actor.login, actor.name, roles_of(account[0])) if account and not account[1] else None
        if current is None or not current.may(permission):
            raise NotPermitted(permission, signed_in=True)
        return
    if accounts_exist(work):
        raise NotPermitted(permission, signed_in=False)
    if permission not in SINGLE_DESK_GRANTS:
        raise NotPermitted(permission, signed_in=False, single_desk=True)

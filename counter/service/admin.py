"""Accounts and the desk's own settings: signing in and out, the administrator's account commands, the 本窗口 page.

Signing in, and asking whether the database has accounts at all, come before anyone is signed in
(:attr:`Open.BEFORE_SIGN_IN`); every other operation here names the permission the action asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.account_views import AccountInfo, NewAccount, Problem, SignInResult
from counter.access.roles import Permission
from counter.case.desk_name_checks import DeskNameProblem
from counter.catalog.draft_guide import DraftGuide
from counter.catalog.publication import DraftIntake, PublicationPreview
from counter.service.call import Call, at_desk
from counter.service.operation import Open, read, write
from counter.service.requests import BundleCode, DeskChanges, Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class AccountLogin:
    login: str


@dataclass(frozen=True)
class NewPassword:
    login: str
    password: str


@dataclass(frozen=True)
class SignIn:
    """A login and password typed at the desk; the lockout counts by the server's clock, never the desk's."""

    login: str
    password: str


@dataclass(frozen=True)
class SignedIn:
    """The attempt's answer, and the staff number (工号) the pad shows when it succeeded ("" otherwise)."""

    result: SignInResult
    staff_no: str = ""


@dataclass(frozen=True)
class SignOut:
    idle: bool = False  # the screen lock signed the account out


def accounts_exist(work: Session, call: Call, request: Nothing) -> bool:
    """Whether the database has accounts: the desk asks for a sign-in only where it has."""
    from counter.actions.admin.guard import accounts_exist as any_account

    return any_account(work)


ACCOUNTS_EXIST = read("admin.accounts_exist", Open.BEFORE_SIGN_IN, accounts_exist)


def sign_in(work: Session, call: Call, request: SignIn) -> SignedIn:
    """Sign in at the desk; a refusal is an answer, committed with its count and lock, never a fault."""
    from counter.actions.admin import accounts

    return SignedIn(*accounts.sign_in_shown(work, request.login, request.password, at_desk(call), call.now))


SIGN_IN = write("admin.sign_in", Open.BEFORE_SIGN_IN, sign_in)


def unlock(work: Session, call: Call, request: SignIn) -> SignedIn:
    """The signed-in clerk's password at the screen lock, under the same lockout as a sign-in."""
    from counter.actions.admin import accounts

    return SignedIn(*accounts.unlock(work, request.login, request.password, call.now, call.desk))


UNLOCK = write("admin.unlock", Open.BEFORE_SIGN_IN, unlock)


def sign_out(work: Session, call: Call, request: SignOut) -> None:
    """The account the desk names left it: recorded in the desk's trail."""
    from counter.actions.admin import accounts

    accounts.sign_out(work, at_desk(call), idle=request.idle)


SIGN_OUT = write("admin.sign_out", Open.ANY_DESK, sign_out)


def add_account(work: Session, call: Call, request: NewAccount) -> tuple[Problem, ...]:
    """Add an account; every problem at once, and nothing added unless there is none."""
    from counter.actions.admin import accounts

    return accounts.add_account(work, at_desk(call), request, call.now)


ADD_ACCOUNT = write("admin.add_account", Permission.MANAGE_ACCOUNTS, add_account)


def list_accounts(work: Session, call: Call, request: Nothing) -> tuple[AccountInfo, ...]:
    """Every account, by login, never a password hash; a lock over by the call's moment, the clock the sign-in
    counts by, shows as none."""
    from counter.actions.admin import accounts

    return tuple(accounts.list_accounts(work, at_desk(call), call.now))


LIST_ACCOUNTS = read("admin.list_accounts", Permission.MANAGE_ACCOUNTS, list_accounts)


def disable_account(work: Session, call: Call, request: AccountLogin) -> tuple[Problem, ...]:
    """Disable an account, kept for the trail; never the last enabled administrator."""
    from counter.actions.admin import accounts

    return accounts.disable_account(work, at_desk(call), request.login, call.now)


DISABLE_ACCOUNT = write("admin.disable_account", Permission.MANAGE_ACCOUNTS, disable_account)


def set_password(work: Session, call: Call, request: NewPassword) -> tuple[Problem, ...]:
    """A new password, its lock lifted: an administrator's for anyone, an account's own for itself."""
    from counter.actions.admin import accounts

    return accounts.set_password(work, at_desk(call), request.login, request.password, call.now)


SET_PASSWORD = write("admin.set_password", Open.IN_ACTION, set_password)


def change_desk(work: Session, call: Call, request: DeskChanges) -> tuple[DeskNameProblem, ...]:
    """This computer's clerk, desk number or photo, as ``counter desk`` sets them: every problem at once, else the
    change recorded in the trail and kept in the desk's settings."""
    from counter.actions.admin.desk_settings import change_desk as change_this_desk

    return change_this_desk(work, at_desk(call), request.changes)


CHANGE_DESK = write("admin.change_desk", Permission.CHANGE_SETTINGS, change_desk)


# --- the 待核指南 page: publishing is catalog.publish_guide, the setting catalog.allow_draft_intake ------------


@dataclass(frozen=True)
class GuideDrafts:
    """Whether real work takes intakes on 待核 guides here, and the guides this site has not confirmed yet."""

    intake: DraftIntake
    drafts: tuple[DraftGuide, ...]


def guide_drafts(work: Session, call: Call, request: Nothing) -> GuideDrafts:
    """The 待核 and 样例 guides in the league's order, and whether intakes are taken on them here."""
    from counter.actions.catalog import guide_status

    intake, drafts = guide_status.drafts(work)
    return GuideDrafts(intake, tuple(drafts))


GUIDE_DRAFTS = read("admin.guide_drafts", Open.ANY_DESK, guide_drafts)


def publication_preview(work: Session, call: Call, request: BundleCode) -> PublicationPreview:
    """What publishing a bundle's 待核 guide would change, asked before it is published."""
    from counter.actions.catalog import guide_status

    return guide_status.publication_preview(work, request.bundle_code)


PUBLICATION_PREVIEW = read(
    "admin.publication_preview", Open.ANY_DESK, publication_preview, faults=("counter.catalog.publication:NotADraft",)
)

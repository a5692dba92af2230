"""Accounts and the desk's own settings in process (:mod:`counter.service.admin`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.access.account_views import AccountInfo, NewAccount, Problem, SignInResult
from counter.actions.admin import accounts
from counter.actions.admin.desk_settings import change_desk as change_this_desk
from counter.actions.admin.guard import accounts_exist as any_account
from counter.actions.catalog import guide_status
from counter.case.desk_name_checks import DeskNameProblem
from counter.catalog.publication import PublicationPreview
from counter.service.admin import (
    AccountLogin,
    AccountsAsked,
    DeskChanges,
    GuideDrafts,
    NewPassword,
    PreviewAsked,
    SignedIn,
    SignIn,
    SignOut,
)
from counter.service.call import Call
from counter.service.runs import at_desk


def accounts_exist(work: Session, call: Call, request: AccountsAsked) -> bool:
    return any_account(work)


def sign_in(work: Session, call: Call, request: SignIn) -> SignedIn:
    result = accounts.sign_in(work, request.login, request.password, at_desk(call), call.now)
    return _signed_in(work, result)


def unlock(work: Session, call: Call, request: SignIn) -> SignedIn:
    result = accounts.check_password(work, request.login, request.password, call.now, call.desk)
    return _signed_in(work, result)


def _signed_in(work: Session, result: SignInResult) -> SignedIn:
    if result.actor is None:
        return SignedIn(result)
    return SignedIn(result, accounts.staff_no(work, result.actor.login))


def sign_out(work: Session, call: Call, request: SignOut) -> None:
    accounts.sign_out(work, at_desk(call), idle=request.idle)


def add_account(work: Session, call: Call, request: NewAccount) -> tuple[Problem, ...]:
    return accounts.add_account(work, at_desk(call), request)


def list_accounts(work: Session, call: Call, request: AccountsAsked) -> tuple[AccountInfo, ...]:
    return tuple(accounts.list_accounts(work, at_desk(call)))


def disable_account(work: Session, call: Call, request: AccountLogin) -> tuple[Problem, ...]:
    return accounts.disable_account(work, at_desk(call), request.login)


def set_password(work: Session, call: Call, request: NewPassword) -> tuple[Problem, ...]:
    return accounts.set_password(work, at_desk(call), request.login, request.password)


def change_desk(work: Session, call: Call, request: DeskChanges) -> tuple[DeskNameProblem, ...]:
    return change_this_desk(work, at_desk(call), request.changes)


def guide_drafts(work: Session, call: Call, request: AccountsAsked) -> GuideDrafts:
    return GuideDrafts(guide_status.draft_intake(work), tuple(guide_status.draft_guides(work)))


def publication_preview(work: Session, call: Call, request: PreviewAsked) -> PublicationPreview:
    return guide_status.publication_preview(work, request.bundle_code)

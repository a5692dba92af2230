"""Accounts and the desk's own settings in process (:mod:`counter.service.admin`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.access.account_views import AccountInfo, NewAccount, Problem, SignInResult
from counter.access.desk import Desk
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
from counter.service.runs import at_desk


def accounts_exist(work: Session, desk: Desk | None, request: AccountsAsked) -> bool:
    return any_account(work)


def sign_in(work: Session, desk: Desk | None, request: SignIn) -> SignedIn:
    result = accounts.sign_in(work, request.login, request.password, at_desk(desk), request.now)
    return _signed_in(work, result)


def unlock(work: Session, desk: Desk | None, request: SignIn) -> SignedIn:
    result = accounts.check_password(work, request.login, request.password, request.now, desk)
    return _signed_in(work, result)


def _signed_in(work: Session, result: SignInResult) -> SignedIn:
    if result.actor is None:
        return SignedIn(result)
    return SignedIn(result, accounts.staff_no(work, result.actor.login))


def sign_out(work: Session, desk: Desk | None, request: SignOut) -> None:
    accounts.sign_out(work, at_desk(desk), idle=request.idle)


def add_account(work: Session, desk: Desk | None, request: NewAccount) -> tuple[Problem, ...]:
    return accounts.add_account(work, at_desk(desk), request)


def list_accounts(work: Session, desk: Desk | None, request: AccountsAsked) -> tuple[AccountInfo, ...]:
    return tuple(accounts.list_accounts(work, at_desk(desk)))


def disable_account(work: Session, desk: Desk | None, request: AccountLogin) -> tuple[Problem, ...]:
    return accounts.disable_account(work, at_desk(desk), request.login)


def set_password(work: Session, desk: Desk | None, request: NewPassword) -> tuple[Problem, ...]:
    return accounts.set_password(work, at_desk(desk), request.login, request.password)


def change_desk(work: Session, desk: Desk | None, request: DeskChanges) -> tuple[DeskNameProblem, ...]:
    return change_this_desk(work, at_desk(desk), request.changes)


def guide_drafts(work: Session, desk: Desk | None, request: AccountsAsked) -> GuideDrafts:
    return GuideDrafts(guide_status.draft_intake(work), tuple(guide_status.draft_guides(work)))


def publication_preview(work: Session, desk: Desk | None, request: PreviewAsked) -> PublicationPreview:
    return guide_status.publication_preview(work, request.bundle_code)

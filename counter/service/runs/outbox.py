"""The outboxes' operations in process (:mod:`counter.service.outbox`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from counter.actions.outbox import messages, platform
from counter.db.engine import Sessions
from counter.outbox.rules import SendRound
from counter.outbox.secret_shown import shown
from counter.platform.outbox import EventRow
from counter.platform.settings import PlatformSettings
from counter.service.call import Call
from counter.service.outbox import (
    ChangeGateway,
    ChangePlatform,
    ListOutbox,
    QueueReminders,
    RetryRow,
    SendPass,
    SettingsAsked,
)
from counter.sms.gateway import GatewaySettings
from counter.sms.outbox import MessageRow

T = TypeVar("T")


class _Transactions:
    """The sender's units of work (:class:`counter.actions.outbox.frame.Writer`): each one transaction of ``work``,
    committed when it returns, so that a row is claimed before it leaves and marked once it has."""

    def __init__(self, work: Sessions) -> None:
        self._work = work

    def write(self, action: Callable[[Session], T]) -> T:
        with self._work.begin() as session:
            return action(session)


def send_messages(work: Sessions, call: Call, request: SendPass) -> SendRound:
    return messages.send_due(_Transactions(work), batch=request.batch or messages.BATCH)


def queue_reminders(work: Session, call: Call, request: QueueReminders) -> int:
    return messages.queue_reminders(work, call.today)


def list_messages(work: Session, call: Call, request: ListOutbox) -> tuple[MessageRow, ...]:
    return tuple(messages.message_list(work, call.desk, failed_only=request.failed_only, limit=request.limit))


def retry_message(work: Session, call: Call, request: RetryRow) -> bool:
    return messages.retry_message(work, call.desk, request.row_id)


def read_gateway(work: Session, call: Call, request: SettingsAsked) -> GatewaySettings:
    return shown(messages.gateway_settings(work))


def change_gateway(work: Session, call: Call, request: ChangeGateway) -> GatewaySettings:
    """The changes applied to the settings as stored, the secret kept where none is given."""
    if request.off:
        settings = GatewaySettings()
    else:
        stored = messages.gateway_settings(work)
        settings = dataclasses.replace(
            stored, **_given(request, "endpoint", "account", "secret", "sign", "timeout", "attempts"),
            templates=stored.templates | request.templates,
        )  # fmt: skip
    messages.save_gateway(work, settings, desk=call.desk)
    return shown(settings)


def send_reports(work: Sessions, call: Call, request: SendPass) -> SendRound:
    return platform.send_due(_Transactions(work), batch=request.batch or platform.BATCH)


def list_reports(work: Session, call: Call, request: ListOutbox) -> tuple[EventRow, ...]:
    return tuple(platform.event_list(work, call.desk, failed_only=request.failed_only, limit=request.limit))


def retry_report(work: Session, call: Call, request: RetryRow) -> bool:
    return platform.retry_event(work, call.desk, request.row_id)


def read_platform(work: Session, call: Call, request: SettingsAsked) -> PlatformSettings:
    return shown(platform.platform_settings(work))


def change_platform(work: Session, call: Call, request: ChangePlatform) -> PlatformSettings:
    """The changes applied to the settings as stored, the secret kept where none is given."""
    names = ("enabled", "endpoint", "account", "secret", "timeout", "attempts", "mapping", "ca_file")
    settings = dataclasses.replace(platform.platform_settings(work), **_given(request, *names))
    if request.codings is not None:
        codings = {k: v for k, v in (settings.codings | request.codings).items() if v}
        settings = dataclasses.replace(settings, codings=codings)
    if request.org_codes is not None:
        org_codes = {k: v for k, v in (settings.org_codes | request.org_codes).items() if v}
        settings = dataclasses.replace(settings, org_codes=org_codes)
    platform.save_platform(work, settings, desk=call.desk)
    return shown(settings)


def _given(request: object, *names: str) -> dict[str, Any]:
    """The fields of ``request`` that were given (not None), by name."""
    found = {name: getattr(request, name) for name in names}
    return {name: value for name, value in found.items() if value is not None}

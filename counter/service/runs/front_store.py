"""The front store's operations in process (:mod:`counter.service.front_store`)."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from counter.actions.outbox import front_store
from counter.db.engine import Sessions
from counter.outbox.rules import SendRound
from counter.outbox.secret_shown import shown
from counter.platform.front_store import FrontStoreSettings
from counter.platform.outbox import EventRow
from counter.service.call import Call
from counter.service.front_store import ChangeFrontStore
from counter.service.outbox import ListOutbox, RetryRow, SendPass, SettingsAsked
from counter.service.runs.outbox import _Transactions

_NAMES = ("enabled", "url", "secret", "data_source", "tenant_id", "org_id", "user_id", "area_code",
          "timeout", "attempts")  # fmt: skip


def send_front_store(work: Sessions, call: Call, request: SendPass) -> SendRound:
    return front_store.send_due(_Transactions(work), batch=request.batch or front_store.BATCH)


def list_front_store(work: Session, call: Call, request: ListOutbox) -> tuple[EventRow, ...]:
    return tuple(front_store.mark_list(work, call.desk, failed_only=request.failed_only, limit=request.limit))


def retry_front_store(work: Session, call: Call, request: RetryRow) -> bool:
    return front_store.retry_event(work, call.desk, request.row_id)


def read_front_store(work: Session, call: Call, request: SettingsAsked) -> FrontStoreSettings:
    return shown(front_store.front_store_settings(work))


def change_front_store(work: Session, call: Call, request: ChangeFrontStore) -> FrontStoreSettings:
    """The changes applied to the settings as stored, the password kept where none is given."""
    stored = front_store.front_store_settings(work)
    given = {name: getattr(request, name) for name in _NAMES if getattr(request, name) is not None}
    settings = dataclasses.replace(stored, **given)
    front_store.save_front_store(work, settings, desk=call.desk)
    return shown(settings)

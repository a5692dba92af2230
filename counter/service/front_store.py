"""The hall's 前置库: the platform's events written as rows of the national front-store tables, and its settings.

The sender runs where the hall's secrets are (the hall server's own work, or ``counter front-store send`` on the
machine that holds the password), a pass at a time, as the platform's HTTPS sender does.  The settings are the
hall's, changed by an account that may change settings: the URL (without its password), the codes the platform
assigned this system; the password goes to the key folder of the machine that runs the operation, and a read shows
only whether one is set (:data:`counter.outbox.secret_shown.SECRET_SHOWN`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.outbox.rules import SendRound
from counter.platform.front_store import FrontStoreSettings
from counter.platform.outbox import EventRow
from counter.service.call import Call
from counter.service.operation import Open, read, write
from counter.service.outbox import ListOutbox, RetryRow, SendPass
from counter.service.requests import Nothing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.db.engine import Sessions


@dataclass(frozen=True)
class ChangeFrontStore:
    """What changes in the hall's front store (None: kept as it is), applied to the settings as stored in the same
    transaction; ``secret``: the new password."""

    enabled: bool | None = None
    url: str | None = None
    secret: str | None = None
    data_source: str | None = None
    tenant_id: int | None = None
    org_id: int | None = None
    user_id: int | None = None
    area_code: str | None = None
    timeout: float | None = None
    attempts: int | None = None


def send_front_store(work: Sessions, call: Call, request: SendPass) -> SendRound:
    """One pass of the front store's sender: every case event due written as rows of the national tables, one
    transaction each, in the order queued; an event found written is not written again; what came of them."""
    from counter.actions.outbox import front_store
    from counter.actions.outbox.frame import Transactions

    return front_store.send_due(Transactions(work), batch=request.batch or front_store.BATCH)


# the sender's own act, asked of no account
SEND_FRONT_STORE = write("front_store.send", Open.ANY_DESK, send_front_store, whole=True)


def list_front_store(work: Session, call: Call, request: ListOutbox) -> tuple[EventRow, ...]:
    """The events as the front store's sender marked them, newest first (the failed ones only: what waits for a
    supervisor), each with the batch its rows went in."""
    from counter.actions.outbox import front_store

    return tuple(front_store.mark_list(work, call.desk, failed_only=request.failed_only, limit=request.limit))


LIST_FRONT_STORE = read("front_store.list", Permission.SEE_FIGURES, list_front_store)


def retry_front_store(work: Session, call: Call, request: RetryRow) -> bool:
    """A failed event back in the front store's queue, its attempts counted afresh; False when none failed so."""
    from counter.actions.outbox import front_store

    return front_store.retry_event(work, call.desk, request.row_id)


RETRY_FRONT_STORE = write("front_store.retry", Permission.SEE_FIGURES, retry_front_store)


def read_front_store(work: Session, call: Call, request: Nothing) -> FrontStoreSettings:
    """The hall's front store as stored, the password shown as set or not."""
    from counter.actions.outbox import front_store
    from counter.outbox.secret_shown import shown

    return shown(front_store.front_store_settings(work))


READ_FRONT_STORE = read("front_store.read_settings", Permission.CHANGE_SETTINGS, read_front_store)


def change_front_store(work: Session, call: Call, request: ChangeFrontStore) -> FrontStoreSettings:
    """Change the hall's front store, refused whole with any problem; the password to this machine's key folder, the
    change audited; the settings as they now stand, the password shown as set or not."""
    from counter.actions.outbox import front_store

    return front_store.change_front_store(work, call.desk, **dataclasses.asdict(request))


CHANGE_FRONT_STORE = write(
    "front_store.change_settings",
    Permission.CHANGE_SETTINGS,
    change_front_store,
    faults=("counter.platform.front_store:FrontStoreRefused",),
)

"""The hall's 前置库: the platform's events written as rows of the national front-store tables, and its settings.

The sender runs where the hall's secrets are (the hall server's own work, or ``counter front-store send`` on the
machine that holds the password), a pass at a time, as the platform's HTTPS sender does.  The settings are the
hall's, changed by an account that may change settings: the URL (without its password), the codes the platform
assigned this system; the password goes to the key folder of the machine that runs the operation, and a read shows
only whether one is set (:data:`counter.outbox.secret_shown.SECRET_SHOWN`).
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.access.roles import Permission
from counter.outbox.rules import SendRound
from counter.platform.front_store import FrontStoreSettings
from counter.platform.outbox import EventRow
from counter.service.operation import Open, read, write
from counter.service.outbox import ListOutbox, RetryRow, SendPass, SettingsAsked

_RUNS = "counter.service.runs.front_store"


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


SEND_FRONT_STORE = write(
    "front_store.send",
    SendPass,
    SendRound,
    Open.ANY_DESK,  # the sender's own act, asked of no account
    f"{_RUNS}:send_front_store",
    whole=True,
    doc="One pass of the front store's sender: every case event due written as rows of the national tables, one "
    "transaction each, in the order queued; an event found written is not written again; what came of them.",
)
LIST_FRONT_STORE = read(
    "front_store.list",
    ListOutbox,
    tuple[EventRow, ...],
    Permission.SEE_FIGURES,
    f"{_RUNS}:list_front_store",
    doc="The events as the front store's sender marked them, newest first (the failed ones only: what waits for a "
    "supervisor), each with the batch its rows went in.",
)
RETRY_FRONT_STORE = write(
    "front_store.retry",
    RetryRow,
    bool,
    Permission.SEE_FIGURES,
    f"{_RUNS}:retry_front_store",
    doc="A failed event back in the front store's queue, its attempts counted afresh; False when none failed so.",
)
READ_FRONT_STORE = read(
    "front_store.read_settings",
    SettingsAsked,
    FrontStoreSettings,
    Permission.CHANGE_SETTINGS,
    f"{_RUNS}:read_front_store",
    doc="The hall's front store as stored, the password shown as set or not.",
)
CHANGE_FRONT_STORE = write(
    "front_store.change_settings",
    ChangeFrontStore,
    FrontStoreSettings,
    Permission.CHANGE_SETTINGS,
    f"{_RUNS}:change_front_store",
    faults=("counter.platform.front_store:FrontStoreRefused",),
    doc="Change the hall's front store, refused whole with any problem; the password to this machine's key folder, "
    "the change audited; the settings as they now stand, the password shown as set or not.",
)

"""The outward channels' outboxes: the applicants' SMS and the reports to the region's platform.

Each channel is sent by passes (one pass: everything due, a batch at a time, until none is left), run by the
sender's command once or as a service, which waits between passes and stops between them; each pass is one
operation of many units of work (claim, send, mark).  A supervisor reads what failed for good and puts it back in
the queue; the channels' settings are shown and changed, the secret kept on the machine that sends: the settings a
face reads carry its mark (:data:`counter.outbox.secret_shown.SECRET_SHOWN`), never its value.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.outbox.rules import SendRound
from counter.platform.outbox import EventRow
from counter.platform.settings import PlatformSettings
from counter.service.call import Call
from counter.service.operation import Open, read, write
from counter.service.requests import Nothing
from counter.sms.gateway import GatewaySettings
from counter.sms.outbox import MessageRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from counter.db.engine import Sessions


@dataclass(frozen=True)
class SendPass:
    """One pass of a channel's sender; ``batch``: rows claimed at once (0: the channel's own number)."""

    batch: int = 0


@dataclass(frozen=True)
class ListOutbox:
    """A channel's rows, newest first; ``failed_only``: what waits for a supervisor."""

    failed_only: bool = False
    limit: int = 500


@dataclass(frozen=True)
class RetryRow:
    row_id: int


@dataclass(frozen=True)
class ChangeGateway:
    """What changes in the hall's gateway (None: kept as it is), applied to the settings as stored in the same
    transaction; ``off``: no gateway at all.  ``templates`` are added to those kept; ``secret`` is the new one."""

    off: bool = False
    endpoint: str | None = None
    account: str | None = None
    secret: str | None = None
    sign: str | None = None
    timeout: float | None = None
    attempts: int | None = None
    templates: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ChangePlatform:
    """What changes in the site's connection to the platform (None: kept as it is), applied to the settings as
    stored in the same transaction; ``secret`` is the new one."""

    enabled: bool | None = None
    endpoint: str | None = None
    account: str | None = None
    secret: str | None = None
    timeout: float | None = None
    attempts: int | None = None
    mapping: str | None = None
    ca_file: str | None = None
    codings: dict[str, str] | None = None  # code list → preset, added to those chosen ("" takes a choice back)
    org_codes: dict[str, str] | None = None  # full name → 统一社会信用代码, added to those set ("" takes one back)
    download_base: str | None = None  # the download page's address through the platform's gateway
    gateway_secret: str | None = None  # the secret shared with that gateway ("": none), kept in the key folder


# --- the applicants' SMS -----------------------------------------------------------------------------------


def send_messages(work: Sessions, call: Call, request: SendPass) -> SendRound:
    """One pass of the SMS sender: every message due sent through the hall's gateway, a batch at a time, each claimed,
    sent and marked once; what came of them."""
    from counter.actions.outbox import messages
    from counter.actions.outbox.frame import Transactions

    return messages.send_due(Transactions(work), batch=request.batch or messages.BATCH)


# the sender's own act, asked of no account
SEND_MESSAGES = write("outbox.send_messages", Open.ANY_DESK, send_messages, whole=True)


def queue_reminders(work: Session, call: Call, request: Nothing) -> int:
    """Queue the reminder of each deferral due within two working days of the call's day, once per case and due date,
    at the call's moment; how many."""
    from counter.actions.outbox import messages

    return messages.queue_reminders(work, call.today, call.now)


# the sender's own act, once a day, asked of no account
QUEUE_REMINDERS = write("outbox.queue_reminders", Open.ANY_DESK, queue_reminders)


def list_messages(work: Session, call: Call, request: ListOutbox) -> tuple[MessageRow, ...]:
    """The messages to applicants, newest first (the failed ones only: what waits for a supervisor), phones masked."""
    from counter.actions.outbox import messages

    return tuple(messages.message_list(work, call.desk, failed_only=request.failed_only, limit=request.limit))


LIST_MESSAGES = read("outbox.list_messages", Permission.SEE_FIGURES, list_messages)


def retry_message(work: Session, call: Call, request: RetryRow) -> bool:
    """A failed message back in the queue, its attempts counted afresh; False when no failed message has the id."""
    from counter.actions.outbox import messages

    return messages.retry_message(work, call.desk, request.row_id)


RETRY_MESSAGE = write("outbox.retry_message", Permission.SEE_FIGURES, retry_message)


def read_gateway(work: Session, call: Call, request: Nothing) -> GatewaySettings:
    """The hall's SMS gateway as stored, the secret shown as set or not."""
    from counter.actions.outbox import messages
    from counter.outbox.secret_shown import shown

    return shown(messages.gateway_settings(work))


READ_GATEWAY = read("outbox.read_gateway", Open.ANY_DESK, read_gateway)


def change_gateway(work: Session, call: Call, request: ChangeGateway) -> GatewaySettings:
    """Change the hall's SMS gateway, refused whole with any problem; the secret to this machine's key folder, the
    change audited; the settings as they now stand, the secret shown as set or not."""
    from counter.actions.outbox import messages

    return messages.change_gateway(work, call.desk, **dataclasses.asdict(request))


CHANGE_GATEWAY = write(
    "outbox.change_gateway",
    Permission.CHANGE_SETTINGS,
    change_gateway,
    faults=("counter.sms.gateway_refused:GatewayRefused",),
)

# --- the reports to the region's platform ------------------------------------------------------------------


def send_reports(work: Sessions, call: Call, request: SendPass) -> SendRound:
    """One pass of the platform's sender: every event due reported in the order queued, a batch at a time, each claimed,
    sent and marked once; what came of them."""
    from counter.actions.outbox import platform
    from counter.actions.outbox.frame import Transactions

    return platform.send_due(Transactions(work), batch=request.batch or platform.BATCH)


# the sender's own act, asked of no account
SEND_REPORTS = write("outbox.send_reports", Open.ANY_DESK, send_reports, whole=True)


def list_reports(work: Session, call: Call, request: ListOutbox) -> tuple[EventRow, ...]:
    """The events reported to the platform, newest first (the failed ones only: what waits for a supervisor)."""
    from counter.actions.outbox import platform

    return tuple(platform.event_list(work, call.desk, failed_only=request.failed_only, limit=request.limit))


LIST_REPORTS = read("outbox.list_reports", Permission.SEE_FIGURES, list_reports)


def retry_report(work: Session, call: Call, request: RetryRow) -> bool:
    """A failed event back in the queue, its attempts counted afresh; False when no failed event has the id."""
    from counter.actions.outbox import platform

    return platform.retry_event(work, call.desk, request.row_id)


RETRY_REPORT = write("outbox.retry_report", Permission.SEE_FIGURES, retry_report)


def read_platform(work: Session, call: Call, request: Nothing) -> PlatformSettings:
    """The site's connection to the platform as stored, the secret shown as set or not."""
    from counter.actions.outbox import platform
    from counter.outbox.secret_shown import shown

    return shown(platform.platform_settings(work))


READ_PLATFORM = read("outbox.read_platform", Open.ANY_DESK, read_platform)


def change_platform(work: Session, call: Call, request: ChangePlatform) -> PlatformSettings:
    """Change the site's connection to the platform, refused whole with any problem (its mapping file too); the secret
    to this machine's key folder, the change audited; the settings as they now stand, the secret shown as set or not."""
    from counter.actions.outbox import platform

    return platform.change_platform(work, call.desk, **dataclasses.asdict(request))


CHANGE_PLATFORM = write(
    "outbox.change_platform",
    Permission.CHANGE_SETTINGS,
    change_platform,
    faults=("counter.platform.settings_refused:PlatformRefused",),
)

"""叫号: the desk asks the hall's queue system for the next number.

The hall's queue systems (排队叫号系统) have no common, published interface.  The desk's side is one HTTP POST of
JSON ``{"site": …, "desk": …}`` to the system's address, and its answer is read as a data file describes it
(``counter/resources/devices/queue_http.toml``, or another named by the desk setting ``queue_format``): the path,
the field that says whether a number was called or nobody waits, and where the ticket's number and its two times
(taken, called; ISO 8601) stand.  An integrator adapts that file to the hall's system, not the code.

The desk settings: ``queue_at``, the system's root (``http://10.1.2.3:8080``; "" no queue system).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from counter.case.queue_ticket import QueueTicket, waited_seconds
from counter.host.devices.device_http import DeviceHttpError, HttpFault, at, json_answer
from counter.host.machine.desk_config import load_desk_config
from counter.resources import devices_dir

__all__ = ["QueueCaller", "QueueError", "QueueFault", "desk_queue", "queue_format"]

log = logging.getLogger(__name__)

QUEUE_FORMAT = "queue_http.toml"
TIMEOUT = 3.0


class QueueFault(StrEnum):
    NOT_SET_UP = "not_set_up"  # this desk names no queue system
    UNREACHABLE = "unreachable"
    NO_ANSWER = "no_answer"
    NOBODY_WAITING = "nobody_waiting"
    BAD_ANSWER = "bad_answer"  # an answer the format file does not describe


class QueueError(Exception):
    def __init__(self, fault: QueueFault, detail: str = "") -> None:
        super().__init__(f"{fault.value}: {detail}" if detail else fault.value)
        self.fault = fault


@dataclass(frozen=True, slots=True)
class QueueFormat:
    path: str
    status_field: str
    called_values: tuple[str, ...]
    empty_values: tuple[str, ...]
    fields: Mapping[str, str]  # ticket, taken_at, called_at → where each stands in the answer ("a.b")


def queue_format(path: Path | None = None) -> QueueFormat:
    source = path or devices_dir() / QUEUE_FORMAT
    import tomllib  # here: the intake's window loads this module at every start, the format only when asked

    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
        return QueueFormat(
            path=str(raw["request"]["path"]),
            status_field=str(raw["answer"]["status"]),
            called_values=tuple(str(v) for v in raw["answer"]["called"]),
            empty_values=tuple(str(v) for v in raw["answer"]["nobody_waiting"]),
            fields={str(k): str(v) for k, v in raw["fields"].items()},
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as err:
        raise ValueError(f"{source}: {err}") from err


_QUEUE_FAULT = {HttpFault.NO_ANSWER: QueueFault.NO_ANSWER, HttpFault.UNREACHABLE: QueueFault.UNREACHABLE,
                HttpFault.NOT_JSON: QueueFault.BAD_ANSWER, HttpFault.TOO_LARGE: QueueFault.BAD_ANSWER}  # fmt: skip


def _time(value: object) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class QueueCaller:
    address: str
    format: QueueFormat
    timeout: float = TIMEOUT

    def call_next(self, site: str, desk: str) -> QueueTicket:
        """The next number, called to this desk; :class:`QueueError` when none is."""
        url = self.address.rstrip("/") + self.format.path
        if not url.startswith(("http://", "https://")):
            raise QueueError(QueueFault.UNREACHABLE, "not an http address")
        body = json.dumps({"site": site, "desk": desk}).encode("utf-8")
        try:
            answer = json_answer(url, self.timeout, body, {"Content-Type": "application/json"})
        except DeviceHttpError as err:
            raise QueueError(_QUEUE_FAULT[err.fault], err.detail) from err
        return self._ticket(answer)

    def _ticket(self, answer: object) -> QueueTicket:
        status = str(at(answer, self.format.status_field))
        if status in self.format.empty_values:
            raise QueueError(QueueFault.NOBODY_WAITING)
        if status not in self.format.called_values:
            raise QueueError(QueueFault.BAD_ANSWER, f"status {status}")
        fields = self.format.fields
        number = str(at(answer, fields.get("ticket", "ticket")) or "")
        taken = _time(at(answer, fields.get("taken_at", "taken_at")))
        called = _time(at(answer, fields.get("called_at", "called_at")))
        try:
            return QueueTicket(number, waited_seconds(taken, called))
        except ValueError as err:
            raise QueueError(QueueFault.BAD_ANSWER, str(err)) from err


def desk_queue() -> QueueCaller | None:
    """This desk's queue system as its settings name it now; None when it has none or its format is unusable."""
    config = load_desk_config()
    if not config.queue_at:
        return None
    try:
        return QueueCaller(config.queue_at, queue_format(Path(config.queue_format) if config.queue_format else None))
    except ValueError as err:
        log.warning("queue_format unusable: %s", err)
        return None

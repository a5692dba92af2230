"""The window's 二代证 reader: its serial protocol through ``pyserial``, or a vendor's local HTTP service.

Which one a desk has is a desk setting (``id_reader``: ``serial`` or ``http``; ``id_reader_at``: the port, such as
``/dev/ttyUSB0`` or ``COM3``, or the service's address).  Each adapter has one call, :meth:`read_card`, that takes
a few seconds at most and either gives the card or raises :class:`CardError` with the reason; the window runs it off
its own thread.

The serial adapter speaks the SAM's frames (:mod:`counter.parties.id_card`): find the card, select it, read its
base information.  A reader that says nothing is ``NO_ANSWER`` after the timeout; an answer cut short or with a
wrong checksum is ``TORN``; a card found that then cannot be selected or read was taken off the reader
(``REMOVED``).  Nothing is retried here: the clerk puts the card back and presses the key again.

The vendors' HTTP services have no common, published format.  The adapter asks the service with one GET and reads
its JSON answer as a data file describes it (``counter/resources/devices/id_reader_http.toml``, or another file named
by ``id_reader_format``): the path to ask, the field that says whether a card was read, and where each of the card's
fields stands in the answer.  An integrator adapts that file to the vendor's service, not the code.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import serial

from counter.host.devices.device_http import DeviceHttpError, HttpFault, at, json_answer
from counter.host.machine.desk_config import load_desk_config
from counter.parties.id_card import (
    FIND_CARD,
    READ_BASE,
    SELECT_CARD,
    SW_CARD_FOUND,
    SW_DONE,
    Answer,
    CardError,
    CardFault,
    IdCard,
    card_from_base_info,
    card_from_fields,
    command_frame,
    parse_answer,
)
from counter.resources import devices_dir

__all__ = ["HttpReader", "IdReader", "SerialReader", "desk_reader", "http_format", "reader_for"]

log = logging.getLogger(__name__)

SERIAL, HTTP = "serial", "http"  # the values of the desk setting ``id_reader``; "" no reader
HTTP_FORMAT = "id_reader_http.toml"
TIMEOUT = 3.0  # seconds a reader may stay silent: reading a card takes about one


class IdReader(Protocol):
    def read_card(self) -> IdCard: ...


@dataclass(frozen=True, slots=True)
class SerialReader:
    port: str
    timeout: float = TIMEOUT
    baud: int = 115200  # the readers' factory setting

    def read_card(self) -> IdCard:
        try:
            link = serial.serial_for_url(self.port, self.baud, timeout=self.timeout, write_timeout=self.timeout)
        except (serial.SerialException, ValueError, OSError) as err:
            raise CardError(CardFault.UNREACHABLE, str(err)) from err
        with link:
            link.reset_input_buffer()  # what an earlier, abandoned read left on the line is not this card's
            found = _ask(link, FIND_CARD)
            if found.sw[2] != SW_CARD_FOUND:
                raise CardError(CardFault.NO_CARD, f"find card: {bytes(found.sw).hex()}")
            for command in (SELECT_CARD, READ_BASE):
                answer = _ask(link, command)
                if answer.sw[2] != SW_DONE:
                    raise CardError(CardFault.REMOVED, f"{bytes(command).hex()}: {bytes(answer.sw).hex()}")
            return card_from_base_info(answer.data)


def _ask(link: serial.SerialBase, command: tuple[int, int]) -> Answer:
    try:
        link.write(command_frame(command))
        head = link.read(7)
        if not head:
            raise CardError(CardFault.NO_ANSWER, f"{bytes(command).hex()}: nothing")
        if len(head) < 7:
            raise CardError(CardFault.TORN, f"{bytes(command).hex()}: {len(head)} bytes of the head")
        length = int.from_bytes(head[5:7], "big")
        rest = link.read(length)
    except serial.SerialException as err:  # the reader unplugged while asked
        raise CardError(CardFault.UNREACHABLE, str(err)) from err
    return parse_answer(head + rest)


@dataclass(frozen=True, slots=True)
class HttpFormat:
    """How one vendor's service is asked and answers (the data file's ``[request]``, ``[answer]``, ``[fields]``)."""

    path: str
    status_field: str
    read_values: tuple[str, ...]  # the status that says a card was read
    no_card_values: tuple[str, ...]  # the status that says no card lies on the reader
    fields: Mapping[str, str]  # the card's field → where it stands in the answer ("a.b": key b of object a)
    photo_encoding: str  # "base64" or "hex": how the answer carries the photo's bytes


def http_format(path: Path | None = None) -> HttpFormat:
    """The format file (``id_reader_format``; the shipped one when none is named); ValueError when malformed."""
    source = path or devices_dir() / HTTP_FORMAT
    import tomllib  # here: the intake's window loads this module at every start, the format only when asked

    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
        return HttpFormat(
            path=str(raw["request"]["path"]),
            status_field=str(raw["answer"]["status"]),
            read_values=tuple(str(v) for v in raw["answer"]["read"]),
            no_card_values=tuple(str(v) for v in raw["answer"]["no_card"]),
            fields={str(k): str(v) for k, v in raw["fields"].items()},
            photo_encoding=str(raw["answer"].get("photo_encoding", "base64")),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as err:
        raise ValueError(f"{source}: {err}") from err


_CARD_FAULT = {HttpFault.NO_ANSWER: CardFault.NO_ANSWER, HttpFault.UNREACHABLE: CardFault.UNREACHABLE,
               HttpFault.NOT_JSON: CardFault.TORN, HttpFault.TOO_LARGE: CardFault.UNREADABLE}  # fmt: skip


_SEXES = {"男": "1", "女": "2"}


@dataclass(frozen=True, slots=True)
class HttpReader:
    address: str  # the service's root, e.g. http://127.0.0.1:19196
    format: HttpFormat
    timeout: float = TIMEOUT

    def read_card(self) -> IdCard:
        url = self.address.rstrip("/") + self.format.path
        if not url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
            # the holder's data stays on this machine: a vendor's service runs beside the desk, never across a network
            raise CardError(CardFault.UNREACHABLE, "not a local address")
        try:
            answer = json_answer(url, self.timeout)
        except DeviceHttpError as err:
            raise CardError(_CARD_FAULT[err.fault], err.detail) from err
        return self._card(answer)

    def _card(self, answer: object) -> IdCard:
        status = str(at(answer, self.format.status_field))
        if status in self.format.no_card_values:
            raise CardError(CardFault.NO_CARD, f"status {status}")
        if status not in self.format.read_values:
            raise CardError(CardFault.UNREADABLE, f"status {status}")
        values = {name: str(at(answer, where) or "") for name, where in self.format.fields.items()}
        values["sex"] = _SEXES.get(values.get("sex", ""), values.get("sex", ""))
        for name in ("birth", "valid_from", "valid_until"):  # 1980-01-02 and 1980.01.02 as well as 19800102
            values[name] = values.get(name, "").replace("-", "").replace(".", "")
        photo_text = values.pop("photo", "")
        try:
            photo = bytes.fromhex(photo_text) if self.format.photo_encoding == "hex" else base64.b64decode(photo_text)
        except (ValueError, binascii.Error) as err:
            raise CardError(CardFault.TORN, "photo") from err
        return card_from_fields(values, photo)


def reader_for(kind: str, at: str, format_file: str = "") -> IdReader | None:
    """The desk's reader by its settings; None when it has none (or names a kind this version does not know)."""
    if kind == SERIAL and at:
        return SerialReader(at)
    if kind == HTTP and at:
        return HttpReader(at, http_format(Path(format_file) if format_file else None))
    if kind:
        log.warning("id_reader %r with %r: no reader", kind, at)
    return None


def desk_reader() -> IdReader | None:
    """This desk's reader, as its settings name it now; None when it has none or its format file is unusable."""
    config = load_desk_config()
    try:
        return reader_for(config.id_reader, config.id_reader_at, config.id_reader_format)
    except ValueError as err:
        log.warning("id_reader_format unusable: %s", err)
        return None

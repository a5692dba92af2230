"""The serial driver and the HTTP adapter of the 二代证 reader, without a reader: a pseudo-terminal plays the card's
frames, a local HTTP server plays a vendor's service."""

from __future__ import annotations

import base64
import datetime as dt
import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from counter.host.devices.id_reader import HttpReader, SerialReader, desk_reader, http_format, reader_for
from counter.host.machine.desk_config import DeskConfig, save_desk_config
from counter.parties.id_card import (
    FIND_CARD,
    READ_BASE,
    SELECT_CARD,
    SW_DONE,
    CardError,
    CardFault,
    command_frame,
)
from tests.https_stub import answering
from tests.id_card_player import (
    FOUND,
    NOT_FOUND,
    SELECTED,
    answer_frame,
    base_info_data,
    cut_read,
    good_read,
    playing,
    pulled_read,
    sample_card,
    torn_read,
)

CARD = sample_card()


def read_of(data: bytes) -> list[bytes | None]:
    """Found and selected, then base information ``data`` in a whole frame, its checksum right."""
    return [FOUND, SELECTED, answer_frame((0, 0, SW_DONE), data)]


def card_born(born: str) -> bytes:
    """The base information of :data:`CARD` with ``born`` written in its birth date's field."""
    data = base_info_data(CARD)
    good = f"{CARD.birth:%Y%m%d}".encode("utf-16-le")
    return data.replace(good, born.encode("utf-16-le"), 1)


def noise() -> list[bytes | None]:
    """A found card, then eleven bytes of line noise where the answer to select should be: no preamble."""
    return [FOUND, bytes.fromhex("01020304050004") + b"\x90\x00\x00\x90"]


def test_a_card_on_the_reader_is_read_whole_with_its_photo_as_delivered() -> None:
    with playing(good_read(CARD)) as player:
        card = SerialReader(player.port, timeout=1).read_card()
    assert card == CARD
    assert len(card.photo) == 1024
    assert card.photo == CARD.photo
    assert player.commands == [command_frame(c) for c in (FIND_CARD, SELECT_CARD, READ_BASE)]
    # the published frames of the three commands
    assert [c.hex() for c in player.commands] == [
        "aaaaaa96690003200122", "aaaaaa96690003200221", "aaaaaa96690003300132",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("answers", "fault"),
    [
        (torn_read(CARD), CardFault.TORN),
        (cut_read(CARD), CardFault.TORN),
        (pulled_read(), CardFault.REMOVED),
        ([NOT_FOUND], CardFault.NO_CARD),
        ([], CardFault.NO_ANSWER),
        (noise(), CardFault.TORN),
        (read_of(b"\x01\x00"), CardFault.TORN),
        (read_of(base_info_data(CARD)[:-10]), CardFault.TORN),
        (read_of(card_born("19801302")), CardFault.UNREADABLE),
    ],
    ids=[
        "torn",
        "cut-short",
        "card-pulled",
        "no-card",
        "never-answers",
        "noise",
        "no-lengths",
        "photo-short",
        "no-such-day",
    ],
)
def test_a_read_that_goes_wrong_says_why(answers: list[bytes | None], fault: CardFault) -> None:
    with playing(answers) as player, pytest.raises(CardError) as raised:
        SerialReader(player.port, timeout=0.3).read_card()
    assert raised.value.fault is fault
    assert CARD.name not in str(raised.value)  # the log line never carries the holder's data


def test_a_port_that_is_not_there_is_unreachable(tmp_path: Path) -> None:
    with pytest.raises(CardError) as raised:
        SerialReader(str(tmp_path / "ttyUSB9"), timeout=0.3).read_card()
    assert raised.value.fault is CardFault.UNREACHABLE


def test_an_expired_card_is_expired_the_day_after_its_last_day() -> None:
    card = sample_card(until=dt.date(2025, 3, 1))
    assert not card.expired(dt.date(2025, 3, 1))
    assert card.expired(dt.date(2025, 3, 2))
    assert not sample_card(until=None).expired(dt.date(2099, 1, 1))  # 长期


class _Service(BaseHTTPRequestHandler):
    answer: object = None

    def do_GET(self) -> None:
        if self.path != "/readcard":
            self.send_error(404)
            return
        body = json.dumps(self.answer, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@contextmanager
def service(answer: object) -> Iterator[str]:
    handler = type("Service", (_Service,), {"answer": answer})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    with answering(server):
        yield f"http://127.0.0.1:{server.server_address[1]}"


def vendor_answer(code: str = "0") -> dict[str, object]:
    return {
        "code": code,
        "data": {
            "name": CARD.name, "sex": "男", "nation": "蒙古", "birth": "1980-01-02", "address": CARD.address,
            "id": CARD.id_no, "authority": CARD.authority, "valid_from": "2015.01.02", "valid_until": "2035.01.02",
            "photo": base64.b64encode(CARD.photo).decode("ascii"),
        },
    }  # fmt: skip


def test_a_vendors_service_answers_as_the_shipped_format_file_describes() -> None:
    with service(vendor_answer()) as address:
        card = HttpReader(address, http_format(), timeout=1).read_card()
    assert card == CARD


def test_a_vendors_service_with_no_card_says_so() -> None:
    with service(vendor_answer("1")) as address, pytest.raises(CardError) as raised:
        HttpReader(address, http_format(), timeout=1).read_card()
    assert raised.value.fault is CardFault.NO_CARD


def test_a_service_that_is_not_there_is_unreachable_and_a_remote_one_is_refused() -> None:
    with service(vendor_answer()) as address:
        pass  # shut: nobody listens on its port any more
    for where in (address, "http://192.0.2.1:19196"):
        with pytest.raises(CardError) as raised:
            HttpReader(where, http_format(), timeout=0.3).read_card()
        assert raised.value.fault is CardFault.UNREACHABLE


def test_the_desk_settings_choose_the_reader(tmp_path: Path) -> None:
    assert reader_for("", "") is None
    assert reader_for("serial", "/dev/ttyUSB0") == SerialReader("/dev/ttyUSB0")
    http = reader_for("http", "http://127.0.0.1:19196")
    assert isinstance(http, HttpReader)
    assert http.format == http_format()
    broken = tmp_path / "vendor.toml"
    broken.write_text("[request]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"vendor\.toml"):
        reader_for("http", "http://127.0.0.1:19196", str(broken))
    assert desk_reader() is None  # a desk set up before readers existed has none


def test_a_head_cut_short_is_a_torn_read() -> None:
    with playing([b"\xaa\xaa\xaa"]) as player, pytest.raises(CardError) as raised:
        SerialReader(player.port, timeout=0.3).read_card()
    assert raised.value.fault is CardFault.TORN


def test_a_vendors_status_neither_read_nor_no_card_is_unreadable() -> None:
    with service(vendor_answer("9")) as address, pytest.raises(CardError) as raised:
        HttpReader(address, http_format(), timeout=1).read_card()
    assert raised.value.fault is CardFault.UNREADABLE


def test_a_vendors_photo_that_is_not_base64_is_a_torn_read() -> None:
    answer = vendor_answer()
    answer["data"] = {**answer["data"], "photo": "not*base64"}  # type: ignore[dict-item]
    with service(answer) as address, pytest.raises(CardError) as raised:
        HttpReader(address, http_format(), timeout=1).read_card()
    assert (raised.value.fault, raised.value.detail) == (CardFault.TORN, "photo")


def test_a_desk_whose_reader_cannot_be_made_reads_no_card_and_logs_why(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The intake then offers typing the card in: a reader that cannot be used never stops the window."""
    assert reader_for("usb", "/dev/hidraw0") is None  # a kind a later version knows
    assert "id_reader 'usb'" in caplog.text
    broken = tmp_path / "vendor.toml"
    broken.write_text("[request]\n", encoding="utf-8")
    save_desk_config(DeskConfig(id_reader="http", id_reader_at="http://127.0.0.1:19196", id_reader_format=str(broken)))
    assert desk_reader() is None
    assert "id_reader_format unusable" in caplog.text


class _Busy(_Service):
    def do_GET(self) -> None:
        body = b"<html>reader busy</html>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_vendors_service_that_answers_no_json_is_torn_and_one_that_never_answers_says_so() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Busy)
    with answering(server), pytest.raises(CardError) as raised:
        HttpReader(f"http://127.0.0.1:{server.server_address[1]}", http_format(), timeout=1).read_card()
    assert raised.value.fault is CardFault.TORN
    with socket.socket() as silent:  # listening, the connection taken by the system, never answered
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        address = f"http://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(CardError) as raised:
            HttpReader(address, http_format(), timeout=0.3).read_card()
    assert raised.value.fault is CardFault.NO_ANSWER


def test_a_vendors_answer_that_is_not_an_object_is_unreadable() -> None:
    with service(["0"]) as address, pytest.raises(CardError) as raised:
        HttpReader(address, http_format(), timeout=1).read_card()
    assert raised.value.fault is CardFault.UNREADABLE

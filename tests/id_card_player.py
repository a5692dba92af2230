"""A 二代证 reader on a pseudo-terminal: the desk opens its port as a reader's, a thread answers its frames.

Each command frame the desk writes (find, select, read) is answered with the next scripted answer: the frame's bytes,
or None for silence.  The answers are made with the protocol's own layout (counter.parties.id_card), so a good read,
a torn one, a card taken away and a reader that never answers are each a script.
"""

from __future__ import annotations

import datetime as dt
import os
import select
import threading
import tty
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from counter.parties.id_card import (
    ETHNICITIES,
    FIELDS,
    LONG_TERM,
    PREAMBLE,
    SW_CARD_FOUND,
    SW_DONE,
    IdCard,
    checksum,
)
from counter.parties.identifiers import make_id_number

TEXT_BYTES = 256  # the card's text, its fields padded with blanks to this length


def answer_frame(sw: tuple[int, int, int], data: bytes = b"") -> bytes:
    """The reader's frame: what a reader sends, as the tests play it."""
    length = 3 + len(data) + 1
    body = length.to_bytes(2, "big") + bytes(sw) + data
    return PREAMBLE + body + bytes([checksum(body)])


def _padded(raw: bytes, width: int) -> bytes:
    """UCS-2 blanks to ``width`` bytes, as the card pads its fields."""
    return (raw + " ".encode("utf-16-le") * width)[:width]


def base_info_data(card: IdCard) -> bytes:
    """The data of a 30 01 answer for ``card``: what a reader sends, as the tests play it."""
    values = {
        "name": card.name,
        "sex": card.sex,
        "ethnicity": next((f"{c:02d}" for c, n in ETHNICITIES.items() if n == card.ethnicity), card.ethnicity),
        "birth": f"{card.birth:%Y%m%d}",
        "address": card.address,
        "id_no": card.id_no,
        "authority": card.authority,
        "valid_from": f"{card.valid_from:%Y%m%d}",
        "valid_until": LONG_TERM if card.valid_until is None else f"{card.valid_until:%Y%m%d}",
    }
    text = _padded(b"".join(_padded(values[name].encode("utf-16-le"), width) for name, width in FIELDS), TEXT_BYTES)
    return len(text).to_bytes(2, "big") + len(card.photo).to_bytes(2, "big") + text + card.photo


FOUND = answer_frame((0, 0, SW_CARD_FOUND), bytes(4))
NOT_FOUND = answer_frame((0, 0, 0x80), b"")  # 寻卡失败
SELECTED = answer_frame((0, 0, SW_DONE), bytes(8))
READ_FAILED = answer_frame((0, 0, 0x41), b"")  # 读卡失败: the card left the field


def sample_card(
    *,
    name: str = "巴特尔",
    born: dt.date = dt.date(1980, 1, 2),
    until: dt.date | None = dt.date(2035, 1, 2),
    order: int = 31,
) -> IdCard:
    return IdCard(
        name=name,
        sex="1",
        ethnicity="蒙古",
        birth=born,
        address="内蒙古自治区乌兰浩特市和平街道民主路7号",
        id_no=make_id_number("152201", born, order),
        authority="乌兰浩特市公安局",
        valid_from=dt.date(2015, 1, 2) if until is not None else dt.date(2010, 1, 2),
        valid_until=until,
        photo=bytes(range(256)) * 4,  # 1024 bytes standing for the card's wlt
    )


def good_read(card: IdCard) -> list[bytes | None]:
    return [FOUND, SELECTED, answer_frame((0, 0, SW_DONE), base_info_data(card))]


def torn_read(card: IdCard) -> list[bytes | None]:
    """The base information arrives with one byte changed on the line: the checksum does not hold."""
    frame = bytearray(answer_frame((0, 0, SW_DONE), base_info_data(card)))
    frame[100] ^= 0x01
    return [FOUND, SELECTED, bytes(frame)]


def cut_read(card: IdCard) -> list[bytes | None]:
    """The base information stops half way, and nothing more comes."""
    frame = answer_frame((0, 0, SW_DONE), base_info_data(card))
    return [FOUND, SELECTED, frame[: len(frame) // 2]]


def pulled_read() -> list[bytes | None]:
    """Found and selected, then the card is taken off before its base information is read."""
    return [FOUND, SELECTED, READ_FAILED]


class CardPlayer:
    def __init__(self, answers: Sequence[bytes | None]) -> None:
        self.answers = list(answers)
        self.commands: list[bytes] = []
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        self.port = os.ttyname(self.slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._play, name="card-player", daemon=True)

    def _play(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                buffer += os.read(self.master, 1024)
            except OSError:
                return
            while len(buffer) >= 10 and buffer.startswith(PREAMBLE):
                command, buffer = buffer[:10], buffer[10:]
                self.commands.append(command)
                answer = self.answers.pop(0) if self.answers else None
                if answer is not None:
                    os.write(self.master, answer)
            if buffer and not buffer.startswith(PREAMBLE[: len(buffer)]):
                buffer = b""  # not a frame of the protocol

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        os.close(self.master)
        os.close(self.slave)


@contextmanager
def playing(answers: Sequence[bytes | None]) -> Iterator[CardPlayer]:
    player = CardPlayer(answers)
    player.start()
    try:
        yield player
    finally:
        player.stop()

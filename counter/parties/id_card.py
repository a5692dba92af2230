"""What a 居民身份证 (二代证) says, read by the window's card reader, and the frames its reader speaks.

The readers on the hall's desks share one serial protocol, the one their security module (the SAM) speaks.  A frame
is ``AA AA AA 96 69`` (the preamble), a length of two bytes (high byte first) counting what follows it, then:

- from the desk: the command and its parameter (``20 01`` find the card, ``20 02`` select it, ``30 01`` read its
  base information), then the checksum;
- from the reader: three status bytes SW1 SW2 SW3 (``00 00 90`` done; ``00 00 9F`` a card found), the data, then
  the checksum.

The checksum is the XOR of every byte after the preamble up to it.  The base information's data is two lengths of
two bytes (the text's, 256, and the photo's, 1024), the text, then the photo.  The text is UCS-2 little-endian in
fixed fields, blank-padded: name 30 bytes, sex 2 (``1`` 男, ``2`` 女), 民族 4 (the GB 3304 code), birth date 16
(YYYYMMDD), address 70, ID number 36, issuing authority 30, validity from 16 and until 16 (YYYYMMDD or ``长期``),
36 reserved.  The photo is the card's own compressed format (``wlt``); only the SAM's vendor library decodes it, so
it is kept as delivered.  The same layout is read by open drivers of these readers, e.g.
hevz/hev-idcard-reader, ``src/hev-dbus-object-idcard-reader.c`` (commands, status bytes, the text at byte 14 of the
answer).

Pure bytes in, plain data or a code out: the serial port is :mod:`counter.host.devices.id_reader`'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

PREAMBLE = bytes.fromhex("AAAAAA9669")
FIND_CARD = (0x20, 0x01)
SELECT_CARD = (0x20, 0x02)
READ_BASE = (0x30, 0x01)

SW_DONE = 0x90  # SW3: the command did what it was asked
SW_CARD_FOUND = 0x9F  # SW3 of find card: a card lies on the reader

#: the text's fields in order, with their width in bytes
FIELDS = (
    ("name", 30),
    ("sex", 2),
    ("ethnicity", 4),
    ("birth", 16),
    ("address", 70),
    ("id_no", 36),
    ("authority", 30),
    ("valid_from", 16),
    ("valid_until", 16),
)
LONG_TERM = "长期"

#: GB 3304 民族 codes, as the card carries them
_NAMES = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼",
    "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
    "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克",
    "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)  # fmt: skip
ETHNICITIES = dict(enumerate(_NAMES, start=1)) | {97: "其他", 98: "外国血统"}


class CardFault(StrEnum):
    """Why a card was not read; the window words each."""

    NOT_SET_UP = "not_set_up"  # this desk names no reader
    UNREACHABLE = "unreachable"  # the port cannot be opened, the reader's service does not answer the connection
    NO_ANSWER = "no_answer"  # the reader took the command and said nothing within the time allowed
    NO_CARD = "no_card"  # no card lies on the reader
    REMOVED = "removed"  # the card was found, then could not be selected or read: taken away mid-read
    TORN = "torn"  # an answer broken on the way: a wrong checksum, a short or malformed frame
    UNREADABLE = "unreadable"  # a whole answer whose contents are not a card's (no valid ID number, a bad date)


class CardError(Exception):
    def __init__(self, fault: CardFault, detail: str = "") -> None:
        super().__init__(f"{fault.value}: {detail}" if detail else fault.value)
        self.fault = fault
        self.detail = detail  # for the log: what was received, never the holder's data


@dataclass(frozen=True, slots=True)
class IdCard:
    name: str
    sex: str  # "1" male, "2" female, as the card has it (GB/T 2261.1)
    ethnicity: str  # the 民族's name (蒙古), or the code when the table does not know it
    birth: dt.date
    address: str
    id_no: str
    authority: str
    valid_from: dt.date
    valid_until: dt.date | None  # None: 长期
    photo: bytes  # as delivered (the SAM's wlt, or what a vendor's service sends); never decoded here

    def expired(self, today: dt.date) -> bool:
        """Past its last day of validity: the card no longer proves who the applicant is."""
        return self.valid_until is not None and self.valid_until < today


def checksum(body: bytes) -> int:
    value = 0
    for byte in body:
        value ^= byte
    return value


def command_frame(command: tuple[int, int]) -> bytes:
    """The desk's frame for one of the SAM's commands."""
    body = bytes([0x00, 0x03, *command])
    return PREAMBLE + body + bytes([checksum(body)])


@dataclass(frozen=True, slots=True)
class Answer:
    sw: tuple[int, int, int]
    data: bytes


def parse_answer(frame: bytes) -> Answer:
    """One whole answer frame (preamble to checksum); :class:`CardError` TORN when it is not one."""
    if len(frame) < 11 or not frame.startswith(PREAMBLE):
        raise CardError(CardFault.TORN, f"frame of {len(frame)} bytes, starts {frame[:7].hex()}")
    length = int.from_bytes(frame[5:7], "big")
    if len(frame) != 7 + length:
        raise CardError(CardFault.TORN, f"length says {length}, {len(frame) - 7} bytes came")
    if checksum(frame[5:-1]) != frame[-1]:
        raise CardError(CardFault.TORN, "checksum")
    return Answer((frame[7], frame[8], frame[9]), frame[10:-1])


def _text(raw: bytes) -> str:
    return raw.decode("utf-16-le", errors="replace").strip().rstrip("\x00").strip()


def _date(value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%Y%m%d").date()
    except ValueError as err:
        raise CardError(CardFault.UNREADABLE, f"date of {len(value)} characters") from err


def card_from_fields(values: dict[str, str], photo: bytes) -> IdCard:
    """A card from its text fields (as the card writes them: dates YYYYMMDD, 民族 by code or by name)."""
    ethnicity = values.get("ethnicity", "").strip()
    if ethnicity.isdigit():
        ethnicity = ETHNICITIES.get(int(ethnicity), ethnicity)
    until = values.get("valid_until", "").strip()
    return IdCard(
        name=values.get("name", "").strip(),
        sex=values.get("sex", "").strip(),
        ethnicity=ethnicity,
        birth=_date(values.get("birth", "").strip()),
        address=values.get("address", "").strip(),
        id_no=values.get("id_no", "").strip(),
        authority=values.get("authority", "").strip(),
        valid_from=_date(values.get("valid_from", "").strip()),
        valid_until=None if until == LONG_TERM else _date(until),
        photo=photo,
    )


def card_from_base_info(data: bytes) -> IdCard:
    """The card in the data of a 30 01 answer: the two lengths, the text, the photo."""
    if len(data) < 4:
        raise CardError(CardFault.TORN, f"base information of {len(data)} bytes")
    text_len, photo_len = int.from_bytes(data[0:2], "big"), int.from_bytes(data[2:4], "big")
    if text_len < sum(width for _, width in FIELDS) or len(data) != 4 + text_len + photo_len:
        raise CardError(CardFault.TORN, f"lengths {text_len}+{photo_len}, {len(data) - 4} bytes came")
    text, photo = data[4 : 4 + text_len], data[4 + text_len :]
    values, at = {}, 0
    for name, width in FIELDS:
        values[name] = _text(text[at : at + width])
        at += width
    return card_from_fields(values, photo)

"""DER (X.690) written and read: the few types an SM2 certificate and a GB/T 38540 seal are made of.

Why a module of our own.  ``cryptography`` reads and writes X.509 but knows no SM2 key and no SM3withSM2
signature, so it can neither make nor check the seal's certificates; the ASN.1 packages on PyPI (``asn1crypto``,
``pyasn1``) would be a dependency for some forty lines of tag, length and value.  What is written here is the
definite-length DER that GB/T 38540 and RFC 5280 ask for; what is read is held to it (:class:`DerError` for
anything else: a long form where a short one fits, bytes left over, a length beyond the data), since every byte
read came from a file anyone may have changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

INTEGER, BIT_STRING, OCTET_STRING, OID = 0x02, 0x03, 0x04, 0x06
UTF8_STRING, PRINTABLE_STRING, IA5_STRING = 0x0C, 0x13, 0x16
UTC_TIME, GENERALIZED_TIME = 0x17, 0x18
SEQUENCE, SET = 0x30, 0x31


T = TypeVar("T")


class DerError(ValueError):
    """Bytes that are not the DER asked for."""


def context(number: int) -> int:
    """The tag of ``[number] EXPLICIT`` (constructed, context-specific)."""
    return 0xA0 | number


def tlv(tag: int, value: bytes) -> bytes:
    """One value: its tag, its length (short form below 128, else the fewest bytes), its content."""
    length = len(value)
    if length < 0x80:
        return bytes((tag, length)) + value
    size = (length.bit_length() + 7) // 8
    return bytes((tag, 0x80 | size)) + length.to_bytes(size, "big") + value


def sequence(*items: bytes) -> bytes:
    return tlv(SEQUENCE, b"".join(items))


def integer(value: int) -> bytes:
    """A two's-complement INTEGER in the fewest bytes."""
    size = value.bit_length() // 8 + 1 if value >= 0 else ((-value - 1).bit_length() // 8 + 1)
    return tlv(INTEGER, value.to_bytes(size, "big", signed=True))


def bit_string(value: bytes) -> bytes:
    """A BIT STRING of whole bytes (no unused bits)."""
    return tlv(BIT_STRING, b"\x00" + value)


def octet_string(value: bytes) -> bytes:
    return tlv(OCTET_STRING, value)


def text(tag: int, value: str) -> bytes:
    """A UTF8String, PrintableString or IA5String."""
    return tlv(tag, value.encode("utf-8" if tag == UTF8_STRING else "ascii"))


def oid(dotted: str) -> bytes:
    numbers = [int(part) for part in dotted.split(".")]
    body = bytearray((40 * numbers[0] + numbers[1],))
    for number in numbers[2:]:
        chunk, rest = [number & 0x7F], number >> 7
        while rest:
            chunk.append(0x80 | (rest & 0x7F))
            rest >>= 7
        body += bytes(reversed(chunk))
    return tlv(OID, bytes(body))


def time(moment: dt.datetime, tag: int = GENERALIZED_TIME) -> bytes:
    """A UTC moment as GeneralizedTime (YYYYMMDDHHMMSSZ) or UTCTime (YYMMDDHHMMSSZ), seconds whole."""
    utc = moment.astimezone(dt.UTC)
    pattern = "%Y%m%d%H%M%SZ" if tag == GENERALIZED_TIME else "%y%m%d%H%M%SZ"
    return tlv(tag, utc.strftime(pattern).encode("ascii"))


@dataclass(frozen=True, slots=True)
class Node:
    """One value read: its tag, its content, and its whole encoding (what a signature is made over)."""

    tag: int
    value: bytes
    encoded: bytes

    def children(self) -> list[Node]:
        """The values inside a constructed one (a SEQUENCE, a SET, an explicit tag)."""
        if not self.tag & 0x20:
            raise DerError("not a constructed value")
        return read_all(self.value)

    def expect(self, tag: int) -> Node:
        if self.tag != tag:
            raise DerError(f"tag {self.tag:#x} where {tag:#x} was expected")
        return self

    def as_int(self) -> int:
        self.expect(INTEGER)
        if not self.value or (len(self.value) > 1 and self.value[0] in (0, 0xFF) and
                              (self.value[0] & 0x80) == (self.value[1] & 0x80)):  # fmt: skip
            raise DerError("an integer not in its fewest bytes")
        return int.from_bytes(self.value, "big", signed=True)

    def as_bits(self) -> bytes:
        self.expect(BIT_STRING)
        if not self.value or self.value[0] != 0:
            raise DerError("a bit string not of whole bytes")
        return self.value[1:]

    def as_octets(self) -> bytes:
        return self.expect(OCTET_STRING).value

    def as_text(self) -> str:
        if self.tag not in (UTF8_STRING, PRINTABLE_STRING, IA5_STRING):
            raise DerError("not a string")
        try:
            return self.value.decode("utf-8" if self.tag == UTF8_STRING else "ascii")
        except UnicodeDecodeError as err:
            raise DerError("a string not in its encoding") from err

    def as_oid(self) -> str:
        body = self.expect(OID).value
        if not body or body[-1] & 0x80:
            raise DerError("a broken object identifier")
        numbers, number = [], 0
        for byte in body:
            number = (number << 7) | (byte & 0x7F)
            if not byte & 0x80:
                numbers.append(number)
                number = 0
        first = min(numbers[0] // 40, 2)
        return ".".join(str(n) for n in (first, numbers[0] - 40 * first, *numbers[1:]))

    def as_time(self) -> dt.datetime:
        pattern = {GENERALIZED_TIME: "%Y%m%d%H%M%SZ", UTC_TIME: "%y%m%d%H%M%SZ"}.get(self.tag)
        if pattern is None:
            raise DerError("not a time")
        try:
            return dt.datetime.strptime(self.value.decode("ascii"), pattern).replace(tzinfo=dt.UTC)
        except (UnicodeDecodeError, ValueError) as err:
            raise DerError("a time not written as DER writes it") from err


def read(data: bytes, offset: int = 0) -> tuple[Node, int]:
    """The value at ``offset`` and the offset after it; :class:`DerError` for anything but DER."""
    if offset + 2 > len(data):
        raise DerError("the data ends inside a value")
    tag, first = data[offset], data[offset + 1]
    if tag & 0x1F == 0x1F:
        raise DerError("a tag beyond 30 is not used here")
    start = offset + 2
    if first < 0x80:
        length = first
    else:
        size = first & 0x7F
        if size == 0 or size > 4 or start + size > len(data):
            raise DerError("an indefinite or impossible length")
        length = int.from_bytes(data[start : start + size], "big")
        if length < 0x80 or length.bit_length() <= 8 * (size - 1):
            raise DerError("a length not in its shortest form")
        start += size
    end = start + length
    if end > len(data):
        raise DerError("a length beyond the data")
    return Node(tag, data[start:end], data[offset:end]), end


def read_one(data: bytes) -> Node:
    """The single value ``data`` is; :class:`DerError` if bytes are left over."""
    node, end = read(data)
    if end != len(data):
        raise DerError("bytes after the value")
    return node


def strictly(reader: Callable[[bytes], T], encoded: bytes) -> T:
    """``reader(encoded)``, any fault of the bytes' shape (a field missing, a value of the wrong kind) as
    :class:`DerError`: a structure's reader indexes what it expects, and the caller asks one question only."""
    try:
        return reader(encoded)
    except (IndexError, ValueError, TypeError) as err:  # DerError is a ValueError: raised again as it is
        raise err if isinstance(err, DerError) else DerError(f"not the structure expected: {err}") from err


def read_all(data: bytes) -> list[Node]:
    nodes, offset = [], 0
    while offset < len(data):
        node, offset = read(data, offset)
        nodes.append(node)
    return nodes

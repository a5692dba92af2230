"""The package container: what it writes, and that any bytes read back give a package or one named rejection."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter.sync.keys import encryption_key_text, new_encryption_key, new_private_key, public_key_text, sign
from counter.sync.package import (
    MAX_FILE,
    Header,
    PackageKind,
    PackageRejected,
    RejectCode,
    canonical_json,
    write_packed,
)
from tests.sync.packages import MAGIC, read_package, write_package

KEY = new_private_key()
OTHER_KEY = new_private_key()
HALL_BOX = new_encryption_key()  # the hall's encryption key: what packages to XAM01 are sealed to
HALL = encryption_key_text(HALL_BOX)
TRUSTED = {"ARS01": public_key_text(KEY)}
NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
HEADER = Header("ARS01", "township", "XAM01", PackageKind.CASES, 3, NOW, None, 0)
RECORDS = [{"type": "ack", "kind": "updates", "export_no": 2}, {"note": "任意内容 䶮"}]
GOOD = write_package(HEADER, RECORDS, KEY, HALL)


def rejection(data: bytes, trusted: dict[str, str] = TRUSTED, site: str = "XAM01") -> RejectCode:
    with pytest.raises(PackageRejected) as caught:
        read_package(data, trusted, site, HALL_BOX)
    return caught.value.code


def parts(data: bytes) -> tuple[bytes, bytes]:
    end = data.index(b"\n", len(MAGIC))
    return data[len(MAGIC) : end], data[end + 1 :]


def test_a_package_reads_back_as_written() -> None:
    package = read_package(GOOD, TRUSTED, "XAM01", HALL_BOX)
    assert package.body == RECORDS
    assert package.header.records == 2
    assert package.header.export_no == 3
    assert package.header.created_at == NOW
    assert package.header.kind is PackageKind.CASES
    assert len(package.content_hash) == 64


def test_each_package_is_sealed_with_a_key_of_its_own() -> None:
    again = write_package(HEADER, RECORDS, KEY, HALL)
    assert parts(again)[1] != parts(GOOD)[1]
    assert read_package(again, TRUSTED, "XAM01", HALL_BOX).body == RECORDS


def test_layout_is_magic_header_line_and_sealed_body() -> None:
    header, body = parts(GOOD)
    assert GOOD.startswith(b"COUNTER-SYNC/2\n")
    fields = json.loads(header)
    assert fields["suite"] == "x25519-hkdf-sha256-chacha20poly1305+ed25519"
    assert fields["plain_bytes"] == len(canonical_json(RECORDS))
    assert "任意内容".encode() not in GOOD
    with pytest.raises(gzip.BadGzipFile):  # sealed, not merely packed
        gzip.decompress(body)
    assert b'"signature":' in header


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", RejectCode.NOT_A_PACKAGE),
        (b"PK\x03\x04 a zip file", RejectCode.NOT_A_PACKAGE),
        (b"COUNTER-SYNC/9\n{}\n", RejectCode.TOO_NEW),
        (b"COUNTER-SYNC/3\n{}\n", RejectCode.BAD_HEADER),  # format 3 is read: its header is checked
        (b"COUNTER-SYNC/1\n{}\n", RejectCode.OLD_FORMAT),
        (MAGIC[:7], RejectCode.TRUNCATED),
        (GOOD[: len(MAGIC) + 40], RejectCode.TRUNCATED),
        (GOOD[:-5], RejectCode.TRUNCATED),
        (MAGIC + b"not json\n", RejectCode.BAD_HEADER),
        (MAGIC + b"[1,2]\n", RejectCode.BAD_HEADER),
        (MAGIC + b'{"format": 1}\n', RejectCode.BAD_HEADER),
    ],
    # named, not shown: the sealed package differs at each import, and parallel workers must collect the same ids
    ids=[
        "empty",
        "zip",
        "format-6",
        "format-3-header",
        "format-1",
        "magic-cut",
        "header-cut",
        "body-cut",
        "header-not-json",
        "header-not-object",
        "header-old-format",
    ],
)
def test_broken_files_are_named(data: bytes, code: RejectCode) -> None:
    assert rejection(data) is code


def test_a_newer_format_in_the_header_is_too_new() -> None:
    header, body = parts(GOOD)
    assert rejection(MAGIC + header.replace(b'"format":2', b'"format":9') + b"\n" + body) is RejectCode.TOO_NEW


def test_a_format_the_first_line_does_not_name_is_refused() -> None:
    """The header's ``format`` is signed, the first line is not: the two must agree (3 under a line of 2, here)."""
    header, body = parts(GOOD)
    assert rejection(MAGIC + header.replace(b'"format":2', b'"format":3') + b"\n" + body) is RejectCode.BAD_HEADER


def test_unsigned_unknown_foreign_and_misaddressed_packages() -> None:
    header, body = parts(GOOD)
    fields = json.loads(header)
    del fields["signature"]
    unsigned = canonical_json(fields)
    assert rejection(MAGIC + unsigned + b"\n" + body) is RejectCode.UNSIGNED
    assert rejection(GOOD, trusted={}) is RejectCode.UNKNOWN_SITE
    forged = write_package(HEADER, RECORDS, OTHER_KEY, HALL)  # signed by a key nobody registered, under ARS01's name
    assert rejection(forged) is RejectCode.BAD_SIGNATURE
    assert rejection(GOOD, site="XAM02") is RejectCode.WRONG_DESTINATION


def test_a_changed_header_or_body_is_refused() -> None:
    header, body = parts(GOOD)
    changed = header.replace(b'"export_no":3', b'"export_no":4')
    assert rejection(MAGIC + changed + b"\n" + body) is RejectCode.BAD_SIGNATURE
    flipped = bytearray(body)
    flipped[len(flipped) // 2] ^= 0x01
    assert rejection(MAGIC + header + b"\n" + bytes(flipped)) is RejectCode.BODY_MISMATCH
    assert rejection(GOOD + b"x") is RejectCode.BODY_MISMATCH


def _respelled(header: bytes) -> list[bytes]:
    """The same signed fields, signature and all, spelled otherwise than the exporter writes them."""
    fields = json.loads(header)
    return [
        json.dumps(fields, sort_keys=True, ensure_ascii=False).encode(),  # spaces after the separators
        json.dumps(dict(reversed(fields.items())), ensure_ascii=False, separators=(",", ":")).encode(),  # key order
        header[:-1] + b',"signature":' + json.dumps(fields["signature"]).encode() + b"}",  # a key twice
        header[:-1] + b',"format":2}',  # a signed key again, the same value
        header.replace(b'"from_site":"ARS01"', b'"from_site":"\\u0041RS01"'),  # a letter escaped
        header + b" ",  # a space before the line's end
    ]


def test_a_header_spelled_otherwise_than_written_is_refused() -> None:
    """The signature covers the header's fields; the file must also hold them in the one form the exporter writes."""
    header, body = parts(GOOD)
    for spelling in _respelled(header):
        assert spelling != header
        assert json.loads(spelling) == json.loads(header)  # the same fields: the signature alone would pass them
        assert rejection(MAGIC + spelling + b"\n" + body) is RejectCode.BAD_HEADER, spelling


def test_a_signed_body_that_is_not_a_list_of_records_is_a_structure_error() -> None:
    for plain in (b"{not json", b'{"a": 1}'):
        packed = write_packed(HEADER, gzip.compress(plain), 0, len(plain), KEY, HALL)
        assert rejection(packed) is RejectCode.BAD_STRUCTURE
    assert rejection(write_packed(HEADER, b"not gzip", 0, 8, KEY, HALL)) is RejectCode.BAD_STRUCTURE
    plain = canonical_json(RECORDS)
    miscounted = write_packed(HEADER, gzip.compress(plain), 5, len(plain), KEY, HALL)
    assert rejection(miscounted) is RejectCode.BAD_STRUCTURE
    short = write_packed(HEADER, gzip.compress(plain), 2, len(plain) + 1, KEY, HALL)  # declares more than it holds
    assert rejection(short) is RejectCode.BAD_STRUCTURE


def test_a_body_with_text_no_database_keeps_is_refused_whole() -> None:
    """A NUL or half a surrogate pair anywhere in the body: the records' reader trusts the package's texts on this
    (counter.sync.record_json.parse_records, ``storable``), so the body never reaches it."""
    for text in (
        b"a\\u0000b",
        b"\\ud800",
        b"x\\uDFFF",
        b"\\\\\\u0000",
        b"a\x00b",
        "\ud800".encode("utf-8", "surrogatepass"),
    ):
        plain = b'[{"type": "ack", "kind": "' + text + b'", "export_no": 2}]'
        packed = write_packed(HEADER, gzip.compress(plain), 1, len(plain), KEY, HALL)
        assert rejection(packed) is RejectCode.BAD_STRUCTURE, text
    fine = b'[{"type": "ack", "kind": "\\\\u0000", "export_no": 2}]'  # a backslash, then text
    assert read_package(write_packed(HEADER, gzip.compress(fine), 1, len(fine), KEY, HALL), TRUSTED, "XAM01", HALL_BOX)


def _outcome(data: bytes) -> str:
    try:
        read_package(data, TRUSTED, "XAM01", HALL_BOX)
    except PackageRejected as rejected:
        return rejected.code.value
    return "read"


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_are_rejected_and_nothing_else(data: bytes) -> None:
    assert _outcome(data) != "read"


@given(st.binary(max_size=200))
def test_random_bytes_after_the_first_line_are_rejected(data: bytes) -> None:
    assert _outcome(MAGIC + data) != "read"


@given(st.integers(min_value=0, max_value=len(GOOD) - 1))
def test_every_truncation_is_rejected(length: int) -> None:
    assert _outcome(GOOD[:length]) in {"not_a_package", "truncated", "bad_header", "unsigned", "bad_signature"}


@given(st.integers(min_value=0, max_value=len(GOOD) - 1), st.integers(min_value=1, max_value=255))
def test_every_single_byte_change_is_rejected(position: int, mask: int) -> None:
    changed = bytearray(GOOD)
    changed[position] ^= mask
    assert _outcome(bytes(changed)) != "read"


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
        max_leaves=20,
    )
)
def test_any_json_header_gives_a_named_rejection(value: object) -> None:
    data = MAGIC + canonical_json(value) + b"\n"
    assert _outcome(data) != "read"


def _with_header(changes: Mapping[str, object], *, signed: bool = False) -> bytes:
    """:data:`GOOD` with its header's fields changed (``None``: left out), signed again with the sender's key when
    ``signed``: what a sender of another program, or one holding the key, might write."""
    header, body = parts(GOOD)
    fields = {k: v for k, v in {**json.loads(header), **changes}.items() if v is not None or k == "since"}
    if signed:
        fields.pop("signature")
        fields["signature"] = sign(KEY, canonical_json(fields))
    return MAGIC + canonical_json(fields) + b"\n" + body


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"export_no": 2**31}, "export_no beyond"),
        ({"since": 1}, "since not text"),
        ({"since": "2026-11-19T09:30:00"}, "time without zone"),
        ({"created_at": "2026-11-20 9:30"}, "time '2026-11-20 9:30'"),
        ({"created_at": "2026-11-20T09:30:00"}, "time without zone"),
        ({"format": 1}, "format 1"),
        ({"kind": "everything"}, "kind 'everything'"),
        ({"body_sha256": "c8ff"}, "body_sha256 not 64 hex digits"),
        ({"key_change": ""}, "key_change not text"),
        ({"key_change": 7}, "key_change not text"),
        ({"series": [3]}, "series not two whole numbers"),
        ({"series": [1, "2"]}, "series not two whole numbers"),
        ({"series": [1, 2**31]}, "series count beyond"),
        ({"series": [4, 2]}, "series 4+2 does not hold number 3"),
        ({"series": [3, 1]}, "series 3+1 does not hold number 3"),
    ],
)
def test_each_field_of_a_header_not_as_written_is_named(changes: dict[str, object], detail: str) -> None:
    """A header changed in one field, before its signature is looked at: the rejection names the field for the log."""
    with pytest.raises(PackageRejected) as rejected:
        read_package(_with_header(changes), TRUSTED, "XAM01", HALL_BOX)
    assert rejected.value.code is RejectCode.BAD_HEADER
    assert detail in rejected.value.detail


def test_a_header_signed_by_its_sender_is_still_read_only_as_this_program_writes_it() -> None:
    """The key's holder signing a field this program does not write, or a text no UTF-8 carries: refused by name,
    not taken in (an unknown field would travel unread) nor a crash of the import."""
    assert read_package(_with_header({}, signed=True), TRUSTED, "XAM01", HALL_BOX)  # signing again changes nothing
    for changes in ({"note": "x"}, {"created_at": "2026-11-20T17:30:00+08:00"}):
        with pytest.raises(PackageRejected) as rejected:
            read_package(_with_header(changes, signed=True), TRUSTED, "XAM01", HALL_BOX)
        assert rejected.value.code is RejectCode.BAD_HEADER, changes
    header, body = parts(GOOD)
    half_a_pair = json.dumps({**json.loads(header), "from_kind": "\ud800"}, sort_keys=True, separators=(",", ":"))
    with pytest.raises(PackageRejected) as rejected:  # no key can sign it: its fields cannot even be written out
        read_package(MAGIC + half_a_pair.encode("ascii") + b"\n" + body, TRUSTED, "XAM01", HALL_BOX)
    assert rejected.value.code is RejectCode.BAD_HEADER


def test_a_file_beyond_the_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(PackageRejected) as rejected:
        read_package(GOOD + b"\0" * (MAX_FILE + 1 - len(GOOD)), TRUSTED, "XAM01", HALL_BOX)
    assert rejected.value.code is RejectCode.TOO_LARGE

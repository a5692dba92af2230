"""The sync package: one signed file carried between a township centre and its hall.

Layout, byte for byte::

    COUNTER-SYNC/1\\n
    {header as canonical JSON}\\n
    body: gzip of the records as canonical JSON (sorted keys)

The header names the sender (code and kind), the site it is addressed to, the
package's kind and number, when it was written, what it holds, and the SHA-256
and length of the body bytes; ``signature`` is the sender's Ed25519 signature
over the canonical header *without* the signature.  So the signature covers
the body through its hash, and the body is only unpacked once the header is
known to come from a registered site: a stranger cannot make the importer
decompress anything.

:func:`read_package` turns any bytes into a :class:`Package` or raises
:class:`PackageRejected` with one code of :class:`RejectCode` and a detail in
English for the log; it raises nothing else, whatever the input.  The words the
clerk reads are in :mod:`counter.words.sync`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counter.sync.keys import sign, verify

MAGIC = b"COUNTER-SYNC/1\n"
FORMAT_VERSION = 1
_MAGIC_ANY = re.compile(rb"^COUNTER-SYNC/(\d{1,9})\n")
MAX_BODY = 1 << 30  # unpacked: 1 GiB is some hundred thousand cases; more is not a package of ours


class PackageKind(StrEnum):
    CASES = "cases"  # township → hall: its cases with everything that belongs to them
    UPDATES = "updates"  # hall → township: catalog, holidays, settings, case progress, acknowledgement


class RejectCode(StrEnum):
    NOT_A_PACKAGE = "not_a_package"  # some other file
    TOO_NEW = "too_new"  # written by a newer program, in a format this one cannot read
    TRUNCATED = "truncated"  # cut short (a copy that did not finish)
    BAD_HEADER = "bad_header"  # the header is not what this program writes
    UNSIGNED = "unsigned"
    UNKNOWN_SITE = "unknown_site"  # the sender is not a registered peer
    BAD_SIGNATURE = "bad_signature"  # changed after signing, or signed by another key
    WRONG_DESTINATION = "wrong_destination"  # addressed to another site
    BODY_MISMATCH = "body_mismatch"  # the body is not the one the header was signed with
    BAD_STRUCTURE = "bad_structure"  # signed and whole, but its records cannot be read
    NUMBER_REUSED = "number_reused"  # a different package under a number already taken in from that site


class PackageRejected(Exception):
    """The whole package is refused; nothing of it may be imported."""

    def __init__(self, code: RejectCode, detail: str = "") -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Header:
    """What a package says about itself; ``body_sha256`` and ``body_bytes`` are filled in by :func:`write_package`."""

    from_site: str
    from_kind: str  # hall / township (counter.sync.sites.SiteKind values)
    to_site: str
    kind: PackageKind
    export_no: int
    created_at: dt.datetime
    since: dt.datetime | None
    records: int
    body_sha256: str = ""
    body_bytes: int = 0
    format: int = FORMAT_VERSION


@dataclass(frozen=True, slots=True)
class Package:
    """A package read and checked: its header, its body as plain JSON data, and the hash that identifies it."""

    header: Header
    body: list[Any]

    @property
    def content_hash(self) -> str:
        return self.header.body_sha256


def canonical_json(value: Any) -> bytes:
    """The one byte form of a JSON value: sorted keys, no spaces, UTF-8 (what is signed and hashed)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


def _header_fields(header: Header) -> dict[str, Any]:
    return {
        "format": header.format,
        "from_site": header.from_site,
        "from_kind": header.from_kind,
        "to_site": header.to_site,
        "kind": header.kind.value,
        "export_no": header.export_no,
        "created_at": _iso(header.created_at),
        "since": None if header.since is None else _iso(header.since),
        "records": header.records,
        "body_sha256": header.body_sha256,
        "body_bytes": header.body_bytes,
    }


def pack_body(records: list[Any]) -> bytes:
    """The body bytes: gzip without a timestamp, so the same records always make the same bytes."""
    return gzip.compress(canonical_json(records), compresslevel=6, mtime=0)


def write_package(header: Header, records: list[Any], key: Ed25519PrivateKey) -> bytes:
    """The package file for ``records`` (plain JSON data), signed with ``key``.

    The header's record count, body hash and length are set here.
    """
    body = pack_body(records)
    return write_packed(header, body, len(records), key)


def write_packed(header: Header, body: bytes, count: int, key: Ed25519PrivateKey) -> bytes:
    """:func:`write_package` for a body already packed (tests re-sign a changed body with it)."""
    fields = _header_fields(header)
    fields.update(records=count, body_sha256=hashlib.sha256(body).hexdigest(), body_bytes=len(body))
    signed = dict(fields, signature=sign(key, canonical_json(fields)))
    return MAGIC + canonical_json(signed) + b"\n" + body


def read_package(data: bytes, trusted: Mapping[str, str], this_site: str) -> Package:
    """Check everything about ``data`` and return the package; :class:`PackageRejected` otherwise.

    ``trusted`` maps each registered peer's code to its public key.  The checks
    run from the outside in — what the file is, its header, who signed it, whom
    it is for, its body — and the first that fails names the rejection.
    """
    header, body = check_package(data, trusted, this_site)
    return unpack_package(header, body)


def check_package(data: bytes, trusted: Mapping[str, str], this_site: str) -> tuple[Header, bytes]:
    """Every check of :func:`read_package` but unpacking the body: enough to know a package already taken in."""
    header_raw, body = _split(data)
    fields = _header_json(header_raw)
    signature = fields.pop("signature", None)
    header = _header(fields)
    if not isinstance(signature, str) or not signature:
        raise PackageRejected(RejectCode.UNSIGNED, f"from {header.from_site}")
    public_key = trusted.get(header.from_site)
    if public_key is None:
        raise PackageRejected(RejectCode.UNKNOWN_SITE, header.from_site)
    try:
        signed_bytes = canonical_json(fields)
    except (ValueError, TypeError) as err:  # a string no UTF-8 can carry
        raise PackageRejected(RejectCode.BAD_HEADER, str(err)) from err
    if not verify(public_key, signed_bytes, signature):
        raise PackageRejected(RejectCode.BAD_SIGNATURE, f"from {header.from_site}")
    if header.to_site != this_site:
        raise PackageRejected(RejectCode.WRONG_DESTINATION, f"to {header.to_site}, this is {this_site}")
    if len(body) < header.body_bytes:
        raise PackageRejected(RejectCode.TRUNCATED, f"body {len(body)} of {header.body_bytes} bytes")
    if len(body) != header.body_bytes or hashlib.sha256(body).hexdigest() != header.body_sha256:
        raise PackageRejected(RejectCode.BODY_MISMATCH, "body differs from the one signed")
    return header, body


def unpack_package(header: Header, body: bytes) -> Package:
    """The checked body's records (:func:`check_package` first)."""
    records = _unpack(body)
    if len(records) != header.records:
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"{len(records)} records, header says {header.records}")
    return Package(header, records)


def _split(data: bytes) -> tuple[bytes, bytes]:
    if not data.startswith(MAGIC):
        found = _MAGIC_ANY.match(data[:32])
        if found is not None and int(found.group(1)) > FORMAT_VERSION:
            raise PackageRejected(RejectCode.TOO_NEW, f"format {int(found.group(1))}")
        if data and MAGIC.startswith(data):
            raise PackageRejected(RejectCode.TRUNCATED, "ends inside the first line")
        raise PackageRejected(RejectCode.NOT_A_PACKAGE, "no COUNTER-SYNC first line")
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        raise PackageRejected(RejectCode.TRUNCATED, "ends inside the header")
    return data[len(MAGIC) : end], data[end + 1 :]


def _header_json(raw: bytes) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as err:
        raise PackageRejected(RejectCode.BAD_HEADER, "header is not JSON") from err
    if not isinstance(value, dict):
        raise PackageRejected(RejectCode.BAD_HEADER, "header is not a JSON object")
    version = value.get("format")
    if type(version) is int and version > FORMAT_VERSION:
        raise PackageRejected(RejectCode.TOO_NEW, f"format {version}")
    return value


_SHA256 = re.compile(r"^[0-9a-f]{64}$")
# NUL or a surrogate written as an escape (not after an escaped backslash): canonical JSON never writes one,
# since it writes every character as itself, and no database column could keep it
_ESCAPE_HINT = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")  # a quick first look: found in no ordinary body
_ESCAPED_UNSTORABLE = re.compile(rb"(?<!\\)(?:\\\\)*\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")
_TEXT_FIELDS = ("from_site", "from_kind", "to_site", "kind", "created_at", "body_sha256")
_INT_FIELDS = ("format", "export_no", "records", "body_bytes")


def _header(fields: Mapping[str, Any]) -> Header:
    """The header from its JSON, every problem named at once in the rejection's detail."""
    problems = [f"{name} missing or not text" for name in _TEXT_FIELDS if not isinstance(fields.get(name), str)]
    problems += [
        f"{name} missing or not a whole number >= 0"
        for name in _INT_FIELDS
        if type(fields.get(name)) is not int or fields[name] < 0
    ]
    since_raw = fields.get("since")
    if since_raw is not None and not isinstance(since_raw, str):
        problems.append("since not text")
    if problems:
        raise PackageRejected(RejectCode.BAD_HEADER, "; ".join(problems))
    if fields["format"] != FORMAT_VERSION:
        problems.append(f"format {fields['format']}")
    kinds = {k.value for k in PackageKind}
    if fields["kind"] not in kinds:
        problems.append(f"kind {fields['kind']!r}")
    if not _SHA256.match(fields["body_sha256"]):
        problems.append("body_sha256 not 64 hex digits")
    created_at, since = _when(fields["created_at"], problems), None
    if since_raw is not None:
        since = _when(since_raw, problems)
    if problems or created_at is None:
        raise PackageRejected(RejectCode.BAD_HEADER, "; ".join(problems))
    return Header(
        from_site=fields["from_site"],
        from_kind=fields["from_kind"],
        to_site=fields["to_site"],
        kind=PackageKind(fields["kind"]),
        export_no=fields["export_no"],
        created_at=created_at,
        since=since,
        records=fields["records"],
        body_sha256=fields["body_sha256"],
        body_bytes=fields["body_bytes"],
        format=fields["format"],
    )


def _when(raw: str, problems: list[str]) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        problems.append(f"time {raw[:40]!r}")
        return None
    if value.tzinfo is None:
        problems.append(f"time without zone {raw[:40]!r}")
        return None
    return value


def _unpack(body: bytes) -> list[Any]:
    """The body's records; anything that is not gzip of a JSON list is a structure error."""
    try:
        inflater = zlib.decompressobj(wbits=31)  # gzip framing
        text = inflater.decompress(body, MAX_BODY)
        if inflater.unconsumed_tail:
            raise PackageRejected(RejectCode.BAD_STRUCTURE, "body unpacks to more than the limit")
        if not inflater.eof or inflater.unused_data:
            raise PackageRejected(RejectCode.BAD_STRUCTURE, "body is not one whole gzip stream")
        if _ESCAPE_HINT.search(text) and _ESCAPED_UNSTORABLE.search(text):
            raise PackageRejected(RejectCode.BAD_STRUCTURE, "body holds NUL or half a surrogate pair")
        value = orjson.loads(text)  # the C reader: the body is most of what an import spends in Python
    except (zlib.error, ValueError, RecursionError) as err:
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"body unreadable: {type(err).__name__}") from err
    if not isinstance(value, list):
        raise PackageRejected(RejectCode.BAD_STRUCTURE, "body is not a list of records")
    return value

"""The sync package: one signed, encrypted file carried between a township centre and its hall.

Layout, byte for byte::

    COUNTER-SYNC/3\n          (or COUNTER-SYNC/2\n: see below)
    {header as canonical JSON}\n
    body: the records as canonical JSON (sorted keys), gzipped, then sealed to the receiving site

Format 3 is format 2 whose body may also hold 帮您办 projects (``project`` records).  The first line and the
header's ``format`` say which, and agree.  A package is written in the lowest format that holds its records
(:func:`counter.actions.sync.packages.export_package`), so a township's package without projects, and every hall's
update, still reads at a site whose program knows only format 2, while one with projects is refused there whole as
written by a newer program (``too_new``) rather than half taken in. This program reads both; a format-2 package
holding a project is refused as malformed (:mod:`counter.actions.sync.packages`). The sealing and signing are the same
in both. Format 4 is a hall's update that also tells the township why its records wait on the hall's review list (a
``held`` record): written only to a township the hall has held a record of, which needs the program that reads it to
see why, and is told to upgrade (``too_new``) by an older one. Format 6 is a township's package holding a case with
its bundle's subject (the newborn, the household: a ``subject`` of the case record): a hall whose program knows only
format 5 would read the record and drop the field it does not know, so it is told to upgrade instead; a package
without one is written as before. Format 7 is a township's package holding the pages its document camera took of the
cases' materials (``page`` records): a hall of format 6 would refuse the package as malformed for a record it does not
know, its clerk not told why, so it is told to upgrade (``too_new``); a package without pages is written as before.

The header names the format and the algorithm suite (:data:`SUITE`), the
sender (code and kind), the site it is addressed to, the package's kind and
number, when it was written, how many records and how many unpacked bytes it
holds, the sender's one-time X25519 key, and the SHA-256 (SM3 in the national
suite, ``body_sm3``) and length of the sealed body; ``signature`` is the sender's Ed25519 signature over the
canonical header *without* the signature.  The header line must be byte for
byte the canonical JSON of its fields with the signature (what
:func:`sign_sealed` writes, and has written since format 2): another
spelling of the same fields — spaces, key order, a key twice, an escape — is
refused as ``bad_header``, so one signed header has one file form.  A package that is one of several
written by one export also names its ``series`` (the first export number and
how many), signed with the rest, so the receiver can tell a later part taken
in before an earlier one; a package alone has no ``series`` and reads as before.

Encrypt, then sign.  The signature covers the sealed bytes through their hash,
so it is checked before anything is decrypted or unpacked: a stranger cannot
make the importer do more than hash a file.  The sealing's associated data is
the header without the body's hash and length (sender, receiver, kind, number,
sizes, one-time key), and the AEAD key is derived with the receiver's public
key, so:

- a sealed body swapped for another (even one really sealed to this site) has
  another hash, and the signature refuses it;
- a body lifted from a package of site A and re-signed by B under B's name does
  not open, because A's name is in the associated data; and the receiver of a
  package cannot re-seal it to a third site as A's, for lack of A's signing key;
- a package sealed to another site's key does not open here, whatever its header says.

Sign-then-encrypt would have hidden the sender's name too, but the importer
would have to decrypt and inflate whatever any stranger sent before knowing who
sent it; the site codes are not secret, the cases are.

Limits come before work: the file's size is checked before it is read
(:func:`read_package_file`), the header's declared record count and unpacked
size before anything is decrypted, and the body is inflated with a bound of the
declared size, so a gzip bomb stops at that bound however well signed it is.

:func:`check_package` then :func:`unpack_package` turn any bytes into a :class:`Package` or raise
:class:`PackageRejected` with one code of :class:`RejectCode` and a detail in
English for the log; it raises nothing else, whatever the input.  The words the
clerk reads are in :mod:`counter.words.sync`.

Why one module: it is one byte layout, written and read.  Every header field is written by :func:`_header_fields` and
read back, distrusted, by :func:`_header`, and each format added changed both ends at once; apart, the two would
drift.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import orjson
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from counter.sync import sm_seal
from counter.sync.keys import sign, verify
from counter.sync.seal import SUITE, new_ephemeral, open_sealed, seal
from counter.sync.sm_seal import SM_SUITE, Sm2PrivateKey
from counter.util.bounded_read import TooLarge, read_bounded

FORMAT_VERSION = 8  # the newest format this program writes and reads
CASES_FORMAT = 2  # cases, acknowledgements and the hall's updates: what a package without projects is written in
PROJECTS_FORMAT = 3  # format 2 and 帮您办 projects
HELD_FORMAT = 4  # a hall's update with the township's records it holds for review (counter.sync.records.HeldRecord)
SEALS_FORMAT = 5  # a township's cases (and projects) with the seals of its trail (counter.sync.records.SealRecord)
SUBJECT_FORMAT = 6  # format 5 whose cases may hold their bundle's subject (counter.sync.records.CaseRecord.subject)
PAGES_FORMAT = 7  # format 6 and the pages a desk's camera took of materials (counter.sync.records.PageRecord)
APPEALS_FORMAT = 8  # a hall's update with the appeals it decided of the township's ratings (records.AppealRecord)
#: what this reads
FORMATS = (CASES_FORMAT, PROJECTS_FORMAT, HELD_FORMAT, SEALS_FORMAT, SUBJECT_FORMAT, PAGES_FORMAT, APPEALS_FORMAT)
MAGICS = {n: f"COUNTER-SYNC/{n}\n".encode("ascii") for n in FORMATS}
OLD_FORMATS = (1,)  # unencrypted: refused by name, the sender must upgrade (docs/sync-crypto.md)
SUITES = (SUITE, SM_SUITE)  # every site reads both; a site writes the one it chose (docs/sync-crypto.md)
#: the header field of the sealed body's hash in each suite: SM3 in the national one, so that no step of it is not SM
BODY_HASH_FIELDS = {SUITE: "body_sha256", SM_SUITE: "body_sm3"}
_BODY_HASHES = tuple(BODY_HASH_FIELDS.values())
_MAGIC_ANY = re.compile(rb"^COUNTER-SYNC/(\d{1,9})\n")
# Ten thousand cases, a large township's several years, unpack to about 40 MB and pack to a tenth of that:
# the bounds leave a wide margin and still keep a refused file to a few hundred megabytes of work at most.
MAX_FILE = 256 << 20  # the package file as read
MAX_PLAIN = 256 << 20  # the records as JSON, declared and unpacked
MAX_RECORDS = 200_000
MAX_HEADER = 16 << 10  # the header line: a few hundred bytes in practice
# The largest whole number a header may hold: what every database column keeps (PostgreSQL's integer).  A township
# numbers its packages from 1, one per export; a number beyond this was written by no desk.
MAX_NUMBER = 2**31 - 1


class PackageKind(StrEnum):
    CASES = "cases"  # township → hall: its cases with everything that belongs to them
    UPDATES = "updates"  # hall → township: catalog, holidays, settings, case progress, acknowledgement


class RejectCode(StrEnum):
    NOT_A_PACKAGE = "not_a_package"  # some other file
    TOO_NEW = "too_new"  # written by a newer program, in a format this one cannot read
    OLD_FORMAT = "old_format"  # COUNTER-SYNC/1, unencrypted: the sender's program must be upgraded
    UNKNOWN_SUITE = "unknown_suite"  # sealed or signed with algorithms this program does not have
    TOO_LARGE = "too_large"  # the file, its declared records or unpacked size beyond the limits, or a gzip bomb
    TRUNCATED = "truncated"  # cut short (a copy that did not finish)
    BAD_HEADER = "bad_header"  # the header is not what this program writes
    UNSIGNED = "unsigned"
    UNKNOWN_SITE = "unknown_site"  # the sender is not a registered peer
    BAD_SIGNATURE = "bad_signature"  # changed after signing, or signed by another key
    WRONG_DESTINATION = "wrong_destination"  # addressed to another site
    BODY_MISMATCH = "body_mismatch"  # the body is not the one the header was signed with
    NOT_FOR_THIS_KEY = "not_for_this_key"  # signed, but sealed to another key (or changed by its sender)
    BAD_STRUCTURE = "bad_structure"  # signed and whole, but its records cannot be read
    NUMBER_REUSED = "number_reused"  # a different package under a number already taken in from that site
    SERIES_INCOMPLETE = "series_incomplete"  # a later package of a series whose earlier ones are not taken in yet
    STALE = "stale"  # written before the last package taken in from its sender (counter.sync.freshness)
    DATED_AHEAD = "dated_ahead"  # dated days ahead of this site's clock (counter.sync.freshness)


class PackageRejected(Exception):
    """The whole package is refused; nothing of it may be imported."""

    def __init__(self, code: RejectCode, detail: str = "", earlier: tuple[tuple[int, int], ...] = ()) -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.detail = detail
        self.earlier = earlier  # SERIES_INCOMPLETE: (part, export number) of each package to take in first


@dataclass(frozen=True, slots=True)
class Header:
    """What a package says about itself; the fields after ``records`` are filled in by :func:`write_packed`."""

    from_site: str
    from_kind: str  # hall / township (counter.sync.sites.SiteKind values)
    to_site: str
    kind: PackageKind
    export_no: int
    created_at: dt.datetime
    since: dt.datetime | None
    records: int
    #: the sealed body's hash, hex: SHA-256 in :data:`SUITE` (header field ``body_sha256``), SM3 in :data:`SM_SUITE`
    #: (``body_sm3``), :func:`body_hash`
    body_sha256: str = ""
    body_bytes: int = 0
    format: int = CASES_FORMAT  # PROJECTS_FORMAT for a package holding projects
    suite: str = SUITE  # SM_SUITE for a package sealed and signed with SM2, SM3 and SM4
    plain_bytes: int = 0  # the records' canonical JSON, unpacked
    #: the sender's one-time X25519 public key, base64; in SM_SUITE the SM2 ciphertext of the body's SM4 key
    ephemeral_key: str = ""
    series: tuple[int, int] | None = None  # one of several packages of an export: (first export number, count)
    #: the sender's new keys, announced under its old one after a rotation (:mod:`counter.sync.key_change`); ""
    key_change: str = ""

    @property
    def part(self) -> int:
        """Which package of its series this is, from 1 (a package alone is the first of one)."""
        return 1 if self.series is None else self.export_no - self.series[0] + 1


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


def body_hash(suite: str, sealed: bytes) -> str:
    """The sealed body's hash as its suite's header holds it (hex): SM3 for :data:`SM_SUITE`, SHA-256 otherwise.
    What the signature covers of the body, and how a receiver knows a package it has taken in."""
    if suite == SM_SUITE:
        digest = hashes.Hash(hashes.SM3())
        digest.update(sealed)
        return digest.finalize().hex()
    return hashlib.sha256(sealed).hexdigest()


def _header_fields(header: Header) -> dict[str, Any]:
    """The header as JSON; ``series`` only where there is one, so that a package alone is written as before."""
    fields: dict[str, Any] = {
        "format": header.format,
        "from_site": header.from_site,
        "from_kind": header.from_kind,
        "to_site": header.to_site,
        "kind": header.kind.value,
        "export_no": header.export_no,
        "created_at": _iso(header.created_at),
        "since": None if header.since is None else _iso(header.since),
        "records": header.records,
        "suite": header.suite,
        "plain_bytes": header.plain_bytes,
        "ephemeral_key": header.ephemeral_key,
        BODY_HASH_FIELDS[header.suite]: header.body_sha256,
        "body_bytes": header.body_bytes,
    }
    if header.series is not None:
        fields["series"] = list(header.series)
    if header.key_change:  # only after a rotation: a package without one is written as before
        fields["key_change"] = header.key_change
    return fields


def _associated(fields: Mapping[str, Any]) -> bytes:
    """What the seal binds the body to: the header but the sealed body's own hash and length (and the signature)."""
    return canonical_json({k: v for k, v in fields.items() if k not in (*_BODY_HASHES, "body_bytes", "signature")})


def encode_record(record: Any) -> bytes:
    """One record in the body's canonical form (sorted keys, no spaces, UTF-8, as :func:`canonical_json`): the body
    :func:`counter.sync.body_packer.packed_groups` packs of these is the gzipped JSON list of the records."""
    return orjson.dumps(record, option=orjson.OPT_SORT_KEYS)


SigningKey = Ed25519PrivateKey | Sm2PrivateKey
OpeningKey = X25519PrivateKey | Sm2PrivateKey


def write_packed(header: Header, packed: bytes, count: int, plain_bytes: int, key: SigningKey, recipient: str) -> bytes:
    """The package file for a body already gzipped (:mod:`counter.sync.body_packer`), sealed to ``recipient`` (the
    receiving site's public key, base64, from its site card) and signed with ``key``: the header's counts, sizes,
    suite, one-time key and body hash are set here.

    The sender's key names the suite: an Ed25519 key seals to the receiver's X25519 key (:data:`SUITE`), an SM2
    key to the receiver's SM2 key (:data:`SM_SUITE`).  ValueError for a recipient key of the other kind.
    """
    fields = _header_fields(header)
    fields.update(records=count, plain_bytes=plain_bytes)
    if isinstance(key, Sm2PrivateKey):
        content_key, sealed_key = sm_seal.new_content_key(recipient)
        fields.update(ephemeral_key=sealed_key, suite=SM_SUITE)
        return sign_sealed(fields, sm_seal.seal(packed, content_key, _associated(fields)), key)
    ephemeral, ephemeral_key = new_ephemeral()
    fields.update(ephemeral_key=ephemeral_key, suite=SUITE)
    sealed = seal(packed, ephemeral, recipient, _associated(fields))
    return sign_sealed(fields, sealed, key)


def sign_sealed(fields: dict[str, Any], sealed: bytes, key: SigningKey) -> bytes:
    """The file for a sealed body under ``fields`` (its hash, by the suite's hash, and length set here), signed with
    ``key``."""
    fields = {k: v for k, v in fields.items() if k not in (*_BODY_HASHES, "signature")}
    suite = str(fields["suite"])
    fields.update({BODY_HASH_FIELDS.get(suite, "body_sha256"): body_hash(suite, sealed), "body_bytes": len(sealed)})
    header = canonical_json(fields)
    signature = sm_seal.sign(key, header) if isinstance(key, Sm2PrivateKey) else sign(key, header)
    signed = dict(fields, signature=signature)
    return MAGICS[fields["format"]] + canonical_json(signed) + b"\n" + sealed


def read_package_file(path: Path) -> bytes:
    """The bytes of the package file at ``path``, refused as too large before more than the limit is read.

    Raises :class:`OSError` as reading does, and :class:`PackageRejected`
    (``TOO_LARGE``) for a file beyond :data:`MAX_FILE`, read as every imported
    file is (:func:`counter.util.bounded_read.read_bounded`): a package is one more
    file handed to the desk, refused in the words of a package.
    """
    try:
        return read_bounded(path, MAX_FILE)
    except TooLarge as err:
        raise PackageRejected(RejectCode.TOO_LARGE, f"file of more than {MAX_FILE} bytes") from err


def check_package(
    data: bytes, trusted: Mapping[str, str], this_site: str, trusted_sm2: Mapping[str, str] | None = None
) -> tuple[Header, bytes]:
    """Every check of a package but opening its body (:func:`unpack_package`): enough to know one already taken in.

    ``trusted`` maps each registered peer's code to its public signing key, ``trusted_sm2`` to its SM2 public key
    (for a package of :data:`SM_SUITE`; a peer whose card had none is unknown to that suite).  The checks run from
    the outside in — what the file is, its header and limits, who signed it, whom it is for — and the first that
    fails names the rejection (:class:`PackageRejected`).
    """
    if len(data) > MAX_FILE:
        raise PackageRejected(RejectCode.TOO_LARGE, f"file of {len(data)} bytes")
    magic_format, header_raw, body = _split(data)
    fields = _header_json(header_raw)
    signature = fields.pop("signature", None)
    header = _header(fields)
    if header.format != magic_format:
        raise PackageRejected(RejectCode.BAD_HEADER, f"format {header.format} under COUNTER-SYNC/{magic_format}")
    if not isinstance(signature, str) or not signature:
        raise PackageRejected(RejectCode.UNSIGNED, f"from {header.from_site}")
    national = header.suite == SM_SUITE
    public_key = (trusted_sm2 or {}).get(header.from_site) if national else trusted.get(header.from_site)
    if not public_key:
        raise PackageRejected(RejectCode.UNKNOWN_SITE, header.from_site + (" (no SM2 key registered)" * national))
    try:
        signed_bytes = canonical_json(fields)
    except (ValueError, TypeError) as err:  # a string no UTF-8 can carry
        raise PackageRejected(RejectCode.BAD_HEADER, str(err)) from err
    if not (sm_seal.verify if national else verify)(public_key, signed_bytes, signature):
        raise PackageRejected(RejectCode.BAD_SIGNATURE, f"from {header.from_site}")
    if canonical_json(_header_fields(header)) != signed_bytes:  # the seal is bound to the header as written here
        raise PackageRejected(RejectCode.BAD_HEADER, "header not as this program writes it")
    if header_raw != canonical_json({**fields, "signature": signature}):
        # the signature covers the fields, not their spelling: only the one spelling the exporter writes is read,
        # so no two files of different bytes carry the same signed header
        raise PackageRejected(RejectCode.BAD_HEADER, "header not in its canonical form")
    if header.to_site != this_site:
        raise PackageRejected(RejectCode.WRONG_DESTINATION, f"to {header.to_site}, this is {this_site}")
    if len(body) < header.body_bytes:
        raise PackageRejected(RejectCode.TRUNCATED, f"body {len(body)} of {header.body_bytes} bytes")
    if len(body) != header.body_bytes or body_hash(header.suite, body) != header.body_sha256:
        raise PackageRejected(RejectCode.BODY_MISMATCH, "body differs from the one signed")
    return header, body


def unpack_package(header: Header, body: bytes, key: OpeningKey, sm2_key: Sm2PrivateKey | None = None) -> Package:
    """The checked body's records (:func:`check_package` first), opened with this site's encryption ``key`` (its
    X25519 key), or for a package of :data:`SM_SUITE` its SM2 key (``sm2_key``, or ``key`` when that is one)."""
    aad = _associated(_header_fields(header))
    packed: bytes | None = None
    if header.suite == SM_SUITE:
        opener = sm2_key if sm2_key is not None else key
        if isinstance(opener, Sm2PrivateKey):
            packed = sm_seal.open_sealed(body, header.ephemeral_key, opener, aad)
    elif isinstance(key, X25519PrivateKey):
        packed = open_sealed(body, header.ephemeral_key, key, aad)
    if packed is None:
        raise PackageRejected(RejectCode.NOT_FOR_THIS_KEY, f"from {header.from_site} to {header.to_site}")
    records = _unpack(packed, header.plain_bytes)
    if len(records) != header.records:
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"{len(records)} records, header says {header.records}")
    return Package(header, records)


def announced_key_change(data: bytes) -> tuple[str, str]:
    """The sender's code and the key change its header announces ("" for none), read without any check: the
    statement is checked with the key the receiver holds (:func:`counter.sync.key_change.read_key_change`), and the
    package then by :func:`check_package` with the key it names."""
    try:
        _format, raw, _body = _split(data)
        fields = _header_json(raw)
    except PackageRejected:
        return "", ""
    site, change = fields.get("from_site"), fields.get("key_change")
    return (site if isinstance(site, str) else ""), (change if isinstance(change, str) else "")


def package_name(data: bytes) -> str:
    """How the log names a package, refused or not: its sender and number as its header says, and its size.

    Read without any check (the package may be refused for its header itself): the names are those the file
    claims, cut short, and never anything of its body.
    """
    try:
        _format, raw, _body = _split(data)
        fields = _header_json(raw)
    except PackageRejected:
        return f"of {len(data)} bytes"
    site, number = fields.get("from_site"), fields.get("export_no")
    site = site[:12] if isinstance(site, str) else "?"
    return f"{site}#{number if type(number) is int else '?'} of {len(data)} bytes"


def _split(data: bytes) -> tuple[int, bytes, bytes]:
    """The format the first line names, the header line and the body."""
    magic_format = next((n for n, magic in MAGICS.items() if data.startswith(magic)), None)
    if magic_format is None:
        found = _MAGIC_ANY.match(data[:32])
        if found is not None and int(found.group(1)) > FORMAT_VERSION:
            raise PackageRejected(RejectCode.TOO_NEW, f"format {int(found.group(1))}")
        if found is not None and int(found.group(1)) in OLD_FORMATS:
            raise PackageRejected(RejectCode.OLD_FORMAT, f"format {int(found.group(1))}")
        if data and any(magic.startswith(data) for magic in MAGICS.values()):
            raise PackageRejected(RejectCode.TRUNCATED, "ends inside the first line")
        raise PackageRejected(RejectCode.NOT_A_PACKAGE, "no COUNTER-SYNC first line")
    start = len(MAGICS[magic_format])
    end = data.find(b"\n", start, start + MAX_HEADER + 1)
    if end < 0:
        if len(data) > start + MAX_HEADER:
            raise PackageRejected(RejectCode.BAD_HEADER, f"header longer than {MAX_HEADER} bytes")
        raise PackageRejected(RejectCode.TRUNCATED, "ends inside the header")
    return magic_format, data[start:end], data[end + 1 :]


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
_TEXT_FIELDS = ("from_site", "from_kind", "to_site", "kind", "created_at", "suite", "ephemeral_key")
_INT_FIELDS = ("format", "export_no", "records", "body_bytes", "plain_bytes")


def _header(fields: Mapping[str, Any]) -> Header:
    """The header from its JSON, every problem named at once in the rejection's detail."""
    hash_field = BODY_HASH_FIELDS.get(str(fields.get("suite")), "body_sha256")
    problems = [
        f"{name} missing or not text" for name in (*_TEXT_FIELDS, hash_field) if not isinstance(fields.get(name), str)
    ]
    problems += [
        f"{name} missing or not a whole number >= 0"
        for name in _INT_FIELDS
        if type(fields.get(name)) is not int or fields[name] < 0
    ]
    if not problems and fields["export_no"] > MAX_NUMBER:  # the sizes have limits of their own, far below
        problems.append(f"export_no beyond {MAX_NUMBER}")
    since_raw = fields.get("since")
    if since_raw is not None and not isinstance(since_raw, str):
        problems.append("since not text")
    if problems:
        raise PackageRejected(RejectCode.BAD_HEADER, "; ".join(problems))
    if fields["format"] not in FORMATS:
        problems.append(f"format {fields['format']}")
    if fields["suite"] not in SUITES:
        raise PackageRejected(RejectCode.UNKNOWN_SUITE, fields["suite"][:80])
    if fields["records"] > MAX_RECORDS or fields["plain_bytes"] > MAX_PLAIN or fields["body_bytes"] > MAX_FILE:
        raise PackageRejected(
            RejectCode.TOO_LARGE,
            f"{fields['records']} records, {fields['plain_bytes']} bytes unpacked, {fields['body_bytes']} sealed",
        )
    kinds = {k.value for k in PackageKind}
    if fields["kind"] not in kinds:
        problems.append(f"kind {fields['kind']!r}")
    if not _SHA256.match(fields[hash_field]):
        problems.append(f"{hash_field} not 64 hex digits")
    created_at, since = _when(fields["created_at"], problems), None
    if since_raw is not None:
        since = _when(since_raw, problems)
    series = _series(fields, problems)
    key_change = fields.get("key_change", "")
    if not isinstance(key_change, str) or ("key_change" in fields and not key_change):
        problems.append("key_change not text")
        key_change = ""
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
        body_sha256=fields[hash_field],
        body_bytes=fields["body_bytes"],
        format=fields["format"],
        suite=fields["suite"],
        plain_bytes=fields["plain_bytes"],
        ephemeral_key=fields["ephemeral_key"],
        series=series,
        key_change=key_change,
    )


def _series(fields: Mapping[str, Any], problems: list[str]) -> tuple[int, int] | None:
    """The series a package belongs to: two whole numbers, a first and a count of at least two that hold it."""
    raw = fields.get("series")
    if raw is None:
        return None
    if not (isinstance(raw, list) and len(raw) == 2 and all(type(n) is int for n in raw)):
        problems.append("series not two whole numbers")
        return None
    first, count = raw
    if count > MAX_NUMBER:
        problems.append(f"series count beyond {MAX_NUMBER}")
        return None
    if first < 1 or count < 2 or not first <= fields["export_no"] < first + count:
        problems.append(f"series {first}+{count} does not hold number {fields['export_no']}")
        return None
    return first, count


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


def _unpack(packed: bytes, declared: int) -> list[Any]:
    """The body's records; anything that is not gzip of a JSON list of ``declared`` bytes is refused.

    The inflating stops one byte past the declared size (itself at most
    :data:`MAX_PLAIN`): a bomb that declares a small size is refused having
    made no more than that, and zlib's output grows in blocks up to the bound
    rather than being allocated at once.
    """
    try:
        inflater = zlib.decompressobj(wbits=31)  # gzip framing
        text = inflater.decompress(packed, declared + 1)
        if len(text) > declared:
            raise PackageRejected(RejectCode.TOO_LARGE, f"body unpacks to more than the declared {declared} bytes")
        if not inflater.eof or inflater.unused_data or inflater.unconsumed_tail or len(text) != declared:
            raise PackageRejected(RejectCode.BAD_STRUCTURE, "body is not one whole gzip stream")
        if _ESCAPE_HINT.search(text) and _ESCAPED_UNSTORABLE.search(text):
            raise PackageRejected(RejectCode.BAD_STRUCTURE, "body holds NUL or half a surrogate pair")
        value = orjson.loads(text)  # the C reader: the body is most of what an import spends in Python
    except (zlib.error, ValueError, RecursionError) as err:
        raise PackageRejected(RejectCode.BAD_STRUCTURE, f"body unreadable: {type(err).__name__}") from err
    if not isinstance(value, list):
        raise PackageRejected(RejectCode.BAD_STRUCTURE, "body is not a list of records")
    return value

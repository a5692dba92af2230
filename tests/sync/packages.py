"""Package files made and read whole, as a site's sending and taking in do in steps (counter.sync.package)."""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from counter.sync.package import (
    CASES_FORMAT,
    MAGICS,
    Header,
    Package,
    SigningKey,
    check_package,
    unpack_package,
    write_packed,
)


def pack_body(records: list[Any]) -> tuple[bytes, int]:
    """The gzipped records (without a timestamp) and their unpacked length.

    The records are written by orjson, in the canonical form of :func:`counter.sync.package.canonical_json` (sorted
    keys, no spaces, UTF-8), as the app's body packer writes them (:mod:`counter.sync.body_packer`).
    """
    plain = orjson.dumps(records, option=orjson.OPT_SORT_KEYS)
    return gzip.compress(plain, compresslevel=6, mtime=0), len(plain)


def write_package(header: Header, records: list[Any], key: SigningKey, recipient: str) -> bytes:
    """The package file for ``records`` (plain JSON data), sealed to ``recipient`` and signed with ``key``.

    ``recipient`` is the receiving site's X25519 public key (base64, from its
    site card), or its SM2 key for a ``key`` of the national suite.  The
    header's counts, sizes, one-time key and body hash are set here.
    """
    packed, plain_bytes = pack_body(records)
    return write_packed(header, packed, len(records), plain_bytes, key, recipient)


def read_package(data: bytes, trusted: Mapping[str, str], this_site: str, key: X25519PrivateKey) -> Package:
    """Check everything about ``data`` and return the package; :class:`PackageRejected` otherwise.

    ``trusted`` maps each registered peer's code to its public signing key;
    ``key`` is this site's private encryption key.  The checks run from the
    outside in — what the file is, its header and limits, who signed it, whom
    it is for, its body — and the first that fails names the rejection.
    """
    header, body = check_package(data, trusted, this_site)
    return unpack_package(header, body, key)


#: the first line of a package of format 2 (cases only), as the tests of the format read it
MAGIC = MAGICS[CASES_FORMAT]

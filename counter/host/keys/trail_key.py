"""The site's trail key: what the audit trail's entries are chained under with HMAC-SM3 (:mod:`counter.audit.chain`).

Why a key outside the database.  A chain of plain hashes can be computed again by whoever can write the database,
after any edit; a chain under a key they cannot read cannot.  The key is 32 random bytes in ``keys/site-trail-sm3.key``
beside the site's signing key (the hall server's key folder, a township laptop's), written 0600, made by the machine
that seals the trail the first time it seals (:func:`ensure_trail_key`).  From then on every entry written where the
file is is chained with HMAC-SM3; a machine without it (a copy of the database on a support engineer's computer)
chains and checks with SHA-256 only, and ``audit verify`` there says how many entries it could not check.

The file is read at every entry written, so its bytes are kept while its size and time of change stay the same.
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from counter.util.secret_file import write_new_secret

log = logging.getLogger(__name__)

KEY_BYTES = 32
_cache: dict[Path, tuple[tuple[int, int], bytes | None]] = {}


def trail_key_path(site_key: Path) -> Path:
    """The trail key's file, beside the site's signing key (``keys/site.key`` → ``keys/site-trail-sm3.key``)."""
    return site_key.with_name(f"{site_key.stem}-trail-sm3.key")


def read_trail_key(path: Path) -> bytes | None:
    """The key, or None where there is no such file (or one that is not a key: then nothing is chained under it)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    mark = (stat.st_size, stat.st_mtime_ns)
    kept = _cache.get(path)
    if kept is not None and kept[0] == mark:
        return kept[1]
    try:
        raw = path.read_bytes() if stat.st_size == KEY_BYTES else b""
    except OSError:
        return None
    key = raw if len(raw) == KEY_BYTES else None
    _cache[path] = (mark, key)
    return key


def ensure_trail_key(path: Path) -> bytes | None:
    """The key, made (32 random bytes, 0600, flushed) where there is none yet; one made meanwhile by another process
    stands, and is the one returned (:func:`counter.util.secret_file.write_new_secret`): entries it chained under
    its key must keep checking.

    None where something that is not a key stands at ``path`` (a file cut short or unreadable, a folder): it is
    never replaced, being maybe the only copy of the key the entries so far were chained under, and nothing is
    chained under it (:func:`read_trail_key`), as on a machine without the key.
    """
    key = read_trail_key(path)
    if key is not None:
        return key
    if path.exists():
        log.error("trail key file %s is not a key: left as it is, entries are chained without it", path)
        return None
    write_new_secret(path, secrets.token_bytes(KEY_BYTES))
    return read_trail_key(path)

"""The site's data keys: what personal data is sealed under at rest (:mod:`counter.db.sealed`), GB/T 39786-2021 8.4 e).

Why keys outside the database.  ID numbers, phones and addresses sealed under a key kept in the same database would
be read by whoever reads the database, its dump or its backup.  The keys are files beside the site's signing key (the
hall server's key folder, a township laptop's), written 0600, made by the machine that writes the database the first
time it seals a value (:func:`ensure_data_keys`):

- ``site-data-sm4-<n>.key``: 16 random bytes, an SM4 key; ``n`` (1, 2, …) is the key's id, carried in every value
  sealed under it, so a rotation tells the values still under an old key from those already under the new one.  The
  highest ``n`` seals; every key present opens.  A rotation adds ``n + 1``, seals every value again under it, and only
  then removes the older files (:func:`drop_keys_below`).
- ``site-data-index-sm3.key``: 32 random bytes, the key of the keyed index (HMAC-SM3) by which an ID number or a phone
  is found by equality without being stored in clear.  It is not rotated with the SM4 keys: the index columns would
  all have to be computed again, and an index value reveals nothing of the number without the key.

A machine without the files (a support engineer's copy of the database) reads the sealed values as a worded
placeholder and finds nobody by number.  The folder is listed once per change of its time of change, so the keys are
not read from disk at every value.

A damaged key.  A key file cut short, unreadable or a folder in its place, the SM4 keys gone while the index key
stands (the keys were made here once), or the index key gone while SM4 keys stand, is found where the folder is
listed (:class:`KeyFileFault`).  A new index key over values indexed under the lost one would say nothing and find
none of them again: F7 by ID number or phone would answer "none" for every case taken before.  Reading goes on
without it (its values read as the placeholder), but nothing is sealed until it is put back: the file is never
replaced, being maybe the only copy of the key values were sealed under, and a new key of the same id would make
both the old values and the new ones unreadable once the old file came back.  :func:`ensure_data_keys` raises
:class:`DataKeyDamaged` instead, which the store names to the clerk as a refusal of the whole unit of work.

The first making.  Both keys are made together, the first time a value is sealed; so that a making cut short (the
power lost between two files) is never taken for a lost key, the index key is first written under a name of its own
(``site-data-index-sm3.key.making``), then the SM4 key, and only then does the index key take its name.  The first
SM4 key standing beside such a staged index key is a making half done, finished at the next sealing; an SM4 key
without either is one whose index key was lost.
"""

from __future__ import annotations

import logging
import re
import secrets
import stat
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from counter.util.secret_file import write_new_secret

SM4_KEY_BYTES = 16
INDEX_KEY_BYTES = 32
_SM4_NAME = re.compile(r"-data-sm4-(\d{1,6})\.key$")

log = logging.getLogger(__name__)


class KeyFileProblem(StrEnum):
    """What is wrong with a data key's file."""

    NOT_A_FILE = "not_a_file"  # a folder (or anything but a regular file) where the key's file should be
    WRONG_SIZE = "wrong_size"  # a file, but not of a key's length: cut short, or another file copied over it
    UNREADABLE = "unreadable"  # a file of a key's length the system does not let this account read
    MISSING = "missing"  # no SM4 key where the index key made with it stands, or the one a rotation seals under
    NOT_ITS_KEY = "not_its_key"  # a key of the id a value was sealed under that does not open it (made anew)


@dataclass(frozen=True, slots=True)
class KeyFileFault:
    """A data key's file found not to be a key: where, what is wrong, and the detail for the log."""

    path: Path
    problem: KeyFileProblem
    detail: str


class DataKeyDamaged(Exception):
    """A data key this machine seals with is damaged or missing: nothing is sealed (see the module's docstring).

    Only plain values, so that the store words it (:mod:`counter.actions.site.store`); ``path`` for the log."""

    def __init__(self, path: Path, problem: KeyFileProblem, detail: str = "") -> None:
        super().__init__(f"data key {path}: {problem.value}" + (f" ({detail})" if detail else ""))
        self.path = path
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True, slots=True)
class DataKeys:
    """The keys found: the SM4 keys by id, the one that seals (the highest id), and the index key; ``damaged``:
    the files named as keys that are not (read without them, sealed with them never)."""

    sm4: dict[int, bytes] = field(default_factory=dict)
    index: bytes | None = None
    damaged: tuple[KeyFileFault, ...] = ()

    @property
    def current(self) -> int | None:
        return max(self.sm4) if self.sm4 else None


_cache: dict[Path, tuple[int, DataKeys]] = {}


def data_key_folder(site_key: Path) -> Path:
    """The folder of the data keys: the site's signing key's (``keys/site.key`` → ``keys/``)."""
    return site_key.parent


def _stem(site_key: Path) -> str:
    return site_key.stem


def sm4_key_path(site_key: Path, key_id: int) -> Path:
    return site_key.with_name(f"{_stem(site_key)}-data-sm4-{key_id}.key")


def index_key_path(site_key: Path) -> Path:
    return site_key.with_name(f"{_stem(site_key)}-data-index-sm3.key")


def making_index_path(site_key: Path) -> Path:
    """Where the first making stages the index key until the first SM4 key stands (see the module's docstring)."""
    return site_key.with_name(f"{_stem(site_key)}-data-index-sm3.key.making")


def read_data_keys(site_key: Path) -> DataKeys:
    """The keys beside ``site_key``; none where the folder or the files are not there (or are not keys)."""
    folder = data_key_folder(site_key)
    try:
        mark = folder.stat().st_mtime_ns
    except OSError:
        return DataKeys()
    kept = _cache.get(site_key)
    if kept is not None and kept[0] == mark:
        return kept[1]
    prefix = f"{_stem(site_key)}-data-"
    sm4: dict[int, bytes] = {}
    index: bytes | None = None
    damaged: list[KeyFileFault] = []
    try:
        names = sorted(p for p in folder.iterdir() if p.name.startswith(prefix))
    except OSError:
        names = []
    for path in names:
        found = _SM4_NAME.search(path.name)
        if path != index_key_path(site_key) and found is None:
            continue  # not named as a key
        raw = _read(path, INDEX_KEY_BYTES if found is None else SM4_KEY_BYTES)
        if isinstance(raw, KeyFileFault):
            damaged.append(raw)
        elif found is None:
            index = raw
        else:
            sm4[int(found.group(1))] = raw
    index_damaged = any(f.path == index_key_path(site_key) for f in damaged)
    if sm4 and index is None and not index_damaged and not _making(site_key, sm4):
        damaged.append(KeyFileFault(index_key_path(site_key), KeyFileProblem.MISSING, "no index key beside SM4"))
    keys = DataKeys(sm4, index, tuple(damaged))
    _cache[site_key] = (mark, keys)
    return keys


def _making(site_key: Path, sm4: dict[int, bytes]) -> bool:
    """The SM4 keys found are a first making's, cut short before its staged index key took its name."""
    return set(sm4) == {1} and isinstance(_read(making_index_path(site_key), INDEX_KEY_BYTES), bytes)


def _read(path: Path, size: int) -> bytes | KeyFileFault:
    """The key in ``path``, or what is wrong with the file (read only when it is a regular file of a key's size)."""
    try:
        found = path.stat()
        if not stat.S_ISREG(found.st_mode):
            return KeyFileFault(path, KeyFileProblem.NOT_A_FILE, "not a regular file")
        raw = path.read_bytes() if found.st_size == size else b""
    except OSError as err:
        return KeyFileFault(path, KeyFileProblem.UNREADABLE, f"{type(err).__name__}: {err.strerror}")
    if len(raw) != size:
        return KeyFileFault(path, KeyFileProblem.WRONG_SIZE, f"{found.st_size} bytes where a key has {size}")
    return raw


def ensure_data_keys(site_key: Path) -> DataKeys:
    """The keys, the first SM4 key and the index key made where there are none yet.

    Raises :class:`DataKeyDamaged` where a key's file is damaged, the SM4 keys are gone while the index key made
    with them stands, or the index key is gone while SM4 keys stand (no new one is made over values indexed under
    it).  A first making cut short is finished: its index key staged, the SM4 key written or not (see the module's
    docstring)."""
    keys = read_data_keys(site_key)
    if keys.damaged:
        raise refused(keys.damaged[0])
    if keys.current is None and keys.index is not None:
        raise refused(KeyFileFault(sm4_key_path(site_key, 1), KeyFileProblem.MISSING, "no SM4 key beside the index"))
    if keys.current is not None and keys.index is not None:
        return keys
    data_key_folder(site_key).mkdir(parents=True, exist_ok=True, mode=0o700)
    making = making_index_path(site_key)
    try:
        staged = write_new_secret(making, secrets.token_bytes(INDEX_KEY_BYTES))  # one made already stands
        if len(staged) != INDEX_KEY_BYTES and keys.current is None:  # left short by a crash: nothing indexed under it
            making.unlink()
            staged = write_new_secret(making, secrets.token_bytes(INDEX_KEY_BYTES))
        if keys.current is None:
            _write_new(sm4_key_path(site_key, 1), SM4_KEY_BYTES)
        write_new_secret(index_key_path(site_key), staged)
        making.unlink(missing_ok=True)
    except FileNotFoundError:  # another process finished the same making meanwhile: its keys stand
        pass
    keys = _fresh(site_key)
    if keys.damaged:
        raise refused(keys.damaged[0])
    return keys


def refused(fault: KeyFileFault) -> DataKeyDamaged:
    """The refusal of sealing for ``fault``, logged with its file and detail for support."""
    log.error("data key %s: %s (%s); nothing is sealed until it is put back", fault.path, fault.problem, fault.detail)
    return DataKeyDamaged(fault.path, fault.problem, fault.detail)


def add_data_key(site_key: Path) -> int:
    """A new SM4 key above every one there is (the start of a rotation); its id."""
    keys = ensure_data_keys(site_key)
    assert keys.current is not None
    new = keys.current + 1
    _write_new(sm4_key_path(site_key, new), SM4_KEY_BYTES)
    return new


def drop_keys_below(site_key: Path, key_id: int) -> list[int]:
    """Remove the SM4 keys older than ``key_id`` (the end of a rotation, once no value is sealed under them)."""
    dropped = [n for n in read_data_keys(site_key).sm4 if n < key_id]
    for n in dropped:
        sm4_key_path(site_key, n).unlink(missing_ok=True)
    _fresh(site_key)
    return dropped


def _fresh(site_key: Path) -> DataKeys:
    _cache.pop(site_key, None)
    return read_data_keys(site_key)


def _write_new(path: Path, size: int) -> None:
    """``size`` random bytes at ``path``, 0600, flushed; a file made meanwhile by another process stands: values may
    be sealed under it already."""
    write_new_secret(path, secrets.token_bytes(size))

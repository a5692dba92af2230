"""A first start from the prepared database: what every desk builds alike, built once when the program is packaged.

A desk's first start used to migrate an empty file and read, check and import the bundled catalog, computing the
pinyin of every name: seconds, the same on every desk of every hall.  The package step
(:mod:`counter.actions.site.prepared`) does that work once into ``desk.sqlite3`` beside a fingerprint file, and a first
start copies it instead, with the standard sqlite3 module, so the window can show before SQLAlchemy, the catalog
reader or pypinyin is imported.

The prepared file holds only what is the same on every desk: the schema, the bundled catalog (bundles, guide
versions, the one import) and what the last read of the files found.  Nothing per site or per desk (keys, accounts,
numbers, audit entries) is in it; the import's entry in this desk's audit trail is written by the first opening
through SQLAlchemy (:func:`counter.actions.site.prepared.complete_prepared`), marked as pending until then.

The fingerprint says which catalog and which program the file was built from, and the file's own hash: a file
built from other catalog files, by another program or schema, or changed since (a broken copy, someone's edit) is
refused, and the desk builds its database the slow way, as before.  It guards against stale and damaged data, not
against someone who may rewrite the installation: the program files themselves are trusted no less.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import json
import logging
import os
import sqlite3
from pathlib import Path

from counter.catalog.fingerprint import BUNDLED_FINGERPRINT_KEY, SUFFIX, folder_fingerprint
from counter.db.revision import HEAD

log = logging.getLogger(__name__)

# Bumped whenever what the package step stores changes for the same catalog, program version and schema: how the
# search text is derived, what the import writes.  The program's version alone does not move in a checkout.
PREPARED_FORMAT = 1
DATABASE = "desk.sqlite3"
FINGERPRINT = "desk.fingerprint.json"
PENDING_KEY = "catalog.prepared.pending"  # the import whose audit entry this desk has yet to write (a JSON report)
_CHUNK = 1 << 20


class Prepared(enum.Enum):
    """What became of a first start's prepared database."""

    COPIED = "copied"
    MISSING = "missing"  # no prepared database in this installation (a checkout not set up, tests)
    STALE = "stale"  # built from other catalog files, by another program or for another schema
    TAMPERED = "tampered"  # the file is not the one the fingerprint was written for
    UNUSABLE = "unusable"  # it could not be read or copied; the reason is in the log


def source_fingerprint(catalog: Path) -> str:
    """What a prepared database is built from: the catalog files' names and bytes, the program and the schema."""
    from counter import __version__

    digest = hashlib.sha256(f"prepared {PREPARED_FORMAT}\0{__version__}\0{HEAD}\n".encode())
    for path in sorted(p for p in catalog.iterdir() if p.suffix == SUFFIX and p.is_file()):
        digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint_document(source: str, database: Path) -> dict[str, object]:
    """The fingerprint file's content for ``database``, built from ``source`` (:func:`source_fingerprint`)."""
    return {"format": PREPARED_FORMAT, "source": source, "sha256": file_hash(database)}


def check_prepared(folder: Path, catalog: Path) -> Prepared:
    """Whether the prepared database in ``folder`` fits this catalog and program, and is the file it was built as."""
    database, fingerprint = folder / DATABASE, folder / FINGERPRINT
    if not database.is_file() or not fingerprint.is_file():
        return Prepared.MISSING
    try:
        written = json.loads(fingerprint.read_text(encoding="utf-8"))
        if not isinstance(written, dict) or written.get("source") != source_fingerprint(catalog):
            return Prepared.STALE
        return Prepared.COPIED if written.get("sha256") == file_hash(database) else Prepared.TAMPERED
    except (OSError, ValueError):
        return Prepared.UNUSABLE


def copy_prepared(folder: Path, catalog: Path, target: Path) -> Prepared:
    """Make ``target`` (which is not there) a copy of the prepared database, when it fits; say what became of it.

    The copy is made under another name and linked into place whole, so a start killed half-way leaves no
    half-copied database, and two starts at once cannot overwrite each other's.  The copy learns this
    installation's quick fingerprint of the catalog folder (:func:`counter.catalog.fingerprint.folder_fingerprint`:
    names, sizes and times, which differ between installations), so the next start is a quick one.
    """
    found = check_prepared(folder, catalog)
    if found is not Prepared.COPIED:
        return found
    for leftover in target.parent.glob(f".{target.name}.prepared-*"):  # of a first start killed while copying
        with contextlib.suppress(OSError):
            leftover.unlink()
    partial = target.with_name(f".{target.name}.prepared-{os.getpid()}")
    try:
        _copy_bytes(folder / DATABASE, partial)
        conn = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute(
                "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (BUNDLED_FINGERPRINT_KEY, folder_fingerprint(catalog)),
            )
        finally:
            conn.close()  # the last connection: its log is written back into the file and removed
        _link(partial, target)
    except (OSError, sqlite3.Error):
        log.exception("prepared database not copied to %s", target)
        return Prepared.UNUSABLE
    finally:
        for leftover in (partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return Prepared.COPIED


def _link(partial: Path, target: Path) -> None:
    """Put the copy in place unless a database appeared there meanwhile: that one is kept, whatever it holds."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (some shares): a rename, after looking
        if target.exists():
            raise
        os.replace(partial, target)


def _copy_bytes(source: Path, partial: Path) -> None:
    """Copy with the data folder's private mode.

    Not synced here: the setting written next is checkpointed into the file with ``synchronous=FULL``, whose sync of
    the file puts every byte of it on disk, the copied ones too, before it is linked into place.
    """
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out, source.open("rb") as src:
        while chunk := src.read(_CHUNK):
            out.write(chunk)

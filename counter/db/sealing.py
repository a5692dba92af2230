"""Sealing the rows in place: those listed as written in clear, and every value again at a key rotation.

Why here and not in a migration.  An upgrade is one transaction (:mod:`counter.db.migrate`): a hall's millions of
cases sealed in it would be lost whole by a kill an hour in, and the desks would wait the hour.  A migration that
seals only lists the work (``data_sealing``); this walks the tables a batch to a transaction, each batch reported as a
:class:`Step`, and removes the row when nothing is left.  A value is either clear, sealed under an old key or sealed
under the key the work seals with, and each batch writes only the first two: a run killed half way loses nothing
(the batch in hand rolls back) and the next run (the next start, or the rotation asked again) takes up where it
stopped.  A value whose key is not on this machine is left as it is, never overwritten by a placeholder.

A rotation (:func:`start_rotation`) adds a data key, lists the work, seals every value under the new key and only
then removes the older key files: until the last row has moved, both open.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, column, func, select, table, text
from sqlalchemy.engine import Connection

from counter.db.sealed import CASE_INDEXES, CASE_SEALED, index_of, is_sealed, key_id_of, seal, unseal
from counter.host.database.migration_step import Step
from counter.host.keys.data_key import (
    DataKeys,
    KeyFileFault,
    KeyFileProblem,
    add_data_key,
    drop_keys_below,
    ensure_data_keys,
    refused,
    sm4_key_path,
)
from counter.host.machine import paths

BATCH = 500
SEAL, ROTATE = "seal", "rotate"
STEP_NAME = {SEAL: "personal_data_sealed", ROTATE: "data_key_rotated"}


@dataclass(frozen=True, slots=True)
class Walk:
    """A table's sealed columns, walked in the order of ``key``; ``indexes``: index column ← the column it indexes."""

    table: str
    key: str
    sealed: tuple[str, ...]
    indexes: tuple[tuple[str, str], ...] = ()


CASE = Walk("case", "id", CASE_SEALED, CASE_INDEXES)
OUTBOX = Walk("outbox_message", "id", ("phone",))
PARTY = Walk("party", "id_key", ("id_no", "phone", "address"))
DRAFT = Walk("intake_draft", "id", ("content",))
#: a rating is insert-only: its trigger (the baseline) lets through only the UPDATE this walk writes, the rater's
#: number sealed where it was clear or under an older key, every other column as it was
RATING = Walk("rating", "id", ("rater_id_no",))
#: an idempotency receipt's answer: sealed again by a rotation, so that a desk's retry across it is
#: still answered (a receipt lives minutes: none is ever in clear)
RECEIPT = Walk("operation_receipt", "key", ("response",))
WALKS = (CASE, OUTBOX, PARTY, DRAFT, RATING, RECEIPT)


@dataclass(frozen=True, slots=True)
class SealingDone:
    """What a run did: the values sealed (again), and those left as they were because their key is not here."""

    sealed: int
    unreadable: int


def pending(connection: Connection) -> tuple[str, int] | None:
    """The work listed, if any: its job and the key id it seals under (0: the current one)."""
    row = connection.execute(text("SELECT job, key_id FROM data_sealing ORDER BY job LIMIT 1")).first()
    return None if row is None else (str(row[0]), int(row[1]))


def finish_pending(engine: Engine, progress: Callable[[Step], None] | None = None) -> SealingDone | None:
    """Do the work listed (see the module's docstring); None where there was none."""
    with engine.connect() as connection:
        job = pending(connection)
    if job is None:
        return None
    return run(engine, job[0], job[1], progress)


def start_rotation(engine: Engine, progress: Callable[[Step], None] | None = None) -> tuple[int, SealingDone]:
    """A new data key, every value sealed again under it, the older keys removed: the new key's id and the run's
    figures.  A rotation already under way (killed half way) is finished rather than started again."""
    with engine.connect() as connection:
        job = pending(connection)
    if job is not None and job[0] == ROTATE:
        return job[1], run(engine, ROTATE, job[1], progress)
    if job is not None:
        run(engine, job[0], job[1], progress)
    key_id = add_data_key(paths.site_key_path())
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO data_sealing (job, key_id) VALUES (:job, :key)"), {"job": ROTATE, "key": key_id}
        )
    return key_id, run(engine, ROTATE, key_id, progress)


def run(engine: Engine, job: str, key_id: int, progress: Callable[[Step], None] | None = None) -> SealingDone:
    """Walk every table: each value not yet sealed under the key that seals (``key_id``; 0: the current one)."""
    site_key = paths.site_key_path()
    keys = ensure_data_keys(site_key)
    target = key_id or keys.current
    assert target is not None
    if target not in keys.sm4:  # the key a rotation began sealing under, lost since, and the values it sealed
        raise refused(KeyFileFault(sm4_key_path(site_key, target), KeyFileProblem.MISSING, "a rotation's new key"))
    with engine.connect() as connection:
        counts = [connection.execute(select(func.count()).select_from(table(w.table))).scalar_one() for w in WALKS]
    batches = sum(max(1, math.ceil(n / BATCH)) for n in counts)
    done, sealed, unreadable = 0, 0, 0
    for walk in WALKS:
        after: Any = None
        while True:
            started = time.monotonic()
            with engine.begin() as connection:
                rows = _batch(connection, walk, after)
                if rows:
                    moved, lost = _reseal(connection, walk, rows, target, keys)
                    sealed, unreadable = sealed + moved, unreadable + lost
                    after = rows[-1][0]
            done += 1
            if progress is not None:
                progress(Step(STEP_NAME[job], min(done, batches), batches, time.monotonic() - started))
            if len(rows) < BATCH:
                break
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM data_sealing WHERE job = :job"), {"job": job})
    if job == ROTATE and unreadable == 0:
        drop_keys_below(site_key, target)
    return SealingDone(sealed, unreadable)


def _batch(connection: Connection, walk: Walk, after: Any) -> Sequence[Any]:
    t = table(walk.table, column(walk.key), *(column(c) for c in walk.sealed))
    stmt = select(t.c[walk.key], *(t.c[c] for c in walk.sealed)).order_by(t.c[walk.key]).limit(BATCH)
    if after is not None:
        stmt = stmt.where(t.c[walk.key] > after)
    return connection.execute(stmt).all()


def _reseal(connection: Connection, walk: Walk, rows: Sequence[Any], target: int, keys: DataKeys) -> tuple[int, int]:
    """The batch's values not under ``target`` sealed under it, written back; (values sealed, values unreadable)."""
    sealed = unreadable = 0
    current = DataKeys({target: keys.sm4[target]}, keys.index)
    for row in rows:
        key, values = row[0], dict(zip(walk.sealed, row[1:], strict=True))
        changed: dict[str, str] = {}
        clear: dict[str, str] = {}
        for name, value_read in values.items():
            stored = value_read or ""
            if walk is PARTY and name == "id_no" and not stored:
                stored = str(key)  # a party written before: its number is its key
            if not stored or key_id_of(stored) == target:
                continue
            value = unseal(stored, keys)
            if is_sealed(stored) and key_id_of(stored) not in keys.sm4:
                unreadable += 1
                continue
            changed[name], clear[name] = seal(value, current), value
            sealed += 1
        if not changed:
            continue
        for index, source in walk.indexes:
            if source in clear:
                changed[index] = index_of(clear[source], keys)
        if walk is PARTY and "id_no" in clear and not is_sealed(values["id_no"] or ""):
            _move_party(connection, str(key), index_of(clear["id_no"], keys), changed)
            continue
        _update(connection, walk, key, changed)
    return sealed, unreadable


def _update(connection: Connection, walk: Walk, key: Any, changed: dict[str, str]) -> None:
    t = table(walk.table, column(walk.key), *(column(c) for c in changed))
    connection.execute(t.update().where(t.c[walk.key] == key).values(changed))


def _move_party(connection: Connection, old: str, new: str, changed: dict[str, str]) -> None:
    """A party written before the sealing: found from now on by its keyed index.  Where the same person was seen
    again since (a row under the index already), that later row stands and the old one goes."""
    t = table("party", column("id_key"))
    if connection.execute(select(t.c.id_key).where(t.c.id_key == new)).first() is not None:
        connection.execute(t.delete().where(t.c.id_key == old))
        return
    _update(connection, PARTY, old, {"id_key": new, **changed})

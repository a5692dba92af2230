"""The state of a case, rating or account as the trail records it, and the cross-check of the rows against it.

Every entry about a case, a rating or an account carries a digest of that
row's fields after the change it records.  The check then compares each row as
it is now with the newest entry about it: a row changed by SQL (a case's
applicant renamed, ``roles`` given ``admin``), a row deleted (a bad rating
removed after dropping the trigger) or a row no entry ever spoke of is named.
An attacker who can write the database can also append or rewrite entries to
match; that is what the seals are for (:mod:`counter.audit.seal`): the
cross-check ties the rows to the trail, the seal ties the trail to a key.

The fields covered are those nothing may change without an entry.  A case's
``status``, ``denial_reason`` and ``previous_case_id`` are left out: a sync
package from the other site changes them in one entry for the whole package
(its history lines, insert-only, carry each step).  A rating is insert-only, so
all of it is covered.  An account's count of wrong passwords and its lock
change at every failed sign-in and are left out; its password hash is in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from counter.audit.actions import AuditAction
from counter.audit.chain import at_text


class SubjectKind(StrEnum):
    CASE = "case"
    RATING = "rating"
    ACCOUNT = "account"


CASE_FIELDS = (
    "case_no", "uid", "site_code", "desk_no", "clerk", "bundle_code", "guide_version_id", "outcome", "answers",
    "applicant_kind", "applicant_name", "applicant_id_no", "applicant_phone", "applicant_address", "legal_rep",
    "agent_name", "agent_id_no", "agent_authorisation", "delivery", "delivery_address", "notify_phone",
    "received_on", "accepted_on", "promised_on", "correction_due", "notify_due", "refusal_ground", "turn_to",
    "subject",
)  # fmt: skip
RATING_FIELDS = (
    "id", "request_id", "level", "channel", "reasons", "comment", "rated_on", "round", "case_no", "item_code",
    "clerk", "staff_no", "desk_no", "site_code", "region", "rater_name", "rater_id_no", "rater_kind", "anonymous",
)  # fmt: skip
ACCOUNT_FIELDS = ("login", "name", "staff_no", "roles", "disabled", "password_hash", "department")
#: fields covered only when they hold something: the digests of rows recorded before the field existed stay as they were
_WHEN_SET = frozenset({"department", "subject"})

FIELDS = {SubjectKind.CASE: CASE_FIELDS, SubjectKind.RATING: RATING_FIELDS, SubjectKind.ACCOUNT: ACCOUNT_FIELDS}

_CASE_ACTIONS = {AuditAction.CASE_TAKEN, AuditAction.CASE_CHANGED, AuditAction.CASE_VOIDED}
_ACCOUNT_ACTIONS = {AuditAction.ACCOUNT_ADDED, AuditAction.ACCOUNT_CHANGED}
_RATING_ACTIONS = {AuditAction.RATING_RECORDED, AuditAction.RATING_DECIDED}
RATING_SUBJECT = "rating:"


def subject_of(action: str, subject: str) -> tuple[SubjectKind, str] | None:
    """The row an entry is about, as (kind, key): a case number, a rating's id, a login; None for no row."""
    if action in _CASE_ACTIONS and subject:
        return SubjectKind.CASE, subject
    if action in _ACCOUNT_ACTIONS and subject:
        return SubjectKind.ACCOUNT, subject
    if action in _RATING_ACTIONS and subject.startswith(RATING_SUBJECT):
        return SubjectKind.RATING, subject.removeprefix(RATING_SUBJECT)
    return None


def actions_about(kind: SubjectKind) -> tuple[str, ...]:
    """The actions whose entries may carry the state of a row of ``kind``."""
    of_kind = {
        SubjectKind.CASE: _CASE_ACTIONS,
        SubjectKind.ACCOUNT: _ACCOUNT_ACTIONS,
        SubjectKind.RATING: _RATING_ACTIONS,
    }
    return tuple(sorted(a.value for a in of_kind[kind]))


def subject_text(kind: SubjectKind, key: str) -> str:
    """The subject an entry about the row ``key`` of ``kind`` is written with (the inverse of :func:`subject_of`)."""
    return RATING_SUBJECT + key if kind is SubjectKind.RATING else key


class RowAltered(Exception):
    """A row about to be written, or an account signing in, is not as the trail last recorded it.

    Writing it would record the change made behind the program's back as if the program had made it: a role
    planted on an account would be laundered by the next sign-in's rehash, a case's changed applicant by its next
    step.  So the write is refused; ``counter audit verify`` names the row.
    """

    def __init__(self, kind: SubjectKind, key: str) -> None:
        super().__init__(f"{kind.value} {key} is not as the audit trail last recorded it")
        self.kind = kind
        self.key = key


def recorded_actions() -> tuple[str, ...]:
    """The actions whose entries may carry a state: what the cross-check reads of the trail."""
    return tuple(sorted(a.value for a in _CASE_ACTIONS | _ACCOUNT_ACTIONS | _RATING_ACTIONS))


def _canonical(value: object) -> object:
    """A value of a type not hashed as it is (:data:`_AS_IS`, which :func:`state_hash` tells apart itself)."""
    if isinstance(value, dt.datetime):
        return at_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


#: the types a row's value is hashed as it is, known at a glance (most of a row's values are text)
_AS_IS = frozenset({str, int, bool, float, type(None)})
#: the fields of each kind always covered, taken in one call (``itemgetter``); those covered when set come last
_GETTERS = {kind: operator.itemgetter(*(n for n in fields if n not in _WHEN_SET)) for kind, fields in FIELDS.items()}
_WHEN_SET_OF = {kind: tuple(n for n in fields if n in _WHEN_SET) for kind, fields in FIELDS.items()}
assert all(fields[len(fields) - len(_WHEN_SET_OF[kind]) :] == _WHEN_SET_OF[kind] for kind, fields in FIELDS.items())


#: the canonical JSON: the stored state digests are taken of exactly this text
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode


def state_hash(kind: SubjectKind, row: Mapping[str, object]) -> str:
    """The digest of ``row``'s covered fields: SHA-256 of canonical JSON, the same on SQLite and PostgreSQL."""
    fields = [*_GETTERS[kind](row), *(row[n] for n in _WHEN_SET_OF[kind] if row.get(n))]
    # a value hashed as it is needs no call: an intake's case has 28 values, and a call for each cost more than
    # the digest itself (the desk's caches are cold between intakes)
    values = [kind._value_, *[v if type(v) in _AS_IS else _canonical(v) for v in fields]]
    encoded = _ENCODER(values).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


class MismatchCode(StrEnum):
    CHANGED = "row_changed"  # the row is not as the newest entry about it recorded: changed without the trail
    DELETED = "row_deleted"  # the trail recorded the row; it is gone
    UNRECORDED = "row_unrecorded"  # a row of this site made since states are recorded, with no entry at all
    STATUS_OFF_HISTORY = "status_off_history"  # a case's status is not the one its newest history line left
    QUEUE_OFF_HISTORY = "queue_off_history"  # a case's rows of the departments' queue are not what its history gives


@dataclass(frozen=True, slots=True)
class RowMismatch:
    code: MismatchCode
    kind: SubjectKind
    key: str  # case number, rating id, login


@dataclass(frozen=True, slots=True)
class CurrentRow:
    """A row as it is now: its key, digest, and whether an entry must speak of it (this site's, made since)."""

    key: str
    state: str
    must_be_recorded: bool


def cross_check(
    kind: SubjectKind, rows: Iterable[CurrentRow], recorded: Mapping[str, str], mentioned: set[str]
) -> list[RowMismatch]:
    """Every mismatch between the rows of ``kind`` and the trail.

    ``recorded`` maps a key to the state of the newest entry that carries one;
    ``mentioned`` holds every key some entry is about, with a state or not (an
    entry from before states were recorded still accounts for a row).  A row of state "" could not be read here
    (sealed under a key this machine does not hold) and is not compared.
    """
    found: list[RowMismatch] = []
    seen: set[str] = set()
    for row in rows:
        seen.add(row.key)
        state = recorded.get(row.key)
        if state is not None and row.state and state != row.state:  # "": not knowable here (its key is not)
            found.append(RowMismatch(MismatchCode.CHANGED, kind, row.key))
        elif state is None and row.key not in mentioned and row.must_be_recorded:
            found.append(RowMismatch(MismatchCode.UNRECORDED, kind, row.key))
    found.extend(RowMismatch(MismatchCode.DELETED, kind, key) for key in sorted(set(recorded) - seen))
    return found

"""The mark of an access-control row: HMAC-SM3 under the trail key over the row's fields, kept in the row.

Why.  GB/T 39786-2021 8.4 b) asks that the integrity of access-control data — who may sign in, with which roles
and department, and the settings that say what the site holds and whom it trusts — be kept by cryptographic
means.  The trail records every change of those rows and ``audit verify`` holds each to the trail
(:mod:`counter.audit.state`, :mod:`counter.audit.setting_state`); the mark is the row's own: whoever can write the
database but not read the trail key (``keys/site-trail-sm3.key``, :mod:`counter.host.keys.trail_key`) cannot make a row
whose mark holds, so an account or setting edited in SQL is named by itself, whatever the trail says.

Each account and setting row carries ``mac``: 64 hex digits of HMAC-SM3 over the canonical JSON of its table and
covered fields, written where the row is written on a machine that holds the trail key, empty elsewhere (a row
written before the key was made, or by a machine without it: :func:`check_marks` counts those, it cannot check
them).  An account's count of wrong passwords, its lock and its last sign-in are left out, as in the trail's
state: they change at every sign-in.
"""

from __future__ import annotations

import hmac as std_hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes, hmac

ACCOUNT_TABLE, SETTING_TABLE = "account", "setting"
#: an account's fields under its mark, in the order :mod:`counter.db.row_marks` reads them; a setting's are its key
#: and value
ACCOUNT_MARKED = ("login", "name", "staff_no", "roles", "department", "password_hash", "disabled")

Values = Mapping[str, str | bool]


def row_mac(key: bytes, table: str, values: Values) -> str:
    """The row's mark: HMAC-SM3 under ``key`` over ``{"table": table, field: value, …}`` as canonical JSON."""
    text = json.dumps({"table": table, **values}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    mac = hmac.HMAC(key, hashes.SM3())
    mac.update(text.encode("utf-8"))
    return mac.finalize().hex()


@dataclass(frozen=True, slots=True)
class MarkCheck:
    altered: tuple[str, ...]  # "table:key" of each row whose mark is not that of its fields
    unmarked: int  # rows with no mark: written where the trail key was not


def check_marks(key: bytes, rows: Iterable[tuple[str, str, Values, str]]) -> MarkCheck:
    """Each row (table, its key, its covered fields, its mark) held to its mark under the trail ``key``."""
    altered: list[str] = []
    unmarked = 0
    for table, name, values, mark in rows:
        if not mark:
            unmarked += 1
        elif not std_hmac.compare_digest(mark, row_mac(key, table, values)):
            altered.append(f"{table}:{name}")
    return MarkCheck(tuple(altered), unmarked)

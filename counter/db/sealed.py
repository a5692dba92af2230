"""Personal data sealed at rest: SM4-GCM values and their keyed index (GB/T 39786-2021 8.4 e)).

A column of type :class:`Sealed` holds ``s4:<key id>:<base64 of nonce, ciphertext and tag>``: SM4 in GCM mode under
the site's data key (:mod:`counter.host.keys.data_key`), a random 12-byte nonce per value, so two equal numbers are two
different texts and a dump, a backup or a look at the table shows none of them.  The key id tells a rotation which
values are still under an old key.  An empty value stays empty (there is nothing to hide, and "no agent" must stay
cheap); a value not starting with the mark is one written before the upgrade, read as it is until the upgrade's
sealing (:mod:`counter.db.sealing`) reaches it.

Equality cannot be asked of random ciphertext, so what is looked up by equality (F7 by ID number and phone, the
party of an ID number) has a second column: :func:`index_of`, HMAC-SM3 of the normalised value under the index key,
as 64 hex digits.

``cryptography`` is imported at the first value sealed or opened, not with the models: a start reads none.

Where this machine has no data key (a copy of the database elsewhere) a sealed value reads as :data:`UNREADABLE`,
never as an error: lists and pages still open, and masking (which works on the value read) masks the placeholder.
A damaged key reads the same way, but seals nothing: sealing raises
:class:`~counter.host.keys.data_key.DataKeyDamaged`, which the store refuses the unit of work over.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Mapping
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from counter.host.keys.data_key import (
    DataKeys,
    KeyFileFault,
    KeyFileProblem,
    ensure_data_keys,
    index_key_path,
    read_data_keys,
    refused,
    sm4_key_path,
)
from counter.host.machine import paths

MARK = "s4:"
NONCE_BYTES = 12
TAG_BYTES = 16
#: what a sealed value reads as where its key is not on this machine
UNREADABLE = "（已加密）"


def _keys() -> DataKeys:
    return read_data_keys(paths.site_key_path())


def sealing_keys() -> DataKeys:
    """The keys to seal with, made where there are none yet (the first value this machine seals);
    :class:`counter.host.keys.data_key.DataKeyDamaged` where one is damaged, found as the keys are listed."""
    return ensure_data_keys(paths.site_key_path())


def is_sealed(stored: str) -> bool:
    return stored.startswith(MARK)


def key_id_of(stored: str) -> int | None:
    """The id of the key a stored value is sealed under; None for a value in clear."""
    if not is_sealed(stored):
        return None
    head = stored[len(MARK) :].split(":", 1)[0]
    return int(head) if head.isdigit() else None


def seal(value: str, keys: DataKeys | None = None) -> str:
    """``value`` sealed under the current data key (made where there is none); "" stays ""."""
    if not value or is_sealed(value):
        return value
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    keys = keys or sealing_keys()
    key_id = keys.current
    assert key_id is not None
    nonce = secrets.token_bytes(NONCE_BYTES)
    encryptor = Cipher(algorithms.SM4(keys.sm4[key_id]), modes.GCM(nonce)).encryptor()
    body = encryptor.update(value.encode()) + encryptor.finalize()
    return f"{MARK}{key_id}:{base64.b64encode(nonce + body + encryptor.tag).decode()}"


def unseal(stored: str, keys: DataKeys | None = None) -> str:
    """The value in clear; a value written before sealing as it is; :data:`UNREADABLE` without its key."""
    opened = _opened(stored, keys)
    return UNREADABLE if opened is None else opened


def unseal_to_send(stored: str) -> str:
    """:func:`unseal` for what leaves this machine (a sync package, a case's paper handed to the applicant, the ratings
    export): ``DataKeyDamaged`` where the value cannot be opened here, its key damaged or missing, since the
    placeholder sent on, printed or written would stand for the person's number."""
    opened = _opened(stored, None)
    if opened is not None:
        return opened
    site_key = paths.site_key_path()
    path = sm4_key_path(site_key, key_id_of(stored) or 0)
    keys = _keys()
    fault = next((f for f in keys.damaged if f.path == path), None)
    if fault is None:  # not there, or there and not the key the value was sealed under (made anew, another site's)
        problem = KeyFileProblem.MISSING if (key_id_of(stored) or 0) not in keys.sm4 else KeyFileProblem.NOT_ITS_KEY
        fault = KeyFileFault(path, problem, "a value sealed under it does not open")
    raise refused(fault)


def _opened(stored: str, keys: DataKeys | None) -> str | None:
    """The value in clear; None where it is sealed and this machine cannot open it."""
    if not is_sealed(stored):
        return stored
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key_id = key_id_of(stored)
    key = (keys or _keys()).sm4.get(key_id) if key_id is not None else None
    if key is None:
        return None
    try:
        raw = base64.b64decode(stored.split(":", 2)[2], validate=True)
        nonce, body, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
        decryptor = Cipher(algorithms.SM4(key), modes.GCM(nonce, tag)).decryptor()
        return (decryptor.update(body) + decryptor.finalize()).decode()
    except (ValueError, IndexError, InvalidTag, UnicodeDecodeError):
        return None


def normalised(value: str) -> str:
    """What equal numbers have in common: no spaces around, capitals (an ID number's ``x`` is ``X``)."""
    return value.strip().upper()


def index_of(value: str, keys: DataKeys | None = None) -> str:
    """The keyed index of ``value`` (HMAC-SM3 of its normalised form, 64 hex digits); "" for an empty value."""
    value = normalised(value)
    if not value:
        return ""
    from cryptography.hazmat.primitives import hashes, hmac

    key = (keys or sealing_keys()).index
    assert key is not None
    mac = hmac.HMAC(key, hashes.SM3())
    mac.update(value.encode())
    return mac.finalize().hex()


def lookup_index(value: str) -> str | None:
    """The keyed index to look ``value`` up by, None where this machine has no index key (nothing can be found)."""
    keys = _keys()
    return index_of(value, keys) if keys.index is not None and normalised(value) else None


def search_index(value: str) -> str | None:
    """:func:`lookup_index` for a search the clerk asked (F7 by number): ``DataKeyDamaged`` where the index key is
    damaged, since finding nobody would read as nobody being there."""
    keys = _keys()
    if keys.index is None:
        damaged = next((f for f in keys.damaged if f.path == index_key_path(paths.site_key_path())), None)
        if damaged is not None:
            raise refused(damaged)
    return lookup_index(value)


class Sealed(TypeDecorator[str]):
    """A column whose values are stored sealed (see the module's docstring); Python sees them in clear.

    VARCHAR without a length where the number was a bounded VARCHAR (a sealed value is longer than the number):
    on SQLite the column keeps its declared type, which SQLite never enforced, and its table is not rebuilt by the
    migration (a rebuild numbers the table's unique indexes anew, and a backup's schema no longer reads as the
    program's).
    """

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else seal(str(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else unseal(str(value))


#: a case's sealed columns
CASE_SEALED = (
    "applicant_id_no",
    "applicant_phone",
    "applicant_address",
    "agent_id_no",
    "delivery_address",
    "notify_phone",
)

#: a case's keyed index columns, each with the sealed column it indexes
CASE_INDEXES = (
    ("applicant_id_key", "applicant_id_no"),
    ("applicant_phone_key", "applicant_phone"),
    ("notify_phone_key", "notify_phone"),
)


def case_index_values(values: Mapping[str, Any]) -> dict[str, str]:
    """The keyed index columns of a case whose columns are ``values`` (in clear), for its insert."""
    keys = sealing_keys()
    return {index: index_of(str(values.get(source) or ""), keys) for index, source in CASE_INDEXES}


class SealedText(Sealed):
    """:class:`Sealed` for a column that was TEXT (an address, a draft)."""

    impl = Text
    cache_ok = True

"""The site's identity, its peers and its settings as the trail last recorded them, and the rows checked against it.

A case, a rating or an account carries a digest of its row in each entry about it (:mod:`counter.audit.state`).
The rows that decide whom this site trusts and how it works carry none, but every change the program makes to them
is an entry whose detail says what it left:

* this site's identity (subject ``site``): its code, name, kind and the fingerprint of its two public keys, whole at
  the first entry, then each field changed as ``{"from": …, "to": …}``;
* a peer (subject ``site.peer:CODE``): its code, name, kind and the fingerprint of its keys, whole at each entry;
* a setting changed on its own (its key as the subject): ``{"from": …, "to": …}``.

A row the newest entry does not describe was written behind the program's back: a peer slipped in (whose packages
this site would then take in as a township's own), a key swapped, a rule changed by SQL.  The check names each, with
the codes of :class:`~counter.audit.state.MismatchCode`.  Settings the program keeps without an entry (the catalog's
fingerprint, the number note, …) are not looked at: nothing in the trail could vouch for them.

Fingerprints are compared as the trail wrote them: an entry of an older program held the first sixteen digits of
the signing key's alone, and still vouches for the key it named.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from counter.audit.state import MismatchCode

SITE_SUBJECT = "site"
PEER_SUBJECT = "site.peer:"


class SettingKind(StrEnum):
    SITE = "site"  # this site's identity and keys (key: the field)
    PEER = "peer"  # a registered peer (key: its code)
    SETTING = "setting"  # a setting the program changes with an entry of its own (key: the setting's key)


@dataclass(frozen=True, slots=True)
class SettingMismatch:
    code: MismatchCode
    kind: SettingKind
    key: str


@dataclass(frozen=True, slots=True)
class Fingerprints:
    """The fingerprints a pair of public keys may have been recorded under: the signing key's with the encryption
    key's, and the signing key's alone (an entry of an older program)."""

    both: str
    signing: str

    def recorded_as(self, recorded: object) -> bool:
        if not isinstance(recorded, str) or not recorded.strip():
            return False
        digits = recorded.replace(" ", "")
        return any(f.replace(" ", "").startswith(digits) for f in (self.both, self.signing))


def _changes(detail: Mapping[str, Any]) -> dict[str, Any]:
    """What an entry says a field became: a whole value, or the ``to`` of a change."""
    return {k: v["to"] if isinstance(v, dict) and "to" in v else v for k, v in detail.items()}


def identity_mismatches(
    entries: Iterable[Mapping[str, Any]], stored: Mapping[str, str], fingerprints: Fingerprints | None
) -> list[SettingMismatch]:
    """This site's identity (``stored``: code, name, kind) and keys against the trail's ``site`` entries, oldest first.

    ``fingerprints``: those of the stored public keys, None where none is stored.
    """
    recorded: dict[str, Any] = {}
    for detail in entries:
        recorded.update(_changes(detail))
    if not recorded:
        there = [name for name in ("code", "name", "kind") if stored.get(name)]
        if fingerprints is not None:
            there.append("fingerprint")
        return [SettingMismatch(MismatchCode.UNRECORDED, SettingKind.SITE, name) for name in there]
    found = [
        SettingMismatch(MismatchCode.CHANGED, SettingKind.SITE, name)
        for name in ("code", "name", "kind")
        if name in recorded and recorded[name] != stored.get(name)
    ]
    if "fingerprint" in recorded and (fingerprints is None or not fingerprints.recorded_as(recorded["fingerprint"])):
        found.append(SettingMismatch(MismatchCode.CHANGED, SettingKind.SITE, "fingerprint"))
    return found


@dataclass(frozen=True, slots=True)
class PeerRow:
    code: str
    name: str
    kind: str
    fingerprints: Fingerprints


def peer_mismatches(entries: Mapping[str, Mapping[str, Any]], rows: Iterable[PeerRow]) -> list[SettingMismatch]:
    """Each peer against the newest entry about it (``entries``: by code); a peer no entry registered is named."""
    found: list[SettingMismatch] = []
    seen: set[str] = set()
    for row in rows:
        seen.add(row.code)
        recorded = entries.get(row.code)
        if recorded is None:
            found.append(SettingMismatch(MismatchCode.UNRECORDED, SettingKind.PEER, row.code))
        elif (
            recorded.get("kind") != row.kind
            or recorded.get("name") != row.name
            or not row.fingerprints.recorded_as(recorded.get("fingerprint"))
        ):
            found.append(SettingMismatch(MismatchCode.CHANGED, SettingKind.PEER, row.code))
    found.extend(SettingMismatch(MismatchCode.DELETED, SettingKind.PEER, code) for code in sorted(set(entries) - seen))
    return found


def peer_code(subject: str) -> str | None:
    """The code a peer's entry is about, None for an entry about anything else."""
    return subject.removeprefix(PEER_SUBJECT) if subject.startswith(PEER_SUBJECT) else None


def recorded_value(detail: Mapping[str, Any]) -> tuple[bool, str | None]:
    """Whether ``detail`` is a setting's change of its own (``{"from": …, "to": …}``), and the value it left."""
    if set(detail) != {"from", "to"}:
        return False, None
    after = detail["to"]
    if after is not None and not isinstance(after, str):
        return False, None
    return True, after


def setting_mismatches(recorded: Mapping[str, str | None], stored: Mapping[str, str]) -> list[SettingMismatch]:
    """Each setting the trail last recorded (``recorded``: its newest value, None: removed) against the stored one."""
    found = []
    for key, value in sorted(recorded.items()):
        now = stored.get(key)
        if now == value:
            continue
        code = MismatchCode.DELETED if now is None else MismatchCode.CHANGED
        found.append(SettingMismatch(code, SettingKind.SETTING, key))
    return found

"""The site's identity, peers and settings held to what the trail's entries left (counter.audit.setting_state)."""

from __future__ import annotations

from counter.audit.setting_state import (
    Fingerprints,
    PeerRow,
    SettingKind,
    SettingMismatch,
    identity_mismatches,
    peer_mismatches,
    recorded_value,
    setting_mismatches,
)
from counter.audit.state import MismatchCode

KEYS = Fingerprints("ab12 cd34 ef56 7890 1a2b 3c4d 5e6f 7a8b", "9f00 1e2d 3c4b 5a69 7887 96a5 b4c3 d2e1")
FIRST = {"code": "XAM01", "name": "兴安盟政务服务中心", "kind": "hall", "fingerprint": KEYS.both}
STORED = {"code": "XAM01", "name": "兴安盟政务服务中心", "kind": "hall"}


def test_the_identity_is_what_its_entries_left_whole_or_changed_field_by_field() -> None:
    renamed = {"name": {"from": "兴安盟政务服务中心", "to": "兴安盟政务服务大厅"}}
    assert identity_mismatches([FIRST], STORED, KEYS) == []
    assert identity_mismatches([FIRST, renamed], STORED | {"name": "兴安盟政务服务大厅"}, KEYS) == []
    assert identity_mismatches([FIRST, renamed], STORED, KEYS) == [
        SettingMismatch(MismatchCode.CHANGED, SettingKind.SITE, "name")
    ]
    assert identity_mismatches([FIRST], STORED, Fingerprints("0000", "1111")) == [
        SettingMismatch(MismatchCode.CHANGED, SettingKind.SITE, "fingerprint")
    ]
    assert [m.key for m in identity_mismatches([], STORED, KEYS)] == ["code", "name", "kind", "fingerprint"]
    assert identity_mismatches([], {}, None) == []


def test_an_older_programs_shorter_fingerprint_of_the_signing_key_still_vouches() -> None:
    assert identity_mismatches([FIRST | {"fingerprint": "9f00 1e2d 3c4b 5a69"}], STORED, KEYS) == []


def test_peers_unrecorded_changed_and_deleted() -> None:
    entries = {"ARS01": {"code": "ARS01", "name": "镇", "kind": "township", "fingerprint": KEYS.both},
               "GONE1": {"code": "GONE1", "name": "旧镇", "kind": "township", "fingerprint": KEYS.both}}  # fmt: skip
    swapped = Fingerprints("0000", "1111")
    rows = [PeerRow("ARS01", "镇", "township", swapped), PeerRow("EVIL1", "某镇", "township", KEYS)]
    assert peer_mismatches(entries, rows) == [
        SettingMismatch(MismatchCode.CHANGED, SettingKind.PEER, "ARS01"),
        SettingMismatch(MismatchCode.UNRECORDED, SettingKind.PEER, "EVIL1"),
        SettingMismatch(MismatchCode.DELETED, SettingKind.PEER, "GONE1"),
    ]


def test_a_setting_is_what_its_newest_change_left() -> None:
    assert recorded_value({"from": None, "to": "7"}) == (True, "7")
    assert recorded_value({"item": "x", "entrustment": ""}) == (False, None)  # not a change of one setting
    assert setting_mismatches({"a": "7", "b": "1"}, {"a": "7", "b": "0"}) == [
        SettingMismatch(MismatchCode.CHANGED, SettingKind.SETTING, "b")
    ]
    assert setting_mismatches({"a": "7"}, {}) == [SettingMismatch(MismatchCode.DELETED, SettingKind.SETTING, "a")]

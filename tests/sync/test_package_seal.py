"""The package's seal: only the site it is sealed to opens it, and nothing moved or changed opens at all."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from counter.sync.keys import encryption_key_text, new_encryption_key, new_private_key, public_key_text, sign
from counter.sync.package import PackageRejected, RejectCode, canonical_json, sign_sealed
from counter.sync.seal import new_ephemeral, open_sealed, seal
from counter.words.sync import package_rejected
from tests.sync.packages import MAGIC, read_package, write_package
from tests.sync.test_package import HALL, HALL_BOX, HEADER, KEY, RECORDS, TRUSTED

THIEF = new_private_key()  # a registered township that would pass another's cases off as its own
WITH_THIEF = TRUSTED | {"ARS02": public_key_text(THIEF)}


def rejection(data: bytes, trusted: dict[str, str] = WITH_THIEF) -> RejectCode:
    with pytest.raises(PackageRejected) as caught:
        read_package(data, trusted, "XAM01", HALL_BOX)
    return caught.value.code


def split(data: bytes) -> tuple[dict[str, Any], bytes]:
    end = data.index(b"\n", len(MAGIC))
    return json.loads(data[len(MAGIC) : end]), data[end + 1 :]


def associated(fields: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in fields.items() if k not in ("body_sha256", "body_bytes", "signature")})


def test_a_package_sealed_to_another_site_is_refused_here() -> None:
    elsewhere = write_package(HEADER, RECORDS, KEY, encryption_key_text(new_encryption_key()))
    assert rejection(elsewhere) is RejectCode.NOT_FOR_THIS_KEY


def test_a_tampered_ciphertext_is_refused_even_re_signed_by_its_sender() -> None:
    fields, sealed = split(write_package(HEADER, RECORDS, KEY, HALL))
    for position in (0, len(sealed) // 2, len(sealed) - 1):  # the first byte, one inside, the tag's last
        changed = bytearray(sealed)
        changed[position] ^= 0x01
        assert rejection(sign_sealed(fields, bytes(changed), KEY)) is RejectCode.NOT_FOR_THIS_KEY


def _unsigned_swap(data: bytes, body: bytes) -> bytes:
    end = data.index(b"\n", len(MAGIC))
    return data[: end + 1] + body


def test_a_ciphertext_swapped_for_another_really_sealed_here_is_refused() -> None:
    first = write_package(HEADER, RECORDS, KEY, HALL)
    other = write_package(HEADER, [{"type": "ack", "kind": "updates", "export_no": 7}, RECORDS[1]], KEY, HALL)
    assert len(split(other)[1]) == len(split(first)[1])
    assert rejection(_unsigned_swap(first, split(other)[1])) is RejectCode.BODY_MISMATCH


def test_a_ciphertext_lifted_into_another_senders_package_does_not_open() -> None:
    fields, sealed = split(write_package(HEADER, RECORDS, KEY, HALL))
    fields["from_site"] = "ARS02"  # the thief's own, validly signed header around ARS01's sealed cases
    assert rejection(sign_sealed(fields, sealed, THIEF)) is RejectCode.NOT_FOR_THIS_KEY


def test_a_header_changed_by_its_sender_after_sealing_does_not_open() -> None:
    fields, sealed = split(write_package(HEADER, RECORDS, KEY, HALL))
    fields["export_no"] = 4
    assert rejection(sign_sealed(fields, sealed, KEY)) is RejectCode.NOT_FOR_THIS_KEY


def test_the_receiver_cannot_re_seal_a_senders_package_to_a_third_site_in_its_name() -> None:
    """The hall opens ARS01's package and seals the same bytes to XAM02: without ARS01's key it cannot sign them."""
    fields, sealed = split(write_package(HEADER, RECORDS, KEY, HALL))
    packed = open_sealed(sealed, fields["ephemeral_key"], HALL_BOX, associated(fields))
    assert packed is not None
    third_box = new_encryption_key()
    ephemeral, ephemeral_key = new_ephemeral()
    fields = dict(fields, to_site="XAM02", ephemeral_key=ephemeral_key)
    resealed = seal(packed, ephemeral, encryption_key_text(third_box), associated(fields))
    hall_signing = new_private_key()
    forged = sign_sealed(fields, resealed, hall_signing)
    with pytest.raises(PackageRejected) as caught:
        read_package(forged, TRUSTED, "XAM02", third_box)
    assert caught.value.code is RejectCode.BAD_SIGNATURE


def test_an_old_unencrypted_package_is_refused_by_name() -> None:
    """What the program wrote before sealing: the township must upgrade, and the words say which format."""
    body = gzip.compress(canonical_json(RECORDS), mtime=0)
    fields = {"format": 1, "from_site": "ARS01", "to_site": "XAM01", "body_bytes": len(body)}
    old = b"COUNTER-SYNC/1\n" + canonical_json(dict(fields, signature=sign(KEY, canonical_json(fields)))) + b"\n"
    assert rejection(old + body) is RejectCode.OLD_FORMAT
    assert "COUNTER-SYNC/1" in package_rejected("old_format")
    assert "升级" in package_rejected("old_format")


def test_a_signed_header_naming_an_unknown_suite_is_refused() -> None:
    fields, sealed = split(write_package(HEADER, RECORDS, KEY, HALL))
    fields["suite"] = "sm2-sm3-sm4gcm+sm2"
    assert rejection(sign_sealed(fields, sealed, KEY)) is RejectCode.UNKNOWN_SUITE

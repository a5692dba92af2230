"""Packages of the national suite (SM2, SM3, SM4): a hall takes in those of a township on it and of one on today's."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from counter.sync import sm2, sm_seal
from counter.sync.keys import encryption_key_text, new_encryption_key, new_private_key, public_key_text
from counter.sync.package import (
    Header,
    PackageKind,
    PackageRejected,
    RejectCode,
    canonical_json,
    check_package,
    sign_sealed,
    unpack_package,
)
from counter.sync.seal import SUITE
from counter.sync.sm_seal import SM_SUITE
from tests.sync.packages import MAGIC, write_package
from tests.sync.test_package import NOW, RECORDS

HALL_BOX = new_encryption_key()
HALL_SM2 = sm_seal.new_private_key()  # the hall's SM2 key: it signs its packages on the suite and opens theirs
ED_TOWNSHIP = new_private_key()  # ARS01, on today's suite
SM_TOWNSHIP = sm_seal.new_private_key()  # ARS03, on the national suite
TRUSTED = {"ARS01": public_key_text(ED_TOWNSHIP), "ARS03": public_key_text(new_private_key())}
TRUSTED_SM2 = {"ARS03": sm_seal.public_key_text(SM_TOWNSHIP)}


def header(site: str) -> Header:
    return Header(site, "township", "XAM01", PackageKind.CASES, 3, NOW, None, 0)


def take_in(data: bytes, trusted_sm2: dict[str, str] = TRUSTED_SM2) -> list[Any]:
    checked, body = check_package(data, TRUSTED, "XAM01", trusted_sm2)
    return unpack_package(checked, body, HALL_BOX, HALL_SM2).body


def refusal(data: bytes, trusted_sm2: dict[str, str] = TRUSTED_SM2) -> RejectCode:
    with pytest.raises(PackageRejected) as caught:
        take_in(data, trusted_sm2)
    return caught.value.code


def split(data: bytes) -> tuple[dict[str, Any], bytes]:
    end = data.index(b"\n", len(MAGIC))
    return json.loads(data[len(MAGIC) : end]), data[end + 1 :]


def national_package(records: list[Any] = RECORDS, key: sm_seal.Sm2PrivateKey = SM_TOWNSHIP) -> bytes:
    return write_package(header("ARS03"), records, key, sm_seal.public_key_text(HALL_SM2))


def test_one_hall_takes_in_a_township_on_each_suite() -> None:
    national = national_package()
    today = write_package(header("ARS01"), RECORDS, ED_TOWNSHIP, encryption_key_text(HALL_BOX))
    assert split(national)[0]["suite"] == SM_SUITE
    assert split(today)[0]["suite"] == SUITE
    assert take_in(national) == RECORDS
    assert take_in(today) == RECORDS


def test_the_signature_is_sm2_with_the_default_user_id_over_the_header_as_written() -> None:
    fields, _sealed = split(national_package())
    signature = fields.pop("signature")
    raw = sm_seal.raw_public_key(TRUSTED_SM2["ARS03"])
    assert raw is not None
    assert sm2.verify(raw, canonical_json(fields), base64.b64decode(signature), b"1234567812345678")


def test_a_national_package_from_a_peer_registered_without_an_sm2_key_is_unknown() -> None:
    assert refusal(national_package(), trusted_sm2={}) is RejectCode.UNKNOWN_SITE


def test_a_national_package_signed_by_another_sm2_key_is_refused() -> None:
    assert refusal(national_package(key=sm_seal.new_private_key())) is RejectCode.BAD_SIGNATURE


def test_a_national_package_sealed_to_another_key_does_not_open() -> None:
    elsewhere = write_package(header("ARS03"), RECORDS, SM_TOWNSHIP, sm_seal.public_key_text(sm_seal.new_private_key()))
    assert refusal(elsewhere) is RejectCode.NOT_FOR_THIS_KEY


def test_a_changed_body_re_signed_by_its_sender_does_not_open() -> None:
    fields, sealed = split(national_package())
    for position in (0, len(sealed) // 2, len(sealed) - 1):  # the first byte, one inside, the tag's last
        changed = bytearray(sealed)
        changed[position] ^= 0x01
        assert refusal(sign_sealed(fields, bytes(changed), SM_TOWNSHIP)) is RejectCode.NOT_FOR_THIS_KEY


def test_a_national_body_moved_under_another_senders_header_does_not_open() -> None:
    """ARS01, also holding an SM2 key, lifts ARS03's sealed body and key into a header of its own."""
    thief = sm_seal.new_private_key()
    fields, sealed = split(national_package())
    fields["from_site"] = "ARS01"
    lifted = sign_sealed(fields, sealed, thief)
    assert refusal(lifted, TRUSTED_SM2 | {"ARS01": sm_seal.public_key_text(thief)}) is RejectCode.NOT_FOR_THIS_KEY


def test_a_header_that_claims_the_other_suite_is_refused() -> None:
    """A national package relabelled as today's suite is checked against the Ed25519 key, and fails there."""
    fields, sealed = split(national_package())
    fields["suite"] = SUITE
    assert refusal(sign_sealed(fields, sealed, SM_TOWNSHIP)) is RejectCode.BAD_SIGNATURE

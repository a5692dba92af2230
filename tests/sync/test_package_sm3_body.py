"""The national suite's body hash is SM3 (``body_sm3``), today's stays SHA-256 (``body_sha256``).

Before, a package of the national suite named its sealed body by SHA-256: the one step of the suite that was not an
SM algorithm, in the very field its SM2 signature vouches for the body by.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import hashes

from counter.sync import sm_seal
from counter.sync.keys import encryption_key_text
from counter.sync.package import RejectCode, canonical_json, check_package, sign_sealed
from counter.sync.seal import SUITE
from counter.sync.sm_seal import SM_SUITE
from tests.sync.packages import MAGIC, write_package
from tests.sync.test_package import RECORDS
from tests.sync.test_package_sm_suite import (
    ED_TOWNSHIP,
    HALL_BOX,
    SM_TOWNSHIP,
    TRUSTED,
    TRUSTED_SM2,
    header,
    national_package,
    refusal,
    split,
    take_in,
)


def sm3(data: bytes) -> str:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize().hex()


def test_a_national_package_names_its_body_by_sm3_and_today_s_by_sha256() -> None:
    fields, sealed = split(national_package())
    assert "body_sha256" not in fields
    assert fields["body_sm3"] == sm3(sealed) != hashlib.sha256(sealed).hexdigest()
    checked, _body = check_package(national_package(), TRUSTED, "XAM01", TRUSTED_SM2)
    assert checked.suite == SM_SUITE
    today, today_sealed = split(write_package(header("ARS01"), RECORDS, ED_TOWNSHIP, encryption_key_text(HALL_BOX)))
    assert (today["suite"], today["body_sha256"]) == (SUITE, hashlib.sha256(today_sealed).hexdigest())
    assert "body_sm3" not in today


def test_a_national_package_whose_body_was_swapped_is_refused_by_its_sm3() -> None:
    data = national_package()
    _fields, sealed = split(data)
    swapped = data[: len(data) - len(sealed)] + bytes(b ^ 1 for b in sealed)
    assert refusal(swapped) is RejectCode.BODY_MISMATCH
    assert take_in(data) == RECORDS


def test_a_national_package_signed_with_a_sha256_body_field_is_not_as_this_program_writes_it() -> None:
    """A header of the national suite naming its body by SHA-256, signed with the site's SM2 key: refused whole."""
    fields, sealed = split(national_package())
    fields.pop("signature")
    fields["body_sha256"] = hashlib.sha256(sealed).hexdigest()
    del fields["body_sm3"]
    header_line = canonical_json(fields)
    signed = {**fields, "signature": sm_seal.sign(SM_TOWNSHIP, header_line)}
    data = MAGIC + canonical_json(signed) + b"\n" + sealed
    assert refusal(data) is RejectCode.BAD_HEADER
    assert split(sign_sealed(dict(fields), sealed, SM_TOWNSHIP))[0]["body_sm3"] == sm3(sealed)

"""Signing keys: what signs verifies, anything else is False without an exception, the file stays private."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from hypothesis import given
from hypothesis import strategies as st

from counter.sync.keys import (
    KeyProblem,
    KeyUnreadable,
    encryption_key_path,
    encryption_key_text,
    key_fingerprint,
    load_encryption_key,
    load_private_key,
    new_encryption_key,
    new_private_key,
    public_key_text,
    raw_public_key,
    save_private_key,
    sign,
    verify,
)

KEY = new_private_key()
PUBLIC = public_key_text(KEY)
DATA = "ARS01 → XAM01：办件 3 件".encode()
SIGNATURE = sign(KEY, DATA)


def test_a_signature_verifies_with_its_public_key() -> None:
    assert verify(PUBLIC, DATA, SIGNATURE)
    assert len(base64.b64decode(PUBLIC)) == 32
    assert len(base64.b64decode(SIGNATURE)) == 64


def test_another_sites_key_does_not_verify() -> None:
    assert not verify(public_key_text(new_private_key()), DATA, SIGNATURE)


@pytest.mark.parametrize(
    ("public", "signature"),
    [
        ("", SIGNATURE),
        ("not base64!", SIGNATURE),
        (base64.b64encode(b"x" * 31).decode(), SIGNATURE),  # one byte short
        (PUBLIC + "AA==", SIGNATURE),
        ("公钥", SIGNATURE),  # not ASCII
        (PUBLIC, ""),
        (PUBLIC, SIGNATURE[:-4]),
        (PUBLIC, "签名"),
    ],
    # named, not shown: the key and signature are made afresh at each import, and parallel workers must collect
    # the same test ids
    ids=[
        "key-empty",
        "key-not-base64",
        "key-short",
        "key-long",
        "key-not-ascii",
        "signature-empty",
        "signature-short",
        "signature-not-ascii",
    ],
)
def test_bad_texts_are_false_not_errors(public: str, signature: str) -> None:
    assert verify(public, DATA, signature) is False


@given(data=st.binary(max_size=200))
def test_any_other_data_is_false(data: bytes) -> None:
    assert verify(PUBLIC, data, SIGNATURE) is (data == DATA)


@given(position=st.integers(0, 63), flip=st.integers(1, 255))
def test_a_changed_signature_byte_is_false(position: int, flip: int) -> None:
    raw = bytearray(base64.b64decode(SIGNATURE))
    raw[position] ^= flip
    assert verify(PUBLIC, DATA, base64.b64encode(bytes(raw)).decode()) is False


@given(position=st.integers(0, 31), flip=st.integers(1, 255))
def test_a_changed_key_byte_is_false(position: int, flip: int) -> None:
    raw = bytearray(base64.b64decode(PUBLIC))
    raw[position] ^= flip
    assert verify(base64.b64encode(bytes(raw)).decode(), DATA, SIGNATURE) is False


@given(public=st.text(max_size=60), signature=st.text(max_size=100))
def test_any_text_is_an_answer_never_an_exception(public: str, signature: str) -> None:
    assert verify(public, DATA, signature) is False


def test_saved_key_loads_back_and_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "keys" / "site.key"
    save_private_key(KEY, path)
    assert public_key_text(load_private_key(path)) == PUBLIC
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    assert sorted(p.name for p in path.parent.iterdir()) == ["site.key"]  # no temporary file left behind


def test_saving_over_a_wide_leftover_temporary_file_stays_private(tmp_path: Path) -> None:
    path = tmp_path / "site.key"
    leftover = tmp_path / "site.key.tmp"
    leftover.write_text("half a key")
    os.chmod(leftover, 0o666)
    save_private_key(KEY, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not leftover.exists()


def test_a_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(KeyUnreadable) as caught:
        load_private_key(tmp_path / "site.key")
    assert caught.value.reason is KeyProblem.MISSING
    assert caught.value.path == tmp_path / "site.key"


def test_a_folder_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(KeyUnreadable) as caught:
        load_private_key(tmp_path)
    assert caught.value.reason is KeyProblem.UNREADABLE


@pytest.mark.parametrize(
    "content",
    [
        b"",
        "这不是密钥".encode(),
        b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        KEY.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"secret"),
        ),
    ],
    ids=["empty", "text", "damaged", "encrypted"],
)
def test_not_a_key(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "site.key"
    path.write_bytes(content)
    with pytest.raises(KeyUnreadable) as caught:
        load_private_key(path)
    assert caught.value.reason is KeyProblem.NOT_A_KEY


def test_a_key_of_another_type(tmp_path: Path) -> None:
    path = tmp_path / "site.key"
    other = generate_private_key(SECP256R1())
    path.write_bytes(
        other.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    with pytest.raises(KeyUnreadable) as caught:
        load_private_key(path)
    assert caught.value.reason is KeyProblem.WRONG_TYPE


def test_fingerprint_is_128_bits_in_eight_groups_of_four() -> None:
    fingerprint = key_fingerprint(PUBLIC)
    groups = fingerprint.split(" ")
    assert [len(g) for g in groups] == [4] * 8
    assert all(c in "0123456789abcdef" for c in "".join(groups))
    assert key_fingerprint(public_key_text(new_private_key())) != fingerprint


def test_fingerprint_of_a_known_key() -> None:
    zeros = base64.b64encode(bytes(32)).decode()
    # sha256 of 32 zero bytes: 66687aadf862bd776c8fc18b8e9f8e20 089714856ee233b3902a591d0d5f2925
    assert key_fingerprint(zeros) == "6668 7aad f862 bd77 6c8f c18b 8e9f 8e20"


def test_fingerprint_covers_the_encryption_key_too() -> None:
    zeros, ones = base64.b64encode(bytes(32)).decode(), base64.b64encode(bytes([1]) * 32).decode()
    assert key_fingerprint(zeros, ones) == "5c85 955f 7092 83ec ce2b 74f1 b155 2918"
    assert key_fingerprint(zeros, ones) != key_fingerprint(zeros, zeros) != key_fingerprint(zeros)


def test_fingerprint_refuses_what_is_not_a_key() -> None:
    with pytest.raises(ValueError, match="not a public key"):
        key_fingerprint("abc")
    with pytest.raises(ValueError, match="not a public key"):
        key_fingerprint(PUBLIC, "abc")
    assert raw_public_key("abc") is None


def test_an_encryption_key_is_saved_beside_the_signing_key_and_read_back_private(tmp_path: Path) -> None:
    signing = tmp_path / "keys" / "site.key"
    path = encryption_key_path(signing)
    assert path == tmp_path / "keys" / "site-encryption.key"
    key = new_encryption_key()
    save_private_key(key, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert encryption_key_text(load_encryption_key(path)) == encryption_key_text(key)
    save_private_key(new_private_key(), signing)
    with pytest.raises(KeyUnreadable) as caught:
        load_encryption_key(signing)  # the signing key is not an encryption key
    assert (caught.value.reason, caught.value.encryption) == (KeyProblem.WRONG_TYPE, True)
    with pytest.raises(KeyUnreadable) as caught:
        load_private_key(path)
    assert (caught.value.reason, caught.value.encryption) == (KeyProblem.WRONG_TYPE, False)

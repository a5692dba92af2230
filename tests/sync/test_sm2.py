"""SM2 (counter.sync.sm2) against the standard's worked examples and an independent implementation's vectors.

The examples are those of GB/T 32918.2-2016 and GB/T 32918.4-2016, appendix A (the 256-bit example curve, user ID
ALICE123@YAHOO.COM, fixed nonces); the vectors of ``data/sm2_vectors.json`` were made with sm-crypto (npm) on the
recommended curve with the default user ID, C1C3C2 (``data/sm2_vectors_make.py`` says how), and with gmssl
(``data/sm2_vectors_gmssl.py``).
"""

from __future__ import annotations

import json
import logging
import secrets
from pathlib import Path

import pytest

from counter.sync import sm2
from counter.sync.sm2_keys import load_sm2_key, save_sm2_key
from counter.sync.sm_seal import new_private_key

EXAMPLE = sm2.Curve(
    p=0x8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3,
    a=0x787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498,
    b=0x63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A,
    n=0x8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7,
    gx=0x421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D,
    gy=0x0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2,
)
VECTORS = json.loads((Path(__file__).parent / "data" / "sm2_vectors.json").read_text(encoding="utf-8"))


def test_the_signature_example_of_the_standard() -> None:
    d = 0x128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263
    k = 0x6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F
    public = sm2.public_key(d, EXAMPLE)
    assert public.hex().upper() == (
        "04"
        "0AE4C7798AA0F119471BEE11825BE46202BB79E2A5844495E97C04FF4DF2548A"
        "7C0240F88F1CD4E16352A73C17B7F16F07353E53A176D684A9FE0C6BB798E857"
    )
    uid = b"ALICE123@YAHOO.COM"
    z = sm2.z_value(public, uid, EXAMPLE)
    assert z.hex().upper() == "F4A38489E32B45B6F876E3AC2168CA392362DC8F23459C1D1146FC3DBFB7BC9A"
    signature = sm2.sign(d, b"message digest", uid, EXAMPLE, k=k)
    assert signature.hex().upper() == (
        "40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1"
        "6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7"
    )
    assert sm2.verify(public, b"message digest", signature, uid, EXAMPLE)
    assert not sm2.verify(public, b"message digest", signature, sm2.DEFAULT_USER_ID, EXAMPLE)
    # the same signature made in two steps, as where a province's seal service keeps the key and is sent e only
    digest = sm2.signing_digest(public, b"message digest", uid, EXAMPLE)
    assert digest.hex().upper() == "B524F552CD82B8B028476E005C377FB19A87E6FC682D48BB5D42E3D9B9EFFE76"
    assert sm2.sign_digest(d, digest, EXAMPLE, k=k) == signature


def test_the_encryption_example_of_the_standard_in_c1c3c2_order() -> None:
    d = 0x1649AB77A00637BD5E2EFE283FBF353534AA7F7CB89463F208DDBC2920BB0DA0
    k = 0x4C62EEFD6ECFC2B95B92FD6C3D9575148AFA17425546D49018E5388D49DD7B4F
    c1 = (
        "04"
        "245C26FB68B1DDDDB12C4B6BF9F2B6D5FE60A383B0D18D1C4144ABF17F6252E7"
        "76CB9264C2A7E88E52B19903FDC47378F605E36811F5C07423A24B84400F01B8"
    )
    c2 = "650053A89B41C418B0C3AAD00D886C00286467"
    c3 = "9C3D7360C30156FAB7C80A0276712DA9D8094A634B766D3A285E07480653426D"
    cipher = sm2.encrypt(sm2.public_key(d, EXAMPLE), b"encryption standard", EXAMPLE, k=k)
    assert cipher.hex().upper() == c1 + c3 + c2
    assert sm2.decrypt(d, cipher, EXAMPLE) == b"encryption standard"
    assert sm2.decrypt(d, bytes.fromhex(c1 + c2 + c3), EXAMPLE) is None  # C1C2C3 order is not read as C1C3C2


@pytest.mark.parametrize("vector", VECTORS["sm_crypto"], ids=lambda v: v["message"][:12])
def test_sm_crypto_signatures_verify_and_its_ciphertext_decrypts(vector: dict[str, str]) -> None:
    public, message = bytes.fromhex(vector["public_key"]), vector["message"].encode()
    d = int(vector["private_key"], 16)
    assert sm2.public_key(d) == public
    assert sm2.verify(public, message, bytes.fromhex(vector["signature"]))
    assert not sm2.verify(public, message + b".", bytes.fromhex(vector["signature"]))
    assert sm2.decrypt(d, bytes.fromhex(vector["ciphertext"])) == message


@pytest.mark.parametrize("vector", VECTORS["gmssl"], ids=lambda v: v["message"][:12])
def test_gmssl_signatures_verify_and_its_ciphertext_decrypts(vector: dict[str, str]) -> None:
    """Made by gmssl 3.2.2 (``data/sm2_vectors_gmssl.py``), which verified and decrypted this module's vectors."""
    public, message = bytes.fromhex(vector["public_key"]), vector["message"].encode()
    assert sm2.verify(public, message, bytes.fromhex(vector["signature"]))
    assert sm2.decrypt(int(vector["private_key"], 16), bytes.fromhex(vector["ciphertext"])) == message


@pytest.mark.parametrize("vector", VECTORS["counter_verified_by_sm_crypto"], ids=lambda v: v["message"][:12])
def test_what_sm_crypto_accepted_is_what_this_module_makes(vector: dict[str, str]) -> None:
    d, k, message = int(vector["private_key"], 16), int(vector["k"], 16), vector["message"].encode()
    public = sm2.public_key(d)
    assert public.hex() == vector["public_key"]
    assert sm2.sign(d, message, k=k).hex() == vector["signature"]
    assert sm2.encrypt(public, message, k=k).hex() == vector["ciphertext"]


def test_a_fresh_key_signs_and_opens_and_refuses_what_was_changed() -> None:
    d = sm2.new_private_key()
    public = sm2.public_key(d)
    signature = sm2.sign(d, b"header")
    assert sm2.verify(public, b"header", signature)
    assert not sm2.verify(public, b"header", signature[:-1] + bytes([signature[-1] ^ 1]))
    cipher = sm2.encrypt(public, b"content key")
    assert sm2.decrypt(d, cipher) == b"content key"
    assert sm2.decrypt(d, cipher[:-1] + bytes([cipher[-1] ^ 1])) is None
    assert sm2.decrypt(sm2.new_private_key(), cipher) is None


def test_bytes_that_are_no_point_of_the_curve_are_refused() -> None:
    public = bytearray(sm2.public_key(sm2.new_private_key()))
    public[-1] ^= 1
    assert sm2.public_point(bytes(public)) is None
    assert not sm2.verify(bytes(public), b"x", bytes(64))
    assert sm2.decrypt(5, bytes(public) + bytes(40)) is None
    with pytest.raises(ValueError, match="not an SM2 public key"):
        sm2.encrypt(bytes(public), b"x")


def test_a_signature_of_values_out_of_range_is_refused_never_raised() -> None:
    """What a forged package's seal may hold: r or s zero or beyond the order, r + s the order, the wrong length."""
    d = sm2.new_private_key()
    public = sm2.public_key(d)
    n = sm2.SM2P256V1.n
    good = sm2.sign(d, b"header")
    r = int.from_bytes(good[:32], "big")

    def of(r: int, s: int) -> bytes:
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    assert sm2.verify(public, b"header", good)
    for forged in (bytes(64), of(r, 0), of(0, 1), of(n, 1), of(r, n), of(r, n - r), good[:-1], good + b"\0"):
        assert not sm2.verify(public, b"header", forged), forged.hex()


def test_a_key_or_user_id_out_of_range_is_refused_by_name() -> None:
    n = sm2.SM2P256V1.n
    for d in (0, n - 1, n, -1):
        with pytest.raises(ValueError, match="not an SM2 private key"):
            sm2.sign(d, b"header")
    public = sm2.public_key(sm2.new_private_key())
    with pytest.raises(ValueError, match="user ID"):
        sm2.z_value(public, b"x" * 8192)
    assert len(sm2.z_value(public, b"x" * 8191)) == 32
    cipher = sm2.encrypt(public, b"content key")
    for d in (0, n, -1):
        assert sm2.decrypt(d, cipher) is None
    assert sm2.decrypt(5, cipher[: 65 + 32]) is None  # C1 and C3 with no C2


def test_a_key_not_in_the_uncompressed_form_is_refused() -> None:
    """A compressed key (02/03 ‖ x) or one with a byte more is no key here: refused, never raised."""
    public = sm2.public_key(sm2.new_private_key())
    compressed = bytes([2 + public[-1] % 2]) + public[1:33]
    for key in (compressed, public[:1] + public[1:] + b"\0", b"\x05" + public[1:]):
        assert sm2.public_point(key) is None
        assert not sm2.verify(key, b"header", bytes(64))


def test_a_signature_forged_to_sum_to_infinity_or_to_a_doubling_is_refused() -> None:
    """[s]G + [t]P is the point at infinity when s + t·d = 0 (mod n), a doubling when s = t·d: both refused."""
    n = sm2.SM2P256V1.n
    d = sm2.new_private_key()
    public = sm2.public_key(d)
    s = 12345
    for t in (-s * pow(d, -1, n) % n, s * pow(d, -1, n) % n):
        r = (t - s) % n
        assert not sm2.verify(public, b"header", r.to_bytes(32, "big") + s.to_bytes(32, "big"))


def test_the_largest_nonce_signs_and_encrypts() -> None:
    """k = n − 1 takes the ladder through P + (−P) on its last bit."""
    d = sm2.new_private_key()
    public = sm2.public_key(d)
    k = sm2.SM2P256V1.n - 1
    assert sm2.verify(public, b"header", sm2.sign(d, b"header", k=k))
    assert sm2.decrypt(d, sm2.encrypt(public, b"content key", k=k)) == b"content key"


#: y² = x³ − 3x + 41 over F_40039, of prime order 39761: small enough that nonces giving no signature are found
TOY = sm2.Curve(p=40039, a=40036, b=41, n=39761, gx=3, gy=9502)
TOY_D = 1234
TOY_NO_SIGNATURE = {"r = 0": 9027, "r + k = n": 233, "s = 0": 15988}  # of TOY_D and b"header"
TOY_ZERO_KEY_STREAM = 271  # [k]P of TOY_D's key gives one byte of key stream 00


@pytest.mark.parametrize("k", TOY_NO_SIGNATURE.values(), ids=TOY_NO_SIGNATURE.keys())
def test_a_nonce_that_gives_no_signature_is_drawn_again(k: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """GB/T 32918.2 §6.1 A5/A6: a k giving r = 0, r + k = n or s = 0 is refused when given, redrawn when drawn."""
    with pytest.raises(ValueError, match="this k gives no signature"):
        sm2.sign(TOY_D, b"header", curve=TOY, k=k)
    drawn = iter([k, 500])
    monkeypatch.setattr(secrets, "randbelow", lambda _below: next(drawn) - 1)
    signature = sm2.sign(TOY_D, b"header", curve=TOY)
    assert signature == sm2.sign(TOY_D, b"header", curve=TOY, k=500)
    assert sm2.verify(sm2.public_key(TOY_D, TOY), b"header", signature, curve=TOY)


def test_a_nonce_giving_an_all_zero_key_stream_is_drawn_again_and_never_decrypted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """GB/T 32918.4 §6.1 A5: t all zero would send the message in clear; §7.1 B4 refuses such a ciphertext."""
    public = sm2.public_key(TOY_D, TOY)
    with pytest.raises(ValueError, match="all-zero key stream"):
        sm2.encrypt(public, b"k", TOY, k=TOY_ZERO_KEY_STREAM)
    drawn = iter([TOY_ZERO_KEY_STREAM, 5])
    monkeypatch.setattr(secrets, "randbelow", lambda _below: next(drawn) - 1)
    cipher = sm2.encrypt(public, b"k", TOY)
    assert cipher == sm2.encrypt(public, b"k", TOY, k=5)
    assert sm2.decrypt(TOY_D, cipher, TOY) == b"k"
    c1 = sm2.public_key(TOY_ZERO_KEY_STREAM, TOY)
    assert sm2.decrypt(TOY_D, c1 + sm2.sm3(b"k") + b"k", TOY) is None


def test_a_site_s_sm2_key_read_from_its_file_never_shows_in_a_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A key logged by mistake, or shown in a traceback's arguments, says what it is, never its number."""
    path = tmp_path / "site.sm2"
    save_sm2_key(new_private_key(), path)
    key = load_sm2_key(path)
    with caplog.at_level(logging.INFO):
        logging.getLogger("counter.sync").info("opening with %r, %s", key, key)
    assert caplog.messages == ["opening with Sm2PrivateKey(…), Sm2PrivateKey(…)"]
    assert f"{key.d:x}" not in caplog.text
    assert str(key.d) not in caplog.text

"""SM2 over the recommended curve (GB/T 32918.1/.2/.4/.5): signatures with SM3, and public-key encryption.

Why a module of our own.  ``cryptography`` 50 offers SM3 and SM4 but no SM2.
The pure-Python SM2 packages on PyPI have open interoperability faults (a
signature of ``gmssl``'s ``sign_with_sm3`` that its own ``verify_with_sm3``
refuses; signatures made without the default user ID, ciphertext in C1C2C3
order, both of which every certified tool refuses), and the bindings to GmSSL
or Tongsuo need a native library that no Debian package here provides.  SM2 is
a short algorithm on integers; written out here it is checked against the
standard's own worked examples (GB/T 32918.2 and .4, appendix A, on their
example curve) and against vectors made by an independent implementation
(``tests/sync/data/sm2_vectors.json``, and how they were made beside it).

What it does:

- :func:`sign` / :func:`verify`: GB/T 32918.2, e = SM3(Z ‖ M) with
  Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) (:func:`z_value`) and the
  default user ID ``1234567812345678`` of GB/T 35276-2017; the signature is
  r ‖ s, 32 bytes each.
- :func:`encrypt` / :func:`decrypt`: GB/T 32918.4 with the SM3 KDF, ciphertext
  C1 ‖ C3 ‖ C2 (C1 uncompressed, 65 bytes; C3 the SM3 check value), the order
  of GB/T 32918.4-2016 and GB/T 35276.
- public keys travel as the 65 bytes ``04 ‖ x ‖ y``; :func:`public_point`
  refuses a point not on the curve (no invalid-curve attack on decryption).

Constant time, honestly: it is not.  Python integers take time that depends on
their values, and the scalar multiplication here is a Montgomery ladder on
Jacobian coordinates (the same operations for each bit) whose integer
arithmetic still varies.  A local observer who can time many signatures on the
signing machine could learn about the key; the threat here is a USB stick lost
on the way, and each package costs one signature and one decryption, made on
the site's own machine.  A site that must pass 商用密码应用安全性评估 at a higher
level keeps its SM2 key in a certified module behind the same four calls.
The nonce ``k`` comes from :mod:`secrets`, fresh for each signature and each
encryption.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes

DEFAULT_USER_ID = b"1234567812345678"  # GB/T 35276-2017 §5.3 (and GM/T 0009): the ID when none is agreed
SIGNATURE_BYTES = 64  # r ‖ s
_HASH_BYTES = 32


@dataclass(frozen=True, slots=True)
class Curve:
    """y² = x³ + ax + b over F_p, base point G of prime order n (cofactor 1 for both curves here)."""

    p: int
    a: int
    b: int
    n: int
    gx: int
    gy: int

    @property
    def size(self) -> int:
        return (self.p.bit_length() + 7) // 8


#: sm2p256v1, GB/T 32918.5-2017
SM2P256V1 = Curve(
    p=0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF,
    a=0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC,
    b=0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93,
    n=0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123,
    gx=0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7,
    gy=0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0,
)

_Point = tuple[int, int] | None  # affine, None for the point at infinity
_Jacobian = tuple[int, int, int]  # (X, Y, Z), Z = 0 for the point at infinity


def sm3(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize()


def new_private_key(curve: Curve = SM2P256V1) -> int:
    """A private key d in [1, n − 2] (GB/T 32918.1 §6.1: d = n − 1 has no signature)."""
    return secrets.randbelow(curve.n - 2) + 1


def public_key(d: int, curve: Curve = SM2P256V1) -> bytes:
    """The public key of ``d`` as ``04 ‖ x ‖ y``."""
    point = _multiply(d, (curve.gx, curve.gy), curve)
    assert point is not None  # d in [1, n-1]
    return _encode(point, curve)


def public_point(encoded: bytes, curve: Curve = SM2P256V1) -> tuple[int, int] | None:
    """The point of ``04 ‖ x ‖ y``, or None for bytes that are not a point of the curve (never raises)."""
    size = curve.size
    if len(encoded) != 1 + 2 * size or encoded[0] != 4:
        return None
    x, y = int.from_bytes(encoded[1 : 1 + size], "big"), int.from_bytes(encoded[1 + size :], "big")
    if not (x < curve.p and y < curve.p) or (y * y - (x * x * x + curve.a * x + curve.b)) % curve.p:
        return None
    return x, y


def z_value(encoded_public: bytes, user_id: bytes = DEFAULT_USER_ID, curve: Curve = SM2P256V1) -> bytes:
    """Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A) of GB/T 32918.2 §5.5; ValueError for a bad key."""
    point = public_point(encoded_public, curve)
    if point is None or len(user_id) >= 8192:
        raise ValueError("not an SM2 public key, or a user ID of 8192 bytes or more")
    size = curve.size
    parts = [curve.a, curve.b, curve.gx, curve.gy, point[0], point[1]]
    return sm3((len(user_id) * 8).to_bytes(2, "big") + user_id + b"".join(v.to_bytes(size, "big") for v in parts))


def sign(
    d: int, message: bytes, user_id: bytes = DEFAULT_USER_ID, curve: Curve = SM2P256V1, k: int | None = None
) -> bytes:
    """The signature r ‖ s of ``message`` by ``d`` (GB/T 32918.2 §6.1).  ``k`` is for the standard's examples only."""
    if not 1 <= d <= curve.n - 2:
        raise ValueError("not an SM2 private key")
    return sign_digest(d, signing_digest(public_key(d, curve), message, user_id, curve), curve, k)


def signing_digest(
    encoded_public: bytes, message: bytes, user_id: bytes = DEFAULT_USER_ID, curve: Curve = SM2P256V1
) -> bytes:
    """e = SM3(Z_A ‖ M) of GB/T 32918.2 §6.1, what the key holder's signature is made over: the digest a signing
    service that keeps the key (a province's 电子印章 system) is sent; ValueError for a bad key."""
    return sm3(z_value(encoded_public, user_id, curve) + message)


def sign_digest(d: int, digest: bytes, curve: Curve = SM2P256V1, k: int | None = None) -> bytes:
    """The signature r ‖ s by ``d`` over e = ``digest`` (:func:`signing_digest`), steps A3 to A7 of §6.1."""
    n = curve.n
    if not 1 <= d <= n - 2:
        raise ValueError("not an SM2 private key")
    e = int.from_bytes(digest, "big")
    inverse = pow(1 + d, -1, n)
    while True:
        nonce = k if k is not None else secrets.randbelow(n - 1) + 1
        point = _multiply(nonce, (curve.gx, curve.gy), curve)
        assert point is not None
        r = (e + point[0]) % n
        if r == 0 or r + nonce == n:
            if k is not None:
                raise ValueError("this k gives no signature")
            continue
        s = inverse * (nonce - r * d) % n
        if s != 0:
            return r.to_bytes(curve.size, "big") + s.to_bytes(curve.size, "big")
        if k is not None:
            raise ValueError("this k gives no signature")


def verify(
    encoded_public: bytes, message: bytes, signature: bytes, user_id: bytes = DEFAULT_USER_ID, curve: Curve = SM2P256V1
) -> bool:
    """Whether ``signature`` (r ‖ s) is the signature of ``message`` by the key (GB/T 32918.2 §7.1); never raises."""
    point = public_point(encoded_public, curve)
    size, n = curve.size, curve.n
    if point is None or len(signature) != 2 * size:
        return False
    r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
    if not (1 <= r < n and 1 <= s < n):
        return False
    t = (r + s) % n
    if t == 0:
        return False
    e = int.from_bytes(signing_digest(encoded_public, message, user_id, curve), "big")
    s_g, t_p = _multiply(s, (curve.gx, curve.gy), curve), _multiply(t, point, curve)
    assert s_g is not None  # s and t in [1, n − 1], of points of order n: neither is infinity
    assert t_p is not None
    total = _add(s_g, t_p, curve)  # infinity for a signature forged to sum to it
    return total is not None and (e + total[0]) % n == r


def encrypt(encoded_public: bytes, plain: bytes, curve: Curve = SM2P256V1, k: int | None = None) -> bytes:
    """C1 ‖ C3 ‖ C2 of ``plain`` to the key (GB/T 32918.4 §6.1); ValueError for a bad key or an empty message."""
    point = public_point(encoded_public, curve)
    if point is None or not plain:
        raise ValueError("not an SM2 public key, or nothing to encrypt")
    while True:
        nonce = k if k is not None else secrets.randbelow(curve.n - 1) + 1
        c1 = _multiply(nonce, (curve.gx, curve.gy), curve)
        shared = _multiply(nonce, point, curve)
        assert c1 is not None  # cofactor 1 and a point of the curve: neither is infinity
        assert shared is not None
        x2, y2 = (v.to_bytes(curve.size, "big") for v in shared)
        t = _kdf(x2 + y2, len(plain))
        if any(t):
            c2 = bytes(a ^ b for a, b in zip(plain, t, strict=True))
            return _encode(c1, curve) + sm3(x2 + plain + y2) + c2
        if k is not None:
            raise ValueError("this k gives an all-zero key stream")


def decrypt(d: int, cipher: bytes, curve: Curve = SM2P256V1) -> bytes | None:
    """The plain bytes of C1 ‖ C3 ‖ C2, or None when they are not for ``d`` or were changed (never raises)."""
    c1_bytes = 1 + 2 * curve.size
    if len(cipher) <= c1_bytes + _HASH_BYTES or not 1 <= d < curve.n:
        return None
    c1 = public_point(cipher[:c1_bytes], curve)
    if c1 is None:
        return None
    c3, c2 = cipher[c1_bytes : c1_bytes + _HASH_BYTES], cipher[c1_bytes + _HASH_BYTES :]
    shared = _multiply(d, c1, curve)
    assert shared is not None  # d in [1, n − 1] and cofactor 1: every point of the curve has order n
    x2, y2 = (v.to_bytes(curve.size, "big") for v in shared)
    t = _kdf(x2 + y2, len(c2))
    if not any(t):
        return None
    plain = bytes(a ^ b for a, b in zip(c2, t, strict=True))
    return plain if hmac.compare_digest(sm3(x2 + plain + y2), c3) else None


def _kdf(z: bytes, length: int) -> bytes:
    """The key derivation of GB/T 32918.4 §5.4.3: SM3(Z ‖ ct) for ct = 1, 2, … (32 bits, big-endian)."""
    out = b"".join(sm3(z + ct.to_bytes(4, "big")) for ct in range(1, (length + _HASH_BYTES - 1) // _HASH_BYTES + 1))
    return out[:length]


def _encode(point: tuple[int, int], curve: Curve) -> bytes:
    return b"\x04" + point[0].to_bytes(curve.size, "big") + point[1].to_bytes(curve.size, "big")


def _multiply(k: int, point: tuple[int, int], curve: Curve) -> _Point:
    """[k]point by a Montgomery ladder in Jacobian coordinates: one addition and one doubling for every bit."""
    k %= curve.n
    r0: _Jacobian = (1, 1, 0)
    r1: _Jacobian = (point[0], point[1], 1)
    for i in range(curve.n.bit_length() - 1, -1, -1):
        if (k >> i) & 1:
            r0, r1 = _jadd(r0, r1, curve), _jdouble(r1, curve)
        else:
            r1, r0 = _jadd(r0, r1, curve), _jdouble(r0, curve)
    return _affine(r0, curve)


def _add(one: tuple[int, int], two: tuple[int, int], curve: Curve) -> _Point:
    return _affine(_jadd((one[0], one[1], 1), (two[0], two[1], 1), curve), curve)


def _affine(point: _Jacobian, curve: Curve) -> _Point:
    x, y, z = point
    if z == 0:
        return None
    p = curve.p
    zi = pow(z, -1, p)
    zi2 = zi * zi % p
    return x * zi2 % p, y * zi2 * zi % p


def _jdouble(point: _Jacobian, curve: Curve) -> _Jacobian:
    x, y, z = point
    p = curve.p
    if z == 0 or y == 0:
        return (1, 1, 0)
    yy = y * y % p
    s = 4 * x * yy % p
    zz = z * z % p
    m = (3 * x * x + curve.a * zz * zz) % p
    x3 = (m * m - 2 * s) % p
    y3 = (m * (s - x3) - 8 * yy * yy) % p
    z3 = 2 * y * z % p
    return x3, y3, z3


def _jadd(one: _Jacobian, two: _Jacobian, curve: Curve) -> _Jacobian:
    x1, y1, z1 = one
    x2, y2, z2 = two
    if z1 == 0:
        return two
    if z2 == 0:
        return one
    p = curve.p
    z1z1, z2z2 = z1 * z1 % p, z2 * z2 % p
    u1, u2 = x1 * z2z2 % p, x2 * z1z1 % p
    s1, s2 = y1 * z2 * z2z2 % p, y2 * z1 * z1z1 % p
    h, r = (u2 - u1) % p, (s2 - s1) % p
    if h == 0:
        return _jdouble(one, curve) if r == 0 else (1, 1, 0)
    hh = h * h % p
    hhh = h * hh % p
    v = u1 * hh % p
    x3 = (r * r - hhh - 2 * v) % p
    y3 = (r * (v - x3) - s1 * hhh) % p
    z3 = h * z1 * z2 % p
    return x3, y3, z3

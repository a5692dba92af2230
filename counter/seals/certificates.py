"""X.509 certificates with an SM2 key, signed SM3withSM2 (GM/T 0015, RFC 5280): the seal's and its signer's.

Why.  An electronic seal (GB/T 38540) carries the certificate of the body that signs with it and of the one that
made it, and a reader trusts the seal when those certificates lead to an anchor it holds.  ``cryptography`` can
parse neither an SM2 key nor an SM3withSM2 signature, so the certificates are written and read here
(:mod:`counter.seals.der`), just so far as a seal needs: the subject's and issuer's names (CN, O, C), the
validity, the SM2 public key, basic constraints (whether it may issue), and the signature.

The site's seal CA is a self-signed certificate made at set-up; it issues one signer certificate per acting body
(:mod:`counter.seals.store`).  :func:`read_certificate` raises :class:`~counter.seals.der.DerError`
for anything that is not such a certificate; :func:`issued_by` never raises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.seals import der
from counter.sync import sm2

SM3_WITH_SM2 = "1.2.156.10197.1.501"
SM3 = "1.2.156.10197.1.401"
_EC_PUBLIC_KEY, _SM2_CURVE = "1.2.840.10045.2.1", "1.2.156.10197.1.301"
_CN, _O, _C = "2.5.4.3", "2.5.4.10", "2.5.4.6"
_BASIC_CONSTRAINTS, _KEY_USAGE = "2.5.29.19", "2.5.29.15"


@dataclass(frozen=True, slots=True)
class Certificate:
    encoded: bytes  # the whole DER, as it travels
    signed_part: bytes  # the TBSCertificate's DER: what the issuer signed
    serial: int
    subject: str  # CN
    organisation: str  # O: the site the seal CA belongs to
    issuer: str  # the issuer's CN
    not_before: dt.datetime
    not_after: dt.datetime
    public_key: bytes  # 04 ‖ x ‖ y
    is_ca: bool
    signature: bytes  # r ‖ s

    def valid_at(self, moment: dt.datetime) -> bool:
        return self.not_before <= moment <= self.not_after


def sm2_signature_der(raw: bytes) -> bytes:
    """r ‖ s as the SEQUENCE { r INTEGER, s INTEGER } of GM/T 0009, as certificates and seals carry it."""
    return der.sequence(der.integer(int.from_bytes(raw[:32], "big")), der.integer(int.from_bytes(raw[32:], "big")))


def sm2_signature_raw(encoded: bytes) -> bytes:
    """The SEQUENCE { r, s } back as r ‖ s; DerError for anything else."""
    parts = der.read_one(encoded).expect(der.SEQUENCE).children()
    if len(parts) != 2:
        raise der.DerError("not an SM2 signature")
    r, s = (part.as_int() for part in parts)
    if not (0 < r < 2**256 and 0 < s < 2**256):
        raise der.DerError("not an SM2 signature")
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def _name(common_name: str, organisation: str) -> bytes:
    def attribute(kind: str, value: bytes) -> bytes:
        return der.tlv(der.SET, der.sequence(der.oid(kind), value))

    return der.sequence(
        attribute(_C, der.text(der.PRINTABLE_STRING, "CN")),
        attribute(_O, der.text(der.UTF8_STRING, organisation)),
        attribute(_CN, der.text(der.UTF8_STRING, common_name)),
    )


def issue(
    *,
    subject: str,
    organisation: str,
    public_key: bytes,
    issuer_key: int,
    issuer: Certificate | None,
    serial: int,
    not_before: dt.datetime,
    not_after: dt.datetime,
    ca: bool,
) -> bytes:
    """A certificate of ``public_key`` for ``subject``, signed by ``issuer_key``: the holder of ``issuer``, or the
    subject itself (``issuer`` None: a self-signed anchor)."""
    algorithm = der.sequence(der.oid(SM3_WITH_SM2))
    issuer_name = _name(subject, organisation) if issuer is None else _name(issuer.subject, issuer.organisation)
    key_info = der.sequence(der.sequence(der.oid(_EC_PUBLIC_KEY), der.oid(_SM2_CURVE)), der.bit_string(public_key))
    constraints = der.sequence(der.tlv(0x01, b"\xff")) if ca else der.sequence()
    usage = der.tlv(der.BIT_STRING, b"\x01\x06" if ca else b"\x06\xc0")  # keyCertSign+cRLSign; signature+nonRepudiation
    extensions = der.sequence(
        der.sequence(der.oid(_BASIC_CONSTRAINTS), der.tlv(0x01, b"\xff"), der.octet_string(constraints)),
        der.sequence(der.oid(_KEY_USAGE), der.tlv(0x01, b"\xff"), der.octet_string(usage)),
    )
    signed_part = der.sequence(
        der.tlv(der.context(0), der.integer(2)),
        der.integer(serial),
        algorithm,
        issuer_name,
        der.sequence(der.time(not_before, der.UTC_TIME), der.time(not_after, der.UTC_TIME)),
        _name(subject, organisation),
        key_info,
        der.tlv(der.context(3), extensions),
    )
    signature = sm2.sign(issuer_key, signed_part)
    return der.sequence(signed_part, algorithm, der.bit_string(sm2_signature_der(signature)))


def _read_name(node: der.Node) -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in node.expect(der.SEQUENCE).children():
        for pair in entry.expect(der.SET).children():
            kind, value = pair.expect(der.SEQUENCE).children()
            found[kind.as_oid()] = value.as_text()
    return found


def read_certificate(encoded: bytes) -> Certificate:
    """The certificate of these bytes; DerError unless it is an SM2 certificate signed SM3withSM2."""
    return der.strictly(_read_certificate, encoded)


def _read_certificate(encoded: bytes) -> Certificate:
    outer = der.read_one(encoded).expect(der.SEQUENCE).children()
    if len(outer) != 3 or outer[1].children()[0].as_oid() != SM3_WITH_SM2:
        raise der.DerError("not an SM3withSM2 certificate")
    fields = outer[0].expect(der.SEQUENCE).children()
    if len(fields) < 7 or fields[0].tag != der.context(0) or fields[2].children()[0].as_oid() != SM3_WITH_SM2:
        raise der.DerError("not a version 3 SM3withSM2 certificate")
    issuer, subject = _read_name(fields[3]), _read_name(fields[5])
    not_before, not_after = (part.as_time() for part in fields[4].children())
    algorithm, key = fields[6].children()
    if [part.as_oid() for part in algorithm.children()] != [_EC_PUBLIC_KEY, _SM2_CURVE]:
        raise der.DerError("not an SM2 public key")
    public_key = key.as_bits()
    if sm2.public_point(public_key) is None:
        raise der.DerError("a public key not on the SM2 curve")
    return Certificate(
        encoded=encoded,
        signed_part=outer[0].encoded,
        serial=fields[1].as_int(),
        subject=subject.get(_CN, ""),
        organisation=subject.get(_O, ""),
        issuer=issuer.get(_CN, ""),
        not_before=not_before,
        not_after=not_after,
        public_key=public_key,
        is_ca=_is_ca(fields[7:]),
        signature=sm2_signature_raw(outer[2].as_bits()),
    )


def _is_ca(rest: list[der.Node]) -> bool:
    for wrapper in rest:
        if wrapper.tag != der.context(3):
            continue
        for extension in wrapper.children()[0].children():
            parts = extension.children()
            if parts[0].as_oid() == _BASIC_CONSTRAINTS:
                inside = der.read_one(parts[-1].as_octets()).children()
                return bool(inside) and inside[0].tag == 0x01 and inside[0].value == b"\xff"
    return False


def issued_by(certificate: Certificate, issuer: Certificate) -> bool:
    """Whether ``issuer`` (a CA) signed ``certificate``, within its own validity; never raises."""
    return (
        issuer.is_ca
        and certificate.issuer == issuer.subject
        and issuer.not_before <= certificate.not_before
        and sm2.verify(issuer.public_key, certificate.signed_part, certificate.signature)
    )

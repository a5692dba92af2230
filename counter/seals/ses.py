"""The electronic seal and the signature made with it, as GB/T 38540-2020 writes them (version 4, SM2 with SM3).

Why.  A sealed paper's proof travels inside it: ``SignedValue.dat`` of the OFD package holds an ``SES_Signature``,
which carries the seal (``SESeal``: its name, picture and the certificates of those who may sign with it, signed by
the one who made it), the signer's certificate, the moment, the SM3 digest of what was signed and the signer's SM2
signature.  Any reader of the standard checks it without asking this program.

The structures (GB/T 38540-2020 §6 and §7)::

    SESeal ::= SEQUENCE { esealInfo SES_SealInfo, cert OCTET STRING (the maker's), signAlgID OID,
                          signedValue BIT STRING (over SEQUENCE { esealInfo, cert, signAlgID }) }
    SES_SealInfo ::= SEQUENCE { header SEQUENCE { "ES", 4, vid }, esID IA5String,
                                property SES_ESPropertyInfo, picture SES_ESPictrueInfo }
    SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER (1: certificates),
                                      certList SEQUENCE OF OCTET STRING, createDate, validStart, validEnd }
    SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET STRING, width INTEGER, height INTEGER } (mm)
    TBS_Sign ::= SEQUENCE { version INTEGER (4), eseal SESeal, timeInfo GeneralizedTime, dataHash BIT STRING,
                            propertyInfo IA5String }
    SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING (the signer's), signatureAlgID OID,
                                 signature BIT STRING (over toSign) }

Signatures in them are DER ``SEQUENCE { r, s }``.  :func:`read_seal` and :func:`read_signature` raise
:class:`~counter.seals.der.DerError` for anything else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from counter.seals import der
from counter.seals.certificates import SM3_WITH_SM2, sm2_signature_der, sm2_signature_raw
from counter.sync import sm2

VERSION = 4
OFFICIAL_SEAL = 1  # SES_ESPropertyInfo.type: 单位印章
_VENDOR = "counter"


@dataclass(frozen=True, slots=True)
class Seal:
    encoded: bytes
    es_id: str
    name: str  # the body's name as the seal bears it
    signer_certs: tuple[bytes, ...]  # who may sign with it
    valid_start: dt.datetime
    valid_end: dt.datetime
    picture: bytes  # PNG, drawn 40 mm across
    maker_cert: bytes
    signed_part: bytes  # SEQUENCE { esealInfo, cert, signAlgID }: what the maker signed
    maker_signature: bytes  # r ‖ s


@dataclass(frozen=True, slots=True)
class Signature:
    seal: Seal
    moment: dt.datetime
    data_hash: bytes
    property_info: str
    signer_cert: bytes
    signed_part: bytes  # TBS_Sign's DER
    signature: bytes  # r ‖ s


def make_seal(
    *,
    es_id: str,
    name: str,
    signer_cert: bytes,
    picture_png: bytes,
    size_mm: int,
    made: dt.datetime,
    valid_end: dt.datetime,
    maker_cert: bytes,
    maker_key: int,
) -> bytes:
    """A body's seal, made and signed by the site's seal CA (``maker_cert`` and its key)."""
    info = der.sequence(
        der.sequence(der.text(der.IA5_STRING, "ES"), der.integer(VERSION), der.text(der.IA5_STRING, _VENDOR)),
        der.text(der.IA5_STRING, es_id),
        der.sequence(
            der.integer(OFFICIAL_SEAL),
            der.text(der.UTF8_STRING, name),
            der.integer(1),
            der.sequence(der.octet_string(signer_cert)),
            der.time(made),
            der.time(made),
            der.time(valid_end),
        ),
        der.sequence(
            der.text(der.IA5_STRING, "png"), der.octet_string(picture_png), der.integer(size_mm), der.integer(size_mm)
        ),
    )
    signed = der.sequence(info, der.octet_string(maker_cert), der.oid(SM3_WITH_SM2))
    value = sm2_signature_der(sm2.sign(maker_key, signed))
    return der.sequence(info, der.octet_string(maker_cert), der.oid(SM3_WITH_SM2), der.bit_string(value))


def read_seal(encoded: bytes) -> Seal:
    """The seal of these bytes; DerError unless it is a version 4 SESeal."""
    return der.strictly(lambda data: _seal(der.read_one(data)), encoded)


def _seal(node: der.Node) -> Seal:
    parts = node.expect(der.SEQUENCE).children()
    if len(parts) != 4 or parts[2].as_oid() != SM3_WITH_SM2:
        raise der.DerError("not a version 4 SESeal signed SM3withSM2")
    info, cert, algorithm, value = parts
    fields = info.expect(der.SEQUENCE).children()
    header = fields[0].children()
    if header[0].as_text() != "ES" or header[1].as_int() != VERSION:
        raise der.DerError("not a version 4 seal")
    prop = fields[2].children()
    picture = fields[3].children()
    return Seal(
        encoded=node.encoded,
        es_id=fields[1].as_text(),
        name=prop[1].as_text(),
        signer_certs=tuple(item.as_octets() for item in prop[3].children()),
        valid_start=prop[5].as_time(),
        valid_end=prop[6].as_time(),
        picture=picture[1].as_octets(),
        maker_cert=cert.as_octets(),
        signed_part=der.sequence(info.encoded, cert.encoded, algorithm.encoded),
        maker_signature=sm2_signature_raw(value.as_bits()),
    )


def to_be_signed(*, seal: bytes, data_hash: bytes, property_info: str, moment: dt.datetime) -> bytes:
    """The TBS_Sign's DER of the seal ``seal`` over ``data_hash`` (SM3 of what is signed): what the signer's key
    signs, here or at a province's seal service that keeps the key."""
    return der.sequence(
        der.integer(VERSION),
        seal,
        der.time(moment),
        der.bit_string(data_hash),
        der.text(der.IA5_STRING, property_info),
    )


def assembled(to_sign: bytes, signer_cert: bytes, signature: bytes) -> bytes:
    """The SES_Signature of ``to_sign`` (:func:`to_be_signed`) and the signer's ``signature`` (r ‖ s) over it."""
    value = sm2_signature_der(signature)
    return der.sequence(to_sign, der.octet_string(signer_cert), der.oid(SM3_WITH_SM2), der.bit_string(value))


def read_signature(encoded: bytes) -> Signature:
    """The signature of these bytes; DerError unless it is a version 4 SES_Signature."""
    return der.strictly(_read_signature, encoded)


def _read_signature(encoded: bytes) -> Signature:
    parts = der.read_one(encoded).expect(der.SEQUENCE).children()
    if len(parts) < 4 or parts[2].as_oid() != SM3_WITH_SM2:
        raise der.DerError("not an SES_Signature signed SM3withSM2")
    to_sign = parts[0].expect(der.SEQUENCE).children()
    if len(to_sign) < 5 or to_sign[0].as_int() != VERSION:
        raise der.DerError("not a version 4 signature")
    return Signature(
        seal=_seal(to_sign[1]),
        moment=to_sign[2].as_time(),
        data_hash=to_sign[3].as_bits(),
        property_info=to_sign[4].as_text(),
        signer_cert=parts[1].as_octets(),
        signed_part=parts[0].encoded,
        signature=sm2_signature_raw(parts[3].as_bits()),
    )

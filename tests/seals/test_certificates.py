"""The seal's certificates: SM2 keys signed SM3withSM2, written and read back by the DER module, read by an
independent X.509 parser as well (``cryptography`` reads the fields it knows: names, dates, serial)."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.x509.oid import NameOID

from counter.seals import der
from counter.seals.certificates import issue, issued_by, read_certificate
from counter.sync import sm2

START = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
END = dt.datetime(2036, 11, 1, tzinfo=dt.UTC)


def _pair() -> tuple[int, bytes]:
    d = sm2.new_private_key()
    return d, sm2.public_key(d)


def _chain() -> tuple[bytes, bytes]:
    ca_d, ca_pub = _pair()
    ca = issue(subject="兴安盟政务服务中心电子印章根证书", organisation="兴安盟政务服务中心", public_key=ca_pub,
               issuer_key=ca_d, issuer=None, serial=1, not_before=START, not_after=END, ca=True)  # fmt: skip
    _, body_pub = _pair()
    anchor = read_certificate(ca)
    body = issue(subject="科尔沁右翼前旗市场监督管理局", organisation="兴安盟政务服务中心", public_key=body_pub,
                 issuer_key=ca_d, issuer=anchor, serial=2, not_before=START, not_after=END, ca=False)  # fmt: skip
    return ca, body


def test_a_certificate_reads_back_as_written() -> None:
    ca, body = _chain()
    anchor, signer = read_certificate(ca), read_certificate(body)
    assert anchor.is_ca
    assert not signer.is_ca
    assert signer.subject == "科尔沁右翼前旗市场监督管理局"
    assert signer.issuer == anchor.subject
    assert (signer.not_before, signer.not_after, signer.serial) == (START, END, 2)
    assert issued_by(signer, anchor)
    assert issued_by(anchor, anchor)


def test_an_independent_parser_reads_the_same_names_and_dates() -> None:
    _, body = _chain()
    parsed = x509.load_der_x509_certificate(body)
    assert parsed.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "科尔沁右翼前旗市场监督管理局"
    assert parsed.not_valid_before_utc == START
    assert parsed.serial_number == 2
    assert parsed.signature_algorithm_oid.dotted_string == "1.2.156.10197.1.501"


def test_another_ca_or_a_changed_byte_is_not_the_issuer() -> None:
    ca, body = _chain()
    other_ca, _ = _chain()
    assert not issued_by(read_certificate(body), read_certificate(other_ca))
    changed = body.replace("前旗".encode(), "中旗".encode())
    assert not issued_by(read_certificate(changed), read_certificate(ca))
    assert not issued_by(read_certificate(ca), read_certificate(body))  # a signer's certificate issues nothing


@pytest.mark.parametrize(
    "broken",
    [b"", b"\x30\x03\x02\x01", b"\x30\x81\x01\x00", b"\x30\x00\x00", b"\x04\x01\x00"],
    ids=["empty", "short", "long-form-short-length", "trailing", "not-a-sequence"],
)
def test_bytes_that_are_not_der_are_refused(broken: bytes) -> None:
    with pytest.raises(der.DerError):
        read_certificate(broken)


def test_der_values_round_trip() -> None:
    for value in (0, 1, 127, 128, 255, 256, -1, -128, -129, 2**255):
        assert der.read_one(der.integer(value)).as_int() == value
    for dotted in ("1.2.156.10197.1.501", "2.5.4.3", "1.2.840.10045.2.1"):
        assert der.read_one(der.oid(dotted)).as_oid() == dotted
    long = b"x" * 70000
    assert der.read_one(der.octet_string(long)).as_octets() == long
    moment = dt.datetime(2026, 11, 29, 2, 3, 4, tzinfo=dt.UTC)
    assert der.read_one(der.time(moment)).as_time() == moment

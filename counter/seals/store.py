"""The site's seal CA and the seals of the bodies a desk acts for: files beside the site's keys, never in the database.

Why so.  The seal CA is the site's trust anchor for its papers: made at set-up (:func:`seal_ca`), its private key a
file of mode 0600 as the site's signing and SM2 keys are (:func:`counter.sync.sm2_keys.save_sm2_key`), its
certificate the anchor every verifier holds (:func:`anchors`).  With it the administrator makes a body's seal
(:func:`make_body_seal`): a fresh SM2 key for the body, its certificate issued by the CA, and the GB/T 38540 seal
(picture, name, the certificate that may sign with it) signed by the CA.  The body's three files go only on the
desks that act for that body: a desk that holds no seal for a body cannot seal its papers, and says so.  A former
CA's certificate (a CA replaced) or a neighbouring site's is put under ``anchors/`` so that papers it sealed still
verify.

Layout of the folder (``keys/seals`` beside ``keys/site.key``)::

    ca.key  ca.cer              the site's seal CA
    anchors/*.cer               further anchors: former CAs, other sites'
    body-<h>.key  body-<h>.cer  body-<h>.esl    one body's key, certificate and seal (h: SM3 of its name, 16 hex)
    body-<h>.province           in place of the key: the seal's code at the province's 电子印章 system, which
                                keeps the key and signs (:mod:`counter.host.outward.province_seals`)
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from counter.seals import certificates, der, ses
from counter.seals.image import SIZE_MM, seal_png
from counter.sync import sm2
from counter.sync.keys import write_private_file
from counter.sync.sm2_keys import load_sm2_key, save_sm2_key
from counter.sync.sm_seal import Sm2PrivateKey

_YEARS = 10
OWN_CA = "ca.cer"  # the site's own seal CA
ANCHORS = "anchors"  # the folder of the other certificates trusted to make seals


@dataclass(frozen=True, slots=True)
class BodySeal:
    """What signs a body's papers: its key, its certificate, its seal."""

    name: str
    key: Sm2PrivateKey | None  # None: the province keeps it, and signs (``province_code``)
    certificate: bytes
    seal: bytes
    province_code: str = ""  # the seal's code at the province's 电子印章 system, where it was taken from there


@dataclass(frozen=True, slots=True)
class PaperSealMade:
    """A body's seal made: what the administrator is told and the trail records."""

    body: str
    certificate_digest: str  # SM3 of the signer's certificate, hex
    valid_until: dt.datetime


def seals_dir(site_key: Path) -> Path:
    return site_key.parent / "seals"


def _body_stem(folder: Path, name: str) -> Path:
    return folder / f"body-{sm2.sm3(name.encode('utf-8')).hex()[:16]}"


def seal_ca(folder: Path, site_name: str, now: dt.datetime) -> certificates.Certificate:
    """The site's seal CA, made the first time (a self-signed anchor valid ten years), else the one there."""
    key_path, cert_path = folder / "ca.key", folder / OWN_CA
    if cert_path.exists():
        return certificates.read_certificate(cert_path.read_bytes())
    folder.mkdir(parents=True, exist_ok=True)
    key = Sm2PrivateKey(sm2.new_private_key())
    encoded = certificates.issue(
        subject=f"{site_name}电子印章制章根证书",
        organisation=site_name,
        public_key=sm2.public_key(key.d),
        issuer_key=key.d,
        issuer=None,
        serial=secrets.randbits(63),
        not_before=now,
        not_after=now.replace(year=now.year + _YEARS),
        ca=True,
    )
    save_sm2_key(key, key_path)
    cert_path.write_bytes(encoded)
    return certificates.read_certificate(encoded)


def anchor_paths(folder: Path) -> list[Path]:
    """The files of the certificates a sealed paper's chain may end in: the site's CA (:data:`OWN_CA`) first, if
    there, then ``anchors/*.cer`` by name (:mod:`counter.seals.anchors` lists and changes them)."""
    own = folder / OWN_CA
    return ([own] if own.is_file() else []) + sorted((folder / ANCHORS).glob("*.cer"))


def anchors(folder: Path) -> tuple[bytes, ...]:
    """The certificates a sealed paper's chain may end in: the site's CA and those under ``anchors/``."""
    return tuple(path.read_bytes() for path in anchor_paths(folder) if path.is_file())


def make_body_seal(folder: Path, name: str, now: dt.datetime, picture: bytes | None = None) -> BodySeal:
    """A seal for the body ``name``, made by the site's CA (which must be here): its key, certificate and seal
    written beside it, replacing a former seal of the body.  ``picture``: the registered image (PNG), else drawn."""
    ca = certificates.read_certificate((folder / OWN_CA).read_bytes())
    ca_key = load_sm2_key(folder / "ca.key")
    key = Sm2PrivateKey(sm2.new_private_key())
    until = min(ca.not_after, now.replace(year=now.year + _YEARS))
    certificate = certificates.issue(
        subject=name,
        organisation=ca.organisation,
        public_key=sm2.public_key(key.d),
        issuer_key=ca_key.d,
        issuer=ca,
        serial=secrets.randbits(63),
        not_before=now,
        not_after=until,
        ca=False,
    )
    seal = ses.make_seal(
        es_id=f"{ca.serial:x}{secrets.token_hex(6)}",
        name=name,
        signer_cert=certificate,
        picture_png=picture or seal_png(name),
        size_mm=SIZE_MM,
        made=now,
        valid_end=until,
        maker_cert=ca.encoded,
        maker_key=ca_key.d,
    )
    stem = _body_stem(folder, name)
    stem.with_suffix(".province").unlink(missing_ok=True)  # the body's seal is made here now, no longer taken
    save_sm2_key(key, stem.with_suffix(".key"))
    write_private_file(stem.with_suffix(".cer"), certificate)
    write_private_file(stem.with_suffix(".esl"), seal)
    return BodySeal(name, key, certificate, seal)


def keep_province_seal(folder: Path, name: str, seal: bytes, code: str) -> BodySeal:
    """The seal ``seal`` of the body ``name`` taken from the province's 电子印章 system under ``code``, kept beside
    the others, replacing a former seal of the body (its key too: the province signs from now on).  The caller has
    checked it (:func:`counter.seals.verify.seal_check`)."""
    certificate = ses.read_seal(seal).signer_certs[0]
    stem = _body_stem(folder, name)
    folder.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".key").unlink(missing_ok=True)
    write_private_file(stem.with_suffix(".cer"), certificate)
    write_private_file(stem.with_suffix(".esl"), seal)
    write_private_file(stem.with_suffix(".province"), code.encode("utf-8"))
    return BodySeal(name, None, certificate, seal, code)


def body_seal(folder: Path, name: str) -> BodySeal | None:
    """The body's seal on this machine, or None where it has none (or not all its files): its key here, or the
    code the province's system signs it under (``body-<h>.province`` in place of the key)."""
    stem = _body_stem(folder, name)
    paths = [stem.with_suffix(suffix) for suffix in (".key", ".cer", ".esl")]
    province = stem.with_suffix(".province")
    here = paths[0].is_file()
    if not (here or province.is_file()) or not all(path.is_file() for path in paths[1:]):
        return None
    key = load_sm2_key(paths[0]) if here else None
    code = "" if here else province.read_text(encoding="utf-8", errors="replace").strip()
    found = BodySeal(name, key, paths[1].read_bytes(), paths[2].read_bytes(), code)
    try:
        seal = ses.read_seal(found.seal)
    except der.DerError:
        return None
    # the files of another body's seal, copied under this name, would seal its papers with the wrong name
    return found if seal.name == name and found.certificate in seal.signer_certs and (here or code) else None

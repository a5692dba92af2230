"""The trust anchors a sealed paper's chain may end in, beyond the site's own seal CA: the files of ``anchors/``.

Why a command and not a copy.  The province's seal CA (whose seals ``counter site seal --province`` takes) and a
former or neighbouring site's CA are certificates the administrator is handed, as PEM or DER.  Copied in by hand,
a PEM file, a certificate of another algorithm, an end-entity certificate or one expired lies there unread: the
readers (:func:`counter.seals.store.anchors`, :func:`counter.seals.verify.verify_paper`) take only an SM2 CA's DER,
and skip anything else without a word.  So a certificate is read here first, refused with every reason at once
(:class:`AnchorRefused`), and written as DER under a name of its own fingerprint: the same certificate added twice
is one file, and the name ``--list`` shows is the one ``--remove`` takes.

The fingerprint is the SHA-256 of the DER, in the colon-separated upper-case hex certificate viewers and ``openssl
x509 -fingerprint -sha256`` show, so that it can be compared with the one the province publishes.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from counter.seals import certificates, der
from counter.seals.store import ANCHORS, OWN_CA, anchor_paths
from counter.sync.keys import write_private_file

#: a certificate is a few hundred bytes; a file far larger is no certificate
LIMIT = 64 * 1024
_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", re.DOTALL)


class AnchorProblem(StrEnum):
    NOT_CERTIFICATE = "not_certificate"  # neither a PEM nor a DER X.509 certificate
    NOT_SM2 = "not_sm2"  # a certificate, but not an SM2 key signed SM3withSM2: no seal of GB/T 38540 leads to it
    NOT_CA = "not_ca"  # may not issue certificates: a seal's maker never is such
    EXPIRED = "expired"  # past its validity
    NOT_YET_VALID = "not_yet_valid"  # its validity starts later
    BAD_SIGNATURE = "bad_signature"  # self-signed, and its own signature does not hold: damaged or forged
    UNKNOWN = "unknown"  # --remove: no anchor of that name
    OWN_CA = "own_ca"  # --remove: the site's own seal CA, which its seals are made by
    TRAINING = "training"  # a training database: the folder is this machine's, the live one's too


class AnchorRefused(ValueError):
    """A certificate refused as an anchor, or an anchor not removed: every problem at once."""

    def __init__(self, problems: tuple[AnchorProblem, ...]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Anchor:
    """An anchor as the administrator is shown it."""

    name: str  # its file in ``anchors/`` (``ca.cer`` for the site's own CA)
    subject: str
    organisation: str
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint: str  # SHA-256 of the DER, AB:CD:…
    own: bool = False  # the site's own seal CA


def fingerprint(encoded: bytes) -> str:
    return ":".join(f"{byte:02X}" for byte in hashlib.sha256(encoded).digest())


def _der_of(data: bytes) -> bytes:
    """The DER of a PEM certificate, else the bytes as given."""
    found = _PEM.search(data)
    if found is None:
        return data
    try:
        return base64.b64decode(b"".join(found.group(1).split()), validate=True)
    except (binascii.Error, ValueError):
        return b""


def _looks_like_x509(encoded: bytes) -> bool:
    """Whether the bytes are a certificate's frame (a SEQUENCE of three: the signed part, an algorithm, a bit
    string), whatever its algorithm."""
    try:
        parts = der.read_one(encoded).expect(der.SEQUENCE).children()
        return len(parts) == 3 and parts[0].tag == der.SEQUENCE and parts[2].tag == der.BIT_STRING
    except (der.DerError, ValueError, IndexError):
        return False


def read_anchor(data: bytes, now: dt.datetime) -> certificates.Certificate:
    """The certificate of ``data`` (PEM or DER) if it may be an anchor ``now``; :class:`AnchorRefused` naming every
    reason it may not.  What the reader said of bytes it could not read is in the refusal's cause, for the log."""
    encoded = _der_of(data)
    try:
        certificate = certificates.read_certificate(encoded)
    except der.DerError as err:
        problem = AnchorProblem.NOT_SM2 if _looks_like_x509(encoded) else AnchorProblem.NOT_CERTIFICATE
        raise AnchorRefused((problem,)) from err
    problems = []
    if not certificate.is_ca:
        problems.append(AnchorProblem.NOT_CA)
    if certificate.not_after < now:
        problems.append(AnchorProblem.EXPIRED)
    if certificate.not_before > now:
        problems.append(AnchorProblem.NOT_YET_VALID)
    if certificate.issuer == certificate.subject and not certificates.issued_by(certificate, certificate):
        problems.append(AnchorProblem.BAD_SIGNATURE)
    if problems:
        raise AnchorRefused(tuple(problems))
    return certificate


def shown(name: str, certificate: certificates.Certificate, *, own: bool = False) -> Anchor:
    return Anchor(
        name, certificate.subject, certificate.organisation, certificate.issuer, certificate.not_before,
        certificate.not_after, fingerprint(certificate.encoded), own,
    )  # fmt: skip


def add_anchor(folder: Path, certificate: certificates.Certificate) -> Anchor:
    """Write the certificate (checked by :func:`read_anchor`) into ``folder``/anchors as DER, named by its
    fingerprint; the same certificate already there is left as it is."""
    name = hashlib.sha256(certificate.encoded).hexdigest()[:16] + ".cer"
    path = folder / ANCHORS / name
    if not path.is_file() or path.read_bytes() != certificate.encoded:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_private_file(path, certificate.encoded)
    return shown(name, certificate)


def listed(folder: Path) -> tuple[tuple[Anchor, ...], tuple[str, ...]]:
    """The anchors in ``folder``: the site's own CA first, then ``anchors/*.cer`` by name; and the names of the
    files there that no reader takes (not an SM2 certificate: a PEM copied in by hand), which verify nothing."""
    found: list[Anchor] = []
    unread: list[str] = []
    own = folder / OWN_CA
    for path in anchor_paths(folder):
        try:
            certificate = certificates.read_certificate(path.read_bytes()[:LIMIT])
        except (der.DerError, OSError):
            unread.append(path.name)
            continue
        found.append(shown(path.name, certificate, own=path == own))
    return tuple(found), tuple(unread)


def remove_anchor(folder: Path, name: str) -> Anchor | None:
    """Remove the anchor file ``name`` (as :func:`listed` names it) from ``folder``/anchors; the anchor removed, or
    None for a file no reader took.  :class:`AnchorRefused` for the site's own CA or a name that is not there."""
    if name == OWN_CA:
        raise AnchorRefused((AnchorProblem.OWN_CA,))
    path = folder / ANCHORS / name
    if name not in {found.name for found in (folder / ANCHORS).glob("*.cer")} or not path.is_file():
        raise AnchorRefused((AnchorProblem.UNKNOWN,))  # only a name the folder lists: never a path elsewhere
    try:
        gone: Anchor | None = shown(name, certificates.read_certificate(path.read_bytes()[:LIMIT]))
    except der.DerError:
        gone = None
    path.unlink()
    return gone

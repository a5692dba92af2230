"""Whether a sealed OFD paper is what its body sealed: the seal, the chain to the site's anchors, every byte.

Why one module.  ``counter paper verify`` and the machine that makes the papers (a desk, or the hall server its
desks use) answer the same question: the command of a paper that came back (from an applicant, a court, the
platform), the maker of a paper the province's 电子印章 system signed, before it is kept or handed out
(:mod:`counter.actions.admin.province_seals`); the answer must not depend on who asks.  It reads only the file's
bytes and the anchors given, and never raises: every byte came from outside, and whatever they are the answer is a
:class:`PaperCheck` that names what failed.

What is checked, in order (GB/T 38540-2020 §8, GB/T 33190-2016 §18):

1. the package opens and its entry names a signatures' list that names a signature;
2. the ``SES_Signature`` reads, its data hash is the SM3 of ``Signature.xml``, and the signer's certificate's key
   signed it;
3. the seal: its maker (the site's seal CA) signed it, the signer's certificate is one the seal lists, and the
   seal was within its validity at the signing moment;
4. the chain: the signer's certificate and the seal's maker lead to one of the anchors, each valid at the moment;
5. the content: every file the signature references has the digest it gives, and no other file is in the package
   (a page added, or the seal's files lifted onto another paper, whose files have other digests).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from xml.etree import ElementTree

from counter.seals import certificates, der, ses
from counter.sync import sm2

_NS = {"ofd": "http://www.ofdspec.org/2016"}
_MAX_FILE = 64 * 1024 * 1024  # an OFD paper is well under a megabyte: a zip that opens to more is not one


class PaperVerdict(StrEnum):
    GOOD = "good"  # sealed, the seal trusted, not a byte changed
    NOT_OFD = "not_ofd"  # not an OFD package
    UNSEALED = "unsealed"  # an OFD without a seal
    BROKEN_SEAL = "broken_seal"  # the signature or the seal does not read, or does not verify
    UNTRUSTED = "untrusted"  # the seal's certificates lead to none of the anchors, or were not valid then
    CHANGED = "changed"  # a file differs from what was sealed, is missing, or was added


@dataclass(frozen=True, slots=True)
class PaperCheck:
    verdict: PaperVerdict
    body: str = ""  # the seal's name
    signer: str = ""  # the signer's certificate's subject
    sealed_at: dt.datetime | None = None
    title: str = ""  # the document's title, from its entry
    doc_id: str = ""
    files: tuple[str, ...] = field(default_factory=tuple)  # CHANGED: the files that differ, are missing or added

    @property
    def good(self) -> bool:
        return self.verdict is PaperVerdict.GOOD


def verify_paper(data: bytes, anchors: Sequence[bytes]) -> PaperCheck:
    """The check of the OFD ``data`` against the trust ``anchors`` (DER certificates); never raises."""
    try:
        files = _files(data)
        entry = ElementTree.fromstring(files["OFD.xml"])
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, KeyError, ElementTree.ParseError):
        return PaperCheck(PaperVerdict.NOT_OFD)
    title, doc_id = entry.findtext(".//ofd:Title", "", _NS), entry.findtext(".//ofd:DocID", "", _NS)
    found = _signature_files(files, entry)
    if found is None:
        return PaperCheck(PaperVerdict.UNSEALED, title=title, doc_id=doc_id)
    signature_path, signature_xml, value_path = found
    try:
        signature = ses.read_signature(files.get(value_path, b""))  # none there: not a seal
        seal_ok = _seal_verifies(signature, signature_xml)
        signer = certificates.read_certificate(signature.signer_cert)
        maker = certificates.read_certificate(signature.seal.maker_cert)
    except der.DerError:
        return PaperCheck(PaperVerdict.BROKEN_SEAL, title=title, doc_id=doc_id)
    said = {"body": signature.seal.name, "signer": signer.subject, "sealed_at": signature.moment}
    if not seal_ok:
        return PaperCheck(PaperVerdict.BROKEN_SEAL, title=title, doc_id=doc_id, **said)  # type: ignore[arg-type]
    if not _trusted(signer, maker, signature.moment, anchors):
        return PaperCheck(PaperVerdict.UNTRUSTED, title=title, doc_id=doc_id, **said)  # type: ignore[arg-type]
    differing = _content_differs(files, signature_xml, {signature_path, value_path})
    verdict = PaperVerdict.CHANGED if differing else PaperVerdict.GOOD
    return PaperCheck(verdict, title=title, doc_id=doc_id, files=differing, **said)  # type: ignore[arg-type]


def seal_holds(encoded: bytes, name: str, anchors: Sequence[bytes], moment: dt.datetime) -> bool:
    """Whether ``encoded`` is a seal of the body ``name`` that papers sealed with it at ``moment`` would be trusted
    by: its maker signed it, is one of the ``anchors`` and issued its signer's certificate, all valid then.  Asked
    of a seal taken from a province's 电子印章 system before it is kept, by the checks :func:`verify_paper` makes;
    never raises."""
    try:
        seal = ses.read_seal(encoded)
        signer = certificates.read_certificate(seal.signer_certs[0]) if seal.signer_certs else None
        maker = certificates.read_certificate(seal.maker_cert)
    except der.DerError:
        return False
    return (
        signer is not None
        and seal.name == name
        and seal.valid_start <= moment <= seal.valid_end
        and sm2.verify(maker.public_key, seal.signed_part, seal.maker_signature)
        and _trusted(signer, maker, moment, anchors)
    )


def _files(data: bytes) -> dict[str, bytes]:
    files = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if sum(info.file_size for info in package.infolist()) > _MAX_FILE:
            raise ValueError("too large for a paper")
        for info in package.infolist():
            if not info.is_dir():
                files[info.filename.lstrip("/")] = package.read(info)
    return files


def _signature_files(files: dict[str, bytes], entry: ElementTree.Element) -> tuple[str, bytes, str] | None:
    """The paths of Signature.xml and SignedValue.dat, and Signature.xml's bytes; None where the paper has none."""
    listed = entry.findtext(".//ofd:Signatures", "", _NS).strip().lstrip("/")
    if not listed or listed not in files:
        return None
    try:
        signatures = ElementTree.fromstring(files[listed])
        first = signatures.find("ofd:Signature", _NS)
        path = (first.get("BaseLoc", "") if first is not None else "").lstrip("/")
        signature_xml = files[path]
        value = ElementTree.fromstring(signature_xml).findtext("ofd:SignedValue", "", _NS).strip().lstrip("/")
    except (ElementTree.ParseError, KeyError):
        return None
    return (path, signature_xml, value) if value else None


def _seal_verifies(signature: ses.Signature, signature_xml: bytes) -> bool:
    seal = signature.seal
    signer = certificates.read_certificate(signature.signer_cert)
    maker = certificates.read_certificate(seal.maker_cert)
    return (
        signature.data_hash == sm2.sm3(signature_xml)
        and sm2.verify(signer.public_key, signature.signed_part, signature.signature)
        and sm2.verify(maker.public_key, seal.signed_part, seal.maker_signature)
        and signature.signer_cert in seal.signer_certs
        and seal.valid_start <= signature.moment <= seal.valid_end
    )


def _trusted(
    signer: certificates.Certificate, maker: certificates.Certificate, moment: dt.datetime, anchors: Sequence[bytes]
) -> bool:
    for encoded in anchors:
        try:
            anchor = certificates.read_certificate(encoded)
        except der.DerError:
            continue
        if (
            anchor.encoded == maker.encoded
            and anchor.valid_at(moment)
            and signer.valid_at(moment)
            and certificates.issued_by(signer, anchor)
        ):
            return True
    return False


_REFERENCE = re.compile(r"\s+")


def _content_differs(files: dict[str, bytes], signature_xml: bytes, own: set[str]) -> tuple[str, ...]:
    """The files whose digests differ from the references, are referenced and missing, or are not referenced."""
    info = ElementTree.fromstring(signature_xml).find("ofd:SignedInfo", _NS)
    referenced: dict[str, str] = {}
    for reference in info.iterfind("ofd:References/ofd:Reference", _NS) if info is not None else ():
        path = reference.get("FileRef", "").lstrip("/")
        referenced[path] = _REFERENCE.sub("", reference.findtext("ofd:CheckValue", "", _NS))
    differing = []
    for path in sorted(set(referenced) | (set(files) - own)):
        digest = referenced.get(path)
        try:
            expected = base64.b64decode(digest or "", validate=True)
        except binascii.Error:
            expected = b""
        if path not in files or digest is None or sm2.sm3(files[path]) != expected:
            differing.append(path)
    return tuple(differing)

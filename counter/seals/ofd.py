"""An OFD paper sealed by GB/T 38540 with its body's electronic seal (GB/T 33190-2016 §18).

Why.  A paper sent to an applicant's account has the effect of paper only with its body's electronic seal
(《国务院关于在线政务服务的若干规定》); the seal must hold the whole document, so a character changed, a page taken out
or the seal lifted onto another paper is seen by any reader of the standard.

How.  The package is made as unsealed (:func:`counter.documents.ofd.ofd_files`), its entry naming the signatures'
list, then:

- ``Doc_0/Signs/Signatures.xml`` lists the one signature;
- ``Doc_0/Signs/Sign_0/Signature.xml``: its ``SignedInfo`` names the provider, the method (SM3withSM2), the moment,
  a ``Reference`` with the SM3 digest (base64) of every other file of the package, ``Signatures.xml`` included,
  and a ``StampAnnot`` on each page where the paper has its seal's place (each copy's), 40 mm across, centred on
  the dashed circle the PDF draws, so a reader draws the seal's picture there;
- ``Doc_0/Signs/Sign_0/SignedValue.dat``: the DER ``SES_Signature`` (:mod:`counter.seals.ses`) whose data hash
  is the SM3 of ``Signature.xml`` (the standard's 原文 for OFD: the file that holds the references), with the seal,
  the signer's certificate and the signature by the body's key.

The time is the moment of sealing, so two sealings of one paper differ; the paper's reprint is the sealed file made
the first time (kept with the paper, :mod:`counter.db.models.sealed_papers`, not sealed again).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Callable

from counter.documents.fonts import document_fonts
from counter.documents.layout import lay_out
from counter.documents.model import DocumentData
from counter.documents.ofd import NAMESPACE, SIGNATURES, ofd_files, ofd_zip
from counter.documents.ofd_page import mm
from counter.documents.page import PAGE_HEIGHT, SEAL_RADIUS, CircleOp
from counter.seals import ses
from counter.seals.certificates import SM3, SM3_WITH_SM2
from counter.seals.image import SIZE_MM
from counter.seals.store import BodySeal
from counter.sync import sm2

SIGN_FOLDER = "Doc_0/Signs/Sign_0"
SIGNATURE = f"{SIGN_FOLDER}/Signature.xml"
SIGNED_VALUE = f"{SIGN_FOLDER}/SignedValue.dat"
_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
_PAGE = re.compile(rb'<ofd:Page ID="(\d+)" BaseLoc="Pages/Page_(\d+)/Content.xml"/>')


#: who signs the TBS_Sign's DER: its signature r ‖ s and the signer's certificate (the body's key here, or the
#: province's seal service that keeps it, :mod:`counter.host.outward.province_seals`)
Signer = Callable[[bytes], tuple[bytes, bytes]]


def sealed_ofd(data: DocumentData, seal: BodySeal, moment: dt.datetime, sign: Signer | None = None) -> bytes:
    """The paper as OFD, sealed with ``seal`` at ``moment``, signed by ``sign`` (None: the seal's key here)."""
    files = ofd_files(data, signed=True)
    files[SIGNATURES] = (
        f'{_XML}<ofd:Signatures xmlns:ofd="{NAMESPACE}"><ofd:MaxSignId>1</ofd:MaxSignId>'
        f'<ofd:Signature ID="1" Type="Seal" BaseLoc="/{SIGNATURE}"/></ofd:Signatures>'
    ).encode()
    references = "".join(
        f'<ofd:Reference FileRef="/{path}"><ofd:CheckValue>{base64.b64encode(sm2.sm3(content)).decode()}'
        "</ofd:CheckValue></ofd:Reference>"
        for path, content in sorted(files.items())
    )
    stamps = "".join(
        f'<ofd:StampAnnot ID="{n + 1}" PageRef="{page_id}" Boundary="{box}"/>'
        for n, (page_id, box) in enumerate(_stamp_places(data, files))
    )
    utc = moment.astimezone(dt.UTC)
    signature_xml = (
        f'{_XML}<ofd:Signature xmlns:ofd="{NAMESPACE}"><ofd:SignedInfo>'
        '<ofd:Provider ProviderName="counter" Version="1" Company="counter"/>'
        f"<ofd:SignatureMethod>{SM3_WITH_SM2}</ofd:SignatureMethod>"
        f"<ofd:SignatureDateTime>{utc.strftime('%Y%m%d%H%M%SZ')}</ofd:SignatureDateTime>"
        f'<ofd:References CheckMethod="{SM3}">{references}</ofd:References>{stamps}'
        f"</ofd:SignedInfo><ofd:SignedValue>/{SIGNED_VALUE}</ofd:SignedValue></ofd:Signature>"
    ).encode()
    files[SIGNATURE] = signature_xml
    to_sign = ses.to_be_signed(
        seal=seal.seal, data_hash=sm2.sm3(signature_xml), property_info=f"/{SIGNATURE}", moment=utc
    )
    signature, signer_cert = (sign or _signed_here(seal))(to_sign)
    files[SIGNED_VALUE] = ses.assembled(to_sign, signer_cert, signature)
    return ofd_zip(files)


def _signed_here(seal: BodySeal) -> Signer:
    key = seal.key
    if key is None:
        raise ValueError(f"the seal of {seal.name} is kept by the province: it signs there")
    return lambda to_sign: (sm2.sign(key.d, to_sign), seal.certificate)


def _stamp_places(data: DocumentData, files: dict[str, bytes]) -> list[tuple[int, str]]:
    """(page ID, boundary in mm) for each page with the seal's place: the last seal circle of its copy's page."""
    pages = lay_out(data, document_fonts())
    ids = {int(index): int(page_id) for page_id, index in _PAGE.findall(files["Doc_0/Document.xml"])}
    half = SIZE_MM / 2
    places = []
    for index in sorted(ids):
        circles = [op for op in pages[index % len(pages)] if isinstance(op, CircleOp) and op.r == SEAL_RADIUS]
        if circles:
            seal = circles[-1]  # the issuing body's: the other side's place (申请人盖章) is drawn before it
            x, top = float(mm(seal.x)), float(mm(PAGE_HEIGHT - seal.y))
            places.append((ids[index], f"{x - half:g} {top - half:g} {SIZE_MM} {SIZE_MM}"))
    return places


def sealing_body(data: DocumentData) -> str:
    """The body whose seal the paper takes: the issuer printed at the seal's place, else the office."""
    return "".join((data.sign_off.issuer or data.office_name).split())

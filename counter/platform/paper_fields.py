"""The platform's 电子文书 fields: what a paper served electronically carries up, and what the platform answers.

The region's interface is not public (``docs/platform.md``): these names are this app's proposal, kept in one place as
the reports' mapping keeps theirs, so that what the province names otherwise is changed here.  A paper goes up as
its own bytes (base64) with its SM3 digest, the number and kind it was made under, the case's number and the item's
code, the body whose act it is and the means the applicant agreed to; the platform answers with its id of the paper,
and later, asked with that id, with the day it was delivered (``null`` while not yet).

A paper goes up as its sealed OFD where its body's electronic seal is here (文书格式 ``ofd``), and then says what the
seal says, so the platform may list it without opening the package: the body whose seal it bears (签章单位), the
moment of sealing (签章时间, UTC) and the SM3 digest the seal signed (签章原文摘要, GB/T 38540's 原文杂凑: that of the
package's ``Signature.xml``, which holds every other file's digest).  A paper without its body's seal goes up as its
PDF (文书格式 ``pdf``), those three empty.

The papers are posted to ``<report endpoint>/papers`` and asked after at ``<report endpoint>/papers/delivery``,
signed and keyed as every report is (:mod:`counter.host.outward.platform_client`): a resend of the same paper is the
same request, under the same key, which the platform keeps once.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass

from counter.seals import ses

#: the 电子文书 elements → the request's field names
FIELDS = {
    "办件编号": "case_no",
    "事项编码": "item_code",
    "文书编号": "doc_no",
    "文书类型": "doc_type",
    "文书名称": "doc_title",
    "出具机关": "issuer",
    "出具日期": "issued_date",
    "送达方式": "service_means",
    "文书摘要": "doc_sm3",
    "文书格式": "doc_format",
    "文书内容": "doc_content",
    "签章单位": "seal_body",
    "签章时间": "sealed_at",
    "签章原文摘要": "seal_sm3",
}
PAPERS_PATH = "/papers"
DELIVERY_PATH = "/papers/delivery"
DELIVERED_FIELD = "delivered_date"


@dataclass(frozen=True, slots=True)
class PaperSeal:
    """What a sealed paper's seal says: the body, the moment of sealing, the digest it signed (hex)."""

    body: str
    sealed_at: dt.datetime
    digest: str


@dataclass(frozen=True, slots=True)
class OnlinePaper:
    """One paper to serve: its facts and its bytes (its PDF, or its sealed OFD with ``seal`` said)."""

    case_no: str
    item_code: str
    doc_no: str
    doc_type: str
    title: str
    issuer: str
    issued_on: dt.date
    means: str
    digest: str  # SM3 of ``content``, hex
    content: bytes
    doc_format: str = "pdf"  # counter.documents.e_service.PaperFormat
    seal: PaperSeal | None = None  # a sealed OFD's


def paper_fields(paper: OnlinePaper) -> dict[str, str]:
    """The request's body of ``paper``, by the platform's field names."""
    values = {
        "办件编号": paper.case_no,
        "事项编码": paper.item_code,
        "文书编号": paper.doc_no,
        "文书类型": paper.doc_type,
        "文书名称": paper.title,
        "出具机关": paper.issuer,
        "出具日期": paper.issued_on.isoformat(),
        "送达方式": paper.means,
        "文书摘要": paper.digest,
        "文书格式": paper.doc_format,
        "文书内容": base64.b64encode(paper.content).decode("ascii"),
        "签章单位": paper.seal.body if paper.seal else "",
        "签章时间": paper.seal.sealed_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if paper.seal else "",
        "签章原文摘要": paper.seal.digest if paper.seal else "",
    }
    return {FIELDS[name]: value for name, value in values.items()}


def seal_of(package: bytes) -> PaperSeal:
    """What the seal of ``package``, a sealed OFD this program made (:func:`counter.seals.ofd.sealed_ofd`), says.

    Raises ``KeyError`` / ``zipfile.BadZipFile`` / :class:`counter.seals.der.DerError` for a package that is not
    one: only a paper sealed here is sent up as sealed."""
    from counter.seals.ofd import SIGNED_VALUE  # its module draws pages (fontTools): loaded when a paper is sealed

    with zipfile.ZipFile(io.BytesIO(package)) as files:
        signature = ses.read_signature(files.read(SIGNED_VALUE))
    return PaperSeal(signature.seal.name, signature.moment, signature.data_hash.hex())


def delivered_of(raw: bytes) -> dt.date | None:
    """The day the platform's answer says the paper was delivered; None while it was not (or an answer not read)."""
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    value = answer.get(DELIVERED_FIELD) if isinstance(answer, dict) else None
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None

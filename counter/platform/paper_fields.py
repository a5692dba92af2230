"""The platform's 电子文书 fields: what a paper served electronically carries up, and what the platform answers.

The region's interface is not public (``docs/platform.md``): these names are this app's proposal, kept in one place as
the reports' mapping keeps theirs, so that what the province names otherwise is changed here.  A paper goes up as
its own bytes (base64) with its SM3 digest, the number and kind it was made under, the case's number and the item's
code, the body whose act it is and the means the applicant agreed to; the platform answers with its id of the paper,
and later, asked with that id, with the day it was delivered (``null`` while not yet).

The papers are posted to ``<report endpoint>/papers`` and asked after at ``<report endpoint>/papers/delivery``,
signed and keyed as every report is (:mod:`counter.host.outward.platform_client`): a resend of the same paper is the
same request, under the same key, which the platform keeps once.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass

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
}
PAPERS_PATH = "/papers"
DELIVERY_PATH = "/papers/delivery"
DELIVERED_FIELD = "delivered_date"


@dataclass(frozen=True, slots=True)
class OnlinePaper:
    """One paper to serve: its facts and its bytes (a PDF as made)."""

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
        "文书格式": "pdf",
        "文书内容": base64.b64encode(paper.content).decode("ascii"),
    }
    return {FIELDS[name]: value for name, value in values.items()}


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

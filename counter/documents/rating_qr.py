"""补充评价: the QR code of the 自治区 好差评 page a receipt or notice carries, for rating the service later.

Provinces' rules let an applicant not asked (or not rating) at the window rate later within a period (补充评价, by
channel 二维码); the region's system takes it directly (内政服发〔2022〕15号: one 自治区 system).  So every receipt and
notice of a case the applicant takes away (:data:`RATED_PAPERS`) carries the rating page's, beside the progress QR
code where the site set its progress page, captioned with the period: the caption is the paper's one invitation to
rate by a code, so no paper invites a rating by a code it does not carry.  The address and period are the platform
mapping file's (:mod:`counter.platform.rating_page`), kept with the paper's snapshot, so a reprint carries the code
the first print did.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from counter.documents import words as paper
from counter.documents.data import DocumentData
from counter.documents.kinds import DocumentKind

#: the key of a paper's settings snapshot (``document_record.office``) that keeps the rating page's address and period
#: the paper was printed with: present exactly where the paper invites 补充评价
SNAPSHOT_KEY = "rating_qr"

#: the receipts and notices of a case the applicant takes away (a pledge is the applicant's own act, an application
#: stays in the file)
RATED_PAPERS = frozenset({
    DocumentKind.RECEIPT, DocumentKind.DEFERRAL, DocumentKind.CORRECTION, DocumentKind.REFUSAL, DocumentKind.DENIAL,
    DocumentKind.SERVICE_RECEIPT, DocumentKind.DATE_NOTICE,
})  # fmt: skip


#: the longest address a kept snapshot may name, in UTF-8 bytes: the region's page with a case's number is a tenth of
#: it, and the QR code's encoder (level M) takes no more than 2,331 bytes at all
ADDRESS_MAX_BYTES = 1024
#: the 补充评价 periods a paper may have told, as the mapping file allows them (counter.platform.rating_page)
PERIOD_DAYS = range(1, 367)


class RatingNotKept(ValueError):
    """A paper's kept rating page that is not what this program writes, naming what is wrong (for the log)."""


def rating_record(address: str, period_days: int) -> dict[str, object]:
    """What a paper's snapshot keeps under :data:`SNAPSHOT_KEY` of the rating QR code it printed."""
    return {"address": address, "days": period_days}


def rating_of_record(kept: object) -> tuple[str, int]:
    """The rating page's address and period a paper printed, from what :func:`rating_record` kept.

    A township's package carries its papers' snapshots as it wrote them, and a forged or broken one may keep anything
    there: a case's page and its reprints at the hall read it all the same.  So what is not an ``https`` address of
    a size a QR code holds, with a period the mapping file could have given, raises :class:`RatingNotKept`, and the
    caller prints no rating QR rather than one it cannot vouch for.
    """
    if not isinstance(kept, dict):
        raise RatingNotKept(f"not an object but {type(kept).__name__}")
    address, days = kept.get("address"), kept.get("days")
    if not isinstance(address, str):
        raise RatingNotKept(f"address is {type(address).__name__}, not text")
    if len(address.encode("utf-8", "surrogatepass")) > ADDRESS_MAX_BYTES:
        raise RatingNotKept(f"address of {len(address)} characters, beyond {ADDRESS_MAX_BYTES} bytes")
    try:
        parts = urlsplit(address)
    except ValueError as err:
        raise RatingNotKept(f"address unreadable: {err}") from None
    if parts.scheme != "https" or not parts.netloc or not address.isprintable() or " " in address:
        raise RatingNotKept(f"address {address!r} is no https:// address")
    if isinstance(days, bool) or not isinstance(days, int) or days not in PERIOD_DAYS:  # true is no number of days
        raise RatingNotKept(f"period {days!r} is not {PERIOD_DAYS.start} to {PERIOD_DAYS.stop - 1} days")
    return address, days


def with_rating_qr(data: DocumentData, address: str, period_days: int) -> DocumentData:
    """``data`` with the rating page's QR code (``address``, the case's) when the applicant takes it away."""
    if not address or data.kind not in RATED_PAPERS:
        return data
    caption = paper.DOC_RATING_QR_CAPTION.format(days=period_days)
    return dataclasses.replace(data, rating_qr=address, rating_qr_caption=caption)

"""补充评价: the QR code of the 自治区 好差评 page a receipt or notice carries, for rating the service later.

Provinces' rules let an applicant not asked (or not rating) at the window rate later within a period (补充评价, by
channel 二维码); the region's system takes it directly (内政服发〔2022〕15号: one 自治区 system).  So every receipt and
notice of a case the applicant takes away (:data:`RATED_PAPERS`, each with the progress QR code) carries the rating
page's too, beside it, captioned with the period.  The address and period are the platform mapping file's
(:mod:`counter.platform.rating_page`), kept with the paper's snapshot, so a reprint carries the code the first print
did.
"""

from __future__ import annotations

import dataclasses

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


def with_rating_qr(data: DocumentData, address: str, period_days: int) -> DocumentData:
    """``data`` with the rating page's QR code (``address``, the case's) when the applicant takes it away."""
    if not address or not data.qr or data.kind not in RATED_PAPERS:
        return data
    caption = paper.DOC_RATING_QR_CAPTION.format(days=period_days)
    return dataclasses.replace(data, rating_qr=address, rating_qr_caption=caption)

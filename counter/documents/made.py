"""A paper made (numbered and recorded, or reprinted as first made), the refusal of a guide not found, and of a
print recorded of a paper this desk did not make.

Plain data the faces preview, print and count the print of; the PDF travels with it."""

from __future__ import annotations

from dataclasses import dataclass

from counter.documents.kinds import DocumentKind


@dataclass(frozen=True, slots=True)
class MadeDocument:
    document_id: int
    doc_no: str
    kind: DocumentKind
    case_no: str  # empty for a guide notice
    pdf: bytes
    content_hash: str
    reprint: bool
    check_dates: bool  # a printed date lies beyond the holiday data: the clerk checks it
    heading: str = ""  # the paper's own title where its kind names another (a 告知承诺书 numbered in its own table)
    #: a print of it came out before (one that failed is none): its preview says 重打, as the case page's button
    #: does (counter.documents.case_page.CaseNotices.printed); a paper made and never printed is printed for the
    #: first time, with the number it was made with (``reprint`` says only that it was made before)
    printed_before: bool = False
    #: the same paper as an OFD package (GB/T 33190, :mod:`counter.documents.ofd`), where it was asked for: made from
    #: the very data its PDF is, so a reprint's OFD is the first one's bytes; empty where not asked
    ofd: bytes = b""
    #: the body whose electronic seal (GB/T 38540) the OFD bears (:mod:`counter.seals.ofd`); empty: unsealed
    ofd_sealed_by: str = ""
    #: the body whose seal this machine does not hold: its OFD was made unsealed, and the face says so
    ofd_seal_missing: str = ""
    #: why the province's 电子印章 system did not seal it (:class:`counter.seals.province.SealFault`'s value); empty:
    #: this machine holds no seal of the body (``ofd_seal_missing``), or it was sealed
    ofd_seal_fault: str = ""

    @property
    def title(self) -> str:
        """The print job's title: what the paper is and whose."""
        return f"{self.kind.value} {self.doc_no} {self.case_no}".strip()


class GuideNotFound(Exception):
    def __init__(self, bundle_code: str) -> None:
        super().__init__(bundle_code)
        self.bundle_code = bundle_code


class PrintNotMade(Exception):
    """A print recorded of a paper this desk and account did not make, or of bytes never made: only the desk that made
    a paper (or made it again, for a reprint) records its print, with the hash of what it made."""

    def __init__(self, doc_no: str) -> None:
        super().__init__(doc_no)
        self.doc_no = doc_no

"""What a printed document says, as plain data, and how it is derived: the package's face.

- :class:`OfficeSettings`: the office whose paper it is (names, phones, review
  body and court of the rights clause, the progress address behind the QR code).
- :class:`DocumentKind`: receipt, deferral notice, pledge, correction notice,
  refusal, denial, guide notice.
- :func:`document_for`: a case's document, every word of it, from the stored
  case, its guide version and the office settings; :class:`DocumentNotPossible`
  lists every :class:`DocumentProblem` when the document does not fit the case.
- :func:`guide_notice_for`: the 一次性告知单 of a bundle, for someone who only asks.
- :func:`form_for`: the 空白表格 or 示范样表 of one of a guide's forms (:func:`bundle_forms`).
- :class:`DocumentData` and its blocks: what :mod:`counter.documents.layout` lays out and
  :func:`counter.documents.render.render_pdf` prints.
"""

from __future__ import annotations

from counter.documents.case_documents import document_for
from counter.documents.checks import document_problems
from counter.documents.data import (
    Block,
    DocumentData,
    DocumentNotPossible,
    Fields,
    Heading,
    Numbered,
    OfficeSettings,
    Pair,
    Pairs,
    SignOff,
    Table,
    Text,
)
from counter.documents.forms import bundle_forms, form_for
from counter.documents.guide_notice import guide_notice_for
from counter.documents.kinds import DocumentKind, DocumentProblem

__all__ = [
    "Block",
    "DocumentData",
    "DocumentKind",
    "DocumentNotPossible",
    "DocumentProblem",
    "Fields",
    "Heading",
    "Numbered",
    "OfficeSettings",
    "Pair",
    "Pairs",
    "SignOff",
    "Table",
    "Text",
    "bundle_forms",
    "document_for",
    "document_problems",
    "form_for",
    "guide_notice_for",
]

"""电子送达 on record (:mod:`counter.documents.e_service`): the applicant's agreement, and each paper sent through the
platform, with the digest of the bytes sent (a resend is the same paper) and the platform's id to ask after it.

The service itself, once the platform confirms delivery, is a :class:`~counter.db.models.pledges.PaperService` row of
way ``online``, as every paper's service is: the periods read it there."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base


class EServiceAgreement(Base):
    """The case applicant's agreement to electronic service: the means (``platform`` or ``sms``) and the day."""

    __tablename__ = "e_service_agreement"

    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), primary_key=True)
    means: Mapped[str] = mapped_column(String(8))
    agreed_on: Mapped[date] = mapped_column(Date)
    clerk: Mapped[str] = mapped_column(String(60), default="")


class PaperSent(Base):
    """A paper of the case sent through the platform, by its number: its kind and item, the format and the SM3 digest
    of the bytes sent (a resend sends them again, never a paper made anew in another format), the day first sent and
    the platform's id of it ("" until it answered)."""

    __tablename__ = "paper_sent"

    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), primary_key=True)
    doc_no: Mapped[str] = mapped_column(String(30), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    item_code: Mapped[str] = mapped_column(String(24), default="")
    digest: Mapped[str] = mapped_column(String(64))
    #: ``pdf`` or ``ofd`` (:class:`counter.documents.e_service.PaperFormat`): a paper sent before papers went up
    #: sealed was sent as its PDF
    doc_format: Mapped[str] = mapped_column(String(8), default="pdf", server_default="pdf")
    sent_on: Mapped[date] = mapped_column(Date)
    #: a link sent by SMS keeps its token's hash here (:mod:`counter.actions.cases.paper_links`): the download finds it
    #: by this index
    remote_id: Mapped[str] = mapped_column(String(80), default="", index=True)

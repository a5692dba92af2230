"""告知承诺 granted on the spot and the check each is owed (:mod:`counter.actions.intake.notice_pledges`)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base


class PledgeCheck(Base):
    """An item granted on the applicant's written promise, the day its 核查 is due, and what the check found.

    ``department`` is the deciding body as the case's site names it: its list (F6) shows the checks it owes, by
    date.  ``kept`` is None until the check; False: found false, which leads to the revocation (行政许可法
    第六十九条第二款) only after the correction the item's law orders and the applicant's hearing, on ``revoked_on``.
    """

    __tablename__ = "pledge_check"
    __table_args__ = (Index("ix_pledge_check_department_due", "department", "check_due"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(24), primary_key=True)
    item_name: Mapped[str] = mapped_column(String(200))
    site_code: Mapped[str] = mapped_column(String(12))
    department: Mapped[str] = mapped_column(String(200))
    granted_on: Mapped[date] = mapped_column(Date)
    check_due: Mapped[date] = mapped_column(Date)
    checked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    kept: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    finding: Mapped[str] = mapped_column(Text, default="")  # what the check found, in the department's words
    # a promise found false: the 责令限期改正's last day where the item's law provides one, the day
    # the 陈述申辩 notice was given and the last day it allows, and the day the licence was revoked
    correct_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    heard_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    hear_by: Mapped[date | None] = mapped_column(Date, nullable=True)
    revoked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # the numbers each paper was given: a reprint is the same paper
    pledge_doc_no: Mapped[str] = mapped_column(String(30), default="")
    correction_doc_no: Mapped[str] = mapped_column(String(30), default="", server_default="")
    hearing_doc_no: Mapped[str] = mapped_column(String(30), default="", server_default="")
    revocation_doc_no: Mapped[str] = mapped_column(String(30), default="")
    # the periods given, in working days from their paper's service (correct_by and hear_by are set at service); the
    # 复查 of the correction ordered (counter.case.pledge_steps.Recheck, "" before it), its day and finding; what the
    # hearing gave, kept with the revocation ("" and "": nothing said within the period)
    correct_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hear_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    recheck: Mapped[str] = mapped_column(String(16), default="", server_default="")
    rechecked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recheck_finding: Mapped[str] = mapped_column(Text, default="", server_default="")
    hearing_said: Mapped[str] = mapped_column(Text, default="", server_default="")
    hearing_answer: Mapped[str] = mapped_column(Text, default="", server_default="")
    # the department's 文号 and officer of each step the window entered for it (代为录入), by step
    # (counter.case.pledge_entries); "" where every step was the department's own
    entries: Mapped[str] = mapped_column(Text, default="", server_default="")


class PaperService(Base):
    """A paper's service on the person (:mod:`counter.case.served`), one per paper, by the number it was given: the
    way, the day (a period the paper gives runs from it), who signed for it or the post's tracking number, and the
    name it was recorded under (when: the audit trail's entry)."""

    __tablename__ = "paper_service"

    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), primary_key=True)
    doc_no: Mapped[str] = mapped_column(String(30), primary_key=True)
    way: Mapped[str] = mapped_column(String(8))
    served_on: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(60), default="")
    tracking_no: Mapped[str] = mapped_column(String(40), default="")
    clerk: Mapped[str] = mapped_column(String(60), default="")

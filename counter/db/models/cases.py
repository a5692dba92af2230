"""The catalog as imported, cases with their materials and history, drafts, holidays and papers.

Guide versions store the whole bundle document as JSON text: a version is
immutable once written, and a case points at the version it was taken under, so
an old case reads exactly the guide the clerk saw that day.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, new_uid, utcnow
from counter.db.sealed import Sealed, SealedText


class CatalogImport(Base):
    """One import of a catalog folder or workbook: where it came from and when."""

    __tablename__ = "catalog_import"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    source: Mapped[str] = mapped_column(String(500))
    source_kind: Mapped[str] = mapped_column(String(20))  # bundled / folder / workbook
    new_versions: Mapped[int] = mapped_column(Integer, default=0)


class Bundle(Base):
    """A bundle's identity and the pointer to its current guide version."""

    __tablename__ = "bundle"

    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(200))
    published: Mapped[bool] = mapped_column(default=False)
    # GuideStatus of the current version: lists tell a 待核 draft from a bundle without a guide
    status: Mapped[str] = mapped_column(String(16), default="unpublished", server_default="unpublished")
    search_text: Mapped[str] = mapped_column(Text)
    # no foreign key: guide_version already points here, and a cycle of keys would
    # need ALTER TABLE, which SQLite cannot do; store.py keeps the two consistent
    current_version_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class GuideVersion(Base):
    """An immutable published state of one bundle's guide."""

    __tablename__ = "guide_version"
    __table_args__ = (UniqueConstraint("bundle_code", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bundle_code: Mapped[str] = mapped_column(ForeignKey("bundle.code"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    import_id: Mapped[int] = mapped_column(ForeignKey("catalog_import.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DeskCounter(Base):
    """The last sequence number taken per desk, day and kind (case or notice).

    Taken with one ``UPDATE … RETURNING`` so two desks, or two windows of one
    desk, never read the same value.
    """

    __tablename__ = "desk_counter"

    site_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    desk_no: Mapped[str] = mapped_column(String(4), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Party(Base):
    """An applicant or agent as last seen, found again by ID number or credit code (一证办理).

    Found by the keyed index of the number (``id_key``, :func:`counter.db.sealed.index_of`), the number itself sealed
    (``id_no``).
    """

    __tablename__ = "party"

    id_key: Mapped[str] = mapped_column(String, primary_key=True)
    id_no: Mapped[str] = mapped_column(SealedText, default="", server_default="")
    kind: Mapped[str] = mapped_column(String(10))  # person / company
    name: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(Sealed, default="")
    address: Mapped[str] = mapped_column(SealedText, default="")
    legal_rep: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DataSealing(Base):
    """Sealing work still to do (counter.db.sealing): ``seal`` the rows listed as written in clear, or
    ``rotate`` every value onto the data key ``key_id``.  A row while the work is under way; none once it is done."""

    __tablename__ = "data_sealing"

    job: Mapped[str] = mapped_column(String(12), primary_key=True)
    key_id: Mapped[int] = mapped_column(Integer)


class Case(Base):
    """One intake.  Applicant and agent are copied in: the case shows them as they were."""

    __tablename__ = "case"
    __table_args__ = (
        # the desk's day list (F6): one day at one desk
        Index("ix_case_received_on_desk_no", "received_on", "desk_no"),
        # only the few cases that continue another: a full index, nearly all NULL, read as useless after ANALYZE
        Index(
            "ix_case_previous_case_id", "previous_case_id",
            sqlite_where=text("previous_case_id IS NOT NULL"), postgresql_where=text("previous_case_id IS NOT NULL"),
        ),
        # the cases still waiting, which the F6 list shows as coming due: few, among millions by status alone
        Index(
            "ix_case_awaiting_deferred", "status",
            sqlite_where=text("status = 'awaiting_deferred'"), postgresql_where=text("status = 'awaiting_deferred'"),
        ),
        Index(
            "ix_case_correction_due", "correction_due",
            sqlite_where=text("status = 'correction_issued'"), postgresql_where=text("status = 'correction_issued'"),
        ),
        # F7's lookups of a recent case: a number's last digits walk the period's numbers (on PostgreSQL a
        # number's sequence is sought by ix_case_sequence, an index of an expression SQLite cannot compute: made by
        # the migrations alone); a name, or any part of it, by its pairs of characters (CaseNamePair)
        Index("ix_case_received_on_case_no", "received_on", "case_no"),
        # the ID number and the phones are sealed: sought by their keyed index
        Index("ix_case_applicant_id_key", "applicant_id_key", "received_on"),
        Index("ix_case_applicant_phone_key", "applicant_phone_key", "received_on"),
        Index("ix_case_notify_phone_key", "notify_phone_key", "received_on"),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_no: Mapped[str] = mapped_column(String(50), unique=True)
    site_code: Mapped[str] = mapped_column(String(12))
    desk_no: Mapped[str] = mapped_column(String(4))
    clerk: Mapped[str] = mapped_column(String(60))
    bundle_code: Mapped[str] = mapped_column(ForeignKey("bundle.code"))
    guide_version_id: Mapped[int] = mapped_column(ForeignKey("guide_version.id"))
    status: Mapped[str] = mapped_column(String(24), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    answers: Mapped[str] = mapped_column(Text, default="{}")  # JSON: situation → option
    # JSON: the bundle's subject fields as taken, [[code, value], …] (counter.intake.subject); "" for none
    subject: Mapped[str] = mapped_column(Text, default="", server_default="")
    applicant_kind: Mapped[str] = mapped_column(String(10))
    applicant_name: Mapped[str] = mapped_column(Text)
    # personal data sealed at rest (counter.db.sealed)
    applicant_id_no: Mapped[str] = mapped_column(Sealed)
    applicant_phone: Mapped[str] = mapped_column(Sealed, default="")
    applicant_address: Mapped[str] = mapped_column(SealedText, default="")
    legal_rep: Mapped[str] = mapped_column(Text, default="")
    agent_name: Mapped[str] = mapped_column(Text, default="")
    agent_id_no: Mapped[str] = mapped_column(Sealed, default="")
    agent_authorisation: Mapped[str] = mapped_column(Text, default="")
    delivery: Mapped[str] = mapped_column(String(16), default="pickup")
    delivery_address: Mapped[str] = mapped_column(SealedText, default="")
    notify_phone: Mapped[str] = mapped_column(Sealed, default="")
    # their keyed indexes (HMAC-SM3, counter.db.sealed.index_of), kept by every writer of the three columns
    applicant_id_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    applicant_phone_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    notify_phone_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    received_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    promised_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    correction_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    notify_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    refusal_ground: Mapped[str] = mapped_column(String(40), default="")
    turn_to: Mapped[str] = mapped_column(Text, default="")
    denial_reason: Mapped[str] = mapped_column(Text, default="")
    dates_beyond_data: Mapped[bool] = mapped_column(default=False)
    previous_case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"), nullable=True)
    # kept by every writer of a rating fact (counter.db.service_standing): the figures count them, not the joins
    rating_standing: Mapped[str] = mapped_column(String(12), default="not_sent", server_default="not_sent")
    served_desk_no: Mapped[str | None] = mapped_column(String(4), nullable=True)  # the first round's desk
    served_clerk: Mapped[str | None] = mapped_column(String(60), nullable=True)  # the first round's clerk
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # the intake's own identity, made at the desk before the first attempt to commit:
    # a retried commit (the connection dropped mid-way) or a repeated sync finds it
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)


# The figures count the cases of a range of days per desk, clerk, bundle or site (counter.db.figure_store): these
# hold every column those counts read, so they are answered from the index alone.
Index(
    "ix_case_received_figures",
    Case.received_on, Case.site_code, Case.desk_no, Case.clerk, Case.bundle_code, Case.outcome, Case.status,
    Case.rating_standing, Case.served_desk_no, Case.served_clerk,
    postgresql_include=["id"],
)  # fmt: skip
Index(
    "ix_case_accepted_figures",
    Case.accepted_on, Case.site_code, Case.desk_no, Case.clerk, Case.bundle_code, Case.guide_version_id, Case.status,
)  # fmt: skip


class CaseMaterial(Base):
    """One line of the case's checklist, with the material's name as it read then."""

    __tablename__ = "case_material"
    # the unique index leads with case_id, so it also serves every lookup by case
    __table_args__ = (
        UniqueConstraint("case_id", "material_code"),
        # the deferred materials still awaited, by due date: the F6 list of deferrals coming due walks it in order
        # and stops at its page
        Index(
            "ix_case_material_waiting", "due_on", "case_id",
            sqlite_where=text("due_on IS NOT NULL AND arrived_on IS NULL"),
            postgresql_where=text("due_on IS NOT NULL AND arrived_on IS NULL"),
        ),
        # the same lines by case: whether an earlier one of the case waits, and a case's next due
        Index(
            "ix_case_material_waiting_by_case", "case_id", "due_on", "id",
            sqlite_where=text("due_on IS NOT NULL AND arrived_on IS NULL"),
            postgresql_where=text("due_on IS NOT NULL AND arrived_on IS NULL"),
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # on PostgreSQL checked once per statement instead of by this key
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"))
    material_code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    necessity: Mapped[str] = mapped_column(String(12))
    receipt: Mapped[str] = mapped_column(String(20))
    originals: Mapped[int] = mapped_column(Integer, default=0)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    medium: Mapped[str] = mapped_column(String(12), default="")
    defect_note: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # deferred materials
    arrived_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # JSON: the 电子证照 the line was taken as, or that its look-up failed (counter.intake.licences); ""
    licence: Mapped[str] = mapped_column(Text, default="", server_default="")


class CaseHistory(Base):
    """Who did what to a case, when and at which desk.  Rows are only ever added."""

    __tablename__ = "case_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # on PostgreSQL checked once per statement instead of by this key
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    clerk: Mapped[str] = mapped_column(String(60))
    desk_no: Mapped[str] = mapped_column(String(4))
    event: Mapped[str] = mapped_column(String(24))
    status_after: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")


class CaseTicket(Base):
    """The hall's queue ticket the applicant of a case was called by (叫号), and how long they waited for it when the
    queue system said.  A case taken without a call has none."""

    __tablename__ = "case_ticket"

    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), primary_key=True)
    ticket: Mapped[str] = mapped_column(String(16))
    waited_s: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CaseNamePair(Base):
    """Each pair of neighbouring characters of a case's applicant name (:func:`counter.case.lookup.name_pairs`), with
    the day the case was received: F7 finds a name by any part of it (孟和 in 阿拉坦其其格·孟和巴雅尔) as the cases
    holding every pair of what was typed, read along this key within the period, where an index of the whole name
    finds only its beginning.  The name itself is stored clear (``case.applicant_name``): its pairs add nothing a
    look at the table did not show.  Written with the case by every writer of a name (the intake, a synced case)."""

    __tablename__ = "case_name_pair"

    pair: Mapped[str] = mapped_column(String(2), primary_key=True)
    received_on: Mapped[date] = mapped_column(Date, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), primary_key=True, index=True)


class Draft(Base):
    """An unfinished intake of a desk, as the clerk types it, saved continuously; removed by its own commit or when
    the clerk drops it.  One per intake (``uid``, the uid its commit carries), so that another applicant's form or
    commit never touches it (:mod:`counter.intake.kept_drafts`)."""

    __tablename__ = "intake_draft"
    __table_args__ = (UniqueConstraint("desk_key", "uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # the order the sealing walks them in
    desk_key: Mapped[str] = mapped_column(String(40))
    uid: Mapped[str] = mapped_column(String(32))
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)
    content: Mapped[str] = mapped_column(SealedText)  # JSON of the form, the applicant's numbers in it: sealed


class Holiday(Base):
    """An edited or imported day: off (放假) or a make-up working day (调休上班)."""

    __tablename__ = "holiday"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # off / work
    source: Mapped[str] = mapped_column(String(200), default="")


class DocumentRecord(Base):
    """A notice made for a case: its number, and the office settings it was made under.

    A reprint renders again from the stored case, its guide version and this
    snapshot of the settings, so the paper is the same months later.
    """

    __tablename__ = "document_record"
    # by kind: pledges made before they had their own series carry their deferral notice's number
    __table_args__ = (UniqueConstraint("doc_no", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_no: Mapped[str] = mapped_column(String(30))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    issued_on: Mapped[date] = mapped_column(Date)
    site_code: Mapped[str] = mapped_column(String(12))
    desk_no: Mapped[str] = mapped_column(String(4))
    clerk: Mapped[str] = mapped_column(String(60))
    office: Mapped[str] = mapped_column(Text)  # JSON snapshot of the office settings
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PrintRecord(Base):
    """Every print or reprint of a document, also the ones that failed."""

    __tablename__ = "print_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document_record.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    clerk: Mapped[str] = mapped_column(String(60))
    desk_no: Mapped[str] = mapped_column(String(4))
    target: Mapped[str] = mapped_column(Text)  # printer queue or file
    content_hash: Mapped[str] = mapped_column(String(64))
    ok: Mapped[bool] = mapped_column(default=True)
    error: Mapped[str] = mapped_column(Text, default="")


# --- items with their departments ---------------------------------------------------------


class OpenItem(Base):
    """An item routed to its department and not yet decided, of a case in the hall's hands.

    Derived from the case's history by :func:`counter.actions.cases.item_track.track_items`, in the unit of work of the
    step: the department's queue and the items' alerts read it instead of every case's history.  ``department`` is
    the deciding department as the case's site names it; ``due_on`` the nearer of the promised and the legal date,
    None while the item's clock is paused (行政许可法 第四十五条).
    """

    __tablename__ = "open_item"
    __table_args__ = (
        Index("ix_open_item_department_due", "department", "due_on"),  # a department's queue, by date
        Index("ix_open_item_site_due", "site_code", "due_on"),  # a site's alerts
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), primary_key=True)
    item_code: Mapped[str] = mapped_column(String(24), primary_key=True)
    item_name: Mapped[str] = mapped_column(String(200))  # as the case's guide version names it
    site_code: Mapped[str] = mapped_column(String(12))
    department: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(12))
    routed_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    legal_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    promised_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    paused_since: Mapped[date | None] = mapped_column(Date, nullable=True)


class CaseMaterialPage(Base):
    """A page of a case's material taken by the desk's document camera (高拍仪), as JPEG.

    Bounded and compressed before it is written (counter.case.pages); ``compared`` marks a copy the clerk compared
    with the original.  Rows are only ever added.
    """

    __tablename__ = "case_material_page"
    __table_args__ = (UniqueConstraint("case_id", "material_code", "page_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"))
    material_code: Mapped[str] = mapped_column(String(40))
    page_no: Mapped[int] = mapped_column(Integer)
    image: Mapped[bytes] = mapped_column(LargeBinary)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    captured_at: Mapped[datetime] = mapped_column(default=utcnow)
    clerk: Mapped[str] = mapped_column(String(60))
    compared: Mapped[bool] = mapped_column(Boolean, default=False)

"""The tables.  Every change to them goes through an Alembic migration.

Guide versions store the whole bundle document as JSON text: a version is
immutable once written, and a case points at the version it was taken under, so
an old case reads exactly the guide the clerk saw that day.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uid() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: DateTime(timezone=True)}


class Setting(Base):
    """Small named values: the bundled catalog's fingerprint, office settings."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


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
    # GuideStatus of the current version: lists tell a 待核 draft from a bundle without a guide (0009)
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
    """An applicant or agent as last seen, found again by ID number or credit code (一证办理)."""

    __tablename__ = "party"

    id_no: Mapped[str] = mapped_column(String(18), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # person / company
    name: Mapped[str] = mapped_column(Text)
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    legal_rep: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Case(Base):
    """One intake.  Applicant and agent are copied in: the case shows them as they were."""

    __tablename__ = "case"
    __table_args__ = (
        # the desk's day list (F6): one day at one desk (migration 0012)
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
    applicant_kind: Mapped[str] = mapped_column(String(10))
    applicant_name: Mapped[str] = mapped_column(Text)
    applicant_id_no: Mapped[str] = mapped_column(String(18), index=True)
    applicant_phone: Mapped[str] = mapped_column(String(40), default="")
    applicant_address: Mapped[str] = mapped_column(Text, default="")
    legal_rep: Mapped[str] = mapped_column(Text, default="")
    agent_name: Mapped[str] = mapped_column(Text, default="")
    agent_id_no: Mapped[str] = mapped_column(String(18), default="")
    agent_authorisation: Mapped[str] = mapped_column(Text, default="")
    delivery: Mapped[str] = mapped_column(String(16), default="pickup")
    delivery_address: Mapped[str] = mapped_column(Text, default="")
    notify_phone: Mapped[str] = mapped_column(String(40), default="")
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
# hold every column those counts read, so they are answered from the index alone (migrations 0013, 0015).
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
        # and stops at its page (migration 0014)
        Index(
            "ix_case_material_waiting", "due_on", "case_id",
            sqlite_where=text("due_on IS NOT NULL AND arrived_on IS NULL"),
            postgresql_where=text("due_on IS NOT NULL AND arrived_on IS NULL"),
        ),
        # the same lines by case: whether an earlier one of the case waits, and a case's next due (migration 0016)
        Index(
            "ix_case_material_waiting_by_case", "case_id", "due_on", "id",
            sqlite_where=text("due_on IS NOT NULL AND arrived_on IS NULL"),
            postgresql_where=text("due_on IS NOT NULL AND arrived_on IS NULL"),
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # on PostgreSQL checked once per statement instead of by this key (migration 0008)
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


class CaseHistory(Base):
    """Who did what to a case, when and at which desk.  Rows are only ever added."""

    __tablename__ = "case_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # on PostgreSQL checked once per statement instead of by this key (migration 0008)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    clerk: Mapped[str] = mapped_column(String(60))
    desk_no: Mapped[str] = mapped_column(String(4))
    event: Mapped[str] = mapped_column(String(24))
    status_after: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")


class Draft(Base):
    """The intake form as the clerk types it, saved continuously; removed on commit."""

    __tablename__ = "draft"

    desk_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)
    content: Mapped[str] = mapped_column(Text)


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


# --- ratings (好差评) ------------------------------------------------------------------
#
# Every table of this section is insert-only: a rating, the request that asked for
# it, a lapse, a rectification, each of its history lines and each appeal decision
# are written once and never changed or removed.  A state is the newest history
# line; an excluded rating is one with an upheld appeal.  Migration 0004 adds
# triggers that refuse UPDATE and DELETE on these tables in the database itself;
# the ORM refuses them too (:class:`_InsertOnly`).


# the closing states (RectState.FED_BACK, RectState.VOIDED) as stored; a test checks it against the domain
CLOSING_STATES = ("fed_back", "voided")
CLOSING_LINE = "state_after IN ('fed_back', 'voided')"


class RowIsFinal(Exception):
    """An attempt to change or remove a row of an insert-only table."""


def _refuse_change(_mapper: Any, _connection: Any, target: Any) -> None:
    raise RowIsFinal(f"rows of {type(target).__tablename__} are never changed or removed")


class _InsertOnly:
    @classmethod
    def __declare_last__(cls) -> None:
        from sqlalchemy import event

        event.listen(cls, "before_update", _refuse_change)
        event.listen(cls, "before_delete", _refuse_change)


class RatingRequest(_InsertOnly, Base):
    """A service sent to the review pad: one per case and round (现场服务一次一评)."""

    __tablename__ = "rating_request"
    __table_args__ = (
        UniqueConstraint("case_id", "round"),
        # one desk's requests, which the pad checks for unanswered ones before every service (migration 0012)
        Index("ix_rating_request_desk", "site_code", "desk_no", "sent_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    round: Mapped[int] = mapped_column(Integer)  # 1 the service, 2 a follow-up after rectification
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    site_code: Mapped[str] = mapped_column(String(12))
    desk_no: Mapped[str] = mapped_column(String(4))
    clerk: Mapped[str] = mapped_column(String(60))


class Rating(_InsertOnly, Base):
    """One rating, with the record's fields as they were when it was given (GB/T 39046)."""

    __tablename__ = "rating"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("rating_request.id"), unique=True)
    level: Mapped[str] = mapped_column(String(24))  # the meaning (Level), never a number
    channel: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of labels as offered
    comment: Mapped[str] = mapped_column(Text, default="")
    rated_at: Mapped[datetime] = mapped_column(default=utcnow)
    rated_on: Mapped[date] = mapped_column(Date, index=True)  # the office's day
    round: Mapped[int] = mapped_column(Integer)
    case_no: Mapped[str] = mapped_column(String(50))
    item_code: Mapped[str] = mapped_column(String(24))
    item_name: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(Text)
    clerk: Mapped[str] = mapped_column(String(60))
    staff_no: Mapped[str] = mapped_column(String(20), default="")
    desk_no: Mapped[str] = mapped_column(String(4))
    site_code: Mapped[str] = mapped_column(String(12))
    region: Mapped[str] = mapped_column(String(6))
    rater_name: Mapped[str] = mapped_column(Text)
    rater_id_no: Mapped[str] = mapped_column(String(18))
    rater_kind: Mapped[str] = mapped_column(String(10))
    anonymous: Mapped[bool] = mapped_column(default=False)


class RatingLapse(_InsertOnly, Base):
    """A request the pad closed unrated when its time ran out: never a rating."""

    __tablename__ = "rating_lapse"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("rating_request.id"), unique=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Rectification(_InsertOnly, Base):
    """The rectification a bad rating opened, in the same transaction as the rating."""

    __tablename__ = "rectification"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("rating.id"), unique=True)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    opened_on: Mapped[date] = mapped_column(Date, index=True)  # the figures count by it (0013)
    period: Mapped[str] = mapped_column(String(24))  # "7 calendar_day", as set when it opened
    due_on: Mapped[date] = mapped_column(Date, index=True)
    due_beyond_data: Mapped[bool] = mapped_column(default=False)


class RectificationHistory(_InsertOnly, Base):
    """Every move of a rectification, with who and what; the newest line holds its state."""

    __tablename__ = "rectification_history"
    __table_args__ = (
        # its state: the newest line, found by walking this backwards (migration 0012)
        Index("ix_rectification_history_latest", "rectification_id", "id"),
        # the lines that closed one (已反馈, 已撤销): the open list keeps those without such a line
        Index(
            "ix_rectification_history_closed", "rectification_id",
            sqlite_where=text(CLOSING_LINE), postgresql_where=text(CLOSING_LINE),
        ),
    )  # fmt: skip

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rectification_id: Mapped[int] = mapped_column(ForeignKey("rectification.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(60))
    event: Mapped[str] = mapped_column(String(24))
    state_after: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    fix_due: Mapped[date | None] = mapped_column(Date, nullable=True)  # 限期整改: the ledger date


class RatingAppeal(_InsertOnly, Base):
    """An appeal decision (申诉复核): who decided, on what ground, and why; upheld excludes the rating."""

    __tablename__ = "rating_appeal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rating_id: Mapped[int] = mapped_column(ForeignKey("rating.id"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(60))
    ground: Mapped[str] = mapped_column(String(16))
    upheld: Mapped[bool] = mapped_column()
    reason: Mapped[str] = mapped_column(Text)


# --- hall: accounts and the audit trail ----------------------------------------------


class Account(Base):
    """A person who signs in: clerk, supervisor, admin (one or more roles).

    While the table is empty the database is a single desk's and nobody signs in;
    the first account must be an admin, and from then on every action needs a
    signed-in account with the right role.
    """

    __tablename__ = "account"

    login: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    staff_no: Mapped[str] = mapped_column(String(20), default="")
    roles: Mapped[str] = mapped_column(String(60))  # Role values, comma-separated
    # a department's staff: the department (as this site names it) whose items they may step; empty: any (0019)
    department: Mapped[str] = mapped_column(String(200), default="", server_default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(nullable=True)


class AuditChain(Base):
    """The head of one desk's audit chain: its last entry's number and hash.

    One chain per desk keeps desks from waiting on each other; the head row is
    locked by the UPDATE that takes the next number, so a chain never forks.  A
    deleted last entry shows as a head that points past the chain.
    """

    __tablename__ = "audit_chain"

    chain: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


class AuditEntry(_InsertOnly, Base):
    """Who did what, when and where; each entry carries the hash of the one before it."""

    __tablename__ = "audit_entry"
    __table_args__ = (UniqueConstraint("chain", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chain: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column()
    actor: Mapped[str] = mapped_column(String(60))  # the login, or the desk's clerk where nobody signs in
    site_code: Mapped[str] = mapped_column(String(12))
    desk_no: Mapped[str] = mapped_column(String(4))
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(80), default="", index=True)  # a case number, a login, a key
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON, personal data masked
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # the digest of the subject row (case, rating, account) after the change; "" for entries about no row
    state: Mapped[str] = mapped_column(String(64), default="", server_default="")


class AuditSeal(_InsertOnly, Base):
    """The heads of every chain at a moment, signed with the site's key (a file the desks do not hold).

    ``payload`` is the signed text as it was signed (canonical JSON, see
    :mod:`counter.audit.seal`); ``signature`` is its Ed25519 signature in base64.
    """

    __tablename__ = "audit_seal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column()
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(100))


# --- sync between township centres and the hall -----------------------------------------


class SitePeer(Base):
    """Another site whose packages this one accepts: its code, kind and public signing key.

    The hall registers each of its townships; a township registers its hall.
    This site's own identity is in :class:`Setting` (``site.*``), its private key
    in a file of the data folder that never enters the database.
    """

    __tablename__ = "site_peer"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))  # hall / township
    public_key: Mapped[str] = mapped_column(String(80))  # Ed25519, raw 32 bytes in base64
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    # X25519, raw 32 bytes in base64: what packages to this peer are sealed to; "" when registered from an old card
    encryption_key: Mapped[str] = mapped_column(String(80), default="", server_default="")


class SyncExport(Base):
    """A package this site wrote: to whom, its number, and whether the other side has acknowledged it."""

    __tablename__ = "sync_export"
    __table_args__ = (UniqueConstraint("to_site", "export_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    to_site: Mapped[str] = mapped_column(String(12))
    export_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # cases (township → hall) / updates (hall → township)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    since: Mapped[datetime | None] = mapped_column(nullable=True)  # what it holds: changes after this moment
    records: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64))
    acked_at: Mapped[datetime | None] = mapped_column(nullable=True)


class SyncImport(Base):
    """A package this site took in: from whom, its number, what it did; a replay finds it here."""

    __tablename__ = "sync_import"
    __table_args__ = (UniqueConstraint("from_site", "kind", "export_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_site: Mapped[str] = mapped_column(String(12))
    kind: Mapped[str] = mapped_column(String(10))
    export_no: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    content_hash: Mapped[str] = mapped_column(String(64))
    applied: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    held: Mapped[int] = mapped_column(Integer, default=0)  # records put on the review list


class SyncReview(Base):
    """A record that could not be applied (an unknown guide version, say): kept whole, never dropped."""

    __tablename__ = "sync_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_site: Mapped[str] = mapped_column(String(12), index=True)
    export_no: Mapped[int] = mapped_column(Integer)
    record_type: Mapped[str] = mapped_column(String(20))
    record_key: Mapped[str] = mapped_column(String(80))  # a case's uid, a guide's hash …
    reason: Mapped[str] = mapped_column(String(40))  # a code, worded in counter.words.sync
    detail: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str] = mapped_column(Text)  # the record as received (JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(nullable=True)


# --- messages to applicants -------------------------------------------------------------


class OutboxMessage(Base):
    """An SMS to the applicant, queued in the unit of work of the step it tells of (counter.db.outbox_store).

    ``key`` is the message's one identity (case uid, what, when: :func:`counter.sms.kinds.message_key`): it is never
    queued twice, and the gateway gets it as the idempotency key of every attempt.  ``state``: waiting (``next_at``
    says from when), sending (claimed by a sender until ``next_at``), sent (``sent_at``, ``gateway_id``), failed
    (after the gateway's number of attempts, or an answer that will not change: a supervisor retries it).
    ``text`` is written when the message is first claimed: every attempt sends the same words.
    """

    __tablename__ = "outbox_message"
    # the sender's walk: what waits, by when it is due (migration 0017)
    __table_args__ = (Index("ix_outbox_message_due", "state", "next_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(String(40))
    item_code: Mapped[str] = mapped_column(String(40), default="")
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    tracking: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(10), default="waiting")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    gateway_id: Mapped[str] = mapped_column(String(80), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")


# --- items with their departments ---------------------------------------------------------


class OpenItem(Base):
    """An item routed to its department and not yet decided, of a case in the hall's hands (migration 0018).

    Derived from the case's history by :func:`counter.actions.item_track.track_items`, in the unit of work of the
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


class Project(Base):
    """A 帮您办 project (migration 0020): the 申请表's facts, its state and dates, its agents and its evaluation.

    The facts the lists and the monthly report filter or sort by are columns; the rest of the 申请表 is one JSON
    document (``facts``), read whole with the project.  ``uid`` is the project's identity across sites, as a case's:
    a county's project keeps it at the league.
    """

    __tablename__ = "project"
    __table_args__ = (Index("ix_project_state_county", "state", "county"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_no: Mapped[str] = mapped_column(String(30), unique=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    site_code: Mapped[str] = mapped_column(String(12))
    desk_no: Mapped[str] = mapped_column(String(4))
    clerk: Mapped[str] = mapped_column(String(60))
    state: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    investor: Mapped[str] = mapped_column(Text)
    county: Mapped[str] = mapped_column(String(60))
    investment: Mapped[int] = mapped_column(BigInteger)  # 万元
    facts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: the rest of the 申请表
    agents: Mapped[str] = mapped_column(Text, default="[]")  # JSON: the agents' names, first the lead
    applied_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[str | None] = mapped_column(String(16), nullable=True)
    evaluation_note: Mapped[str] = mapped_column(Text, default="")
    evaluated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProjectStep(Base):
    """One approval of a project's plan (申报计划), with its dates and the intake taken for it."""

    __tablename__ = "project_step"
    __table_args__ = (UniqueConstraint("project_id", "no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"))
    no: Mapped[int] = mapped_column(Integer)
    item_no: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(16))
    expected_on: Mapped[date] = mapped_column(Date)
    filed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    case_no: Mapped[str] = mapped_column(String(50), default="")
    result_no: Mapped[str] = mapped_column(String(60), default="")
    joint: Mapped[str] = mapped_column(String(30), default="")


class ProjectHistory(Base):
    """A line of a project's history: every move, by whom, with its note; never changed, never deleted."""

    __tablename__ = "project_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), index=True)
    at: Mapped[datetime] = mapped_column()  # UTC, as a case's history
    event: Mapped[str] = mapped_column(String(24))
    by: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(Text, default="")


class ProjectCoordination(Base):
    """A coordination an agent recorded for a project: with whom, what, and what came of it."""

    __tablename__ = "project_coordination"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    with_whom: Mapped[str] = mapped_column(Text)
    what: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text)
    agent: Mapped[str] = mapped_column(String(60))
    step_no: Mapped[int] = mapped_column(Integer, default=0)


class ProjectPaper(Base):
    """A form printed for a project (附件3-8): made once, reprinted the same from this record."""

    __tablename__ = "project_paper"
    __table_args__ = (UniqueConstraint("project_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"))
    kind: Mapped[str] = mapped_column(String(16))
    doc_no: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[date] = mapped_column(Date)
    clerk: Mapped[str] = mapped_column(String(60))
    office: Mapped[str] = mapped_column(Text)  # JSON snapshot of the office settings
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

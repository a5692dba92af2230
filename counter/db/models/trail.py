"""Accounts and the audit trail: its chains, entries and seals."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, InsertOnly, utcnow


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
    # a department's staff: the department (as this site names it) whose items they may step; empty: any
    department: Mapped[str] = mapped_column(String(200), default="", server_default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # HMAC-SM3 of the row under the trail key, where it was written on a machine holding it (counter.audit.row_mac)
    mac: Mapped[str] = mapped_column(String(64), default="", server_default="")


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


class AuditEntry(InsertOnly, Base):
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
    alg: Mapped[str] = mapped_column(String(12), default="", server_default="")  # "" SHA-256; "hmac-sm3"


class AuditSeal(InsertOnly, Base):
    """The heads of every chain at a moment, signed with the site's key (a file the desks do not hold).

    ``payload`` is the signed text as it was signed (canonical JSON, see
    :mod:`counter.audit.seal`); ``signature`` is its Ed25519 signature in base64.
    """

    __tablename__ = "audit_seal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column()
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(100))


class PeerSeal(InsertOnly, Base):
    """A township's seal of its own trail, as it sent it to the hall (:class:`counter.sync.records.SealRecord`).

    Kept as sent, whatever came later: a second seal of the same number from the same site is kept beside the first,
    and ``audit verify`` names the pair (:mod:`counter.db.peer_seals`).
    """

    __tablename__ = "peer_seal"
    __table_args__ = (UniqueConstraint("site_code", "no", "digest"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_code: Mapped[str] = mapped_column(String(20))
    no: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))  # sha-256 of the payload: what the seal after it names
    prev: Mapped[str] = mapped_column(String(64))  # the digest of the seal before it, as its payload says
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)

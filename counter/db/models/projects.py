"""帮您办: investment projects served by the hall's agents, their steps, history, coordinations and papers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter.db.models.base import Base, utcnow


class Project(Base):
    """A 帮您办 project: the 申请表's facts, its state and dates, its agents and its evaluation.

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

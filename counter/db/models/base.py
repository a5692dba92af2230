"""The declarative base, its naming of constraints, and what every table shares.

Insert-only tables (:class:`InsertOnly`: ratings, the audit trail) refuse UPDATE and DELETE in the ORM too, beside
the triggers their migrations add in the database itself.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    DateTime,
    MetaData,
    String,
    Text,
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
    # HMAC-SM3 of the row under the trail key, where it was written on a machine holding it (counter.audit.row_mac)
    mac: Mapped[str] = mapped_column(String(64), default="", server_default="")


class RowIsFinal(Exception):
    """An attempt to change or remove a row of an insert-only table."""


def _refuse_change(_mapper: Any, _connection: Any, target: Any) -> None:
    raise RowIsFinal(f"rows of {type(target).__tablename__} are never changed or removed")


class InsertOnly:
    """A table whose rows are written once: the ORM refuses to update or delete them (:class:`RowIsFinal`)."""

    @classmethod
    def __declare_last__(cls) -> None:
        from sqlalchemy import event

        event.listen(cls, "before_update", _refuse_change)
        event.listen(cls, "before_delete", _refuse_change)

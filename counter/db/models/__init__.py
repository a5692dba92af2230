"""The tables, one module per area of the app; every name here as before, for ``from counter.db import models``.

Every change to them goes through an Alembic migration (:mod:`counter.db.migrations`).
"""

from __future__ import annotations

from counter.db.models.base import Base, RowIsFinal, Setting, new_uid, utcnow
from counter.db.models.cases import (
    Bundle,
    Case,
    CaseHistory,
    CaseMaterial,
    CaseMaterialPage,
    CaseNamePair,
    CaseTicket,
    CatalogImport,
    DataSealing,
    DeskCounter,
    DocumentRecord,
    Draft,
    GuideVersion,
    Holiday,
    OpenItem,
    Party,
    PrintRecord,
)
from counter.db.models.desk_sessions import DeskSession, HallDesk
from counter.db.models.e_service import EServiceAgreement, PaperSent
from counter.db.models.exchange import (
    OutboxMessage,
    PlatformEvent,
    SitePeer,
    SyncExport,
    SyncImport,
    SyncReview,
)
from counter.db.models.front_store import FrontStoreEvent
from counter.db.models.pads import HallPad, PadRequest
from counter.db.models.pledges import PaperService, PledgeCheck
from counter.db.models.projects import Project, ProjectCoordination, ProjectHistory, ProjectPaper, ProjectStep
from counter.db.models.ratings import (
    CLOSING_LINE,
    CLOSING_STATES,
    Rating,
    RatingAppeal,
    RatingLapse,
    RatingRequest,
    Rectification,
    RectificationHistory,
)
from counter.db.models.reads import IdRead
from counter.db.models.receipts import OperationReceipt
from counter.db.models.sealed_papers import SealedPaper
from counter.db.models.trail import Account, AuditChain, AuditEntry, AuditSeal, PeerSeal

__all__ = [
    "CLOSING_LINE",
    "CLOSING_STATES",
    "Account",
    "AuditChain",
    "AuditEntry",
    "AuditSeal",
    "Base",
    "Bundle",
    "Case",
    "CaseHistory",
    "CaseMaterial",
    "CaseMaterialPage",
    "CaseNamePair",
    "CaseTicket",
    "CatalogImport",
    "DataSealing",
    "DeskCounter",
    "DeskSession",
    "DocumentRecord",
    "Draft",
    "EServiceAgreement",
    "FrontStoreEvent",
    "GuideVersion",
    "HallDesk",
    "HallPad",
    "Holiday",
    "IdRead",
    "OpenItem",
    "OperationReceipt",
    "OutboxMessage",
    "PadRequest",
    "PaperSent",
    "PaperService",
    "Party",
    "PeerSeal",
    "PlatformEvent",
    "PledgeCheck",
    "PrintRecord",
    "Project",
    "ProjectCoordination",
    "ProjectHistory",
    "ProjectPaper",
    "ProjectStep",
    "Rating",
    "RatingAppeal",
    "RatingLapse",
    "RatingRequest",
    "Rectification",
    "RectificationHistory",
    "RowIsFinal",
    "SealedPaper",
    "Setting",
    "SitePeer",
    "SyncExport",
    "SyncImport",
    "SyncReview",
    "new_uid",
    "utcnow",
]

"""The intake at the window: its draft kept while the clerk types, offered back at start, dropped when given up."""

from __future__ import annotations

from dataclasses import dataclass

from counter.intake.draft import IntakeDraft, StoredDraft
from counter.service.operation import Open, write


@dataclass(frozen=True)
class KeepDraft:
    draft: IntakeDraft


@dataclass(frozen=True)
class DeskOnly:
    """A request that carries nothing but the desk it is asked for."""


KEEP_DRAFT = write(
    "intake.keep_draft",
    KeepDraft,
    None,
    Open.ANY_DESK,
    "counter.service.runs.intake:keep_draft",
    doc="Keep the desk's unfinished intake, replacing the one kept before.",
)
DROP_DRAFT = write(
    "intake.drop_draft",
    DeskOnly,
    None,
    Open.ANY_DESK,
    "counter.service.runs.intake:drop_draft",
    doc="The clerk gave the intake up, or took it: no draft is kept for the desk.",
)
CHECK_DRAFT = write(
    "intake.check_draft",
    DeskOnly,
    StoredDraft | None,
    Open.ANY_DESK,
    "counter.service.runs.intake:check_draft",
    doc="The desk's unfinished intake, checked against its guide; one that cannot be used is dropped and named.",
)

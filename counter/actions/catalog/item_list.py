"""The region's 实施清单 pulled from its 事项库 and taken in as 待核 guides, with what each would change.

The list is fetched (:mod:`counter.host.outward.item_list`) into a folder of its own, then imported exactly as a
workbook carried by hand is (:func:`counter.actions.catalog.imports.import_source`): checked whole, all or nothing,
every guide a draft until the administrator publishes it.  Before publication the administrator reads, per bundle, what
publishing would change against the guide this site last published (:func:`publication_preview`).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from counter.actions.catalog.guide_status import publication_preview
from counter.actions.catalog.imports import import_source
from counter.catalog.import_result import Pulled
from counter.catalog.publication import NotADraft
from counter.host.outward.item_list import fetch_item_list

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from counter.access.desk import Desk

__all__ = ["pull_item_list"]

log = logging.getLogger(__name__)


def pull_item_list(
    sessions: sessionmaker[Session], endpoint: str, account: str, secret: str, *, timeout: float = 30.0,
    desk: Desk | None = None,
) -> Pulled:  # fmt: skip
    """Fetch the region's list and import it as 待核 guides; nothing is kept of a list that fails anywhere."""
    with tempfile.TemporaryDirectory(prefix="counter-item-list-") as folder:
        fetched = fetch_item_list(endpoint, account, secret, timeout, Path(folder))
        if fetched.path is None:
            log.warning("item list not fetched from %s: %s", endpoint, fetched.detail)
            assert fetched.failure is not None  # nothing came: fetch_item_list names why
            return Pulled(fetched.failure, None, status=fetched.status)
        outcome = import_source(sessions, fetched.path, desk=desk)
    if outcome.report is None:
        return Pulled(None, outcome)
    previews = []
    with sessions() as session:
        for code in outcome.report.new_versions:
            try:
                previews.append((code, publication_preview(session, code)))
            except NotADraft:  # a version the import published itself (none from a platform list): nothing to read
                continue
    return Pulled(None, outcome, tuple(previews))

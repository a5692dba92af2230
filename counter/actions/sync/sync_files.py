"""An export written to its files in the transaction that records it: a killed export takes no package number.

The export's packages are numbered and remembered (:func:`counter.actions.sync.packages.export_package`) and written to
their files (:func:`counter.sync.package_files.write_series`) in one transaction, committed by the caller once
every file is whole under its name.  An export killed or failing before that records nothing: the next one is
written under the same number, and first removes the ``.part`` file the killed one left
(:func:`counter.sync.package_files.left_parts`).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.actions.sync.packages import ExportResult, export_package
from counter.sync.package_files import left_parts, write_series

log = logging.getLogger(__name__)


def export_to_files(
    session: Session,
    desk: Desk,
    now: dt.datetime,
    path: Path,
    to_site: str | None = None,
) -> tuple[ExportResult, list[Path]]:
    """Export (as :func:`counter.actions.sync.packages.export_package`) and write the packages to ``path``; the caller
    commits.

    Raises what the export raises, and :class:`OSError` when a file cannot be written (nothing is then left under a
    package's name, and the caller's rollback takes the numbers back).
    """
    for left in left_parts(path):
        log.info("removed %s, left by an export that did not finish", left.name)
    result = export_package(session, desk, now, to_site=to_site)
    return result, write_series(path, result.packages)

"""The region's 电子证照库 at the intake: its settings, and the question the window asks it.

The settings are the hall's, in the database (every desk asks the same library); the secret is this machine's,
a 0600 file in the key folder (:data:`counter.host.outward.licence_library.LIBRARY_SECRET`), as the SMS gateway's.
The question itself is no unit of work: the window asks it off its own thread (:func:`look_up_licences`), and
what the clerk takes goes into the case with the intake (:mod:`counter.actions.intake.take`).  A training database
has no library: its applicants are made up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.access.roles import Permission
from counter.actions.admin.acting import this_desk
from counter.actions.admin.guard import require
from counter.actions.admin.outward_settings import save_settings, secret_in_training, with_secret
from counter.db.settings_store import get_setting, is_training
from counter.host.outward.licence_library import LIBRARY_SECRET, LookUp, ask_library, load_format
from counter.intake.licences import (
    LibraryProblem,
    LibraryRefused,
    LibrarySettings,
    library_from_json,
)
from counter.outbox.secret_shown import SECRET_SHOWN

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from counter.access.desk import Desk

__all__ = ["LIBRARY_KEY", "library_settings", "look_up_licences", "save_library"]

LIBRARY_KEY = "licences.library"  # the hall's 证照库 (LibrarySettings as JSON, without its secret)


def library_settings(session: Session, folder: Path | None = None) -> LibrarySettings:
    """The hall's library with this machine's secret (``folder``: another key folder, for tests); none in training."""
    if is_training(session):
        return LibrarySettings()
    stored = library_from_json(get_setting(session, LIBRARY_KEY))
    if not stored.configured:
        return stored
    return with_secret(stored, LIBRARY_SECRET, folder)


def save_library(
    session: Session, settings: LibrarySettings, *, desk: Desk | None = None, folder: Path | None = None
) -> None:
    """Set the hall's library (all empty: none); refused whole (:class:`LibraryRefused`) with any problem.  The
    change is on the audit trail, the secret as :data:`SECRET_SHOWN`; a secret given as :data:`SECRET_SHOWN` (the
    settings as read, sent back) keeps this machine's."""
    by = this_desk(desk)
    require(session, by.actor, Permission.CHANGE_SETTINGS)
    if settings.secret == SECRET_SHOWN:  # the settings as read, sent back: the secret kept is kept
        settings = with_secret(settings, LIBRARY_SECRET, folder)
    problems = settings.problems()
    if settings.format_file:
        try:
            load_format(settings)
        except ValueError:
            problems = (*problems, LibraryProblem.BAD_FORMAT)
    before = library_settings(session, folder)
    if secret_in_training(session, before, settings):
        problems = (*problems, LibraryProblem.SECRET_TRAINING)
    if problems:
        raise LibraryRefused(problems)
    save_settings(session, by, LIBRARY_KEY, before, settings, LIBRARY_SECRET, folder)


def look_up_licences(settings: LibrarySettings, holder_id: str, types: tuple[str, ...], reason: str = "") -> LookUp:
    """What the library holds of this applicant (by 居民身份证号 or 统一社会信用代码) of these licence types, asked
    for the 用证事由 ``reason``.

    Takes seconds at worst (the settings' timeout): the window calls it off its own thread.
    """
    return ask_library(settings, holder_id.strip().upper(), types, reason)

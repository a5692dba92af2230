"""What an intake's outcome preview is decided from, read once when the intake opens (``intake.preview_grounds``).

The desk decides the preview of each change itself from these (:func:`counter.documents.outcome_preview.preview_of`),
as the commit decides from its own reads: the stored guide version, the office's calendar, the hall's periods,
whether a 待核 guide may be taken, and the site's office settings and authority, which name the paper each outcome
prints (where the hall only receives the items, the 受理 stage's paper is the hall's 收件 paper: 许可法 第二十六条;
docs/notice-wording.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.actions.admin.calendar import office_calendar
from counter.actions.admin.office import office_settings
from counter.actions.cases.intake_settings import intake_rules
from counter.actions.cases.item_authority import site_authority
from counter.actions.catalog.guide_status import drafts_may_be_taken
from counter.actions.catalog.guides import guide_version
from counter.documents.outcome_preview import PreviewGrounds

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as Unit


def preview_grounds(unit: Unit, version_id: int, site_code: str) -> PreviewGrounds:
    """The grounds of an intake on guide version ``version_id`` at the desk's site ``site_code``."""
    return PreviewGrounds(
        guide=guide_version(unit, version_id),
        holidays=office_calendar(unit).table,
        rules=intake_rules(unit),
        draft_allowed=drafts_may_be_taken(unit),
        office=office_settings(unit, site_code),
        authority=site_authority(unit, site_code),
    )

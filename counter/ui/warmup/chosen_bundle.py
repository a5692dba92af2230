"""A bundle chosen with Enter whose guide is still being read: what the search index already holds of it.

On a quick start the window shows before the database is open, and the warm-up thread opens it behind (SQLAlchemy and
the tables: a second and more of a loaded desk).  Enter pressed in that time waited for all of it before the guide
showed, and F5 pressed behind it waited too.  Enter now shows the bundle's name at once and reads the guide in a
later turn of the event loop; F5 pressed meanwhile takes the bundle from here: its name and whether it has a guide
to take an intake on are in the search index, so a bundle without one is refused at once and any other opens the
intake's window at once (:mod:`counter.ui.warmup.intake_opening`), filled once the database answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.catalog.guide_status import GuideStatus
from counter.catalog.search import SearchEntry


@dataclass(frozen=True, slots=True)
class ChosenBundle:
    """The bundle Enter chose, as the search index lists it: what F5 needs before the guide is read."""

    code: str
    name: str
    status: GuideStatus

    @classmethod
    def of(cls, entry: SearchEntry) -> ChosenBundle:
        return cls(entry.bundle_code, entry.name, entry.status)

    @property
    def has_guide(self) -> bool:
        """Whether the bundle carries a whole guide (published or 待核), as :attr:`Bundle.has_guide` says."""
        return self.status in (GuideStatus.PUBLISHED, GuideStatus.DRAFT)

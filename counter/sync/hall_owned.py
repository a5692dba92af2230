"""The settings a hall owns at its townships: the only ones its update package may write there.

A township takes its catalog, its holiday calendar and its 帮您办 list from the hall (domain §1: the same intake,
passed on to the hall), and prints what the hall sets of its office.  Everything else in a township's ``setting``
table is the township's own or the machine's: its identity and signing key (``site.*``: replaced, the township's
packages no longer verify at the hall and its audit seal no longer checks), whether drafts may be taken
(``catalog.draft_intake``: the township's own decision to take intakes on an unpublished guide), another site's
office, its SMS gateway.  A package is signed by the hall, but a signature says who sent it, not that the sender
may set it: so the township applies from an update only the keys named here, and puts any other on its review list
with the reason, changing nothing (:mod:`counter.actions.sync.packages`).  The hall builds its updates from the same
table, so the two cannot drift apart.

Guide versions and holiday days are records of their own kinds in an update, not settings: they are the catalog
and the calendar, and go in by their own rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter.audit.peer_seals import SEALS_AT_HALL
from counter.projects.service_items import ITEMS_SETTING
from counter.ratings.settings import KEYS as RATING_KEYS

COVERED_KEY = "holidays.covered"  # as counter.db.holiday_store
OFFICE_PREFIX = "office."  # as counter.db.settings_store: a site's office settings, under its code


@dataclass(frozen=True, slots=True)
class HallOwned:
    """One setting the hall keeps for a township, and why it is the hall's."""

    key: str
    reason: str


#: every setting a hall's update writes at a township, with its reason; the township's office is added per
#: township (:func:`owned_keys`)
HALL_OWNED: tuple[HallOwned, ...] = (
    *(
        HallOwned(key, "the rating pad's settings: one 好差评 practice for a hall and its townships")
        for key in RATING_KEYS
    ),
    HallOwned(COVERED_KEY, "the years the holiday calendar covers: it comes with the holidays the hall sends"),
    HallOwned(ITEMS_SETTING, "the 帮您办 item list: a township plans its projects against the hall's list"),
    HallOwned(SEALS_AT_HALL, "which of the township's seals the hall keeps: only the hall can say"),
)
#: the township's office, under ``office.`` and the township's own code (:func:`owned_keys`)
OWN_OFFICE = HallOwned(OFFICE_PREFIX, "the township's own office as its papers print it, kept for it by its hall")


def owned_keys(township: str) -> list[str]:
    """The keys a hall's update to ``township`` carries and the township applies: never another site's office."""
    return [*(owned.key for owned in HALL_OWNED), OWN_OFFICE.key + township]


def hall_owns(key: str, township: str) -> bool:
    """Whether a hall's update may write ``key`` at ``township``."""
    return key in owned_keys(township)

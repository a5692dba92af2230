"""The site's 好差评 page: the one its platform mapping file names (:mod:`counter.platform.rating_page`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.db.platform_store import platform_settings, reporting
from counter.platform.mapping import mapping_file
from counter.platform.rating_page import RatingPage, load_rating_page


def site_rating_page(session: Session) -> RatingPage | None:
    """The evaluation page of the mapping file the site's platform settings name; None when it names none."""
    return load_rating_page(mapping_file(platform_settings(session).mapping))


def paper_rating_page(session: Session) -> RatingPage | None:
    """The page a new paper invites 补充评价 on (its QR code): the site's, only where the site reports to the
    platform and the mapping file marks the page's address confirmed against the region's system.

    A QR code on paper sends the applicant to a government address: one that is only the mapping file's proposal, or
    that of a platform the site does not report to, would take a rating nobody reads, under a 办件编号 the region
    never heard of.  None: the paper carries no rating QR (its progress QR and the complaint number stay)."""
    page = site_rating_page(session)
    if page is None or not page.confirmed or not reporting(session):
        return None
    return page

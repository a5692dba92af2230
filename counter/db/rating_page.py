"""The site's 好差评 page: the one its platform mapping file names (:mod:`counter.platform.rating_page`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counter.db.platform_store import platform_settings
from counter.platform.mapping import mapping_file
from counter.platform.rating_page import RatingPage, load_rating_page


def site_rating_page(session: Session) -> RatingPage | None:
    """The evaluation page of the mapping file the site's platform settings name; None when it names none."""
    return load_rating_page(mapping_file(platform_settings(session).mapping))

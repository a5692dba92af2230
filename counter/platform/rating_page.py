"""The 自治区 好差评 system's evaluation page for a 办件编号: its address, from the platform's mapping file.

内政服发〔2022〕15号 makes one 自治区 system the region's 好差评 ("各级各部门接入使用，不再另行建设"); a site may leave
the rating to it (:class:`counter.ratings.settings.RatingMode`), and every receipt and notice carries a QR code for
rating later (补充评价, channel 二维码).  Both take the page's address from the mapping file's ``[rating_page]``::

    [rating_page]
    address = "https://…?projectNo={case_no}"   # {case_no}: the 办件编号, URL-quoted
    source = "…"                               # where the address is read
    confirmed = false                          # checked against the region's system
    period_days = 7                            # 补充评价: days after the paper's date to rate by QR
    period_source = "…"                        # the rule the period is taken from
    query = "ratings"                          # where the hall asks the ratings of its cases, beside the report
                                               # endpoint (:mod:`counter.platform.region_ratings`)

The address is the region's, so it is data (the integrator replaces it without a new release), never a setting a
hall edits; a file without the table leaves the papers without the rating QR and the pad in its own mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

PLACEHOLDER = "{case_no}"


class RatingPageError(ValueError):
    """A ``[rating_page]`` table that cannot be used, naming what is wrong."""


@dataclass(frozen=True, slots=True)
class RatingPage:
    address: str  # the template, with {case_no}
    source: str
    confirmed: bool
    period_days: int  # 补充评价 within this many days of the paper's date
    period_source: str
    query: str = ""  # relative to the site's report endpoint; "": the platform is not asked for ratings

    def query_url(self, endpoint: str) -> str:
        """Where the ratings are asked: ``query`` beside the report endpoint; "" when either is missing."""
        if not self.query or not endpoint.strip():
            return ""
        return urljoin(endpoint.strip(), self.query)

    def address_for(self, case_no: str) -> str:
        """The page's address for ``case_no``: what the QR code carries and the pad shows in text."""
        return self.address.replace(PLACEHOLDER, quote(case_no, safe=""))


def rating_page_from(data: dict[str, Any], where: str = "mapping") -> RatingPage | None:
    """The ``[rating_page]`` of a mapping file's data; None when the file has none."""
    raw = data.get("rating_page")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise RatingPageError(f"{where}: [rating_page] is not a table")
    address = str(raw.get("address", "")).strip()
    parts = urlsplit(address)
    if parts.scheme != "https" or not parts.netloc or address.count(PLACEHOLDER) != 1:
        raise RatingPageError(f"{where}: [rating_page] address must be https:// with {PLACEHOLDER} once")
    days = raw.get("period_days", 0)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 366:  # true is no number of days
        raise RatingPageError(f"{where}: [rating_page] period_days must be 1 to 366")
    confirmed = raw.get("confirmed", False)
    if not isinstance(confirmed, bool):  # "false" is text, and text is true
        raise RatingPageError(f"{where}: [rating_page] confirmed must be true or false")
    return RatingPage(
        address=address,
        source=str(raw.get("source", "")).strip(),
        confirmed=confirmed,
        period_days=days,
        period_source=str(raw.get("period_source", "")).strip(),
        query=str(raw.get("query", "")).strip(),
    )


def load_rating_page(path: Path) -> RatingPage | None:
    """The evaluation page a mapping file names; None when it names none or cannot be read.

    The TOML reader is imported here, not with the module: the pad's start reaches this module, and a warm start
    loads none of the catalog files' readers before the clerk asks for a paper (``tests/ui/start/test_startup.py``)."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return rating_page_from(data, path.name)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RatingPageError):
        return None

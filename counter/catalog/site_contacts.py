"""Where, when and whom the applicant calls, as the site's settings say: what the guide page shows beside a guide.

Plain data of the domain, so that the page is handed it across the service with the guide it goes with.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SiteContacts:
    """What the site's settings say of where, when and whom to call: a 待核 guide leaves these to the site, and a
    township centre (``own_place``) says its own in place of the guide's, which name the league hall."""

    address: str
    consult_phone: str
    complaint_phone: str
    hours: str = ""
    own_place: bool = False

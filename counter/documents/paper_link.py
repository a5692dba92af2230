"""电子送达 by SMS link: the one-time address of a served paper on the hall's download page.

Where the applicant agreed to be served by SMS (:class:`counter.documents.e_service.ServiceMeans`), each paper is
sent as a link: the platform's gateway address in front of the hall server, then ``/v1/paper/download/`` and a token
of :data:`TOKEN_BYTES` random bytes (256 bits: no one guesses one, however many tries the gateway lets through).
The token is in the SMS and nowhere else: the record of the sending keeps only its SHA-256 (:func:`link_id`), so a
copy of the database, a backup or a desk that reads it opens no paper.  The link is good for :data:`LINK_DAYS`
days from the sending: longer than the 补正 time the applicant is given to read it (seed 001: 5 working days, a
week with a weekend) plus a holiday, short enough that an SMS forwarded or found on an old phone months later opens
nothing.  The first download is the service (the day the period runs from); a download after it gives the same
bytes and records nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from counter.documents.kinds import DocumentKind

#: the token's random bytes (``secrets.token_urlsafe``: 43 URL-safe characters)
TOKEN_BYTES = 32
#: days a link opens its paper, counted from the day it was sent
LINK_DAYS = 15
#: the mark of a sending by link in the record's ``remote_id``: the token's hash follows it
LINK_MARK = "sms:"
#: the download page's path on the hall server, the token after it
DOWNLOAD_PATH = "/v1/paper/download/"


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def link_id(token: str) -> str:
    """What the record of the sending keeps of a token: its mark and its SHA-256, never the token."""
    return LINK_MARK + hashlib.sha256(token.encode("utf-8")).hexdigest()


def is_link(remote_id: str) -> bool:
    return remote_id.startswith(LINK_MARK)


def link_open(sent_on: dt.date, today: dt.date) -> bool:
    """Whether a link sent on ``sent_on`` still opens its paper ``today``."""
    return sent_on <= today <= sent_on + dt.timedelta(days=LINK_DAYS)


def link_url(base: str, token: str) -> str:
    return base.rstrip("/") + DOWNLOAD_PATH + token


@dataclass(frozen=True)
class LinkedPaper:
    """What the download page says of the paper a link opens, before anything is given: its kind and number, the
    case's number, and the last day the link opens."""

    kind: DocumentKind
    doc_no: str
    case_no: str
    until: dt.date

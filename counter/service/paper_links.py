"""The download of a paper served by SMS link: asked by the hall server's download route alone
(:mod:`counter.server.paper_download`), under the link's token, never by a desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counter.documents.paper_link import LinkedPaper
from counter.service.call import Call
from counter.service.operation import Open, read, write

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class LinkShown:
    """The SHA-256 of the token a download link carried: the token itself never leaves the route."""

    token_hash: str


def linked_paper(work: Session, call: Call, request: LinkShown) -> LinkedPaper | None:
    """The paper a download link opens today, named for the link's page, nothing recorded: a link's preview or a
    scanner fetches the link with no one reading; None for a link unknown or closed."""
    from counter.actions.cases import paper_links

    return paper_links.linked_paper(work, request.token_hash, call.today)


def download_paper(work: Session, call: Call, request: LinkShown) -> bytes | None:
    """The sealed paper a download link opens today, its first download recorded as the paper's service (the day
    its periods run from); None for a link unknown or closed."""
    from counter.actions.cases import paper_links

    return paper_links.download(work, request.token_hash, call.today, call.now)


# the link's page: what it opens, read with nothing written, by the server's download route alone
LINKED_PAPER = read("hall.linked_paper", Open.IN_ACTION, linked_paper)
# the token is the credential: asked by the server's download route alone; no receipt, a download asked again is
# answered again, and records nothing more
DOWNLOAD_PAPER = write("hall.download_paper", Open.IN_ACTION, download_paper, receipt=False)

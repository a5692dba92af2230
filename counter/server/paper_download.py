"""The download of papers served by SMS link: ``GET /v1/paper/download/{token}`` (a page) and
``GET /v1/paper/download/{token}/paper.ofd`` (the paper), through the platform's gateway only.

The applicant's phone never reaches the hall server: the hall's network is not the internet's.  The region's
platform puts its gateway in front of it (the download base of ``counter platform settings --download-base``) and
passes on the requests for this one path, adding two headers: ``X-Gateway-Timestamp`` (Unix seconds) and
``X-Gateway-Signature``, the hex HMAC-SHA256, keyed by the secret the hall and the gateway share, of the timestamp, a
full stop, ``GET`` and the path (as the hall signs its own requests to the platform and the SMS gateway,
:func:`counter.host.outward.outward_http.signed_headers`).  A request without them, signed with another secret, or
signed more than :data:`SKEW_S` away from the server's clock is refused 403 and reaches no database: the route is
not the hall's network's way to a paper either, a desk's neighbour on the hall's LAN who saw a link included, and a
request the gateway signed cannot be replayed later.  Without the secret (the file :data:`GATEWAY_SECRET` in the
server's key folder, 0600, never in the database, set with ``counter platform settings --gateway-secret-from-env``)
the route refuses every request.  The file is read at each request the gateway signed, not once at start: a secret
set, changed or removed (the platform renews it, or it leaked) holds from the next download, with no restart of the
server, which a hall's desks all work through.

The link answers a page, not the paper (:mod:`counter.server.paper_page`): the paper's name and 文号, the case's
number, that its download is its service from that day, and one link, ``{token}/paper.ofd``, which gives the paper.
A link's first request is often no one's: a phone's messaging app or a chat app fetching it to draw a preview card,
a carrier's scanner looking for harm; had it given the paper, the record would have said the applicant served, and
her periods running, the day she was given nothing.  The page records nothing; the gateway signs the page's link as
it signs the link itself (the path, the ``GET``), and the same refusals hold for both.

The download is the file itself, the paper's sealed OFD (``application/ofd``): the sealed file is the paper that has
the effect of the sealed paper (《国务院关于在线政务服务的若干规定》 第十条), the one ``counter paper verify`` finds
good, and an OFD reader on the phone opens it; a PDF beside it would be an unsealed copy.  A token unknown, expired
or of a voided case is 404 with no body, the page's as the file's: nothing says which; a database that cannot be
asked now is 503 with no body.  The first download records the service
(:func:`counter.actions.cases.paper_links.download`); a later one gives the same bytes and records nothing.  Only a
``GET`` is asked: a ``HEAD`` (a download manager's first look) is refused 405 before the database, since on the
file it would have recorded the paper served while the applicant was given no byte of it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import time
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from counter.documents.paper_link import DOWNLOAD_PATH, LinkedPaper
from counter.host.outward.platform_secret import PAPER_GATEWAY_SECRET
from counter.host.outward.sms_secret import load_secret, secret_path
from counter.server.paper_page import FILE_SUFFIX, PAGE_POLICY, page_html
from counter.service.local import InProcess
from counter.service.operation import Operation
from counter.service.paper_links import DOWNLOAD_PAPER, LINKED_PAPER, LinkShown

log = logging.getLogger(__name__)

#: the secret shared with the platform's gateway, in the server's key folder
GATEWAY_SECRET = PAPER_GATEWAY_SECRET
TIMESTAMP = "X-Gateway-Timestamp"
SIGNATURE = "X-Gateway-Signature"
#: how far a gateway's timestamp may be from the server's clock
SKEW_S = 300
#: a token as :func:`counter.documents.paper_link.new_token` makes it, with room to spare; anything else is unknown
_TOKEN_MAX = 64
_NO_STORE = {"Cache-Control": "no-store"}
#: a gateway's timestamp: Unix seconds in ASCII digits.  ``str.isdigit`` takes "²" and a header of 5,000 digits, and
#: ``int`` refuses both (ValueError): any caller had a 500 of the route
_STAMP = re.compile(r"[0-9]{1,12}")


def gateway_signature(secret: str, timestamp: str, path: str) -> str:
    message = f"{timestamp}.GET {path}".encode()
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def through_gateway(request: Request, secret: str, now: float | None = None) -> bool:
    """Whether ``request`` carries the gateway's signature of its own path, made within :data:`SKEW_S`."""
    stamp = request.headers.get(TIMESTAMP, "")
    given = request.headers.get(SIGNATURE, "")
    if not secret or not _STAMP.fullmatch(stamp) or not given:
        return False
    if abs(int(stamp) - (time.time() if now is None else now)) > SKEW_S:
        return False
    return hmac.compare_digest(given, gateway_signature(secret, stamp, request.url.path))


def _secret(path: Path) -> str:
    """The gateway's secret as the file now holds it; "" (every download refused) for none, or a file that cannot
    be read, which the log names."""
    try:
        return load_secret(path)
    except OSError as err:
        log.error("the platform gateway's secret cannot be read: %s", err)
        return ""


def paper_download_routes(
    service: InProcess, store_faults: tuple[type[Exception], ...], keys: Path | None = None
) -> list[Route]:
    """The download route on ``service``; ``store_faults``: the database's own faults, answered 503 (the gateway
    passes it on, and the applicant tries again), never a 500; ``keys``: the key folder the gateway's secret is read
    from (the site's), at each request that carries a signature."""
    path = secret_path(GATEWAY_SECRET, keys)
    if not _secret(path):
        log.info("no %s: papers are not served by SMS link from this server until it is set", GATEWAY_SECRET)

    async def asked(request: Request, operation: Operation[LinkShown, object]) -> tuple[object, Response | None]:
        """What ``operation`` answers for the request's token, or the answer refusing it: 405 to a ``HEAD``, 403
        without the gateway's signature, 404 for a token too long to be one, 503 for a database not answering."""
        if request.method != "GET":  # HEAD, which the framework adds to a GET route: it would be served, given nothing
            return None, Response(status_code=405, headers={"Allow": "GET"})
        if SIGNATURE not in request.headers or not through_gateway(request, _secret(path)):
            return None, Response(status_code=403)
        token = request.path_params["token"]
        if not token or len(token) > _TOKEN_MAX:
            return None, Response(status_code=404)
        token_hash = hashlib.sha256(token.encode("utf-8")).hexdigest()
        try:
            return await run_in_threadpool(service.call, operation, LinkShown(token_hash)), None
        except store_faults as err:
            log.warning("the database did not answer %s: %s", operation.name, err)
            return None, Response(status_code=503, headers=_NO_STORE)

    async def page(request: Request) -> Response:
        paper, refused = await asked(request, LINKED_PAPER)
        if refused is not None:
            return refused
        if not isinstance(paper, LinkedPaper):
            return Response(status_code=404)
        html = page_html(paper, request.path_params["token"])
        headers = _NO_STORE | {"Content-Security-Policy": PAGE_POLICY, "Referrer-Policy": "no-referrer"}
        return Response(html, media_type="text/html; charset=utf-8", headers=headers)

    async def download(request: Request) -> Response:
        content, refused = await asked(request, DOWNLOAD_PAPER)
        if refused is not None:
            return refused
        if not isinstance(content, bytes):
            return Response(status_code=404)
        headers = _NO_STORE | {"Content-Disposition": 'attachment; filename="paper.ofd"'}
        return Response(content, media_type="application/ofd", headers=headers)

    return [
        Route(DOWNLOAD_PATH + "{token}", page, methods=["GET"]),
        Route(DOWNLOAD_PATH + "{token}" + FILE_SUFFIX, download, methods=["GET"]),
    ]

"""The region's 实施清单 fetched from its 事项库 over HTTPS: the same workbook the region's import reads.

The 事项库's interface is not public.  counter asks for the list with a signed ``GET`` (the headers of the
SMS gateway's and the 证照库's requests: ``X-Counter-Account``, ``X-Counter-Timestamp``, ``X-Counter-Signature``, the
HMAC-SHA256 of the timestamp, a full stop and the empty body) and expects the answer to be the region's item
workbook, the very file a hall is otherwise handed (:mod:`counter.catalog.platform_workbook`: the national element
names as headers).  So the list goes through the one reader, the one validator and the one all-or-nothing import,
and comes in as 待核 guides; an integrator whose 事项库 answers otherwise converts its answer to that workbook.

Only ``https://``, the certificate checked against the machine's trusted authorities (or the file ``SSL_CERT_FILE``
names) and the host name against the endpoint's; no redirect followed (one to a plain ``http://`` address sent the
signed headers there and took its workbook for the region's); the whole fetch within its timeout, not each read
within it (:func:`counter.host.outward.outward_http.ask_within`).

Whatever the network or the 事项库 does, the answer is a :class:`Fetched`, never an exception.
"""

from __future__ import annotations

import dataclasses
import http.client
import os
import ssl
import time
from dataclasses import dataclass
from pathlib import Path

from counter.catalog.import_result import PullFailure
from counter.host.outward.outward_http import AnswerTooLarge, PastTimeout, ask_within, signature

__all__ = ["LIST_LIMIT", "SOURCE_ENV", "Fetched", "ItemListSource", "fetch_item_list", "item_list_source"]

#: where the machine that runs the pull keeps its 事项库's address, account and secret: its own environment (the hall
#: server's environment file, mode 0600; a township's shell), never a request a desk sends
SOURCE_ENV = ("COUNTER_ITEM_LIST_URL", "COUNTER_ITEM_LIST_ACCOUNT", "COUNTER_ITEM_LIST_SECRET")

LIST_LIMIT = 64 * 1024 * 1024  # a region's whole list with its materials is a few megabytes
_ZIP = b"PK\x03\x04"  # an .xlsx is a zip archive


@dataclass(frozen=True, slots=True)
class Fetched:
    path: Path | None  # the workbook, written into the folder given; None: nothing usable came
    detail: str = ""  # what went wrong, for the log (support)
    failure: PullFailure | None = None  # what went wrong, for the administrator (None: the workbook came)
    status: int = 0  # the 事项库's HTTP status where it refused


@dataclass(frozen=True, slots=True)
class ItemListSource:
    """The 事项库 this machine asks, with its credentials: read where the pull runs, so that none crosses."""

    endpoint: str
    account: str
    secret: str = dataclasses.field(repr=False)


def item_list_source() -> ItemListSource:
    """The source this process's environment names (:data:`SOURCE_ENV`); empty fields for what is not set.

    The address comes with the secret, not from the request: a secret sent wherever a request pointed would be given
    away by anyone allowed to ask for a pull."""
    endpoint, account, secret = (os.environ.get(name, "").strip() for name in SOURCE_ENV)
    return ItemListSource(endpoint, account, secret)


def fetch_item_list(endpoint: str, account: str, secret: str, timeout: float, folder: Path) -> Fetched:
    """The region's list, written to ``folder`` as a workbook the catalog import reads."""
    if not endpoint.lower().startswith("https://"):
        return Fetched(None, "endpoint is not https://: nothing asked", PullFailure.NOT_HTTPS)
    asked = _ask(endpoint, account, secret, timeout)
    if isinstance(asked, Fetched):
        return asked
    if not asked.startswith(_ZIP):
        return Fetched(None, "answer is not a workbook", PullFailure.NOT_WORKBOOK)
    path = folder / "实施清单.xlsx"
    path.write_bytes(asked)
    return Fetched(path)


def _ask(endpoint: str, account: str, secret: str, timeout: float) -> bytes | Fetched:
    """The 事项库's answer, or why there is none."""
    timestamp = str(int(time.time()))
    headers = {
        "X-Counter-Account": account,
        "X-Counter-Timestamp": timestamp,
        "X-Counter-Signature": signature(secret, timestamp, b""),
    }
    try:
        status, raw = ask_within("GET", endpoint, None, headers, timeout=timeout, limit=LIST_LIMIT)
    except PastTimeout:
        return Fetched(None, f"timeout after {timeout:g} s", PullFailure.UNREACHABLE)
    except AnswerTooLarge:
        return Fetched(None, "answer too large", PullFailure.TOO_LARGE)
    except (OSError, http.client.HTTPException) as err:
        failure = PullFailure.UNTRUSTED if isinstance(err, ssl.SSLCertVerificationError) else PullFailure.UNREACHABLE
        return Fetched(None, f"no connection: {type(err).__name__}: {err}", failure)
    if not 200 <= status < 300:  # a redirect too: never followed
        return Fetched(None, f"HTTP {status}", PullFailure.REFUSED, status)
    return raw

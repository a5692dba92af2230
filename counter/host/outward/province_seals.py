"""The province's 电子印章 system over HTTPS: a body's seal asked for, and a digest signed by the key it keeps.

The questions and answers are :mod:`counter.seals.province`'s; this module carries them, bounded as every outward
question is (:func:`counter.host.outward.outward_http.ask_within`: only ``https://``, the certificate checked
against the machine's trusted authorities or ``SSL_CERT_FILE``'s, no redirect followed, the whole question within
the settings' timeout however the answer drips).  The request is signed as the 证照库's is (the headers
``X-Counter-Account``, ``X-Counter-Timestamp``, ``X-Counter-Signature``); the secret is a 0600 file of the key
folder (:data:`PROVINCE_SECRET`).

Whatever the network or the province does, the answer is an :class:`Asked`, never an exception: the paper is then
made unsealed and the face says why, and nothing of the case is lost.
"""

from __future__ import annotations

import http.client
import logging
import uuid
from dataclasses import dataclass
from enum import StrEnum

from counter.host.outward.outward_http import AnswerTooLarge, PastTimeout, ask_within, signed_headers
from counter.seals.province import (
    MalformedAnswer,
    ProvinceSettings,
    read_seal_answer,
    read_sign_answer,
    seal_question,
    sign_question,
)
from counter.util.bounded_read import KIB

__all__ = ["PROVINCE_SECRET", "Asked", "AskedOutcome", "ask_seal", "ask_signature"]

log = logging.getLogger(__name__)

PROVINCE_SECRET = "seal-province.secret"  # its file in the key folder, beside the gateway's and the library's
ANSWER_LIMIT = 512 * KIB  # a seal is its picture (tens of kilobytes) and two certificates


class AskedOutcome(StrEnum):
    ANSWERED = "answered"
    NOT_SET = "not_set"  # no province system set up for this hall
    SILENT = "silent"  # no answer: no connection, the timeout, an error status
    MALFORMED = "malformed"  # an answer, not of the shape asked for


@dataclass(frozen=True, slots=True)
class Asked:
    outcome: AskedOutcome
    data: bytes = b""  # the seal's DER, or the signature r ‖ s; the raw answer before it is read
    seal_code: str = ""
    certificate: bytes = b""  # the signer's, with a signature
    detail: str = ""  # for the log: what went wrong


def ask_seal(settings: ProvinceSettings, code: str) -> Asked:
    """The seal of the body whose 统一社会信用代码 (or the seal's code) is ``code``: its code and its DER."""
    asked = _ask(settings, "seal", seal_question(code, str(uuid.uuid4())))
    if asked.outcome is not AskedOutcome.ANSWERED:
        return asked
    try:
        seal_code, seal = read_seal_answer(asked.data)
    except MalformedAnswer as err:
        return Asked(AskedOutcome.MALFORMED, detail=str(err))
    return Asked(AskedOutcome.ANSWERED, seal, seal_code=seal_code)


def ask_signature(settings: ProvinceSettings, seal_code: str, digest: bytes) -> Asked:
    """The signature r ‖ s over ``digest`` by the key of the seal ``seal_code``, and the signer's certificate."""
    asked = _ask(settings, "sign", sign_question(seal_code, digest, str(uuid.uuid4())))
    if asked.outcome is not AskedOutcome.ANSWERED:
        return asked
    try:
        signature, certificate = read_sign_answer(asked.data)
    except MalformedAnswer as err:
        return Asked(AskedOutcome.MALFORMED, detail=str(err))
    return Asked(AskedOutcome.ANSWERED, signature, certificate=certificate)


def _ask(settings: ProvinceSettings, path: str, body: bytes) -> Asked:
    if not settings.configured:
        return Asked(AskedOutcome.NOT_SET)
    if settings.problems():
        return Asked(AskedOutcome.NOT_SET, detail=", ".join(p.value for p in settings.problems()))
    url = f"{settings.endpoint.strip().rstrip('/')}/{path}"
    headers = signed_headers(settings.account, settings.secret, str(uuid.uuid4()), body)
    try:
        status, raw = ask_within("POST", url, body, headers, timeout=settings.timeout, limit=ANSWER_LIMIT)
    except PastTimeout:
        found = Asked(AskedOutcome.SILENT, detail=f"timeout after {settings.timeout:g} s")
    except AnswerTooLarge:
        found = Asked(AskedOutcome.MALFORMED, detail="answer too large")
    except (OSError, http.client.HTTPException) as err:
        found = Asked(AskedOutcome.SILENT, detail=f"no connection: {type(err).__name__}: {err}")
    else:
        ok = 200 <= status < 300  # a redirect too is no answer: never followed
        found = Asked(AskedOutcome.ANSWERED, raw) if ok else Asked(AskedOutcome.SILENT, detail=f"HTTP {status}")
    log.info("province seals: %s %s %s", path, found.outcome.value, found.detail)
    return found

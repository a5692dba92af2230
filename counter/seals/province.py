"""A province's 电子印章 system as the site speaks to it: its settings, the two questions and their answers.

Why remote signing.  Where a province runs an 电子印章 public service platform, a body's seal is registered there
and its signing key never leaves it: an application system asks for the seal (``SESeal``: picture, name, the
certificates that may sign with it, signed by the province's seal maker) and, to seal a document, sends the digest
to be signed and gets the signature value back, then puts the signed structure together itself.  So the site keeps
the seal (:func:`counter.seals.store.keep_province_seal`) and the seal's code, never a key: the ``TBS_Sign`` is the
one :func:`counter.seals.ses.to_be_signed` makes, its digest e = SM3(Z ‖ TBS_Sign) (GB/T 32918.2, the signer's
Z from the certificate the seal lists, :func:`counter.sync.sm2.signing_digest`), and the ``SES_Signature`` is
assembled as a local seal's is (:func:`counter.seals.ses.assembled`), then checked by the verifier every reader
uses before the paper is kept.

The two questions (JSON over HTTPS, POST, signed as the site's other outward requests are)::

    {endpoint}/seal   {"request_id", "credit_code" | "seal_code"}
                      -> {"seal_code": "...", "seal": base64 SESeal DER}
    {endpoint}/sign   {"request_id", "seal_code", "digest": base64 e, "algorithm": "SM3withSM2"}
                      -> {"signature": base64 DER SEQUENCE {r, s}, "certificate": base64 signer's certificate}

A province whose interface names its fields otherwise is adapted here, in one place.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from enum import StrEnum

from counter.outbox.credentials import credential_problems
from counter.parties.identifiers import check_credit_code
from counter.seals import der
from counter.seals.certificates import sm2_signature_raw

DEFAULT_TIMEOUT = 10.0


class ProvinceProblem(StrEnum):
    BAD_ENDPOINT = "bad_endpoint"
    NO_ACCOUNT = "no_account"
    NO_SECRET = "no_secret"
    BAD_TIMEOUT = "bad_timeout"


class ProvinceRefused(ValueError):
    """Settings of the province's system refused whole: every problem at once."""

    def __init__(self, problems: tuple[ProvinceProblem, ...]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems


class SealFault(StrEnum):
    """Why a seal was not taken from the province, or a paper not sealed by it (the paper then made unsealed)."""

    NOT_SET = "not_set"  # no province system set up, or set up in part
    SILENT = "silent"  # no answer in time: no connection, the timeout, an error status
    MALFORMED = "malformed"  # an answer not of the shape asked for
    REFUSED = "refused"  # a seal not the body's, or a signature that does not hold over this paper
    UNTRUSTED = "untrusted"  # a seal or certificate that leads to none of the site's trust anchors


class SealNotTaken(Exception):
    """The province's seal was not taken (or did not sign): nothing kept, the reason in ``fault``."""

    def __init__(self, fault: SealFault) -> None:
        super().__init__(fault.value)
        self.fault = fault


class MalformedAnswer(ValueError):
    """An answer of the province's system that is not what the question asks for."""


@dataclass(frozen=True, slots=True)
class ProvinceSettings:
    """The province's 电子印章 system: one per database (every desk that seals asks the same one).  The secret is
    kept as the other outward systems' are, a 0600 file of the key folder, never in the stored settings."""

    endpoint: str = ""
    account: str = ""
    secret: str = ""
    timeout: float = DEFAULT_TIMEOUT

    @property
    def configured(self) -> bool:
        return bool(self.endpoint.strip())

    def problems(self) -> tuple[ProvinceProblem, ...]:
        found = [ProvinceProblem(p) for p in credential_problems(self.endpoint, self.account, self.secret)]
        if not 1 <= self.timeout <= 30:
            found.append(ProvinceProblem.BAD_TIMEOUT)
        return tuple(found)


def province_from_json(raw: str | None) -> ProvinceSettings:
    """The settings a stored text says; none when there is none or it cannot be read."""
    if not raw:
        return ProvinceSettings()
    try:
        stored = json.loads(raw)
        return ProvinceSettings(
            endpoint=str(stored.get("endpoint", "")),
            account=str(stored.get("account", "")),
            timeout=float(stored.get("timeout", DEFAULT_TIMEOUT)),
        )
    except (ValueError, TypeError, AttributeError):
        return ProvinceSettings()


def seal_question(code: str, request_id: str) -> bytes:
    """The question for a body's seal: by its 统一社会信用代码 where ``code`` is one, else by the seal's code."""
    code = "".join(code.split()).upper()
    key = "credit_code" if check_credit_code(code).ok else "seal_code"
    return json.dumps({"request_id": request_id, key: code}, ensure_ascii=False).encode("utf-8")


def sign_question(seal_code: str, digest: bytes, request_id: str) -> bytes:
    """The question for a signature over ``digest`` (e = SM3(Z ‖ TBS_Sign)) by the seal ``seal_code``'s key."""
    asked = {
        "request_id": request_id,
        "seal_code": seal_code,
        "digest": base64.b64encode(digest).decode("ascii"),
        "algorithm": "SM3withSM2",
    }
    return json.dumps(asked, ensure_ascii=False).encode("utf-8")


def _fields(raw: bytes, *names: str) -> list[str]:
    try:
        answer = json.loads(raw)
        values = [answer[name] for name in names]
    except (ValueError, TypeError, KeyError) as err:
        raise MalformedAnswer(f"not the fields {', '.join(names)}") from err
    if not all(isinstance(value, str) and value for value in values):
        raise MalformedAnswer(f"not the fields {', '.join(names)}")
    return values


def _bytes(value: str, what: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as err:
        raise MalformedAnswer(f"{what} not base64") from err


def read_seal_answer(raw: bytes) -> tuple[str, bytes]:
    """The seal's code and the seal's DER (read as a seal later, with the anchors); MalformedAnswer else."""
    code, seal = _fields(raw, "seal_code", "seal")
    return code, _bytes(seal, "seal")


def read_sign_answer(raw: bytes) -> tuple[bytes, bytes]:
    """The signature r ‖ s and the signer's certificate's DER; MalformedAnswer else."""
    signature, certificate = _fields(raw, "signature", "certificate")
    try:
        value = der.strictly(sm2_signature_raw, _bytes(signature, "signature"))
    except der.DerError as err:
        raise MalformedAnswer("signature not an SM2 signature") from err
    return value, _bytes(certificate, "certificate")

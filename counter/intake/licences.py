"""电子证照 at the window: what the region's 证照库 holds of an applicant, and the one the clerk takes.

Seed 001 第二十七条 makes an 电子证照 worth its paper and asks the window to use the 证照库 so that an applicant does
not hand in again what a department already issued.  A material the catalog marks 共享获取 (``Material.shared``), or
one of kind 证件证书证明 (a named licence type), may be looked up by the applicant's 居民身份证号 or 统一社会信用代码;
the clerk takes one licence the library holds, and the line is recorded as received electronically with the
licence's number, issuing body, validity and trust level (:class:`TrustLevel`), which the receipt prints.

The library's interface is not public.  What is asked and how the answer is read is therefore a data file
(:class:`LibraryFormat`, shipped as ``counter/resources/platform/licence-library.toml``), which a hall's integrator
adapts to the province's interface without a new release; this module reads any answer through it and refuses one
it cannot read (:class:`MalformedAnswer`) rather than guess.

The trust levels A–D are those of 国办函〔2016〕108号 (《"互联网+政务服务"技术体系建设指南》): the library states the
level of each licence, and the level decides the window's step (:mod:`counter.intake.licence_trust`): A is
used directly, B re-used, C taken only once the clerk recorded that the original was checked, which makes it B.
A D-level entry (用户自制材料) stands for no material: 108号 lets it be used on the applicant's own promise of its
truth, which the intake does not record, and what the window looks up is a licence a body issued, which a self-made
material is not (:attr:`LicenceProblem.SELF_MADE`, whatever the material's floor).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from counter.catalog.model import LicenceFloor, Material, MaterialKind
from counter.outbox.credentials import credential_problems

DEFAULT_TIMEOUT = 8.0  # seconds: the clerk waits at the window, the paper way is always open
LICENCES_MAX = 50  # licences of one holder shown; an answer with more is read up to here


class TrustLevel(StrEnum):
    """可信等级 as the library states it (国办函〔2016〕108号)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


@dataclass(frozen=True, slots=True)
class Licence:
    """One 电子证照 as the library describes it.  ``valid_until`` None: 长期有效."""

    kind: str  # 证照类型, e.g. 营业执照
    number: str  # 证照编号
    holder: str  # 持证主体
    holder_id: str  # 持证主体代码: 居民身份证号 or 统一社会信用代码
    issuer: str  # 颁证单位
    valid_from: dt.date | None
    valid_until: dt.date | None
    trust: TrustLevel
    # the clerk checked the original at this window (a C-level upload, now B: "此件经与原件核对无误")
    checked_original: bool = False
    # the 加注件 the library issued for this use, when it issues one: its identifier and until when it serves
    annotated_id: str = ""
    annotated_until: dt.date | None = None

    def expired(self, today: dt.date) -> bool:
        """Past its validity: the last day of validity still counts."""
        return self.valid_until is not None and self.valid_until < today


class LicenceProblem(StrEnum):
    EXPIRED = "expired"  # past its validity: not taken
    NOT_THIS_MATERIAL = "not_this_material"  # a licence of another type than the material names
    NOT_THIS_HOLDER = "not_this_holder"  # issued to someone other than the applicant
    BELOW_FLOOR = "below_floor"  # of a trust level the material does not take (its catalog's floor)
    SELF_MADE = "self_made"  # D 用户自制材料: no licence a body issued, and no 真实性承诺 recorded to use it on


def wants_licence(material: Material) -> bool:
    """Whether the window may look this material up: 共享获取 in the catalog, or a certificate (a licence type)."""
    return material.shared or material.kind is MaterialKind.CERTIFICATE


def fits(material: Material, licence: Licence) -> bool:
    """Whether a licence is one of this material: the type named in the material's name, or the name in the type."""
    kind, name = licence.kind.strip(), material.name.strip()
    return bool(kind) and (kind in name or name in kind)


def licence_problems(material: Material, licence: Licence, holder_id: str, today: dt.date) -> list[LicenceProblem]:
    """Why this licence may not stand for this material in an intake of this applicant today; empty: it may."""
    found: list[LicenceProblem] = []
    if licence.expired(today):
        found.append(LicenceProblem.EXPIRED)
    if not fits(material, licence):
        found.append(LicenceProblem.NOT_THIS_MATERIAL)
    if licence.holder_id.strip().upper() != holder_id.strip().upper():
        found.append(LicenceProblem.NOT_THIS_HOLDER)
    if not above_floor(licence.trust, material.licence_floor):
        found.append(LicenceProblem.BELOW_FLOOR)
    if licence.trust is TrustLevel.D:
        found.append(LicenceProblem.SELF_MADE)
    return found


_RANK = {"A": 0, "B": 1, "C": 1, "D": 3}  # a C-level upload stands as B once its original is checked


def above_floor(level: TrustLevel, floor: LicenceFloor | None) -> bool:
    """Whether a licence of ``level`` may stand for a material of ``floor`` (None: any level may)."""
    return floor is None or _RANK[level.value] <= _RANK[floor.value] or level.value == floor.value


# --- the line's record ------------------------------------------------------------------------------------------

#: what a line records when the library could not be asked or did not answer: the paper was taken as before
LOOKUP_FAILED = "lookup_failed"


def licence_record(licence: Licence) -> str:
    """The licence as a checklist line keeps it (the ``licence`` column): compact JSON, dates in ISO form."""
    stored = dataclasses.asdict(licence)
    stored["trust"] = licence.trust.value
    for key in ("valid_from", "valid_until", "annotated_until"):
        value = getattr(licence, key)
        stored[key] = value.isoformat() if value else None
    return json.dumps(stored, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def lookup_failed_record(reason: str) -> str:
    """A line whose look-up failed: the case says so, and why, for support."""
    return json.dumps({LOOKUP_FAILED: reason[:200]}, ensure_ascii=False, separators=(",", ":"))


def licence_of_record(text: str) -> Licence | None:
    """The licence a line recorded; None for none, a failed look-up, or a record this version cannot read."""
    if not text:
        return None
    try:
        stored = json.loads(text)
        if not isinstance(stored, dict) or LOOKUP_FAILED in stored:
            return None
        return Licence(
            kind=str(stored["kind"]),
            number=str(stored["number"]),
            holder=str(stored["holder"]),
            holder_id=str(stored["holder_id"]),
            issuer=str(stored["issuer"]),
            valid_from=_iso(stored.get("valid_from")),
            valid_until=_iso(stored.get("valid_until")),
            trust=TrustLevel(stored["trust"]),
            checked_original=bool(stored.get("checked_original", False)),
            annotated_id=str(stored.get("annotated_id") or ""),
            annotated_until=_iso(stored.get("annotated_until")),
        )
    except (ValueError, KeyError, TypeError):
        return None


def lookup_failed_of_record(text: str) -> str:
    """Why the line's look-up failed, as recorded; "" for a line whose look-up did not fail."""
    try:
        stored = json.loads(text) if text else None
    except ValueError:
        return ""
    return str(stored[LOOKUP_FAILED]) if isinstance(stored, dict) and LOOKUP_FAILED in stored else ""


def _iso(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


# --- the library's settings and its format ------------------------------------------------------------------------


class LibraryProblem(StrEnum):
    BAD_ENDPOINT = "bad_endpoint"  # not an https:// address
    NO_ACCOUNT = "no_account"
    NO_SECRET = "no_secret"
    BAD_TIMEOUT = "bad_timeout"  # 1 to 30 seconds
    BAD_FORMAT = "bad_format"  # the integrator's format file cannot be read, or lacks a field
    SECRET_TRAINING = "secret_training"  # a secret given in a training database: the file is the live one's


@dataclass(frozen=True, slots=True)
class LibrarySettings:
    """The hall's 证照库: one per database.  The secret is kept as the SMS gateway's is, in a file of its own in the
    site's key folder (never in the stored settings, :meth:`to_json`); the endpoint is ``https://`` only, for the
    same reason: the requests carry applicants' ID numbers.  ``format_file``: the integrator's adapted format, if
    any; empty: the shipped one."""

    endpoint: str = ""
    account: str = ""
    secret: str = ""
    timeout: float = DEFAULT_TIMEOUT
    format_file: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.endpoint.strip())

    def problems(self) -> tuple[LibraryProblem, ...]:
        if not self.configured and not self.account:
            return ()
        found = [LibraryProblem(p) for p in credential_problems(self.endpoint, self.account, self.secret)]
        if not 1 <= self.timeout <= 30:
            found.append(LibraryProblem.BAD_TIMEOUT)
        return tuple(found)


def library_from_json(raw: str | None) -> LibrarySettings:
    """The settings a stored text says; no library when there is none or it cannot be read."""
    if not raw:
        return LibrarySettings()
    try:
        stored = json.loads(raw)
        return LibrarySettings(
            endpoint=str(stored.get("endpoint", "")),
            account=str(stored.get("account", "")),
            timeout=float(stored.get("timeout", DEFAULT_TIMEOUT)),
            format_file=str(stored.get("format_file", "")),
        )
    except (ValueError, TypeError, AttributeError):
        return LibrarySettings()


class MalformedAnswer(ValueError):
    """The library's answer is not one the format reads: nothing of it is shown."""


LICENCE_FIELDS = ("kind", "number", "holder", "holder_id", "issuer", "valid_from", "valid_until", "trust")


@dataclass(frozen=True, slots=True)
class LibraryFormat:
    """How a request is written and an answer read: the keys of each field, as the data file names them.

    ``request``: the request's key of ``holder_id``, ``types`` and ``request_id``; ``answer_list``: the key of the
    answer's list of licences; ``fields``: each licence field's key in one element of that list; ``date_format``:
    how the answer writes a date (``strptime``); ``open_ended``: the values of ``valid_until`` that mean 长期有效;
    ``trust_levels``: the answer's word for each level, when it does not write A–D.  ``type_codes``: the
    证照类型代码 of each licence type (the defining body's credit code and a serial, the library's own list), sent
    with the types' names where the request names a key for them (``type_codes``), as the holder's 持证主体代码类型
    (``holder_type``, GB/T 36903-2018) and the 用证事由 (``reason``) are.
    """

    request: Mapping[str, str]
    answer_list: str
    fields: Mapping[str, str]
    date_format: str = "%Y-%m-%d"
    open_ended: tuple[str, ...] = ("长期", "")
    trust_levels: Mapping[str, str] = field(default_factory=dict)
    type_codes: Mapping[str, str] = field(default_factory=dict)

    def request_body(
        self, holder_id: str, types: tuple[str, ...], request_id: str, holder_type: str = "", reason: str = ""
    ) -> bytes:
        body: dict[str, Any] = {self.request["holder_id"]: holder_id, self.request["types"]: list(types)}
        body[self.request["request_id"]] = request_id
        optional = {
            "holder_type": holder_type,
            "type_codes": [self.type_codes[t] for t in types if t in self.type_codes],
            "reason": reason,
        }
        body |= {self.request[k]: v for k, v in optional.items() if k in self.request}
        return json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def read_answer(self, raw: bytes) -> tuple[Licence, ...]:
        """The licences an answer lists; :class:`MalformedAnswer` for one this format cannot read whole."""
        try:
            answer = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as err:
            raise MalformedAnswer(f"not JSON: {err}") from err
        listed = answer.get(self.answer_list) if isinstance(answer, dict) else None
        if not isinstance(listed, list):
            raise MalformedAnswer(f"no list under {self.answer_list!r}")
        return tuple(self._licence(n, one) for n, one in enumerate(listed[:LICENCES_MAX]))

    def _licence(self, n: int, one: Any) -> Licence:
        if not isinstance(one, dict):
            raise MalformedAnswer(f"licence {n} is not an object")

        def text(name: str, required: bool = True) -> str:
            value = one.get(self.fields[name])
            if value is None and not required:
                return ""
            if not isinstance(value, str) or (required and not value.strip()):
                raise MalformedAnswer(f"licence {n}: {self.fields[name]!r} missing or not text")
            return value.strip()

        level = text("trust")
        level = self.trust_levels.get(level, level).upper()
        if level not in TrustLevel.__members__:
            raise MalformedAnswer(f"licence {n}: trust level {level!r} is not A-D")
        annotated = {
            k: text(k, required=False) if k in self.fields else "" for k in ("annotated_id", "annotated_until")
        }
        return Licence(
            kind=text("kind"),
            number=text("number"),
            holder=text("holder"),
            holder_id=text("holder_id"),
            issuer=text("issuer"),
            valid_from=self._date(n, text("valid_from", required=False)),
            valid_until=self._until(n, text("valid_until", required=False)),
            trust=TrustLevel(level),
            annotated_id=annotated["annotated_id"],
            annotated_until=self._date(n, annotated["annotated_until"]),
        )

    def _until(self, n: int, value: str) -> dt.date | None:
        return None if value in self.open_ended else self._date(n, value)

    def _date(self, n: int, value: str) -> dt.date | None:
        if not value:
            return None
        try:
            return dt.datetime.strptime(value, self.date_format).date()
        except ValueError as err:
            raise MalformedAnswer(f"licence {n}: date {value!r} is not {self.date_format}") from err


def format_from_toml(text: str) -> LibraryFormat:
    """The format a data file says; :class:`ValueError` naming what it lacks."""
    import tomllib  # here: the intake's rules load with every desk's start, the format only at a look-up

    data = tomllib.loads(text)
    try:
        request, answer = data["request"], data["answer"]
        fields = answer["fields"]
        missing = [k for k in ("holder_id", "types", "request_id") if k not in request]
        missing += [k for k in LICENCE_FIELDS if k not in fields]
        if missing:
            raise ValueError(f"the format names no key for {', '.join(missing)}")
        return LibraryFormat(
            request={k: str(v) for k, v in request.items()},
            answer_list=str(answer["list"]),
            fields={k: str(v) for k, v in fields.items()},
            date_format=str(answer.get("date_format", "%Y-%m-%d")),
            open_ended=tuple(str(v) for v in answer.get("open_ended", ["长期", ""])),
            trust_levels={str(k): str(v) for k, v in dict(answer.get("trust_levels", {})).items()},
            type_codes={str(k): str(v) for k, v in dict(data.get("licence_types", {})).items()},
        )
    except (KeyError, TypeError, AttributeError) as err:
        raise ValueError(f"the format lacks {err}") from err


class LibraryRefused(ValueError):
    """Settings with problems: nothing was saved.  Every problem at once."""

    def __init__(self, problems: tuple[LibraryProblem, ...]) -> None:
        super().__init__(", ".join(p.value for p in problems))
        self.problems = problems

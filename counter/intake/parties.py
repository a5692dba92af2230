"""Who the case is for: the applicant, an agent, and how they want the result.

Plain data taken from the intake form.  Identity numbers are checked in
:mod:`counter.parties.identifiers`; :func:`party_problems` gathers every problem of the
form at once so the window can show them at their fields.  Names, addresses and the
authorisation are held to :mod:`counter.parties.text` (NFC; no control, invisible or
direction characters; a length per field) and kept as typed otherwise — rare
characters such as 䶮 or 𬭚 and Mongolian script included — only stripped of
surrounding blanks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from counter.parties.identifiers import CreditCodeCheck, IdCheck, check_credit_code, check_id_number
from counter.parties.menksoft import MENKSOFT
from counter.parties.text import TextField, check_text, clean_text


class ApplicantKind(StrEnum):
    PERSON = "person"
    COMPANY = "company"


class Delivery(StrEnum):
    """第十九条: window pickup, post, or electronic delivery."""

    PICKUP = "pickup"
    POST = "post"
    ELECTRONIC = "electronic"


class PartyField(StrEnum):
    """Fields of the form a problem can stand at."""

    APPLICANT_NAME = "applicant_name"
    APPLICANT_ID = "applicant_id"
    APPLICANT_ADDRESS = "applicant_address"
    LEGAL_REP = "legal_rep"
    PHONE = "phone"
    AGENT_NAME = "agent_name"
    AGENT_ID = "agent_id"
    AGENT_AUTHORISATION = "agent_authorisation"
    DELIVERY_ADDRESS = "delivery_address"


class PartyProblemCode(StrEnum):
    REQUIRED = "required"
    INVALID_ID = "invalid_id"  # detail: the identifiers module's error code
    INVALID_PHONE = "invalid_phone"
    BAD_TEXT = "bad_text"  # detail: the text check's problem and its detail, "too_long 50 5100" (counter.parties.text)


@dataclass(frozen=True, slots=True)
class Applicant:
    kind: ApplicantKind
    name: str
    id_no: str  # ID number (person) or unified social credit code (company)
    phone: str = ""
    address: str = ""
    legal_rep: str = ""  # companies: the legal representative


@dataclass(frozen=True, slots=True)
class Agent:
    name: str
    id_no: str
    authorisation: str  # the 授权委托书 as described by the clerk (date, scope)


@dataclass(frozen=True, slots=True)
class Parties:
    applicant: Applicant
    agent: Agent | None = None
    delivery: Delivery = Delivery.PICKUP
    delivery_address: str = ""
    notify_phone: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class PartyColumns:
    """The parties as a stored case keeps them, one flat value each: their one declaration.

    :class:`Parties` is the form's shape (an applicant, perhaps an agent); a stored case keeps the same facts flat,
    as its table's columns, and both the case view and the township's sync record are made of them.  Keyword-only,
    so that a case's own fields keep their places.
    """

    applicant_kind: str
    applicant_name: str
    applicant_id_no: str
    applicant_phone: str
    applicant_address: str
    legal_rep: str
    agent_name: str
    agent_id_no: str
    agent_authorisation: str
    delivery: str
    delivery_address: str
    notify_phone: str


@dataclass(frozen=True, slots=True)
class PartyProblem:
    field: PartyField
    code: PartyProblemCode
    detail: str = ""


def _phone_ok(phone: str) -> bool:
    """A phone as the SMS gateway dials it: 7 to 13 ASCII digits, with blanks or hyphens between them.  Only ASCII:
    ``str.isdigit`` also takes full-width, Arabic-Indic and superscript digits, which no gateway dials."""
    digits = phone.replace("-", "").replace(" ", "")
    return digits.isascii() and digits.isdigit() and 7 <= len(digits) <= 13


def name_field(kind: ApplicantKind) -> TextField:
    """The applicant's name is a person's or a company's, with the limit of each."""
    return TextField.PERSON_NAME if kind is ApplicantKind.PERSON else TextField.ORGANISATION_NAME


def text_fields(parties: Parties) -> list[tuple[PartyField, str, TextField]]:
    """Every free text of the parties: the field it stands at, its value, and the kind of text it is."""
    a = parties.applicant
    fields = [
        (PartyField.APPLICANT_NAME, a.name, name_field(a.kind)),
        (PartyField.LEGAL_REP, a.legal_rep, TextField.PERSON_NAME),
        (PartyField.APPLICANT_ADDRESS, a.address, TextField.ADDRESS),
        (PartyField.DELIVERY_ADDRESS, parties.delivery_address, TextField.ADDRESS),
    ]
    if parties.agent is not None:
        fields += [
            (PartyField.AGENT_NAME, parties.agent.name, TextField.PERSON_NAME),
            (PartyField.AGENT_AUTHORISATION, parties.agent.authorisation, TextField.NOTE),
        ]
    return fields


def converted_texts(parties: Parties) -> list[tuple[str, str]]:
    """The texts written in 蒙科立 codes, which are kept in Unicode letters (:mod:`counter.parties.menksoft`):
    (field, the text as written), for the case's history."""
    return [(field.value, value.strip()) for field, value, _kind in text_fields(parties) if MENKSOFT.search(value)]


def normalised(parties: Parties, today: dt.date) -> Parties:
    """The same parties as kept: ID numbers in their canonical form (x → X, no blanks), texts in NFC, trimmed."""
    a = parties.applicant
    if a.kind is ApplicantKind.PERSON:
        id_no = check_id_number(a.id_no, today=today).value
    else:
        id_no = check_credit_code(a.id_no).value
    agent = parties.agent
    if agent is not None:
        agent = Agent(
            clean_text(agent.name, TextField.PERSON_NAME),
            check_id_number(agent.id_no, today=today).value,
            clean_text(agent.authorisation, TextField.NOTE),
        )
    applicant = Applicant(
        a.kind,
        clean_text(a.name, name_field(a.kind)),
        id_no,
        a.phone.strip(),
        clean_text(a.address, TextField.ADDRESS),
        clean_text(a.legal_rep, TextField.PERSON_NAME),
    )
    delivery_address = clean_text(parties.delivery_address, TextField.ADDRESS)
    return Parties(applicant, agent, parties.delivery, delivery_address, parties.notify_phone.strip())


#: the texts that head the papers as names (申请人, 法定代表人, 代理人): each must be drawn by a shipped font
PRINTED_NAMES = frozenset({TextField.PERSON_NAME, TextField.ORGANISATION_NAME})


#: the characters of a name no shipped font draws, each once (counter.documents.fonts.missing_glyphs: the documents
#: import the intake, so the intake is handed the check rather than import it)
MissingGlyphs = Callable[[str], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class UnprintedChar:
    """A character of a name that the papers print as □: the name is the applicant's all the same.

    GB 18030-2022's Amendment 1 adds the 622 公安人口信息专用字库补充汉字 (CJK Extension I), characters of real names,
    that no font the desk ships draws.  Such a name is kept, stored, sent and reported whole; the clerk is told
    before anything prints, with the character and its code point, and writes it in by hand on the paper.
    """

    field: PartyField
    char: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"


def unprinted_chars(parties: Parties, missing: MissingGlyphs) -> list[UnprintedChar]:
    """Each character of a printed name (:data:`PRINTED_NAMES`) no shipped font draws, at its field; names the text
    rules refuse are left to :func:`text_problems`."""
    found = []
    for field, value, kind in text_fields(parties):
        if kind not in PRINTED_NAMES:
            continue
        check = check_text(value, kind)
        if check.problem is None:
            found += [UnprintedChar(field, char) for char in missing(check.value)]
    return found


def text_problems(parties: Parties) -> list[PartyProblem]:
    """Every free text of the parties that :func:`counter.parties.text.check_text` refuses, at its field.

    A name with a character no shipped font draws is not among them: it is the applicant's name, flagged
    (:func:`unprinted_chars`), not refused."""
    problems = []
    for field, value, kind in text_fields(parties):
        check = check_text(value, kind)
        if check.problem is not None:
            problems.append(PartyProblem(field, PartyProblemCode.BAD_TEXT, f"{check.problem.value} {check.detail}"))
    return problems


def party_problems(parties: Parties, today: dt.date) -> list[PartyProblem]:
    """Every problem of the applicant part of the form, at its field: the texts' first."""
    problems = text_problems(parties) + _applicant_problems(parties.applicant, today)
    for phone in (parties.applicant.phone, parties.notify_phone):
        if phone.strip() and not _phone_ok(phone):
            problems.append(PartyProblem(PartyField.PHONE, PartyProblemCode.INVALID_PHONE, phone))
    if parties.agent is not None:
        problems += _agent_problems(parties.agent, today)
    if parties.delivery is Delivery.POST and not parties.delivery_address.strip():
        problems.append(PartyProblem(PartyField.DELIVERY_ADDRESS, PartyProblemCode.REQUIRED))
    return problems


def _applicant_problems(a: Applicant, today: dt.date) -> list[PartyProblem]:
    problems: list[PartyProblem] = []
    if not a.name.strip():
        problems.append(PartyProblem(PartyField.APPLICANT_NAME, PartyProblemCode.REQUIRED))
    person = a.kind is ApplicantKind.PERSON
    check = check_id_number(a.id_no, today=today) if person else check_credit_code(a.id_no)
    if not check.ok:
        problems.append(PartyProblem(PartyField.APPLICANT_ID, PartyProblemCode.INVALID_ID, _first_error(check)))
    if not person and not a.legal_rep.strip():
        problems.append(PartyProblem(PartyField.LEGAL_REP, PartyProblemCode.REQUIRED))
    return problems


def _agent_problems(agent: Agent, today: dt.date) -> list[PartyProblem]:
    problems: list[PartyProblem] = []
    if not agent.name.strip():
        problems.append(PartyProblem(PartyField.AGENT_NAME, PartyProblemCode.REQUIRED))
    check = check_id_number(agent.id_no, today=today)
    if not check.ok:
        problems.append(PartyProblem(PartyField.AGENT_ID, PartyProblemCode.INVALID_ID, _first_error(check)))
    if not agent.authorisation.strip():
        problems.append(PartyProblem(PartyField.AGENT_AUTHORISATION, PartyProblemCode.REQUIRED))
    return problems


def _first_error(check: IdCheck | CreditCodeCheck) -> str:
    return check.error.value if check.error else ""

"""Who the case is for: the applicant, an agent, and how they want the result.

Plain data taken from the intake form.  Identity numbers are checked in
:mod:`counter.parties.identifiers`; :func:`party_problems` gathers every problem of the
form at once so the window can show them at their fields.  Names are kept
exactly as typed — rare characters such as 䶮 or 𬭚 included — only stripped of
surrounding blanks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from counter.parties.identifiers import CreditCodeCheck, IdCheck, check_credit_code, check_id_number


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
    digits = phone.replace("-", "").replace(" ", "")
    return digits.isdigit() and 7 <= len(digits) <= 13


def normalised(parties: Parties, today: dt.date) -> Parties:
    """The same parties with ID numbers in their canonical form (x → X, no blanks)."""
    a = parties.applicant
    if a.kind is ApplicantKind.PERSON:
        id_no = check_id_number(a.id_no, today=today).value
    else:
        id_no = check_credit_code(a.id_no).value
    agent = parties.agent
    if agent is not None:
        agent = Agent(agent.name.strip(), check_id_number(agent.id_no, today=today).value, agent.authorisation)
    applicant = Applicant(a.kind, a.name.strip(), id_no, a.phone.strip(), a.address, a.legal_rep.strip())
    return Parties(applicant, agent, parties.delivery, parties.delivery_address, parties.notify_phone.strip())


def party_problems(parties: Parties, today: dt.date) -> list[PartyProblem]:
    """Every problem of the applicant part of the form, at its field."""
    problems = _applicant_problems(parties.applicant, today)
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

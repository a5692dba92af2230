"""What a new account must satisfy, checked all at once and returned as codes.

Logins are typed at a sign-in prompt on machines whose keyboard may be in a
Chinese input mode, so they are kept to lower-case ASCII letters, digits and
``. _ -`` and compared case-insensitively (``WuLan`` and ``wulan`` are one
login).  The first account of a database must be an administrator: otherwise
the hall would lock itself out of ever adding the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from counter.access.passwords import PasswordProblem, password_problems
from counter.access.roles import Role
from counter.parties.skeleton import same_name
from counter.parties.text import FIELD_LIMITS, TextField, TextProblem, check_text

LOGIN_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
NAME_MAX = FIELD_LIMITS[TextField.PERSON_NAME].most  # a clerk's name is a person's (counter.parties.text)
STAFF_NO_MAX = 20


DEPARTMENT_MAX = 200  # a department's full name, as a guide names it


class AccountProblem(StrEnum):
    LOGIN_FORMAT = "login_format"
    LOGIN_TAKEN = "login_taken"
    NAME_MISSING = "name_missing"
    NAME_TOO_LONG = "name_too_long"
    NAME_BAD_TEXT = "name_bad_text"  # control, invisible or direction characters (counter.parties.text)
    NAME_LOOKS_TAKEN = "name_looks_taken"  # looks like another account's name (counter.parties.skeleton)
    STAFF_NO_TOO_LONG = "staff_no_too_long"
    NO_ROLE = "no_role"
    FIRST_NOT_ADMIN = "first_not_admin"
    UNKNOWN_LOGIN = "unknown_login"
    LAST_ADMIN = "last_admin"  # the last enabled administrator cannot be disabled
    ALREADY_DISABLED = "already_disabled"
    DEPARTMENT_WITHOUT_ROLE = "department_without_role"  # only a department's staff work for a department
    DEPARTMENT_TOO_LONG = "department_too_long"


def name_looks_taken(name: str, others: Iterable[str]) -> bool:
    """Whether ``name`` looks like one of ``others`` (accounts' names and logins): ratings, figures and the audit
    trail name a clerk by it, and two accounts that read alike would be one person on every list."""
    return any(same_name(name, other) for other in others)


def normalise_login(raw: str) -> str:
    """The login as stored: surrounding blanks dropped, lower case."""
    return raw.strip().lower()


def login_ok(login: str) -> bool:
    return LOGIN_PATTERN.fullmatch(login) is not None


def new_account_problems(
    login: str, name: str, staff_no: str, roles: frozenset[Role], password: str, first: bool, department: str = ""
) -> tuple[AccountProblem | PasswordProblem, ...]:
    """Every problem of a new account (``login`` already normalised); ``first`` when the database has none.

    ``department`` confines a department's staff to that department's items; another role works for none.
    """
    problems: list[AccountProblem | PasswordProblem] = []
    if not login_ok(login):
        problems.append(AccountProblem.LOGIN_FORMAT)
    checked = check_text(name, TextField.PERSON_NAME)
    if not checked.value:
        problems.append(AccountProblem.NAME_MISSING)
    elif checked.problem is TextProblem.TOO_LONG:
        problems.append(AccountProblem.NAME_TOO_LONG)
    elif checked.problem is not None:
        problems.append(AccountProblem.NAME_BAD_TEXT)
    if len(staff_no.strip()) > STAFF_NO_MAX:
        problems.append(AccountProblem.STAFF_NO_TOO_LONG)
    if not roles:
        problems.append(AccountProblem.NO_ROLE)
    elif first and Role.ADMIN not in roles:
        problems.append(AccountProblem.FIRST_NOT_ADMIN)
    if department.strip() and Role.DEPARTMENT not in roles:
        problems.append(AccountProblem.DEPARTMENT_WITHOUT_ROLE)
    if len(department.strip()) > DEPARTMENT_MAX:
        problems.append(AccountProblem.DEPARTMENT_TOO_LONG)
    problems.extend(password_problems(password, login))
    return tuple(problems)

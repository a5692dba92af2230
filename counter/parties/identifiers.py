"""The two numbers that find an applicant: 居民身份证号 and 统一社会信用代码.

"一证办理" (第二十条 of 兴署发〔2021〕5号): a person is found by the 18-digit ID number
(GB 11643), a company or other organisation by the 18-character credit code
(GB 32100).  A mistyped number finds nobody, or worse the wrong person, so the desk
checks both the moment they are typed.  Each check returns every problem it can
name at once, as codes; :mod:`counter.words.identifiers` words them.

The checks never raise, whatever is typed: the input comes from a keyboard, a card
reader or a scanner, and a crash at the desk is worse than a wrong answer.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from enum import StrEnum

# --- normalising what was typed -----------------------------------------------------

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)}  # ０-９
_FULL_WIDTH.update({code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULL_WIDTH.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ


def _normalise(text: str) -> str:
    """Drop every kind of space and fold full-width letters and digits to ASCII upper case.

    Chinese input methods type full-width characters easily (０-９, Ｘ), and people
    group long numbers with spaces; neither is a mistake in the number itself.
    Only ASCII letters are upper-cased: ``str.upper`` would turn ``ß`` into ``SS``
    and change the length the clerk is told about.
    """
    folded = "".join(text.split()).translate(_FULL_WIDTH)
    return "".join(c.upper() if "a" <= c <= "z" else c for c in folded)


def _positions(wrong: frozenset[int]) -> str:
    """1-based positions, comma-separated: data for the message, not the message."""
    return ",".join(str(i + 1) for i in sorted(wrong))


# --- shared: the province part of an area code (GB/T 2260) -----------------------

#: The first two digits of every area code in use: the provinces, autonomous regions and
#: municipalities, 71 台湾, 81 香港, 82 澳门, 83 (Taiwan residents' 居住证 numbers) and 91
#: (the 2023 永久居留身份证 of foreigners).  Finer codes change every year as counties
#: merge, and an ID number keeps the code of the county that issued it, so only the
#: province is checked.
PROVINCE_CODES = frozenset(
    (
        *range(11, 16),  # 京 津 冀 晋 蒙
        *range(21, 24),  # 辽 吉 黑
        *range(31, 38),  # 沪 苏 浙 皖 闽 赣 鲁
        *range(41, 47),  # 豫 鄂 湘 粤 桂 琼
        *range(50, 55),  # 渝 川 贵 云 藏
        *range(61, 66),  # 陕 甘 青 宁 新
        *(71, 81, 82, 83, 91),
    )
)


def _province_ok(area: str, extra: frozenset[int] = frozenset()) -> bool:
    return len(area) == 6 and area.isascii() and area.isdigit() and int(area[:2]) in PROVINCE_CODES | extra


# --- 居民身份证号 (GB 11643) ----------------------------------------------------------

ID_LENGTH = 18
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_DIGITS = frozenset("0123456789")


class IdError(StrEnum):
    """What can be wrong with an ID number, in the order the checks run."""

    EMPTY = "empty"
    LENGTH = "length"  # detail: the length found
    CHARACTERS = "characters"  # detail: the 1-based positions of the wrong characters
    AREA = "area"  # detail: the six digits
    BIRTH_DATE = "birth_date"  # detail: the eight digits
    BIRTH_IN_FUTURE = "birth_in_future"  # detail: the birth date, ISO
    CHECK_DIGIT = "check_digit"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


@dataclass(frozen=True, slots=True)
class IdProblem:
    error: IdError
    detail: str = ""


@dataclass(frozen=True, slots=True)
class IdCheck:
    """The normalised number and all that is wrong with it.

    ``sex`` is read only from a number that passes every check: when the check
    digit fails a digit is mistyped somewhere, and a form filled from it would
    carry the typo on.
    """

    value: str
    problems: tuple[IdProblem, ...] = ()
    sex: Sex | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def errors(self) -> tuple[IdError, ...]:
        return tuple(p.error for p in self.problems)

    @property
    def error(self) -> IdError | None:
        """The first problem, for a one-line message beside the field."""
        return self.problems[0].error if self.problems else None


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character of 17 ASCII digits."""
    if len(first17) != 17 or not set(first17) <= _DIGITS:
        raise ValueError(f"17 digits expected, got {first17!r}")
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _birth_date(digits: str) -> dt.date | None:
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)
def check_id_number(text: str, *, today: dt.date) -> IdCheck:
    """Check an 18-digit 居民身份证号; ``today`` bounds the birth date.

    Kept for the last few numbers (the answer is immutable): the intake panel checks the form's numbers at every
    change, and the intake checks and normalises them again when it is committed, twice each, in the transaction.

    Every check whose part of the number can be read runs, so a clerk sees "地区码
    无效" and "校验位错误" together rather than one after the other.  A number of
    the wrong length is only measured: its parts cannot be located.
    """
    value = _normalise(text)
    if not value:
        return IdCheck(value, (IdProblem(IdError.EMPTY),))
    if len(value) != ID_LENGTH:
        return IdCheck(value, (IdProblem(IdError.LENGTH, str(len(value))),))

    problems: list[IdProblem] = []
    wrong = frozenset(i for i, c in enumerate(value[:17]) if c not in _DIGITS)
    if value[17] not in _DIGITS and value[17] != "X":
        wrong |= {17}
    if wrong:
        problems.append(IdProblem(IdError.CHARACTERS, _positions(wrong)))

    area, birth_digits = value[:6], value[6:14]
    if set(area) <= _DIGITS and not _province_ok(area):
        problems.append(IdProblem(IdError.AREA, area))
    birth: dt.date | None = None
    if set(birth_digits) <= _DIGITS:
        birth = _birth_date(birth_digits)
        if birth is None:
            problems.append(IdProblem(IdError.BIRTH_DATE, birth_digits))
        elif birth > today:
            problems.append(IdProblem(IdError.BIRTH_IN_FUTURE, birth.isoformat()))
    if not wrong and id_check_digit(value[:17]) != value[17]:
        problems.append(IdProblem(IdError.CHECK_DIGIT))

    if problems:
        return IdCheck(value, tuple(problems))
    sex = Sex.MALE if int(value[16]) % 2 else Sex.FEMALE
    return IdCheck(value, (), sex)


def make_id_number(area: str, birth: dt.date, order: int) -> str:
    """A well-formed ID number: for tests, the training demo and sample data only."""
    if len(area) != 6 or not set(area) <= _DIGITS:
        raise ValueError(f"six digits expected for the area, got {area!r}")
    if not 0 <= order <= 999:
        raise ValueError(f"order must be 0-999, got {order}")
    first17 = f"{area}{birth:%Y%m%d}{order:03d}"
    if len(first17) != 17:
        raise ValueError(f"birth year must have four digits, got {birth.year}")
    return first17 + id_check_digit(first17)


# --- 统一社会信用代码 (GB 32100) ------------------------------------------------------

CREDIT_CODE_LENGTH = 18
CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_CREDIT_VALUE = {c: i for i, c in enumerate(CREDIT_ALPHABET)}
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

#: 登记管理部门代码, the first character.  GB 32100-2015 itself lists 1 机构编制, 5 民政,
#: 9 工商 (now 市场监管) and Y 其他; the code registry later assigned 2 外交, 3 司法行政,
#: 4 文化, 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室 and N 农业 (collective economic
#: organisations), and codes with these leading characters are issued in practice.
#: Being wrongly strict would turn away a real law firm (31…) or village collective
#: (N…), so every one of them is accepted.  The second character (机构类别) is not
#: checked: its lists differ per authority and have grown since the standard.
REGISTRATION_AUTHORITIES = frozenset("123456789ANY")

#: Credit codes of bodies registered at national level carry the area code 100000,
#: which is no province; ID numbers never do.
_NATIONAL_AREA = frozenset({10})


class CreditCodeError(StrEnum):
    """What can be wrong with a credit code, in the order the checks run."""

    EMPTY = "empty"
    LENGTH = "length"  # detail: the length found
    CHARACTERS = "characters"  # detail: the 1-based positions outside the alphabet
    REGISTRATION_AUTHORITY = "registration_authority"  # detail: the first character
    AREA = "area"  # detail: characters 3-8
    ORG_CODE_CHECK = "org_code_check"  # detail: characters 9-17
    CHECK_CHARACTER = "check_character"


@dataclass(frozen=True, slots=True)
class CreditCodeProblem:
    error: CreditCodeError
    detail: str = ""


@dataclass(frozen=True, slots=True)
class CreditCodeCheck:
    value: str
    problems: tuple[CreditCodeProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def errors(self) -> tuple[CreditCodeError, ...]:
        return tuple(p.error for p in self.problems)

    @property
    def error(self) -> CreditCodeError | None:
        return self.problems[0].error if self.problems else None


def credit_check_character(first17: str) -> str:
    """The GB 32100 check character of 17 characters of the credit-code alphabet."""
    if len(first17) != 17 or not set(first17) <= _CREDIT_VALUE.keys():
        raise ValueError(f"17 credit-code characters expected, got {first17!r}")
    total = sum(_CREDIT_VALUE[c] * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def org_code_check_character(first8: str) -> str:
    """The GB 11714 check character of an organisation code's first 8 characters.

    GB 11714 values letters A-Z as 10-35 (its own alphabet is wider than GB 32100's).
    """
    if len(first8) != 8 or not first8.isascii() or not first8.isalnum() or first8 != first8.upper():
        raise ValueError(f"8 digits or capital letters expected, got {first8!r}")
    total = sum(int(c, 36) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def check_credit_code(text: str) -> CreditCodeCheck:
    """Check an 18-character 统一社会信用代码, reporting every readable part's problem."""
    value = _normalise(text)
    if not value:
        return CreditCodeCheck(value, (CreditCodeProblem(CreditCodeError.EMPTY),))
    if len(value) != CREDIT_CODE_LENGTH:
        return CreditCodeCheck(value, (CreditCodeProblem(CreditCodeError.LENGTH, str(len(value))),))

    problems: list[CreditCodeProblem] = []
    wrong = frozenset(i for i, c in enumerate(value) if c not in _CREDIT_VALUE)
    if wrong:
        problems.append(CreditCodeProblem(CreditCodeError.CHARACTERS, _positions(wrong)))
    authority, area, org_code = value[0], value[2:8], value[8:17]
    if 0 not in wrong and authority not in REGISTRATION_AUTHORITIES:
        problems.append(CreditCodeProblem(CreditCodeError.REGISTRATION_AUTHORITY, authority))
    if not wrong & set(range(2, 8)) and not _province_ok(area, _NATIONAL_AREA):
        problems.append(CreditCodeProblem(CreditCodeError.AREA, area))
    if not wrong & set(range(8, 17)) and org_code_check_character(org_code[:8]) != org_code[8]:
        problems.append(CreditCodeProblem(CreditCodeError.ORG_CODE_CHECK, org_code))
    if not wrong and credit_check_character(value[:17]) != value[17]:
        problems.append(CreditCodeProblem(CreditCodeError.CHECK_CHARACTER))
    return CreditCodeCheck(value, tuple(problems))

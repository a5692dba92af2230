"""The five levels of a rating, and the numeric codes others give them.

The store keeps the meaning (an enum value such as ``very_satisfied``), never a
number: the two codings in use count in opposite directions (domain §6), and a
stored ``1`` would mean the best service to one reader and the worst to the
other.  Numbers are made only at export, in the coding the receiver names.

What counts as 好评 follows 好差评 practice (国办发〔2019〕51号, GB/T 39734): 差评 are
the two dissatisfied levels, and every other level — 基本满意 included — is a
好评.  好评率 is therefore (非常满意 + 满意 + 基本满意) / ratings.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """From best to worst, the order the pad shows them in."""

    VERY_SATISFIED = "very_satisfied"  # 非常满意
    SATISFIED = "satisfied"  # 满意
    BASIC = "basically_satisfied"  # 基本满意
    DISSATISFIED = "dissatisfied"  # 不满意
    VERY_DISSATISFIED = "very_dissatisfied"  # 非常不满意


BAD_LEVELS = frozenset({Level.DISSATISFIED, Level.VERY_DISSATISFIED})


def is_bad(level: Level) -> bool:
    """A 差评: asks for a reason and opens a rectification."""
    return level in BAD_LEVELS


class Coding(StrEnum):
    """The two numeric codings of a level in use, named by their order, not by a standard.

    Which document defines which coding was checked (public copies, not the paid texts) and could not be confirmed:

    - GB/T 39046-2020 is 《政务服务平台基础数据规范》, the platform's basic-data specification (data categories,
      data items and their attributes); no copy of its tables that shows a satisfaction coding was found, so the
      coding once named after it is named here by its order.
    - 国办发〔2019〕51号 (《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》) names the five
      levels, 非常满意 to 非常不满意, and gives them no numbers; GB/T 39734-2020 and GB/T 39735-2020 (the rating
      guides) were not found with a numeric table either.
    - Published descriptions of the 好差评 system mark the levels with stars, 非常满意 ☆☆☆☆☆ down to 非常不满意 ☆:
      :attr:`WORST_FIRST` is that star count.  The national interface specification itself was not found.

    A receiver names the order it expects; the file says it on every line.  The names the export used before
    (``gbt39046``, ``interface``) are still read, so scripts that pass them keep working.
    """

    BEST_FIRST = "best_first"  # 1 非常满意 … 5 非常不满意
    WORST_FIRST = "worst_first"  # 1 非常不满意 … 5 非常满意: the stars of the 好差评 marks

    @classmethod
    def _missing_(cls, value: object) -> Coding | None:
        return OLD_CODING_NAMES.get(str(value))


#: the names the export gave the codings before they were named by their order; still accepted
OLD_CODING_NAMES: dict[str, Coding] = {"gbt39046": Coding.BEST_FIRST, "interface": Coding.WORST_FIRST}

_BEST_FIRST = tuple(Level)


def level_code(level: Level, coding: Coding) -> int:
    rank = _BEST_FIRST.index(level) + 1  # 1 = 非常满意
    return rank if coding is Coding.BEST_FIRST else 6 - rank


class Channel(StrEnum):
    """Where the rating was given: the rating record's 评价渠道, numbered as domain §6 lists them."""

    PC = "pc"
    MOBILE = "mobile"
    QR_CODE = "qr_code"
    HALL_TABLET = "hall_tablet"  # 政务大厅平板电脑: the window's review pad
    OTHER_TERMINAL = "other_terminal"
    PHONE = "phone"
    SMS = "sms"


CHANNEL_CODE: dict[Channel, int] = {
    Channel.PC: 1,
    Channel.MOBILE: 2,
    Channel.QR_CODE: 3,
    Channel.HALL_TABLET: 4,
    Channel.OTHER_TERMINAL: 5,
    Channel.PHONE: 6,
    Channel.SMS: 7,
}


class RaterKind(StrEnum):
    """个人 or 法人: the same two kinds as an applicant (``person`` / ``company``)."""

    PERSON = "person"
    COMPANY = "company"


#: the export's numeric code of the rater's kind: 1 自然人, 2 法人或其他组织
RATER_KIND_CODE: dict[RaterKind, int] = {RaterKind.PERSON: 1, RaterKind.COMPANY: 2}

"""The five levels of a rating, the channels it is given by, and who rates.

The store keeps the meaning (an enum value such as ``very_satisfied``), never a number: the codings in use count in
opposite directions, and a stored ``1`` would mean the best service to one reader and the worst to the other.
GB/T 39046-2020 附录 A 表 A.8 codes 满意度 1 非常满意 … 5 非常不满意; the 好差评 interfaces of public window-system
code send 整体满意度 1 非常不满意 … 5 非常满意.  Numbers are made only where a level leaves the hall, in the coding the
site's integrator chose of the list (``[lists.level]`` of the platform's mapping file,
:mod:`counter.platform.code_lists`), the same for the platform's reports and the ratings export.

What counts as 好评 follows 好差评 practice (国办发〔2019〕51号, GB/T 39734): 差评 are the two dissatisfied levels,
and every other level — 基本满意 included — is a 好评.  好评率 is therefore (非常满意 + 满意 + 基本满意) / ratings.
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


class Channel(StrEnum):
    """Where the rating was given: the 评价渠道 of GB/T 39046-2020 表 9 (PC端、移动服务端、二维码、政务大厅平板电脑、
    政务大厅其他终端、电话、短信), in its order; their codes are the chosen preset's (``[lists.channel]``)."""

    PC = "pc"
    MOBILE = "mobile"
    QR_CODE = "qr_code"
    HALL_TABLET = "hall_tablet"  # 政务大厅平板电脑: the window's review pad
    OTHER_TERMINAL = "other_terminal"
    PHONE = "phone"
    SMS = "sms"
    #: 书面评价: a paper 评价表 keyed in later (内政服发〔2022〕15号 counts 书面评价表格 among the channels).
    #: Not one of 表 9's seven: the preset that sends channels by name names it 书面评价; a numbered preset, with no
    #: public number for it, keeps it from being reported rather than send it under another channel's number.
    WRITTEN = "written"
    #: 系统默认评价: a service still unrated after the period a site's own rule sets, rated 基本满意 by the hall's work
    #: (:class:`counter.ratings.settings.DefaultRule`); the 好差评 interfaces that send it code it 7
    SYSTEM_DEFAULT = "system_default"


#: 政务大厅其他终端 is where a pad window on the clerk's own machine (its second screen) records: it shows what the
#: clerk's own process sends it, and its answers reach the server through the clerk's own session, so it is no 评价器
#: of its own and is never counted as one (政务大厅平板电脑 is the pad device's, which the clerk cannot answer for)
SECOND_SCREEN = Channel.OTHER_TERMINAL
#: the channels a window's pad records on: the region's rating page takes both their places
PAD_CHANNELS = frozenset({Channel.HALL_TABLET, SECOND_SCREEN})


class RaterKind(StrEnum):
    """个人 or 法人: the same two kinds as an applicant (``person`` / ``company``)."""

    PERSON = "person"
    COMPANY = "company"

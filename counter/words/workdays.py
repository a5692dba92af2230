"""The words of the working-day calendar: provisional dates beyond the holiday data, and schedule import problems."""

from __future__ import annotations

import datetime as dt

from counter.calendar.schedule import ScheduleProblem, ScheduleProblemCode
from counter.calendar.workdays import BeyondData
from counter.words.dates import WEEKDAYS, day_text
from counter.words.translate import tr


def beyond_data_warning(beyond: BeyondData) -> str:
    """The visible warning beside a date computed past the holiday data: it is provisional, and why."""
    if beyond.data_until is None:
        return tr(
            "{day}没有节假日安排数据，日期按法定节假日推算，为暂定日期，以国务院办公厅公布的节假日安排为准"
        ).format(day=day_text(beyond.first))
    return tr("节假日安排只到{day}，此后的日期按法定节假日推算，为暂定日期，以国务院办公厅公布的节假日安排为准").format(
        day=day_text(beyond.data_until)
    )


_SCHEDULE_PROBLEM = {
    ScheduleProblemCode.UNRECOGNISED: (
        tr(
            "看不懂“{detail}”：请照通知原文写（如“1月1日至3日放假”“2月14日（周六）上班”），"
            "或逐日写成“2027-01-01,off”“2027-02-07,work”"
        )
    ),
    ScheduleProblemCode.NO_ACTION: tr("日期后面没有写“放假”或“上班”"),
    ScheduleProblemCode.INVALID_DATE: tr("日期“{detail}”不存在"),
    ScheduleProblemCode.BAD_RANGE: tr("日期范围{first}至{second}不对：结束日早于开始日，或长达一个月以上"),
    ScheduleProblemCode.CONFLICT: tr("{first}既写了放假又写了上班"),
    ScheduleProblemCode.WORKDAY_NOT_WEEKEND: tr("{first}是{weekday}，调休上班日应是周六或周日"),
    ScheduleProblemCode.WEEKDAY_MISMATCH: tr("{first}是{weekday}，括号中却写“{second}”，请核对年份和日期"),
    ScheduleProblemCode.DAY_COUNT_MISMATCH: tr("写明共{first}天，列出的放假日却是{second}天"),
    ScheduleProblemCode.WRONG_YEAR: tr("{first}不在本年度前后，请核对年份"),
    ScheduleProblemCode.NO_ENTRIES: tr("没有读到任何放假或上班日期"),
    ScheduleProblemCode.TOO_MANY_DAYS_OFF: tr(
        "全年列出{first}个周一至周五放假，多于{second}个：国务院每年的通知一般是十几个，请核对是否整年都写成了放假"
    ),
}


def _schedule_part(part: str) -> str:
    try:
        return day_text(dt.date.fromisoformat(part))
    except ValueError:
        return part


def schedule_problem_text(problem: ScheduleProblem) -> str:
    """One problem of a holiday-schedule import, with its line number."""
    parts = problem.detail.replace("..", ",").split(",")
    first, second = parts[0], parts[1] if len(parts) > 1 else ""
    try:
        weekday = WEEKDAYS[dt.date.fromisoformat(first).weekday()]
    except ValueError:
        weekday = ""
    text = _SCHEDULE_PROBLEM[problem.code].format(
        detail=problem.detail, first=_schedule_part(first), second=_schedule_part(second), weekday=weekday
    )
    return tr("第{line}行：{problem}").format(line=problem.line, problem=text) if problem.line else text

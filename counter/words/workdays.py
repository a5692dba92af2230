"""The words of the working-day calendar: dates beyond the holiday data, and holiday-schedule import problems."""

from __future__ import annotations

import datetime as dt

from counter.words.dates import WEEKDAYS, day_text
from counter.workdays import BeyondData, ScheduleProblem, ScheduleProblemCode


def beyond_data_warning(beyond: BeyondData) -> str:
    """The visible warning beside a date computed past the holiday data."""
    if beyond.data_until is None:
        return f"{day_text(beyond.first)}没有节假日数据，按周六、周日休息推算，请核对"
    return f"节假日数据只到{day_text(beyond.data_until)}，此后按周六、周日休息推算，请核对"


_SCHEDULE_PROBLEM = {
    ScheduleProblemCode.UNRECOGNISED: (
        "看不懂“{detail}”：请照通知原文写（如“1月1日至3日放假”“2月14日（周六）上班”），"
        "或逐日写成“2027-01-01,off”“2027-02-07,work”"
    ),
    ScheduleProblemCode.NO_ACTION: "日期后面没有写“放假”或“上班”",
    ScheduleProblemCode.INVALID_DATE: "日期“{detail}”不存在",
    ScheduleProblemCode.BAD_RANGE: "日期范围{first}至{second}不对：结束日早于开始日，或长达一个月以上",
    ScheduleProblemCode.CONFLICT: "{first}既写了放假又写了上班",
    ScheduleProblemCode.WORKDAY_NOT_WEEKEND: "{first}是星期{weekday}，调休上班日应是周六或周日",
    ScheduleProblemCode.WEEKDAY_MISMATCH: "{first}是星期{weekday}，括号中却写“{second}”，请核对年份和日期",
    ScheduleProblemCode.DAY_COUNT_MISMATCH: "写明共{first}天，列出的放假日却是{second}天",
    ScheduleProblemCode.WRONG_YEAR: "{first}不在本年度前后，请核对年份",
    ScheduleProblemCode.NO_ENTRIES: "没有读到任何放假或上班日期",
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
    return f"第{problem.line}行：{text}" if problem.line else text

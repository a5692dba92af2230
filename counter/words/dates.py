"""Dates as both faces write them in a sentence: 2025年3月6日, and the weekday names."""

from __future__ import annotations

import datetime as dt

from counter.words.translate import tr

WEEKDAYS = (tr("星期一"), tr("星期二"), tr("星期三"), tr("星期四"), tr("星期五"), tr("星期六"), tr("星期日"))


def day_text(day: dt.date) -> str:
    """A date in a sentence: 2025年3月6日."""
    return tr("{year}年{month}月{day}日").format(year=day.year, month=day.month, day=day.day)

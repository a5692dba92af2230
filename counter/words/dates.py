"""Dates as both faces write them in a sentence: 2025年3月6日, and the weekday names."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = "一二三四五六日"


def day_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"

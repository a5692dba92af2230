"""The number of a 帮您办 project: the site, the day it was registered, the desk, and the desk's day sequence.

Like a case number (:func:`counter.case.numbers.case_no`), with ``P`` before the desk so the two are never read for
each other: ``XAM-20261123-P01-0001``.  The project's own 项目编码 (from the investment projects platform) is a fact of
the project, printed beside it; a project registered before it has one still needs a number of the window's.
"""

from __future__ import annotations

import datetime as dt
import re

from counter.case.numbers import DeskIdentity

SEQUENCE_KIND = "PRJ"  # desk_counter.kind of the series
PROJECT_NO_MAX = 30
#: a number :func:`project_no` writes: whose series it is in (the site and desk) is read from it
PROJECT_NO = re.compile(r"^(?P<site>[A-Z0-9]{2,12})-(?P<day>\d{8})-P(?P<desk>\d{2,4})-(?P<seq>\d{4,6})$")


def project_no(desk: DeskIdentity, day: dt.date, sequence: int) -> str:
    value = f"{desk.site_code}-{day:%Y%m%d}-P{int(desk.desk_no):02d}-{sequence:04d}"
    assert len(value) <= PROJECT_NO_MAX
    return value

"""Days: which are worked, and what a time limit in working or calendar days comes to.

- :mod:`counter.calendar.workdays`: the holiday table and the working-day calendar that counts with it.
- :mod:`counter.calendar.schedule`: the State Council's yearly notice read into a holiday table.
- :mod:`counter.calendar.statutory_holidays`: the days the law fixes, used beyond the imported data.
"""

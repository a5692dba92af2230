"""平台上报: the events the region's platform would not take, for a supervisor to look at and send again.

An event lands here when the platform refused it (an element it will not accept, a wrong secret), when the mapping
file leaves a required element without a value, or after the platform's failed answers ran out
(:data:`counter.service.outbox.SEND_REPORTS`); no answer at all (offline) never sends one here.  重新上报 puts the
chosen ones back in the queue, their attempts counted afresh: the sender takes them on its next round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.service.outbox import LIST_REPORTS, RETRY_REPORT, ListOutbox, RetryRow
from counter.ui.pad.failed_list import FailedList, FailedListWords
from counter.words.platform import (
    REPORTS_COLUMNS,
    REPORTS_NONE,
    REPORTS_READ,
    REPORTS_RETRIED,
    REPORTS_RETRY,
    REPORTS_TITLE,
    platform_kind,
    report_problem,
)

if TYPE_CHECKING:
    from counter.platform.outbox import EventRow
    from counter.service.operation import Operation


class FailedReportsPage(FailedList):
    words = FailedListWords(REPORTS_TITLE, REPORTS_COLUMNS, REPORTS_NONE, REPORTS_READ, REPORTS_RETRY, REPORTS_RETRIED)

    def listing(self) -> tuple[Operation[ListOutbox, tuple[EventRow, ...]], ListOutbox]:
        return LIST_REPORTS, ListOutbox(failed_only=True)

    def cells(self, row: EventRow) -> tuple[str, ...]:
        return (str(row.id), row.case_no, platform_kind(row.kind), str(row.attempts), report_problem(row.last_error))

    def requeueing(self, row_id: int) -> tuple[Operation[RetryRow, bool], RetryRow]:
        return RETRY_REPORT, RetryRow(row_id)

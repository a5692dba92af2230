"""短信告知: the messages to applicants that the gateway would not take, for a supervisor to look at and send again.

A message lands here when the gateway refused it (a number it will not serve, a wrong secret) or after its attempts
ran out (:data:`counter.service.outbox.SEND_MESSAGES`); the sender keeps trying the others by itself.  重新发送 puts the
chosen ones back in the queue, their attempts counted afresh: the sender takes them on its next round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter.service.outbox import LIST_MESSAGES, RETRY_MESSAGE, ListOutbox, RetryRow
from counter.ui.pad.failed_list import FailedList, FailedListWords
from counter.words.channel_problems import channel_problem
from counter.words.messages import (
    FAILED_COLUMNS,
    FAILED_NONE,
    FAILED_READ,
    FAILED_RETRIED,
    FAILED_RETRY,
    FAILED_TITLE,
    message_kind,
)

if TYPE_CHECKING:
    from counter.service.operation import Operation
    from counter.sms.outbox import MessageRow


class FailedMessagesPage(FailedList):
    words = FailedListWords(FAILED_TITLE, FAILED_COLUMNS, FAILED_NONE, FAILED_READ, FAILED_RETRY, FAILED_RETRIED)

    def listing(self) -> tuple[Operation[ListOutbox, tuple[MessageRow, ...]], ListOutbox]:
        return LIST_MESSAGES, ListOutbox(failed_only=True)

    def cells(self, row: MessageRow) -> tuple[str, ...]:
        return (
            str(row.id),
            row.case_no,
            message_kind(row.kind),
            row.phone,
            str(row.attempts),
            channel_problem(row.last_error),
        )

    def requeueing(self, row_id: int) -> tuple[Operation[RetryRow, bool], RetryRow]:
        return RETRY_MESSAGE, RetryRow(row_id)

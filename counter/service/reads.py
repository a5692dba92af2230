"""The record of whole ID numbers read, as a supervisor lists it (``counter audit reads``).

Each answer that gave an account a person's ID number whole is recorded by the service as it answers
(:mod:`counter.actions.cases.reach`); this lists them: who, at which desk, of which case, when, by which operation.
"""

from __future__ import annotations

from counter.access.read_record import IdReadRow, ReadsAsked
from counter.access.roles import Permission
from counter.service.operation import read

LIST_READS = read(
    "reads.list_reads",
    ReadsAsked,
    tuple[IdReadRow, ...],
    Permission.SEE_FIGURES,
    "counter.service.runs.reads:list_reads",
    doc="The answers that gave an account a person's ID number whole, newest first: all, an account's or a case's, "
    "since a day; never the number itself.",
)

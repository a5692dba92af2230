"""Whose numbers a paper prints whole: the persons whose reading it is, recorded as the case page's is.

A paper of a case may print its applicant's or agent's ID number whole, or a phone, for the applicant to check and
sign (the 一件事联办申请表, the 承诺书): handing it out is a read of that person, as showing the case page whole is
(:mod:`counter.actions.cases.reach`).  What a paper prints is its data's words (:mod:`counter.documents.data`),
every one; a number masked on it (``152201********0010``) is not the number, and no read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from counter.case.view import CaseView
from counter.documents.data import DocumentData


def persons_printed(data: DocumentData, view: CaseView) -> tuple[str, ...]:
    """The ID numbers of the case's persons whose ID number or phone ``data`` prints whole: the applicant's (its
    number, its phone or the number messages go to) and the agent's; each once."""
    words = "\n".join(_words(data))
    applicant = (view.applicant_id_no, view.applicant_phone, view.notify_phone)
    read = []
    if view.applicant_id_no and any(value and value in words for value in applicant):
        read.append(view.applicant_id_no)
    if view.agent_id_no and view.agent_id_no in words:
        read.append(view.agent_id_no)
    return tuple(read)


def _words(value: object) -> Iterator[str]:
    """Every string inside ``value``: a document's data, its blocks and their cells."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _words(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _words(item)

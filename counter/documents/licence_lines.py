"""A material a case took as an 电子证照, as its papers print it: the licence, the 108号 words of a copy checked at
the window, the 用证 (who used it, when, why) and the 加注件 the library issued for the use."""

from __future__ import annotations

from counter.case.moments import local_moment
from counter.case.view import CaseMaterialLine
from counter.documents import words as paper
from counter.documents.words import date_text
from counter.intake.checklist import Receipt
from counter.intake.licence_use import use_of_record
from counter.intake.licences import Licence, licence_of_record


def taken_licence(line: CaseMaterialLine) -> Licence | None:
    return licence_of_record(line.licence) if line.receipt == Receipt.RECEIVED.value else None


def received_name(line: CaseMaterialLine) -> str:
    """The material's name; for an 电子证照, the licence under it: number, trust level, issuing body, validity."""
    licence = taken_licence(line)
    if licence is None:
        return line.name
    validity = (
        paper.DOC_LICENCE_UNTIL.format(date=date_text(licence.valid_until))
        if licence.valid_until is not None
        else paper.DOC_LICENCE_OPEN
    )
    shown = paper.DOC_LICENCE_LINES.format(
        name=line.name, number=licence.number, trust=licence.trust.value, issuer=licence.issuer, validity=validity
    )
    return "\n".join([shown, *_use_lines(line.licence, licence)])


def _use_lines(record: str, licence: Licence) -> list[str]:
    """Under a licence the case used: the 108号 words of a copy checked here, the 用证 (who, when, why) and the
    加注件 the library issued for it."""
    lines = [paper.DOC_LICENCE_CHECKED] if licence.checked_original else []
    use = use_of_record(record)
    if use is not None:
        at = local_moment(use.at)
        time = paper.DOC_MOMENT.format(year=at.year, month=at.month, day=at.day, hour=at.hour, minute=at.minute)
        lines.append(paper.DOC_LICENCE_USE.format(by=use.by, desk_no=use.desk_no, time=time, reason=use.reason))
    if licence.annotated_id:
        until = licence.annotated_until
        tail = paper.DOC_LICENCE_ANNOTATED_UNTIL.format(date=date_text(until)) if until is not None else ""
        lines.append(paper.DOC_LICENCE_ANNOTATED.format(id=licence.annotated_id, until=tail))
    return lines

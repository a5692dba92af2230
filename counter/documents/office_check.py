"""Whether office settings can be kept: every field a paper needs given, every line of the exceptions, agreements and
contacts readable, the name in Mongolian printable.

A line that does not read is skipped where the papers read the settings (:mod:`counter.documents.deciders`): a
告知书 then prints without its 复议机关 or its agreement, and nobody is told.  So the settings are checked where they
are saved, whichever face sends them (the window's form, ``counter office``, a desk through the hall server), and
refused with every problem at once (:class:`OfficeRefused`); nothing is saved.
"""

from __future__ import annotations

import dataclasses

from counter.documents.data import OfficeSettings
from counter.documents.deciders import unreadable_agreements, unreadable_contacts, unreadable_overrides
from counter.documents.fonts import unprintable
from counter.parties.text import TextField, TextProblem, check_text

#: every setting, in the order of the window's form
FIELDS = tuple(f.name for f in dataclasses.fields(OfficeSettings))
#: what a site may leave empty: a level it does not know (a hall's township, a league's regional court), the name in
#: Mongolian and the lines; the papers say 有管辖权的人民法院 or keep the place visible rather than print a guess
OPTIONAL_FIELDS = frozenset(
    {
        "office_name_mn",
        "region_court",
        "township_place",
        "township_government",
        "township_court",
        "rights_overrides",
        "entrustments",
        "department_contacts",
        "administrative_organ",  # unanswered is a state of its own: the papers that need the answer wait for it
        "progress_url_base",  # no address the site's 政务服务网 gave: no QR code (counter.documents.paper_blanks)
    }
)


class OfficeRefused(ValueError):
    """Office settings with problems: nothing was saved.  Every problem at once.

    ``missing``: the fields left empty that every paper prints, in the order of :data:`FIELDS`; ``overrides``,
    ``agreements``, ``contacts``: the lines of the 复议/诉讼 exceptions, the 委托受理协议 and the departments'
    contacts that do not read, as written; ``mongolian``: why the name in Mongolian cannot head the papers, with its
    detail (:class:`~counter.parties.text.TextCheck`).  A refusal that names nothing, or a field that is no setting,
    is refused as built (a server's answer read at a desk is held to the same shape).
    """

    def __init__(
        self,
        missing: tuple[str, ...] = (),
        overrides: tuple[str, ...] = (),
        agreements: tuple[str, ...] = (),
        contacts: tuple[str, ...] = (),
        mongolian: TextProblem | None = None,
        mongolian_detail: str = "",
    ) -> None:
        unknown = set(missing) - set(FIELDS)
        if unknown:
            raise ValueError(f"no office setting {min(unknown)!r}")
        if not (missing or overrides or agreements or contacts or mongolian):
            raise ValueError("an office refusal names no problem")
        super().__init__(
            "; ".join(
                f"{name}: {', '.join(values)}"
                for name, values in (
                    ("missing", missing),
                    ("overrides", overrides),
                    ("agreements", agreements),
                    ("contacts", contacts),
                    ("mongolian", (f"{mongolian.value} {mongolian_detail}".strip(),) if mongolian else ()),
                )
                if values
            )
        )
        self.missing = missing
        self.overrides = overrides
        self.agreements = agreements
        self.contacts = contacts
        self.mongolian = mongolian
        self.mongolian_detail = mongolian_detail


def missing_fields(settings: OfficeSettings) -> tuple[str, ...]:
    """The fields left empty that may not be, in the order of the form."""
    values = dataclasses.asdict(settings)
    return tuple(name for name in FIELDS if name not in OPTIONAL_FIELDS and not values[name].strip())


def mongolian_name_problem(name: str) -> tuple[TextProblem, str] | None:
    """Why the office's name in Mongolian cannot head the papers (a hidden character, a character no shipped font
    draws, too long), with the detail; None when it can (also when it is empty: the papers then print the Chinese)."""
    check = check_text(name, TextField.ORGANISATION_NAME)
    if check.problem is not None:
        return check.problem, check.detail
    missing = unprintable(check.value)
    return (TextProblem.UNPRINTABLE, missing) if missing else None


def office_refused(settings: OfficeSettings) -> OfficeRefused | None:
    """Every reason ``settings`` may not be saved, as the refusal to raise; None when they may."""
    missing = missing_fields(settings)
    overrides = unreadable_overrides(settings.rights_overrides)
    agreements = unreadable_agreements(settings.entrustments)
    contacts = unreadable_contacts(settings.department_contacts)
    mongolian = mongolian_name_problem(settings.office_name_mn)
    if not (missing or overrides or agreements or contacts or mongolian):
        return None
    problem, detail = mongolian or (None, "")
    return OfficeRefused(missing, overrides, agreements, contacts, problem, detail)

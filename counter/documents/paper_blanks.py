"""What a site's papers would print blank, named when the site is set up and when its 单位信息 is saved.

Two settings have no default a hall could rightly print: the progress page the QR code carries (an address of the
site's own 政务服务网; a default would send applicants to an address nobody set, so no code is printed until it is
set) and who answers for each department's own papers (许可法 第三十二条第二款: the 受理, 补正 and 不予受理 are the
department's written acts; its 承办人 and phone are its to give, never the hall's clerk's: a department not listed
gets lines to fill in by hand, :func:`counter.documents.deciders.department_contact`).  Neither stops a paper, so
the one who sets the site up is told what will print blank, by name, rather than finding it on the first paper.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from counter.catalog.model import Item
from counter.documents import words as paper
from counter.documents.data import OfficeSettings
from counter.documents.deciders import decider_name, department_contact


@dataclass(frozen=True, slots=True)
class PaperBlanks:
    """``no_progress_page``: no QR code is printed; ``no_contacts``: the deciding departments, by the name their
    papers print, whose 承办人 or phone the site has not listed."""

    no_progress_page: bool = False
    no_contacts: tuple[str, ...] = ()
    #: the bodies whose papers this machine makes with no electronic seal of theirs here: paper only, their OFD
    #: unsealed (:mod:`counter.seals.ofd`)
    no_seal: tuple[str, ...] = ()


def paper_blanks(office: OfficeSettings, items: Iterable[Item]) -> PaperBlanks:
    """What the papers of ``items`` (the catalog's current guides' items) would print blank under ``office``."""
    blank = sorted(
        {decider_name(item, office) for item in items if paper.DOC_FILL_IN in department_contact(item, office)}
    )
    return PaperBlanks(not office.progress_url_base.strip(), tuple(blank))


def acting_bodies(office: OfficeSettings, items: Iterable[Item]) -> tuple[str, ...]:
    """The bodies whose seal the papers of ``items`` take: the office's and each deciding department's, as the
    papers print them at the seal's place (spaces and line breaks taken out)."""
    names = {office.office_name, *(decider_name(item, office) for item in items)}
    return tuple(sorted({"".join(name.split()) for name in names if name.strip()}))

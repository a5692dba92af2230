"""The guide of a bundle above its materials, as HTML: a Bundle in, a string out.

Kept free of widgets so the whole text of a guide can be checked in a test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from counter.catalog.model import Bundle, Fee, Item
from counter.catalog.received_step import received_steps
from counter.ui import words
from counter.ui.guide.html_parts import TABLE, e, heading, lines, note, numbered, row, unbroken
from counter.words.catalog import ADMIN_LEVEL, CASE_KIND, ITEM_TYPE, time_limit
from counter.words.documents import paper_title
from counter.words.punctuation import ASIDE, LIST_JOIN

if TYPE_CHECKING:
    from counter.catalog.site_contacts import SiteContacts


def _hours_line(days: str, periods: Sequence[str], aside: str) -> str:
    line = " ".join([days, *periods])
    return ASIDE.format(text=line, aside=aside) if aside else line


def basic_info(bundle: Bundle, site: SiteContacts | None = None) -> str:
    """The guide's basic facts; where a 待核 guide leaves the site's own facts out, the site's settings say them.

    At a township centre the site's place, hours and phones stand in place of the guide's, which name the league
    hall: the clerk reads out, as the papers print, where the applicant comes back to.
    """
    if site is not None and site.own_place:
        own_place = lines([e(site.address), note(e(words.DESK_SITE_OWN))])
        return _basic_rows(bundle, own_place, e(site.hours), site.consult_phone, site.complaint_phone)
    address = ""
    if bundle.address is not None:
        a = bundle.address
        desk = unbroken(a.desk_no)  # the window's number whole: never 8 / 号窗口 at the end of a line
        address = f'{e(a.street + a.number + a.room)} <span class="desk">{desk}</span>'
    elif site is not None and site.address:
        address = lines([e(site.address), note(e(words.DESK_SITE_FACT))])
    hours = lines(e(_hours_line(h.days, h.periods, h.note)) for h in bundle.hours)
    if not hours and site is not None:
        hours = e(words.DESK_SITE_HOURS)
    consult = bundle.consult_phone or (site.consult_phone if site is not None else "")
    complaint = bundle.complaint_phone or (site.complaint_phone if site is not None else "")
    return _basic_rows(bundle, address, hours, consult, complaint)


def _basic_rows(bundle: Bundle, address: str, hours: str, consult: str, complaint: str) -> str:
    visits = ""
    if bundle.visits is not None:
        visits = e(words.DESK_VISITS.format(count=bundle.visits))
        if bundle.visits_reason:
            visits += f"<br/>{note(e(bundle.visits_reason))}"
    rows = [
        row(words.DESK_K_SERVICE_OBJECTS, e(LIST_JOIN.join(bundle.service_objects))),
        row(words.DESK_K_ADDRESS, address),
        row(words.DESK_K_HOURS, hours),
        row(words.DESK_K_CONSULT, e(consult)),
        row(words.DESK_K_COMPLAINT, e(complaint)),
        row(words.DESK_K_VISITS, visits),
        row(words.DESK_K_PROMISED, e(time_limit(bundle.promised_limit))),
        row(words.DESK_K_FORMS, e(LIST_JOIN.join(bundle.forms))),
        row(words.DESK_K_RESULT, e(bundle.result)),
    ]
    return heading(2, words.DESK_H_BASIC) + TABLE + "".join(rows) + "</table>"


def _fee(fee: Fee | None) -> str:
    if fee is None:
        return e(words.DESK_NOT_STATED)
    amount = words.DESK_FEE_FREE if fee.amount == 0 else words.DESK_FEE_AMOUNT.format(amount=fee.amount)
    basis = "" if fee.basis == amount else fee.basis  # "不收费" twice says nothing more
    return lines([e(amount), note(e(basis))])


def _department(item: Item, deciders: Mapping[str, str]) -> str:
    """The deciding department as this site names it, its level, and whether the window accepts for it.

    Without the site's name (no settings read) the catalog's own wording shows, placeholder and all, rather
    than a guessed place.
    """
    name = deciders.get(item.code) or item.department
    notes = []
    if item.level is not None:
        notes.append(words.DESK_DEPARTMENT_LEVEL.format(level=ADMIN_LEVEL[item.level]))
    if item.entrusted:
        notes.append(words.DESK_ENTRUSTED.format(department=name))
    return lines([e(name), *(note(e(n)) for n in notes)])


def _item_row(item: Item, deciders: Mapping[str, str]) -> str:
    name = e(item.name)
    if item.sub_item and item.sub_item != item.name:
        name += f"<br/>{note(e(item.sub_item))}"
    limits = lines(
        [
            unbroken(words.DESK_LIMIT_PROMISED.format(limit=time_limit(item.promised_limit))),
            unbroken(_legal_limit(item)),
        ]
    )
    cells = [
        name,
        _department(item, deciders),
        e(ITEM_TYPE[item.item_type]) if item.item_type else "",
        e(CASE_KIND[item.case_kind]) if item.case_kind else "",
        limits,
        _fee(item.fee),
        e(item.result),
    ]
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def items_table(bundle: Bundle, deciders: Mapping[str, str]) -> str:
    headers = [
        (words.DESK_COL_ITEM, 18),
        (words.DESK_COL_DEPARTMENT, 15),
        (words.DESK_COL_ITEM_TYPE, 9),
        (words.DESK_COL_CASE_KIND, 9),
        (words.DESK_COL_LIMITS, 16),
        (words.DESK_COL_FEE, 15),
        (words.DESK_COL_RESULT, 18),
    ]
    head = "<tr>" + "".join(f'<th width="{w}%">{e(h)}</th>' for h, w in headers) + "</tr>"
    body = "".join(_item_row(i, deciders) for i in bundle.items)
    notes = [
        f"<p>{note(e(words.DESK_INTERMEDIARY.format(name=x.name, basis=x.basis)))}</p>"
        for i in bundle.items
        for x in i.intermediaries
    ]
    return heading(2, words.DESK_H_ITEMS) + TABLE + head + body + "</table>" + "".join(notes)


def conditions(bundle: Bundle) -> str:
    parts = [heading(2, words.DESK_H_CONDITIONS)]
    if bundle.conditions:
        parts.append(numbered(bundle.conditions))
    for item in bundle.items:
        if item.conditions:
            parts += [heading(3, item.name), numbered(item.conditions)]
    if len(parts) == 1:
        parts.append(f"<p>{e(words.DESK_NOT_STATED)}</p>")
    return "".join(parts)


def _received_title(kind: str) -> str:
    """A 收件 paper's name on the guide: the one the window gives it everywhere, by the hall's standing."""
    return paper_title(kind, True)


def steps(bundle: Bundle, *, received: bool = False) -> str:
    """办理流程; ``received``: the hall only receives every item, and its own step is its 收件."""
    head = (
        f'<tr><th width="6%">{e(words.DESK_COL_NO)}</th><th>{e(words.DESK_COL_STEP)}</th>'
        f'<th width="18%">{e(words.DESK_COL_STEP_LIMIT)}</th>'
        f'<th width="30%">{e(words.DESK_COL_STEP_RESULT)}</th></tr>'
    )
    rows = [
        f"<tr><td>{n}</td><td>{lines([e(s.name), note(e(s.description))])}</td>"
        f"<td>{e(time_limit(s.limit))}</td><td>{e(s.result)}</td></tr>"
        for n, s in enumerate(received_steps(bundle, _received_title) if received else bundle.steps, 1)
    ]
    if not rows:
        return heading(2, words.DESK_H_STEPS) + f"<p>{e(words.DESK_NOT_STATED)}</p>"
    return heading(2, words.DESK_H_STEPS) + TABLE + head + "".join(rows) + "</table>"


def guide_html(
    bundle: Bundle,
    deciders: Mapping[str, str] | None = None,
    site: SiteContacts | None = None,
    *,
    received: bool = False,
) -> str:
    """Everything of a published guide above its materials; ``deciders`` names each item's department at this site;
    ``received``: the site only receives every item (its 办理流程 says 收件)."""
    summary = f"<p>{e(bundle.summary)}</p>" if bundle.summary else ""
    shown = basic_info(bundle, site) + items_table(bundle, deciders or {}) + conditions(bundle)
    return summary + shown + steps(bundle, received=received)


def unpublished_html() -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="16"><tr><td class="unpublished">'
        f"{e(words.DESK_UNPUBLISHED_PANEL)}</td></tr></table>"
    )


def _legal_limit(item: Item) -> str:
    if item.no_legal_limit:
        return words.DESK_NO_LEGAL_LIMIT
    return words.DESK_LIMIT_LEGAL.format(limit=time_limit(item.legal_limit))

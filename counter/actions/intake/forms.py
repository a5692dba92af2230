"""The blank forms and 示范样表 of a guide, made for printing at the window or saving to files.

A form is the guide's, not a case's: it is neither numbered nor kept as a notice record, and making one
changes nothing stored.  A 待核 guide's forms print too (marked so on the paper): the applicant fills them
in before any intake, and the checklist (兴署办发〔2021〕8 号, 附件 items 23-24) asks for every form's blank
and sample without exception.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from counter.access.desk import Desk
from counter.access.roles import Permission
from counter.actions.admin.guard import require
from counter.actions.cases.documents import marked_for_training, office_settings
from counter.actions.catalog.guides import bundle_code_named
from counter.catalog.model import Bundle
from counter.db.catalog_store import current_guide
from counter.documents.form_paper import FormNotFound, FormPaper
from counter.documents.forms import bundle_forms, form_for
from counter.documents.made import GuideNotFound


def _guide(session: Session, bundle_code: str) -> Bundle:
    stored = current_guide(session, bundle_code)
    if stored is None or not stored.bundle.has_guide:
        raise GuideNotFound(bundle_code)
    return stored.bundle


def guide_forms(session: Session, bundle_code: str) -> tuple[tuple[str, str], ...]:
    """The (code, name) of every form of a bundle's current guide.  Raises :class:`GuideNotFound`."""
    return tuple((m.code, m.name) for m in bundle_forms(_guide(session, bundle_code)))


def guide_forms_named(session: Session, bundle: str, *, find: bool = False) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The bundle's code and its forms (:func:`guide_forms`); ``find``: the bundle named as ``catalog show`` takes it
    (:func:`bundle_code_named`)."""
    code = bundle_code_named(session, bundle) if find else bundle
    return code, guide_forms(session, code)


def make_form(
    session: Session, desk: Desk, bundle_code: str, material_code: str, today: dt.date, *, sample: bool
) -> FormPaper:
    """The blank form (or, with ``sample``, the 示范样表) of one form of a bundle's current guide.

    Raises :class:`GuideNotFound` and :class:`FormNotFound`.
    """
    from counter.documents.render import render_pdf  # reportlab: loaded at the first print

    require(session, desk.actor, Permission.PRINT)
    bundle = _guide(session, bundle_code)
    material = next((m for m in bundle_forms(bundle) if m.code == material_code), None)
    if material is None:
        raise FormNotFound(bundle_code, material_code)
    data = form_for(bundle, material, office_settings(session, desk.identity.site_code), today, sample=sample)
    data = marked_for_training(session, data)
    return FormPaper(bundle.code, material.code, material.name, data.kind, render_pdf(data))

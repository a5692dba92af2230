"""One 承办人 phone per clerk: every paper the window's clerk signs prints the hall's phone beside the name.

The guides give each bundle its own line for questions (a guide's 咨询电话); the 承办人's phone was taken from it, so
the same clerk printed one number on a restaurant's receipt and another on a shop's.  The clerk sits at the hall:
its phone (the site's office settings) is the one beside the clerk's name, whatever the bundle.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from counter.case.numbers import doc_no
from counter.documents.model import DocumentKind, document_for, guide_notice_for
from counter.documents.render import render_pdf
from counter.documents.words import DOC_CLERK, DOC_CLERK_GUIDE, DOC_CLERK_PHONE
from tests.documents.conftest import DESK, TODAY, DemoCases
from tests.documents.pdf_tools import pdf_lines

#: the papers the window's clerk signs as 承办人 (the 不予批准决定书 is the department's, signed by its own 承办人)
CLERK_PAPERS = (
    DocumentKind.APPLICATION,
    DocumentKind.RECEIPT,
    DocumentKind.DEFERRAL,
    DocumentKind.PLEDGE,
    DocumentKind.CORRECTION,
    DocumentKind.REFUSAL,
    DocumentKind.DATE_NOTICE,
)
OTHER_LINES = ("0482-8261234", "0482-8267777")  # two bundles' 咨询电话, neither the hall's


def _clerk_phones(path: Path) -> set[str]:
    """The phone printed beside the clerk's name (``承办人：乌兰 联系电话：…``), as ``pdftotext -layout`` reads it."""
    label = f"(?:{DOC_CLERK}|{DOC_CLERK_GUIDE})：{DESK.clerk}{DOC_CLERK_PHONE}：([0-9-]+)"
    return {found.group(1) for line in pdf_lines(path) if (found := re.search(label, line))}


def test_the_same_clerk_prints_the_same_phone_on_every_paper_of_every_bundle(demo: DemoCases, tmp_path: Path) -> None:
    bundles = [dataclasses.replace(demo.bundle, consult_phone=line) for line in OTHER_LINES]
    phones: dict[str, set[str]] = {}
    for bundle in bundles:
        for n, kind in enumerate(CLERK_PAPERS, 1):
            number_kind = kind.number_kind
            assert number_kind is not None
            number = doc_no(DESK.identity, TODAY, number_kind, n)
            data = document_for(demo.view_for(kind), kind, demo.office, number, bundle, TODAY)
            path = tmp_path / f"{kind.value}-{bundle.consult_phone}.pdf"
            path.write_bytes(render_pdf(data))
            phones[path.stem] = _clerk_phones(path)
        notice = guide_notice_for(bundle, demo.office, TODAY, DESK.clerk, guide_version=1)
        path = tmp_path / f"guide-{bundle.consult_phone}.pdf"
        path.write_bytes(render_pdf(notice))
        phones[path.stem] = _clerk_phones(path)
    assert phones == {stem: {demo.office.consult_phone} for stem in phones}

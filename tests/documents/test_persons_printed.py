"""Every paper of a case, read back with pdftotext: a person whose ID number or phone it prints whole is one its
making records as read (:func:`counter.documents.persons_printed.persons_printed`), and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter.documents.kinds import DocumentKind
from counter.documents.persons_printed import persons_printed
from counter.documents.render import render_pdf
from tests.documents.conftest import CASE_OF_KIND, DemoCases
from tests.documents.pdf_tools import pdf_text


@pytest.mark.parametrize("kind", sorted(CASE_OF_KIND))
def test_the_persons_read_are_those_whose_numbers_the_paper_prints_whole(
    demo: DemoCases, kind: DocumentKind, tmp_path: Path
) -> None:
    data = demo.document(kind)
    view = demo.view_for(kind)
    path = tmp_path / "paper.pdf"
    path.write_bytes(render_pdf(data))
    text = pdf_text(path)
    printed: dict[str, tuple[str, ...]] = {
        view.applicant_id_no: (view.applicant_id_no, view.applicant_phone, view.notify_phone)
    }
    if view.agent_id_no:
        printed[view.agent_id_no] = (view.agent_id_no,)
    whole = {person for person, values in printed.items() if any(v and v in text for v in values)}
    assert set(persons_printed(data, view)) == whole
    if kind is DocumentKind.APPLICATION:  # the one the applicant checks and signs: both persons, whole
        assert whole == {view.applicant_id_no, view.agent_id_no}


def test_every_case_paper_is_walked() -> None:
    assert set(CASE_OF_KIND) == {kind for kind in DocumentKind if kind.needs_case}

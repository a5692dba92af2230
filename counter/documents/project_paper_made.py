"""A 帮您办 paper as made: its form, number, project and PDF, and whether it was printed before."""

from __future__ import annotations

from dataclasses import dataclass

from counter.documents.project_papers import KIND_OF_FORM
from counter.projects.forms import ProjectForm


@dataclass(frozen=True, slots=True)
class ProjectPaperMade:
    form: ProjectForm
    doc_no: str  # empty for a leaflet
    project_no: str  # empty for a leaflet
    pdf: bytes
    content_hash: str
    reprint: bool

    @property
    def title(self) -> str:
        """The print job's title: what the paper is and whose."""
        return f"{KIND_OF_FORM[self.form].value} {self.doc_no}".strip()

"""A guide's form made for the applicant to fill in (blank or a sample), and the refusal of a form not found."""

from __future__ import annotations

from dataclasses import dataclass

from counter.documents.kinds import DocumentKind


@dataclass(frozen=True, slots=True)
class FormPaper:
    bundle_code: str
    material_code: str
    name: str  # the form's name, its title on paper
    kind: DocumentKind  # BLANK_FORM or SAMPLE_FORM
    pdf: bytes

    @property
    def title(self) -> str:
        """The print job's title: what the paper is and of which guide."""
        return f"{self.kind.value} {self.bundle_code} {self.material_code}"


class FormNotFound(Exception):
    """The guide has no form of that code (no material of it, or one the applicant does not fill in)."""

    def __init__(self, bundle_code: str, material_code: str) -> None:
        super().__init__(f"{bundle_code} {material_code}")
        self.bundle_code = bundle_code
        self.material_code = material_code

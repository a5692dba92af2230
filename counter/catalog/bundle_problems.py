"""The problems found in one bundle, each stamped with its file and bundle: what every check of
:mod:`counter.catalog.validate` and :mod:`counter.catalog.validate_materials` reports to."""

from __future__ import annotations

from counter.catalog.model import Bundle
from counter.catalog.problems import Problem, Rule


class BundleProblems:
    """Problems of one bundle, each stamped with its file and bundle."""

    def __init__(self, file: str, bundle: Bundle) -> None:
        self.file = file
        self.bundle = bundle.code or file
        self.problems: list[Problem] = []

    def report(
        self, rule: Rule, field: str, detail: str = "", *, item: str = "", material: str = "",
        extra: tuple[tuple[str, str], ...] = (),
    ) -> None:  # fmt: skip
        self.problems.append(Problem(rule, self.file, self.bundle, item, material, field, detail, extra))

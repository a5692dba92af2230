"""The project a face asked for by its number is not there: the face says so with the number it was given."""

from __future__ import annotations


class NoSuchProject(LookupError):
    """No project has that number."""

    def __init__(self, number: str) -> None:
        super().__init__(number)
        self.number = number

"""A guide this site has not confirmed yet, as the 待核指南 page lists it: a 待核 draft or a shipped 样例."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DraftGuide:
    code: str
    number: int
    name: str
    version: int
    sample: bool = False  # a 样例 shipped as published: its papers say 样例 until the site publishes it

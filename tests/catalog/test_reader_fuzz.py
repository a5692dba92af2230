"""Any bytes in a catalog file give a bundle or named problems, never an exception.

Shipped files are cut short and have bytes flipped, and random text is read,
the way a USB stick or a careless editor would damage them.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counter.catalog.reader import parse_bundle
from tests.conftest import SHIPPED_CATALOG

SAMPLE = (SHIPPED_CATALOG / "008.toml").read_text(encoding="utf-8")


def _answer(text: str) -> None:
    bundle, problems = parse_bundle(text, "008.toml")
    assert bundle is not None or problems  # nothing read and nothing said would be a silent loss
    assert all(p.file == "008.toml" for p in problems)


@given(st.integers(0, len(SAMPLE)))
def test_a_file_cut_short_is_named(cut: int) -> None:
    _answer(SAMPLE[:cut])


@given(st.integers(0, len(SAMPLE) - 1), st.characters(exclude_categories=["Cs"]))
def test_a_changed_character_is_named(at: int, char: str) -> None:
    _answer(SAMPLE[:at] + char + SAMPLE[at + 1 :])


@given(st.text(max_size=400))
def test_random_text_is_named(text: str) -> None:
    _answer(text)

"""The pad's pictures can be drawn at both sizes, with the faces' colours in them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageColor
from PySide6.QtWidgets import QApplication

from counter.ui.pad.strip import STRIP_SIZE
from counter.ui.pad.style import LEVEL_COLOURS, OVERDUE_COLOURS, PRIMARY, THANKS
from tests.ui.pad.pictures import SIZES, STATES, draw, draw_extras, draw_pages


def colours_of(path: Path) -> set[object]:
    with Image.open(path) as image:
        counted = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert counted is not None
    return {colour for _count, colour in counted}


@pytest.mark.slow
def test_every_state_at_both_sizes(qapp: QApplication, pad_font: str | None, tmp_path: Path) -> None:
    assert qapp is QApplication.instance()
    assert pad_font == "WenQuanYi Micro Hei"
    written = draw(tmp_path)
    assert [p.name for p in written] == [f"pad-{state}-{size}.png" for size in SIZES for state in STATES]
    for path in written:
        with Image.open(path) as image:
            assert image.size == SIZES[path.stem.rsplit("-", 1)[1]]
        assert len(colours_of(path)) > 50  # anti-aliased text and shapes, not an empty window
    for size in SIZES:
        faces = colours_of(tmp_path / f"pad-rating-{size}.png")
        assert {ImageColor.getrgb(colour) for colour, _tint in LEVEL_COLOURS.values()} <= faces
        assert ImageColor.getrgb(THANKS) in colours_of(tmp_path / f"pad-thanks-{size}.png")


def test_the_keyboards_text_line_and_the_strip_are_drawn(
    qapp: QApplication, pad_font: str | None, tmp_path: Path
) -> None:
    assert pad_font == "WenQuanYi Micro Hei"
    keyboard, strip = draw_extras(tmp_path)
    assert len(colours_of(keyboard)) > 50
    with Image.open(strip) as image:
        assert image.size == STRIP_SIZE.toTuple()
    assert ImageColor.getrgb(PRIMARY) in colours_of(strip)


@pytest.mark.slow
def test_the_supervisor_pages_are_drawn_with_the_overdue_row_in_red(
    qapp: QApplication, pad_font: str | None, tmp_path: Path
) -> None:
    assert pad_font == "WenQuanYi Micro Hei"
    supervision, figures = draw_pages(tmp_path, tmp_path)
    assert ImageColor.getrgb(OVERDUE_COLOURS[0]) in colours_of(supervision)
    with Image.open(figures) as image:
        assert image.size == (1000, 360)
    assert qapp is QApplication.instance()

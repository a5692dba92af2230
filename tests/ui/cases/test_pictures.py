"""The pictures of the case windows can be drawn, with their warning colours in them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageColor
from PySide6.QtWidgets import QApplication

from counter.ui.cases.marks import AMBER, RED
from tests.ui.cases.pictures import LISTS_SIZE, PAGE_SIZE, draw


def colours_of(path: Path) -> set[object]:
    with Image.open(path) as image:
        counted = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert counted is not None
    return {colour for _count, colour in counted}


@pytest.mark.slow
def test_pictures_are_drawn(qapp: QApplication, app_font: str | None, tmp_path: Path) -> None:
    assert app_font == "WenQuanYi Micro Hei"
    page, decision, lists = draw(tmp_path, tmp_path)
    red, amber = ImageColor.getrgb(RED), ImageColor.getrgb(AMBER)
    for path, size in ((page, PAGE_SIZE), (decision, PAGE_SIZE), (lists, LISTS_SIZE)):
        with Image.open(path) as image:
            assert image.size == size
        colours = colours_of(path)
        assert len(colours) > 50  # anti-aliased text, not an empty window
        assert red in colours  # the overdue deferral
    assert amber in colours_of(lists)  # the deferral due tomorrow

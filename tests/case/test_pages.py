"""A camera's image kept as a page: scaled to its long side, compressed, refused with its reason when it cannot be."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from counter.case.pages import (
    LONG_SIDE,
    PAGE_BYTES_MAX,
    PAGES_MAX,
    SOURCE_BYTES_MAX,
    PageImage,
    PageProblem,
    PageRefused,
    TakenPage,
    check_taken,
    page_image,
)


def png(width: int, height: int, mode: str = "RGB", noise: bool = False) -> bytes:
    picture = (
        Image.frombytes(mode, (width, height), os.urandom(width * height * len(mode)))
        if noise
        else Image.new(mode, (width, height), "white" if mode == "RGB" else 255)
    )
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def test_a_large_page_is_scaled_to_its_long_side_and_kept_as_jpeg() -> None:
    page = page_image(png(3000, 2250))
    assert (page.width, page.height) == (LONG_SIDE, 1500)
    with Image.open(io.BytesIO(page.jpeg)) as kept:
        assert (kept.format, kept.size, kept.mode) == ("JPEG", (LONG_SIDE, 1500), "RGB")


def test_a_small_greyscale_page_stays_its_size_and_grey() -> None:
    page = page_image(png(800, 1100, "L"))
    assert (page.width, page.height) == (800, 1100)
    with Image.open(io.BytesIO(page.jpeg)) as kept:
        assert kept.mode == "L"


def test_bytes_that_are_no_image_are_refused() -> None:
    with pytest.raises(PageRefused) as caught:
        page_image(b"\xff\xd8 not really a jpeg")
    assert caught.value.problem is PageProblem.NOT_AN_IMAGE


def test_a_frame_beyond_what_a_camera_hands_over_is_refused_unread() -> None:
    """More bytes than a 16 MP sensor's raw frame: refused as too large before any decoder sees them, and said so with
    the size, not as a picture that could not be read."""
    with pytest.raises(PageRefused) as caught:
        page_image(bytes(SOURCE_BYTES_MAX + 1))
    assert caught.value.problem is PageProblem.TOO_LARGE
    assert caught.value.detail == f"{SOURCE_BYTES_MAX + 1} bytes from the camera"


@pytest.mark.slow  # a page of noise compressed: about a second
def test_a_page_still_too_large_once_compressed_is_refused() -> None:
    with pytest.raises(PageRefused) as caught:
        page_image(png(LONG_SIDE, LONG_SIDE, noise=True))  # noise does not compress: several megabytes as JPEG
    assert caught.value.problem is PageProblem.TOO_LARGE
    assert PAGE_BYTES_MAX < 4 << 20


def test_a_page_handed_in_made_is_held_to_what_the_desk_makes() -> None:
    """An intake's pages come made from the desk: each is refused unless it is a JPEG of the size it declares, within
    the bounds a page is made to, and no material brings more than PAGES_MAX."""
    made = page_image(png(800, 1100, "L"))
    check_taken((TakenPage("M1", made, False),) * PAGES_MAX)
    blob = PageImage(b"\xff\xd8\xff" + os.urandom(20 << 20), 10, 10)  # 20 MB declared 10×10 px
    resized = PageImage(made.jpeg, 10, 10)
    png_page = PageImage(png(800, 1100), 800, 1100)
    noise = PageImage(os.urandom(4096), 10, 10)
    for image, problem in (
        (blob, PageProblem.TOO_LARGE),
        (resized, PageProblem.NOT_AS_DECLARED),
        (png_page, PageProblem.NOT_AS_DECLARED),
        (noise, PageProblem.NOT_AN_IMAGE),
    ):
        with pytest.raises(PageRefused) as caught:
            check_taken((TakenPage("M1", image, False),))
        assert caught.value.problem is problem
    with pytest.raises(PageRefused) as caught:
        check_taken((TakenPage("M1", made, False),) * (PAGES_MAX + 1))
    assert caught.value.problem is PageProblem.TOO_MANY

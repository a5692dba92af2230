"""A document camera for the tests: a page drawn with text, no device."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from counter.resources import fonts_dir


@dataclass(slots=True)
class SyntheticCamera:
    """A page drawn with its text and a page number: each capture the next page, 1240 x 1754 (A4 at 150 dpi)."""

    title: str = "居民身份证复印件"
    taken: int = 0

    def capture(self) -> bytes:
        self.taken += 1
        page = Image.new("L", (1240, 1754), 250)
        draw = ImageDraw.Draw(page)
        font = ImageFont.truetype(str(fonts_dir() / "wqy-microhei.ttc"), 48)  # the desk's own hanzi font
        draw.rectangle((60, 60, 1180, 1694), outline=40, width=4)
        draw.text((120, 140), f"{self.title}", fill=20, font=font)
        draw.text((120, 240), f"第 {self.taken} 页", fill=20, font=font)
        for line in range(12):
            draw.line((120, 400 + line * 90, 1120, 400 + line * 90), fill=120, width=3)
        out = io.BytesIO()
        page.save(out, "PNG")
        return out.getvalue()

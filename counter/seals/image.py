"""The picture of a body's electronic seal: a red ring, a star, the body's name round the top, 电子印章 below.

Why drawn here.  A hall that has no image of its seal from the public security office still needs one to show on
the page where the seal stands; the image is only what a reader draws, the proof is the signature
(:mod:`counter.seals.ses`).  A hall that has its registered image puts that file in its place
(:func:`counter.seals.store.make_body_seal` takes one).  PNG, transparent, 40 mm across (the size of a
department's 专用章), drawn with the papers' own font, so a rare character in a name draws too.
"""

from __future__ import annotations

import io
import math

SIZE_MM = 40
_PIXELS = 472  # 40 mm at 300 dpi
_RED = (220, 20, 20, 255)


def seal_png(name: str) -> bytes:
    """The seal's picture for ``name``: the same bytes for the same name."""
    from PIL import Image, ImageDraw, ImageFont

    from counter.documents.fonts import PRIMARY, document_fonts

    path, number = document_fonts().source(PRIMARY.name)
    image = Image.new("RGBA", (_PIXELS, _PIXELS), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    centre, ring = _PIXELS / 2, _PIXELS * 0.03
    draw.ellipse((ring / 2, ring / 2, _PIXELS - ring / 2, _PIXELS - ring / 2), outline=_RED, width=round(ring))
    star = [
        (centre + (60 if k % 2 == 0 else 24) * math.sin(k * math.pi / 5),
         centre - (60 if k % 2 == 0 else 24) * math.cos(k * math.pi / 5))
        for k in range(10)
    ]  # fmt: skip
    draw.polygon(star, fill=_RED)
    size = max(26, min(52, round(_PIXELS * 2.6 / max(len(name), 1))))
    font = ImageFont.truetype(str(path), size, index=number)
    spread = min(math.radians(250), math.radians(size / _PIXELS * 150) * len(name))
    radius = centre - ring - size * 0.75
    for i, char in enumerate(name):
        angle = -spread / 2 + spread * (i + 0.5) / len(name)
        glyph = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((size, size), char, font=font, fill=_RED, anchor="mm")
        turned = glyph.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC)
        x, y = centre + radius * math.sin(angle), centre - radius * math.cos(angle)
        image.alpha_composite(turned, (round(x - size), round(y - size)))
    small = ImageFont.truetype(str(path), 34, index=number)
    draw.text((centre, centre + 120), "电子印章", font=small, fill=_RED, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()

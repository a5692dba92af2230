#!/bin/sh
# Render the app's icon from its drawing, packaging/icons/counter.svg, after a change to it:
#   counter/resources/icons/counter-<size>.png   the window's icon (the wheel and the frozen app carry it) and the
#                                                 desktop's, at the hicolor theme's sizes
#   packaging/icons/counter.ico                   the Windows program's icon, every size in one file
# Needs rsvg-convert (apt-get install librsvg2-bin) and a Python with Pillow (COUNTER_PYTHON, default .venv's).
# The results are committed, so building the app needs neither.
set -eu
cd "$(dirname "$0")/.."
python="${COUNTER_PYTHON:-.venv/bin/python}"
svg=packaging/icons/counter.svg
out=counter/resources/icons
mkdir -p "$out"
for size in 16 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" "$svg" --output "$out/counter-$size.png"
done
"$python" - "$out" packaging/icons/counter.ico <<'PY'
import sys
from pathlib import Path

from PIL import Image

folder, ico = Path(sys.argv[1]), sys.argv[2]
images = [Image.open(folder / f"counter-{size}.png") for size in (16, 32, 48, 64, 128, 256)]
# each size drawn for itself rather than scaled from the largest by Pillow
images[-1].save(ico, format="ICO", sizes=[im.size for im in images], append_images=images[:-1])
PY

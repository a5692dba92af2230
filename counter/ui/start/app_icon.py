"""The app's icon on its windows, the task bar and the window switcher.

Made of the PNGs rendered for each size rather than from the SVG drawing: the small sizes are drawn on the pixel
grid, and Qt would need its SVG module (and, frozen, its plugin) to read the drawing.  A missing file leaves the
desktop's default icon: nothing the desk cannot work without.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

ICON_SIZES = (16, 32, 48, 64, 128, 256)
# On Wayland the compositor shows the icon of the .desktop file the application names, never the window's own:
# the same name as packaging's counter.desktop.
DESKTOP_FILE = "counter"


def app_icon(folder: Path) -> QIcon:
    """The icon at every size shipped in ``folder`` (``counter-<size>.png``)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = folder / f"counter-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon

"""What the window system does to a window, delivered as it delivers it, for tests that need the real event.

Qt tells the window system's close (Alt+F4 under a window manager, the title bar's button) from a program's
``close()`` only by the event being spontaneous, which a test cannot make with ``sendEvent``; the platform's own
entry point (``QWindowSystemInterface::handleCloseEvent``, exported by QtGui) makes it exactly as a window manager's
WM_DELETE_WINDOW does.
"""

from __future__ import annotations

import ctypes
from functools import cache
from pathlib import Path
from typing import Any

import PySide6
import shiboken6
from PySide6.QtWidgets import QWidget

_HANDLE_CLOSE = "_ZN22QWindowSystemInterface16handleCloseEventINS_19SynchronousDeliveryEEEbP7QWindow"


@cache
def _handle_close() -> Any:
    gui = ctypes.CDLL(str(Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"))
    handle = getattr(gui, _HANDLE_CLOSE)
    handle.restype = ctypes.c_bool
    handle.argtypes = [ctypes.c_void_p]
    return handle


def close_as_window_manager(window: QWidget) -> bool:
    """Close ``window`` as Alt+F4 does; whether the window accepted it."""
    handle = window.windowHandle()
    assert handle is not None, "the window is not shown"
    return bool(_handle_close()(shiboken6.getCppPointer(handle)[0]))

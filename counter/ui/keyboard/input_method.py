"""Which of Qt's input-method plugins the window asks for, so that the desk's Chinese input method reaches it.

Kylin and UOS desks type hanzi through fcitx5 (its own pinyin, or Sogou on it) and tell programs so with
``QT_IM_MODULE=fcitx``.  The Qt inside PySide6, in a virtual environment and in the frozen program alike, carries no
fcitx plugin, only IBus's: asked for ``fcitx``, Qt falls back to its compose plugin and the clerk can type only Latin
letters.  fcitx5 also answers as IBus (its IBus frontend, on by default), so the window asks for ``ibus`` instead.

Qt's IBus plugin goes looking for an IBus bus only where the ``ibus-daemon`` program is installed; elsewhere it
talks to nothing unless told to use the IBus portal on the session bus (``IBUS_USE_PORTAL``), which fcitx5 serves
too.  So on a desk without ``ibus-daemon`` the portal is asked for.

Qt's IBus plugin also sends each key to the input method and, by default, goes on without waiting for the answer;
keys that come fast (a barcode scanner typing a case number, a few milliseconds apart) can then reach the window in
another order than they were typed: "xcg" became "cxg".  With ``IBUS_ENABLE_SYNC_MODE=1`` it waits for each answer,
and the keys stay in order.  A variable the desk's session sets itself (``QT_IM_MODULES``, Qt's list;
``IBUS_USE_PORTAL``; ``IBUS_ENABLE_SYNC_MODE``) is left as it is: someone chose it.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable, Mapping, MutableMapping
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

log = logging.getLogger(__name__)

#: the names a session gives fcitx by, in QT_IM_MODULE and in XMODIFIERS' ``@im=``
FCITX = frozenset({"fcitx", "fcitx5"})


def has_fcitx_plugin(plugin_folders: Iterable[Path]) -> bool:
    """Whether a Qt plugin folder holds an fcitx input context (fcitx5-qt's: libfcitx5platforminputcontextplugin.so)."""
    return any(any((folder / "platforminputcontexts").glob("*fcitx*")) for folder in plugin_folders)


def input_method_settings(environ: Mapping[str, str], fcitx_plugin: bool, ibus_daemon: bool) -> dict[str, str]:
    """The environment variables to change before Qt starts, from the session's ``environ``.

    ``fcitx_plugin``: this Qt can load an fcitx plugin; ``ibus_daemon``: the ``ibus-daemon`` program is installed.
    """
    if environ.get("QT_IM_MODULES"):
        return {}
    asked = environ.get("QT_IM_MODULE", "")
    chosen = asked
    if not fcitx_plugin:
        # fcitx named in QT_IM_MODULE, or (a session that sets only the X11 variable) in XMODIFIERS
        by_x11 = not asked and environ.get("XMODIFIERS", "").removeprefix("@im=").lower() in FCITX
        if asked.lower() in FCITX or by_x11:
            chosen = "ibus"
    changes = {"QT_IM_MODULE": chosen} if chosen != asked else {}
    if chosen.lower() == "ibus":
        if not ibus_daemon and "IBUS_USE_PORTAL" not in environ:
            changes["IBUS_USE_PORTAL"] = "1"
        if "IBUS_ENABLE_SYNC_MODE" not in environ:
            changes["IBUS_ENABLE_SYNC_MODE"] = "1"
    return changes


def choose_input_method(environ: MutableMapping[str, str] = os.environ) -> None:
    """Set what :func:`input_method_settings` gives, before the QApplication is made (Qt reads it only then)."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))]
    folders += [Path(folder) for folder in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if folder]
    fcitx_plugin, ibus_daemon = (
        has_fcitx_plugin(folders),
        shutil.which("ibus-daemon", path=environ.get("PATH", os.defpath)) is not None,
    )
    changes = input_method_settings(environ, fcitx_plugin, ibus_daemon)
    if changes:
        log.info(
            "input method: %s (the session's QT_IM_MODULE=%s XMODIFIERS=%s; fcitx plugin: %s, ibus-daemon: %s)",
            " ".join(f"{key}={value}" for key, value in sorted(changes.items())),
            environ.get("QT_IM_MODULE", ""),
            environ.get("XMODIFIERS", ""),
            fcitx_plugin,
            ibus_daemon,
        )
        environ.update(changes)

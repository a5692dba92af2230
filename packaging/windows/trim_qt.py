"""Take out of an unpacked Windows PySide6 what the desk never loads, as packaging/counter.spec does when freezing.

The desk imports QtCore, QtGui, QtWidgets, QtNetwork (the single-desk guard) and QtPrintSupport.  Kept: those
modules, the plugin folders a widget program loads (the platform, styles, image formats, icon engines), every Qt
library any of them links (read from the files' import tables with binutils' objdump), and the translations.  Gone:
QML and Quick, Designer and the other tools, the headers and type descriptions for building against Qt, the network
plugins that bring OpenSSL, SQL drivers, and Mesa's software OpenGL (a widget window draws without OpenGL).

    python packaging/windows/trim_qt.py SITE_PACKAGES
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPrintSupport")
PLUGINS = ("platforms", "styles", "imageformats", "iconengines")
# for building against Qt or designing windows, never read by a running program
BUILD_ONLY = ("include", "metatypes", "typesystems", "glue", "qml", "resources", "scripts", "doc")
SOFTWARE_OPENGL = "opengl32sw.dll"


def imports(binary: Path) -> set[str]:
    table = subprocess.run(["objdump", "-p", str(binary)], capture_output=True, text=True, check=True).stdout
    return {name.lower() for name in re.findall(r"DLL Name: (\S+)", table)}


def main(site: Path) -> None:
    pyside = site / "PySide6"
    for folder in pyside.glob("plugins/*"):
        if folder.name not in PLUGINS:
            shutil.rmtree(folder)
    for name in BUILD_ONLY:
        shutil.rmtree(pyside / name, ignore_errors=True)
    for tool in pyside.glob("*.exe"):
        tool.unlink()
    (pyside / SOFTWARE_OPENGL).unlink(missing_ok=True)
    (pyside / "pyside6qml.abi3.dll").unlink(missing_ok=True)  # QtQml's own half of PySide
    for module in pyside.glob("Qt*.pyd"):
        if module.name.split(".")[0] not in MODULES:
            module.unlink()
            module.with_suffix(".pyi").unlink(missing_ok=True)
    # the Qt libraries reached from what stays
    libraries = {path.name.lower(): path for path in pyside.glob("*.dll")}
    todo = [*pyside.glob("Qt*.pyd"), *pyside.glob("plugins/*/*.dll"), pyside / "pyside6.abi3.dll"]
    needed: set[str] = set()
    while todo:
        for name in imports(todo.pop()) & libraries.keys() - needed:
            needed.add(name)
            todo.append(libraries[name])
    for name, path in libraries.items():
        if name.startswith("qt6") and name not in needed:
            path.unlink()


if __name__ == "__main__":
    main(Path(sys.argv[1]))

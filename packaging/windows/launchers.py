"""Write ``counter.exe`` and ``counter-cli.exe``, the installed program's two starters, into a folder.

Each is the small launcher pip itself puts in front of a Python program on Windows (distlib's, from the pip of the
environment that builds), followed by a ``#!`` line naming the interpreter beside it (``<launcher_dir>`` is the
folder the launcher is in, wherever the desk installed it) and a zip holding ``__main__.py``.  The launcher starts
that interpreter on itself, so the zip's ``__main__.py`` runs, and waits for it to end with its exit status.

- ``counter.exe``: the GUI launcher over ``pythonw.exe``, for the Start-menu entry: no console window behind the desk.
- ``counter-cli.exe``: the console launcher over ``python.exe``, for the commands and ``--version``.

    python packaging/windows/launchers.py FOLDER
"""

from __future__ import annotations

import io
import sys
import zipfile
from importlib import resources
from pathlib import Path

MAIN = b"""import sys

from counter.__main__ import entry

sys.exit(entry())
"""

#: program name: (distlib launcher, interpreter beside it)
LAUNCHERS = {
    "counter.exe": ("w64.exe", "pythonw.exe"),
    "counter-cli.exe": ("t64.exe", "python.exe"),
}


def program(launcher: bytes, interpreter: str) -> bytes:
    archive = io.BytesIO()
    # a fixed date, so that the same checkout builds the same bytes
    info = zipfile.ZipInfo("__main__.py", date_time=(2020, 1, 1, 0, 0, 0))
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(info, MAIN)
    # UTF-8 mode: what the commands print reaches a pipe or a file as UTF-8, as on Linux, rather than in the
    # desk's ANSI code page (a console window shows either way)
    shebang = f"#!<launcher_dir>\\{interpreter} -X utf8\r\n".encode("ascii")
    return launcher + shebang + archive.getvalue()


def main(folder: Path) -> None:
    distlib = resources.files("pip._vendor.distlib")
    for name, (launcher, interpreter) in LAUNCHERS.items():
        (folder / name).write_bytes(program((distlib / launcher).read_bytes(), interpreter))


if __name__ == "__main__":
    main(Path(sys.argv[1]))

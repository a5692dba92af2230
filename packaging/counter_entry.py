"""The frozen program's first module: the same entry as the installed ``counter`` command.

On Linux PyInstaller's bootloader puts the program's own library folder in front of ``LD_LIBRARY_PATH`` (keeping
the caller's value in ``LD_LIBRARY_PATH_ORIG``) so that the bundled Python finds its libraries.  The dynamic
loader reads the variable once, when a process starts, so this process keeps what it loaded; the variable is put
back only for the programs it starts, above all CUPS's ``lp`` and ``lpstat``, which must load the machine's own
libraries and not the bundled copies of libz or libxcb.
"""

import os
import sys

from counter.__main__ import entry


def _restore_library_path() -> None:
    if not getattr(sys, "frozen", False) or sys.platform != "linux":
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original


_restore_library_path()
entry()

"""PySide6's import hook, told which modules use Qt without reading their sources.

Once PySide6 is loaded, its import hook (``shibokensupport.feature``) reads the whole source of every module imported
after it, to see whether it names ``PySide6`` (a module that does may switch on PySide6's ``__feature__`` options,
``snake_case`` and ``true_property``).  The desk's warm-up imports some 450 modules after the window shows —
SQLAlchemy, the tables, the actions — and the hook found, read and split into lines every one of their files: about
a tenth of the warm-up's processor time, and four files checked on disk for each (2,577 ``stat`` calls).  The desk
uses none of those options, so the answer is given by the module's name: the window's own modules and PySide6's use
Qt, nothing else does.

What the hook read stayed in :mod:`linecache`, every line of every file, for the life of the process: over a desk's
day some 650 modules, 270,000 lines, about 25 MiB.  The lines it read before it was told (the window's modules,
imported after PySide6) are let go then; a traceback reads its lines again.
"""

from __future__ import annotations

import linecache
import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

#: the modules that use Qt: PySide6's, and the window's
QT_MODULES = ("PySide6", "shiboken6", "counter.ui")
_HOOK = "shibokensupport.feature"
_ASKED = "_mod_uses_pyside"  # the hook's question, asked of each module it has not seen


def uses_qt(module: ModuleType) -> bool:
    """Whether ``module`` uses Qt, by its name alone."""
    name = getattr(module, "__name__", "")
    return isinstance(name, str) and (name in QT_MODULES or name.startswith(tuple(m + "." for m in QT_MODULES)))


def answer_by_name() -> bool:
    """PySide6's hook answers by :func:`uses_qt` from now on; False when this PySide6 has no such hook."""
    hook = sys.modules.get(_HOOK)
    if hook is None or not callable(getattr(hook, _ASKED, None)):
        log.info("PySide6 has no import hook reading sources here")
        return False
    setattr(hook, _ASKED, uses_qt)  # PySide6's own module: it has no public way to be told
    for name, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:  # lines read from a file (not code made in memory)
            del linecache.cache[name]
    return True

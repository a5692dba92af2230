"""Every operation of the service, by name: each area's declarations imported once, for the reference and the tests."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import counter.service
from counter.service.operation import DECLARED, Operation

#: the modules of the package that declare no operation
_FRAME = frozenset({"catalogue", "codec", "faults", "local", "operation", "pad_remote", "remote", "retries"})


def operations() -> dict[str, Operation[Any, Any]]:
    """Every declared operation, by name, in the order of their names."""
    for info in pkgutil.iter_modules(counter.service.__path__):
        if info.name not in _FRAME:
            importlib.import_module(f"counter.service.{info.name}")
    return dict(sorted(DECLARED.items()))

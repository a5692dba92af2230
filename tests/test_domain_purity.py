"""The domain imports neither Qt nor SQLAlchemy (design §1)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import counter

FACES = (
    "counter.db",
    "counter.ui",
    "counter.cli",
    "counter.actions",
    "counter.service",
    "counter.server",
    "counter.__main__",
)


def domain_modules() -> list[str]:
    found = []
    for info in pkgutil.walk_packages(counter.__path__, "counter."):
        if not info.name.startswith(FACES):
            found.append(info.name)
    return found


@pytest.mark.slow
def test_domain_modules_import_neither_qt_nor_sqlalchemy() -> None:
    modules = domain_modules()
    assert "counter.catalog.model" in modules
    assert "counter.catalog.search" in modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'sqlalchemy', 'alembic'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []

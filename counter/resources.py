"""Where the files shipped with the app are: the bundled catalog, the fonts and the translations.

Plain paths, no process state: the documents find their fonts here without depending on the host layer, and the
host's data folders stay in :mod:`counter.host.paths`.  ``COUNTER_RESOURCES`` points elsewhere (tests use it).
"""

from __future__ import annotations

import os
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder beside the package (the app runs from its checkout)."""
    override = os.environ.get("COUNTER_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def bundled_catalog_dir() -> Path:
    return resources_dir() / "catalog"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def translations_dir() -> Path:
    """The gettext catalogues (``<language>.po``) and their template ``counter.pot``."""
    return resources_dir() / "translations"

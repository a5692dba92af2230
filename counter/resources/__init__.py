"""Where the files shipped with the app are: the bundled catalog, the fonts and the translations.

They live inside the package (``counter/resources/``) and are found beside this module's own file, so a wheel,
an editable install and a frozen build (PyInstaller puts the package and its data under its own folder) all find
them the same way, wherever the program is started from.  That is the folder :mod:`importlib.resources` names for a
package installed as files, without the archive readers (zipfile, lzma, tempfile…) it imports, which the desk's
every start would pay for.  ``COUNTER_RESOURCES`` points elsewhere (tests and training use it).

Plain paths, no process state: the documents find their fonts here without depending on the host layer, and the
host's data folders stay in :mod:`counter.host.machine.paths`.  :func:`missing_resources` tells start-up what an
incomplete installation lacks, so the desk refuses to start instead of printing boxes or showing no bundles.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from pathlib import Path

CATALOG = "catalog"
FONTS = "fonts"
TRANSLATIONS = "translations"
ICONS = "icons"
DEVICES = "devices"  # how the desk speaks to the window's devices: data files an integrator adapts
PLATFORM = "platform"  # the formats of the region's systems (docs/platform.md)
PREPARED = "prepared"  # built at package time, never committed: see counter.db.prepared_start
# The platform's files reporting, the ratings' export and the pad's 测评内容 cannot do without: the region's mapping
# (its code lists, counter.platform.settings.DEFAULT_MAPPING) and the national 测评内容 (counter.ratings.eval_content)
MAPPING_FILE = "nmg.toml"
EVAL_CONTENT_FILE = "eval-content.toml"
REQUIRED_PLATFORM = (MAPPING_FILE, EVAL_CONTENT_FILE)

# The font files the window and the documents cannot do without (counter.documents.fonts and counter.ui.look.fonts
# name the same files; tests/test_resources.py checks that the three lists agree).
REQUIRED_FONTS = (
    "wqy-microhei.ttc",
    "noto-sans-mongolian.ttf",
    "hanamin-a-rare.ttf",
    "hanamin-b.ttf",
    "plangothic-ext-gh.ttf",
    "jigmo2-ext-i.ttf",
)


def resources_dir() -> Path:
    """The folder of the shipped files: ``COUNTER_RESOURCES`` when set, else the package's own."""
    override = os.environ.get("COUNTER_RESOURCES")
    if override:
        return Path(override)
    # Installed as files (wheel, editable, PyInstaller one-folder), the package is a real folder; reportlab and
    # Qt need real file paths, so a zipped install is not supported and shows up here as a missing folder.
    return Path(__file__).parent


def bundled_catalog_dir() -> Path:
    return resources_dir() / CATALOG


def fonts_dir() -> Path:
    return resources_dir() / FONTS


def translations_dir() -> Path:
    """The gettext catalogues (``<language>.po``) and their template ``counter.pot``."""
    return resources_dir() / TRANSLATIONS


def licence_format_file() -> Path:
    """The shipped format of the 电子证照库's requests and answers, which an integrator copies and adapts."""
    return resources_dir() / PLATFORM / "licence-library.toml"


def icons_dir() -> Path:
    """The app's icon as ``counter-<size>.png`` (16 to 256 px), rendered from ``packaging/icons/counter.svg``."""
    return resources_dir() / ICONS


def devices_dir() -> Path:
    return resources_dir() / DEVICES


def prepared_dir() -> Path:
    """The prepared first-start database and its fingerprint, when the installation was built with them."""
    return resources_dir() / PREPARED


class Lack(enum.Enum):
    MISSING = "missing"  # not there at all
    UNREADABLE = "unreadable"  # there, but it cannot be opened (permissions, a broken copy)
    EMPTY = "empty"  # the catalog folder holds no catalog file


@dataclass(frozen=True, slots=True)
class MissingResource:
    """One shipped file or folder the app cannot start without."""

    path: Path
    lack: Lack
    detail: str = ""


def _check_file(path: Path) -> MissingResource | None:
    try:
        with path.open("rb") as handle:
            if not handle.read(4):
                return MissingResource(path, Lack.UNREADABLE, "0 bytes")
    except FileNotFoundError:
        return MissingResource(path, Lack.MISSING)
    except OSError as err:
        return MissingResource(path, Lack.UNREADABLE, err.strerror or type(err).__name__)
    return None


def _check_catalog(folder: Path) -> MissingResource | None:
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return MissingResource(folder, Lack.MISSING)
    except OSError as err:
        return MissingResource(folder, Lack.UNREADABLE, err.strerror or type(err).__name__)
    if not any(name.endswith(".toml") for name in names):
        return MissingResource(folder, Lack.EMPTY)
    return None


def missing_resources() -> list[MissingResource]:
    """What the installation lacks of the files the app cannot work without; empty when it is whole.

    A few file opens (well under a millisecond): cheap enough for every start.
    """
    root = resources_dir()
    found = [
        _check_catalog(root / CATALOG),
        *(_check_file(root / FONTS / name) for name in REQUIRED_FONTS),
        *(_check_file(root / PLATFORM / name) for name in REQUIRED_PLATFORM),
    ]
    return [lack for lack in found if lack is not None]


def missing_summary(missing: list[MissingResource]) -> str:
    """One log line of what is missing, for support (the clerk's sentence is the faces' words)."""
    return "; ".join(f"{item.path} {item.lack.value}" for item in missing)

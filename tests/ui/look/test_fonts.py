"""The shipped font draws Chinese on a machine that has no Chinese font at all, and every widget draws with it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counter.resources import fonts_dir
from counter.ui.door.runner import Runner
from counter.ui.look.fonts import FAMILY, MONO_FAMILY, ui_families
from counter.ui.sync.site_card_box import SiteCardBox
from tests.documents.test_newer_extensions import SAMPLED
from tests.documents.test_unprinted_mark import font_with_extension_j
from tests.ratings.conftest import DESK

SAMPLE = "一件事一次办综合受理窗口指南未发布我要开小餐馆号窗口个工作日"
PROBE = f"""
import sys
from pathlib import Path
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from counter.ui.look.fonts import install_fonts

app = QApplication([])
before = all(QFontMetrics(app.font()).inFontUcs4(ord(c)) for c in {SAMPLE!r})
family = install_fonts(app, Path(sys.argv[1]))
metrics = QFontMetrics(app.font())
after = all(metrics.inFontUcs4(ord(c)) for c in {SAMPLE!r})
print(before, family, after, app.font().pixelSize())
"""


def run_without_system_fonts(tmp_path: Path, probe: str, fonts: Path | None = None) -> str:
    """Run ``probe`` where fontconfig knows no font at all: only what the app ships (or ``fonts``) can draw."""
    return probe_without_system_fonts(tmp_path, probe, fonts).stdout


def probe_without_system_fonts(
    tmp_path: Path, probe: str, fonts: Path | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """:func:`run_without_system_fonts`, what it printed and what it logged; ``stdin`` is the probe's input."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{empty}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe, str(fonts or fonts_dir())],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_chinese_is_drawn_without_any_system_font(tmp_path: Path) -> None:
    out = run_without_system_fonts(tmp_path, PROBE)
    assert out.split() == ["False", "WenQuanYi", "Micro", "Hei", "True", "14"]


# the names of rare characters laid out with the application's font: each run's font and its glyphs (0: a box)
GLYPH_RUNS = """
layout = QTextLayout("王䶮 李𬭚 𬍚 𰀀𱍐 𮯰𮹝", app.font())
layout.beginLayout()
layout.createLine()
layout.endLayout()
for run in layout.glyphRuns():
    print(run.rawFont().familyName(), ",".join(str(g) for g in run.glyphIndexes()))
"""

RARE_PROBE = (
    """
import sys
from pathlib import Path
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication
from counter.ui.look.fonts import install_fonts

app = QApplication([])
install_fonts(app, Path(sys.argv[1]))
"""
    + GLYPH_RUNS
)


def test_rare_name_characters_are_drawn_from_the_shipped_fallback(tmp_path: Path) -> None:
    """䶮 and 𬭚 are outside WenQuanYi: they come from Hanazono, never as glyph 0 (a box); 𰀀 (CJK Extension G,
    U+30000) and 𱍐 (Extension H, U+31350) from Plangothic; 𮯰 and 𮹝 (U+2EBF0 and U+2EE5D, the first and last of
    Extension I) from Jigmo2."""
    out = run_without_system_fonts(tmp_path, RARE_PROBE)
    runs = [line.rsplit(" ", 1) for line in out.splitlines()]
    families = {family for family, _ in runs}
    assert "WenQuanYi Micro Hei" in families
    assert families & {"HanaMinA", "HanaMinB"}
    assert "Plangothic P2 Ext-GH subset" in families
    assert "Jigmo2 Ext-I subset" in families
    assert all("0" not in glyphs.split(",") for _, glyphs in runs), runs


LATER_PROBE = (
    """
import sys
from pathlib import Path
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel
from counter.ui.look.fonts import FALLBACK_FAMILIES, install_fonts, install_rare_fonts

app = QApplication([])
install_fonts(app, Path(sys.argv[1]), rare_now=False)
print("before:", sorted(set(FALLBACK_FAMILIES) & set(QFontDatabase.families())))
label = QLabel("王䶮 李𬭚 𬍚 𰀀𱍐 𮯰𮹝")
label.show()
label.repaint()
install_rare_fonts(Path(sys.argv[1]))
print("after:", sorted(f for f in QFontDatabase.families() if f in FALLBACK_FAMILIES))
"""
    + GLYPH_RUNS
)


def test_rare_fonts_registered_after_the_first_paint_still_draw_rare_characters(tmp_path: Path) -> None:
    """The desk's start names the Hanazono families before registering them: text drawn later finds them."""
    out = run_without_system_fonts(tmp_path, LATER_PROBE).splitlines()
    assert out[0] == "before: []"
    # FALLBACK_FAMILIES are the files' families
    assert out[1] == "after: ['HanaMinA', 'HanaMinB', 'Jigmo2 Ext-I subset', 'Plangothic P2 Ext-GH subset']"
    runs = [line.rsplit(" ", 1) for line in out[2:]]
    assert {family for family, _ in runs} >= {
        "WenQuanYi Micro Hei",
        "HanaMinA",
        "Plangothic P2 Ext-GH subset",
        "Jigmo2 Ext-I subset",
    }
    assert all("0" not in glyphs.split(",") for _, glyphs in runs), runs


SAMPLED_PROBE = """
import sys
from pathlib import Path
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QLineEdit
from counter.ui.look.fonts import install_fonts

app = QApplication([])
install_fonts(app, Path(sys.argv[1]))
font = QLineEdit().font()  # a name's field: the application font, as every widget without a font of its own
for char in sys.stdin.read().split():
    layout = QTextLayout(char, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    for run in layout.glyphRuns():
        raw = run.rawFont()
        print(f"{ord(char):X}", raw.familyName().replace(" ", "_"), raw.supportsCharacter(ord(char)),
              ",".join(str(g) for g in run.glyphIndexes()))
"""


def test_twenty_random_characters_of_each_new_extension_draw_on_screen(tmp_path: Path) -> None:
    """The characters the receipts are tested with (20 of each of Extensions G, H and I, seeded), each laid out in a
    name field's font where fontconfig knows no font: drawn by the shipped font of its block, a real glyph."""
    chars = "".join(SAMPLED.values())
    done = probe_without_system_fonts(tmp_path, SAMPLED_PROBE, stdin=" ".join(chars))
    drawn = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines()}
    expected = {"G": "Plangothic_P2_Ext-GH_subset", "H": "Plangothic_P2_Ext-GH_subset", "I": "Jigmo2_Ext-I_subset"}
    assert len(drawn) == len(chars) == 60
    for block, sample in SAMPLED.items():
        for char in sample:
            family, supported, glyphs = drawn[f"{ord(char):X}"]
            assert (family, supported) == (expected[block], "True"), (hex(ord(char)), family)
            assert "0" not in glyphs.split(","), hex(ord(char))


def test_the_widgets_draw_with_the_shipped_font_latin_and_digits_too(qtbot: QtBot) -> None:
    """Not fontconfig's sans-serif (DejaVu, Noto): Qt resolves the application font to Micro Hei, for a label too."""
    assert QApplication.font().families()[: len(ui_families())] == ui_families()
    label = QLabel("受理 No.0123456789 ABCxyz")
    qtbot.addWidget(label)
    assert QFontInfo(label.font()).family() == FAMILY
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    assert {run.rawFont().familyName() for run in layout.glyphRuns()} == {FAMILY}


def test_the_site_fingerprint_is_in_the_shipped_monospaced_face(qtbot: QtBot, runner: Runner) -> None:
    box = SiteCardBox(runner, DESK)
    qtbot.addWidget(box)
    box.fingerprint.setText("3F9A 00C1 7B2E")
    box.fingerprint.ensurePolished()
    assert QFontInfo(box.fingerprint.font()).family() == MONO_FAMILY


WIDTH_PROBE = """
import sys
from pathlib import Path
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from counter.ui.look.fonts import install_fonts

app = QApplication([])
install_fonts(app, Path(sys.argv[1]), rare_now=False)
metrics = QFontMetrics(app.font())
for text in ("我要开小餐馆（50平方米以下）", "No.0123456789", "ABCxyz abc", "2026-11-20 09:30"):
    print(metrics.horizontalAdvance(text), metrics.height())
"""


def test_text_takes_the_same_room_with_or_without_the_systems_fonts(tmp_path: Path) -> None:
    """The layout does not move with the machine's fonts: what DejaVu or Noto would draw, the shipped font draws."""
    with_system = subprocess.run(
        [sys.executable, "-c", WIDTH_PROBE, str(fonts_dir())],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert with_system.returncode == 0, with_system.stderr
    assert with_system.stdout == run_without_system_fonts(tmp_path, WIDTH_PROBE)


HALL_FAMILY = "Plangothic P2"


def hall_font(path: Path) -> None:
    """A font of its own family that draws U+323B0 (CJK Extension J), as a hall's Plangothic would."""
    from fontTools.ttLib import TTFont

    font_with_extension_j(path)
    font = TTFont(path)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = HALL_FAMILY
    font.save(path)


EXTRA_PROBE = """
import logging
import sys
from pathlib import Path
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication
from counter.ui.look.fonts import install_fonts, install_rare_fonts

logging.basicConfig(level=logging.INFO, stream=sys.stderr)
app = QApplication([])
install_fonts(app, Path(sys.argv[1]), rare_now=False)
install_rare_fonts(Path(sys.argv[1]))
print("|".join(app.font().families()))
layout = QTextLayout("王\\U000323b0", app.font())
layout.beginLayout()
layout.createLine()
layout.endLayout()
for run in layout.glyphRuns():
    print(run.rawFont().familyName(), ",".join(str(g) for g in run.glyphIndexes()))
"""


@pytest.mark.slow
def test_a_font_the_hall_adds_draws_at_the_window_what_the_shipped_ones_lack(tmp_path: Path) -> None:
    """A hall drops its own font (``extra-*.ttf``) beside the shipped ones for a name's character none of them has
    (CJK Extension J): the window draws it from that font, not as a box; a file in the folder that is no font is
    skipped, said in the log, and the others still serve."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    for shipped in fonts_dir().iterdir():
        (folder / shipped.name).symlink_to(shipped)
    hall_font(folder / "extra-plangothic-p2.ttf")
    (folder / "extra-0-broken.ttf").write_bytes(b"not a font\n")
    done = probe_without_system_fonts(tmp_path, EXTRA_PROBE, folder)
    named, *glyph_runs = done.stdout.splitlines()
    assert named.split("|") == [*ui_families(), HALL_FAMILY]  # named after the shipped ones, tried last
    runs = [line.rsplit(" ", 1) for line in glyph_runs]
    assert {family for family, _ in runs} == {FAMILY, HALL_FAMILY}
    assert all("0" not in glyphs.split(",") for _, glyphs in runs), runs
    assert "font extra-0-broken.ttf could not be registered" in done.stderr
    assert f"hall's own fonts: {HALL_FAMILY}" in done.stderr

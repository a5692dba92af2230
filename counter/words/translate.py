"""The one translation mechanism of the window and the command line: gettext catalogues read from ``.po`` files.

Chinese is the source language: every user-visible string is written in Chinese inside ``tr("…")``, and the
Chinese is also the message id.  A second language (Mongolian, English) is a file
``resources/translations/<code>.po`` made from the template ``counter.pot`` (``tools/extract_words.py`` writes it);
adding one is a translator's work, never a code change.

The language is chosen once, at process start, before any face loads its words: words modules write
``NAME = tr("中文…")`` at module level, so their strings are translated when the module is first imported.
Until :func:`set_language` is called, the first :func:`tr` chooses the language from the environment
(``COUNTER_LANG``; see :func:`language_from_environment`), so a face that never calls it still honours the
setting.  Changing the language after a translated string was produced leaves the strings already made in the
old language; :func:`set_language` logs a warning when that happens.

The ``.po`` files are read by the small reader below (msgid/msgstr, multi-line strings, escapes; fuzzy and
untranslated entries are skipped), so no compiled ``.mo`` is generated or committed and no extra dependency is
needed.  A file that cannot be read is reported (a Chinese message, logged) and the app carries on in Chinese:
a broken translation never stops a desk.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from counter.resources import translations_dir

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "zh_CN"
LANGUAGE_VARIABLE = "COUNTER_LANG"
# the report of a broken catalogue, in the source language: the catalogue itself is what failed
BROKEN_CATALOGUE = "翻译文件 {path} 无法读取（{reason}），界面继续使用中文"
MISSING_CATALOGUE = "没有找到语言“{code}”的翻译文件 {path}，界面继续使用中文"


class CatalogueError(ValueError):
    """A ``.po`` file that does not read: what is wrong, and on which line."""


@dataclass
class _State:
    code: str = SOURCE_LANGUAGE
    table: dict[str, str] | None = None  # None: not chosen yet
    produced: bool = False  # a translated string has left tr()


_state = _State()


def tr(message: str) -> str:
    """``message`` in the active language: the catalogue's translation, else the Chinese source."""
    if _state.table is None:
        set_language(language_from_environment())
    assert _state.table is not None
    translated = _state.table.get(message)
    if translated is None:
        return message
    _state.produced = True
    return translated


def language_from_environment() -> str | None:
    """The language asked for by ``COUNTER_LANG`` (``en``, ``mn``…); ``None`` (Chinese) when unset or Chinese."""
    code = os.environ.get(LANGUAGE_VARIABLE, "").strip()
    if not code or code.lower().replace("-", "_") in ("zh", "zh_cn", "zh_hans"):
        return None
    return code


def active_language() -> str:
    """The code of the active language (``zh_CN`` for the source), chosen from the environment if not yet."""
    if _state.table is None:
        set_language(language_from_environment())
    return _state.code


def set_language(code: str | None, folder: Path | None = None) -> bool:
    """Use the catalogue ``<code>.po`` from ``folder`` (the shipped translations); ``None``: Chinese.

    Returns whether the language asked for is now active.  A missing or broken file is logged, in words, and
    Chinese stays active.
    """
    if _state.produced:
        log.warning("language changed to %s after translated words were made: those stay as they were", code)
    _state.produced = False
    if code is None or code == SOURCE_LANGUAGE:
        _state.code, _state.table = SOURCE_LANGUAGE, {}
        return True
    table = _catalogue(code, folder or translations_dir())
    _state.code, _state.table = (SOURCE_LANGUAGE, {}) if table is None else (code, table)
    return table is not None


def words_in(code: str | None) -> Callable[[str], str]:
    """The words of one window in a language of its own: a Chinese source (a words module's constant, as made in
    the process's language, Chinese at a hall's desk) → its translation in ``<code>.po``, else the Chinese.

    For the window that faces the applicant (the review pad, ``mn``) while the clerk's windows stay Chinese.  A
    missing or broken catalogue is logged and the window speaks Chinese, as :func:`set_language` would.
    """
    if code in (None, SOURCE_LANGUAGE, "zh"):
        return lambda message: message
    table = _catalogue(code, translations_dir()) or {}
    return lambda message: table.get(message, message)


def _catalogue(code: str, folder: Path) -> dict[str, str] | None:
    """The translations of ``<code>.po`` in ``folder``; ``None`` when the file is missing or broken, logged in words."""
    path = folder / f"{code}.po"
    try:
        return read_po(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        log.error("%s", MISSING_CATALOGUE.format(code=code, path=path))
    except (OSError, UnicodeDecodeError, CatalogueError) as err:
        log.error("%s", BROKEN_CATALOGUE.format(path=path, reason=err))
    return None


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquote(text: str, line_no: int) -> str:
    """The value of one ``"…"`` string of a ``.po`` file, escapes undone."""
    if len(text) < 2 or not text.startswith('"') or not text.endswith('"'):
        raise CatalogueError(f"第{line_no}行：字符串须用双引号括起")
    body, out, i = text[1:-1], [], 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            if i + 1 >= len(body) or body[i + 1] not in _ESCAPES:
                raise CatalogueError(f"第{line_no}行：无法识别的转义")
            out.append(_ESCAPES[body[i + 1]])
            i += 2
        elif char == '"':
            raise CatalogueError(f'第{line_no}行：字符串中的双引号须写成 \\"')
        else:
            out.append(char)
            i += 1
    return "".join(out)


def read_po(text: str) -> dict[str, str]:
    """The translations of a ``.po`` file: msgid → msgstr, without the header, fuzzy or untranslated entries."""
    table: dict[str, str] = {}
    entry: dict[str, list[str]] = {}
    fuzzy = False
    current = ""

    def close() -> None:
        nonlocal entry, fuzzy, current
        if "msgid" in entry:
            if "msgstr" not in entry:
                raise CatalogueError(f"msgid “{''.join(entry['msgid'])}” 没有 msgstr")
            source, target = "".join(entry["msgid"]), "".join(entry["msgstr"])
            if source and target and not fuzzy:
                table[source] = target
        entry, fuzzy, current = {}, False, ""

    for line_no, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            close()
        elif line.startswith("#"):
            if "msgid" in entry:
                close()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
        elif line.startswith(('msgid "', 'msgstr "', 'msgctxt "')):
            keyword, _, rest = line.partition(" ")
            if keyword == "msgid" and "msgid" in entry:
                close()
            if keyword in entry:
                raise CatalogueError(f"第{line_no}行：{keyword} 重复")
            current = keyword
            entry[keyword] = [_unquote(rest.strip(), line_no)]
        elif line.startswith(("msgid_plural", "msgstr[")):
            raise CatalogueError(f"第{line_no}行：本程序不使用复数形式")
        elif line.startswith('"'):
            if not current:
                raise CatalogueError(f"第{line_no}行：续行前面没有 msgid 或 msgstr")
            entry[current].append(_unquote(line, line_no))
        else:
            raise CatalogueError(f"第{line_no}行：无法识别“{line[:20]}”")
    close()
    return table

"""Shared pieces of the guide's HTML: the style sheet and escaping helpers.

Qt's rich text knows a subset of CSS 2.1: with ``border-collapse`` each cell draws
its own light border, padding comes from ``cellpadding``, and spacing between
blocks from their margins.  Every catalog string passes through :func:`e`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from counter.ui import words
from counter.ui.widgets.unbroken import unbroken as joined

STYLE = """
body { font-size: 15px; color: #1f2933; }
h2 { font-size: 17px; color: #0b4f8a; margin-top: 22px; margin-bottom: 8px; }
h3 { font-size: 15px; color: #334e68; margin-top: 16px; margin-bottom: 6px; }
p { margin-top: 4px; margin-bottom: 4px; line-height: 150%; }
li { margin-bottom: 4px; line-height: 150%; }
table { border-collapse: collapse; margin-top: 4px; }
td, th { border: 1px solid #d3dce6; vertical-align: top; }
th { background-color: #eef2f6; color: #243b53; font-weight: bold; text-align: left; white-space: nowrap; }
.key { background-color: #f5f7fa; color: #243b53; font-weight: bold; white-space: nowrap; }
.note { color: #52606d; font-size: 13px; }
.desk { color: #b42318; font-weight: bold; }
.required { color: #1f2933; }
.deferrable { color: #b54708; font-weight: bold; }
.optional { color: #52606d; }
.shared { color: #027a48; font-weight: bold; }
.count { color: #52606d; }
.unpublished {
    color: #b42318; font-size: 18px; font-weight: bold; background-color: #fef3f2; border: 1px solid #f4b8b2;
}
"""

TABLE = '<table width="100%" cellspacing="0" cellpadding="7">'


def e(text: str) -> str:
    return escape(text, quote=True)


def lines(parts: Iterable[str]) -> str:
    """Join already-escaped fragments, one per line, skipping empty ones."""
    return "<br/>".join(p for p in parts if p)


def unbroken(text: str) -> str:
    """Escaped text kept on one line, for short values such as "10个工作日" or "8号窗口".

    Qt's rich text honours ``white-space: nowrap`` for a whole paragraph, not for a span inside one: the guide at
    150 % text still said 8 / 号窗口.  Word joiners between the characters (:mod:`counter.ui.widgets.unbroken`) hold the
    value together wherever it stands.
    """
    return f'<span style="white-space: nowrap">{e(joined(text))}</span>'


def note(text: str) -> str:
    return f'<span class="note">{text}</span>' if text else ""


def row(key: str, value: str) -> str:
    return f'<tr><td class="key" width="18%">{e(key)}</td><td>{value or e(words.DESK_NOT_STATED)}</td></tr>'


def heading(level: int, text: str) -> str:
    return f"<h{level}>{e(text)}</h{level}>"


def numbered(entries: Sequence[str]) -> str:
    return "<ol>" + "".join(f"<li>{e(entry)}</li>" for entry in entries) + "</ol>"

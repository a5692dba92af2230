"""Write the translators' template ``resources/translations/counter.pot`` from the words of the app.

Every ``tr("…")`` call under ``counter/`` whose first argument is a string literal is a message;
its Chinese is the message id.  The template is deterministic (no creation date, messages in the order they first
appear, files in path order), so a test can check that the committed one is up to date:

    python tools/extract_words.py          # rewrite the template
    python tools/extract_words.py --check  # exit 1 when the committed template is out of date

A translator copies the template to ``<language>.po`` (``en.po``, ``mn.po``) and fills in the ``msgstr``s; a new
language needs no code change.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "counter"
TEMPLATE = ROOT / "counter" / "resources" / "translations" / "counter.pot"
MARKERS = frozenset({"tr"})

HEADER = """\
# The words of counter (一件事一次办 desk app), for translators.
# Chinese is the source language: each msgid is the Chinese the app shows when no translation is active.
# Copy this file to <language>.po (en.po, mn.po) and fill in the msgstr lines; {braces} are filled in by the
# app and must stay as they are.  Written by tools/extract_words.py: do not edit by hand.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"""


def messages(package: Path = PACKAGE) -> dict[str, list[str]]:
    """Every marked message → the files that use it, in order of first use.

    Files without line numbers: a line moved by an unrelated edit does not make the template out of date.
    """
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(package.parent).as_posix()
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
        for node in sorted(calls, key=lambda call: (call.lineno, call.col_offset)):
            if (
                isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                places = found.setdefault(node.args[0].value, [])
                if where not in places:
                    places.append(where)
    return found


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [f"{line}\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def template(found: dict[str, list[str]]) -> str:
    entries = [HEADER]
    for message, places in found.items():
        entries.append(f'#: {" ".join(places)}\nmsgid {_quote(message)}\nmsgstr ""\n')
    return "\n".join(entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the template is up to date")
    args = parser.parse_args(argv)
    text = template(messages())
    if args.check:
        current = TEMPLATE.read_text(encoding="utf-8") if TEMPLATE.exists() else ""
        if current != text:
            print(f"{TEMPLATE.relative_to(ROOT)} is out of date: run python tools/extract_words.py", file=sys.stderr)
            return 1
        return 0
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_text(text, encoding="utf-8")
    print(f"{len(text.splitlines())} lines, {text.count('msgid ') - 1} messages: {TEMPLATE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

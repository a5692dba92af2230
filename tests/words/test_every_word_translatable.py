"""No user-visible Chinese bypasses the translation mechanism in the modules this check covers.

Every string literal with Chinese (CJK) characters must be the direct first argument of ``tr(…)``,
so the template lists it and a catalogue can translate it.  Docstrings and comments are not shown to anyone and
are left alone; an f-string with Chinese is always a failure (its text cannot be looked up: write
``tr("…{name}…").format(name=…)``).  Punctuation between words (、 ； ： full-width brackets) is Chinese too and
goes through :mod:`counter.words.punctuation`; a stored format that happens to use such a mark is the domain's
(``counter.case.status.NOTE_CODES_JOIN``), not a literal in a face.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
# folders (every module inside) and single modules, relative to the repository
COVERED: tuple[str, ...] = (
    "counter/words",
    "counter/ui",
    "counter/cli",
)
# the mechanism's own reports of a broken catalogue: they cannot go through the catalogue that failed
EXEMPT = frozenset({"counter/words/translate.py"})
MARKERS = frozenset({"tr"})
CJK = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def covered_modules() -> list[Path]:
    found: list[Path] = []
    for entry in COVERED:
        path = REPO / entry
        found.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return [p for p in found if p.relative_to(REPO).as_posix() not in EXEMPT]


def _docstrings(tree: ast.Module) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def bypasses(source: str, name: str = "<source>") -> list[str]:
    """Every Chinese literal of ``source`` that does not go through tr(), as ``file:line: text``."""
    tree = ast.parse(source, filename=name)
    docstrings = _docstrings(tree)
    marked: set[int] = set()
    inside_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS and node.args:
            marked.add(id(node.args[0]))
        if isinstance(node, ast.JoinedStr):  # its own text and format specs; an expression inside is checked
            inside_fstrings.update(id(part) for part in node.values if isinstance(part, ast.Constant))
            specs = [part.format_spec for part in node.values if isinstance(part, ast.FormattedValue)]
            inside_fstrings.update(id(part) for spec in specs if spec for part in ast.walk(spec))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in inside_fstrings:
            text = "".join(p.value for p in node.values if isinstance(p, ast.Constant) and isinstance(p.value, str))
            if CJK.search(text):
                found.append((node.lineno, f"{name}:{node.lineno}: f-string {text[:30]!r}"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and CJK.search(node.value)
            and id(node) not in docstrings | marked | inside_fstrings
        ):
            found.append((node.lineno, f"{name}:{node.lineno}: {node.value[:30]!r}"))
    return [hit for _, hit in sorted(found)]


@pytest.mark.slow
def test_every_chinese_literal_of_the_covered_modules_goes_through_tr() -> None:
    modules = covered_modules()
    assert len(modules) >= 120  # the words package, every module of the window and of the command line
    found = [hit for path in modules for hit in bypasses(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))]
    assert found == []


def test_the_check_catches_what_bypasses_and_spares_what_does_not() -> None:
    source = '''
"""模块说明：不显示给用户。"""
from counter.words.translate import tr

A = tr("受理")
C = "不予受理"
D = tr("{name}：" "续行")
E = {"key": tr("必要"), "other": "非必要"}


def f(name: str) -> str:
    """函数说明。"""
    # 注释：不是字符串
    return f"申请人 {name}" + tr("x") + str(tr(name)) + "plain ascii"


G = tr(f"第{1}行")
H = print("直接显示")
I = f"{day}  {'放假' if off else tr('调休上班')}"
'''
    found = [hit.split(": ", 1)[1] for hit in bypasses(source)]
    assert found == [
        "'不予受理'",
        "'非必要'",
        "f-string '申请人 '",
        "f-string '第行'",
        "'直接显示'",
        "'放假'",
    ]

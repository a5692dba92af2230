"""The parser of every command line (``counter``'s commands and ``counter serve``): argparse, saying its own words in
Chinese.

argparse's messages ("usage:", "the following arguments are required", "invalid choice", "show this help message and
exit"…) are English, and a technician at a hall's server or a clerk at a desk would read them.  argparse is written
to be translated through gettext, but not through that route here: its messages go through ``gettext.gettext``,
which looks in the process's *global* text domain for a compiled ``.mo`` catalogue chosen by the ``LANGUAGE``/``LANG``
variables.  Giving argparse Chinese that way means changing the global domain (every other library's translations
with it), setting the process's language variables (Qt reads them too) and shipping a compiled catalogue the app
otherwise never needs (:mod:`counter.words.translate` reads ``.po`` files itself); argparse binds ``_`` when it is
imported, so only its private module globals could be changed instead.  So the subclass hooks argparse documents:

* ``error()``: argparse hands it a message already put together in English.  Its shape is one of argparse's own
  message ids (:data:`ARGPARSE_MESSAGES`): the message is matched against them, as a gettext catalogue would be
  looked up by them, and said in Chinese with what argparse filled in (the option, the value typed, the choices).  A
  message of none of those shapes, the project's own (``parser.error("请用 --db …")``), is said as it is.
* ``formatter_class``: the usage line's prefix and the headings of the two default argument groups, which argparse
  titles in English as it makes them; and the lines of a help, broken by the columns Chinese takes on the screen
  (:mod:`counter.util.terminal_lines`), where argparse counts characters and breaks only at spaces.  argparse
  documents the class as the hook and keeps its methods its own; those overridden, ``add_usage`` (its ``prefix``),
  ``_format_usage`` (the prefix's width), ``start_section``, ``_split_lines`` and ``_fill_text``, are those every
  formatter of argparse's is built from (``tests/cli/test_parser_words.py`` sees them Chinese in the help of each
  kind of command).
* ``add_help=False`` and the project's own ``-h``, given first through a parent parser, as argparse's own comes
  first.

Every subparser is of this class too (``add_subparsers`` makes its parsers of the class of their parent), and the
parent parsers must be (a parent's groups are merged into its children's by their titles).
"""

from __future__ import annotations

import argparse
import ast
import functools
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NoReturn

from counter.util.terminal_lines import columns, wrapped
from counter.words.translate import tr

__all__ = ["ARGPARSE_MESSAGES", "CommandHelp", "CommandParser", "said_in_chinese"]

EXIT_MISUSE = 2  # as argparse's own: the command line's exit status for misuse

# The message ids of argparse (Python 3.11–3.13) a command line of this app can be given, each with how it is said.
# Each function takes what argparse filled in, by its name (``%(name)s``; ``given`` for the one ``%s`` some have).
ARGPARSE_MESSAGES: dict[str, Callable[[dict[str, str]], str]] = {
    "argument %(argument_name)s: %(message)s": lambda got: tr("参数 {name}：{message}").format(
        name=got["argument_name"], message=said_in_chinese(got["message"])
    ),
    "the following arguments are required: %s": lambda got: tr("缺少必需的参数：{names}").format(
        names=_listed(got["given"], ", ")
    ),
    "one of the arguments %s is required": lambda got: tr("须给出其中一个参数：{names}").format(
        names=_listed(got["given"], " ")
    ),
    "unrecognized arguments: %s": lambda got: tr("不认识的参数：{given}").format(given=got["given"]),
    "not allowed with argument %s": lambda got: tr("不能与 {name} 同时使用").format(name=got["given"]),
    "ignored explicit argument %r": lambda got: tr("不跟值，却给了“{value}”").format(value=_typed(got["given"])),
    "expected one argument": lambda got: tr("后面须跟一个值"),
    "expected at most one argument": lambda got: tr("后面最多跟一个值"),
    "expected at least one argument": lambda got: tr("后面至少须跟一个值"),
    "expected %s argument": lambda got: tr("后面须跟 {count} 个值").format(count=got["given"]),
    "expected %s arguments": lambda got: tr("后面须跟 {count} 个值").format(count=got["given"]),
    "ambiguous option: %(option)s could match %(matches)s": lambda got: tr(
        "选项 {option} 不完整，可能是：{matches}"
    ).format(option=got["option"], matches=_listed(got["matches"], ", ")),
    "invalid %(type)s value: %(value)r": lambda got: _not_of_type(got["type"], _typed(got["value"])),
    "invalid choice: %(value)r (choose from %(choices)s)": lambda got: _not_a_choice(got["value"], got["choices"]),
    "unknown parser %(parser_name)r (choices: %(choices)s)": lambda got: _not_a_choice(
        got["parser_name"], got["choices"]
    ),
}


def said_in_chinese(message: str) -> str:
    """``message``, one of argparse's (:data:`ARGPARSE_MESSAGES`) as argparse filled it in, said in Chinese; any other
    message as it is."""
    for pattern, say in _patterns():
        found = pattern.fullmatch(message)
        if found is not None:
            return say(found.groupdict())
    return message


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], Callable[[dict[str, str]], str]], ...]:
    """Each message id as a pattern matching the whole message argparse makes of it."""
    return tuple((re.compile(_pattern(message_id), re.DOTALL), say) for message_id, say in ARGPARSE_MESSAGES.items())


def _pattern(message_id: str) -> str:
    """The regular expression of one ``%``-format message id: each place argparse fills in becomes a named group."""
    parts = []
    for piece in re.split(r"(%(?:\(\w+\))?[sr])", message_id):
        if piece.startswith("%"):
            parts.append(f"(?P<{piece[2:-2] if piece.startswith('%(') else 'given'}>.+?)")
        else:
            parts.append(re.escape(piece))
    return "".join(parts)


def _typed(shown: str) -> str:
    """What the person typed, from argparse's ``repr`` of it (``'abc'``); as it is when it is not a ``repr``."""
    try:
        value = ast.literal_eval(shown)
    except (ValueError, SyntaxError):
        return shown
    return value if isinstance(value, str) else shown


def _choices(shown: str) -> str:
    """argparse's list of choices (``'on', 'off'``, or ``on, off`` in a later Python) as a Chinese list."""
    try:
        values = ast.literal_eval(f"[{shown}]")
    except (ValueError, SyntaxError):
        return _listed(shown, ", ")
    return _list_join().join(str(value) for value in values)


def _listed(shown: str, separator: str) -> str:
    return _list_join().join(part for part in shown.split(separator) if part)


def _list_join() -> str:
    # imported when a list is said, not with this module: its words are made in the language of the moment they are
    # imported, and tools/cli_reference.py imports this module before it chooses Chinese
    from counter.words.punctuation import LIST_JOIN

    return LIST_JOIN


def _not_a_choice(value: str, choices: str) -> str:
    return tr("没有“{value}”这一项（可选：{choices}）").format(value=_typed(value), choices=_choices(choices))


def _not_of_type(kind: str, value: str) -> str:
    if kind == "int":
        return tr("“{value}”不是整数").format(value=value)
    if kind == "float":
        return tr("“{value}”不是数").format(value=value)
    return tr("“{value}”不是可用的值").format(value=value)


class CommandHelp(argparse.HelpFormatter):
    """argparse's help, with a Chinese prefix to the usage line and Chinese headings for its two default groups."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, tr("用法：") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        # argparse titles its default groups in English when it makes them, before any hook runs
        headings = {"positional arguments": tr("位置参数"), "options": tr("选项")}
        super().start_section(headings.get(heading, heading) if heading is not None else None)

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        # argparse lays the usage line out by the prefix's characters: "用法：" is three and takes six columns, so the
        # line is laid out three columns narrower and its continuation lines moved under the command again
        wider = columns(prefix) - len(prefix) if prefix else 0
        self._width -= wider
        try:
            text = super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += wider
        first, *rest = text.split("\n")
        return "\n".join([first, *(" " * wider + line if line else line for line in rest)])

    def _split_lines(self, text: str, width: int) -> list[str]:
        # an argument's help, broken by the columns it takes on the screen (counter.util.terminal_lines)
        return wrapped(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        # a parser's description, likewise
        return "\n".join(indent + line for line in wrapped(text, width - len(indent)))


class CommandParser(argparse.ArgumentParser):
    """argparse's parser saying its words in Chinese: its errors, its usage line, its headings and its ``-h``."""

    def __init__(
        self,
        prog: str | None = None,
        *,
        parents: Sequence[argparse.ArgumentParser] = (),
        add_help: bool = True,
        formatter_class: type[argparse.HelpFormatter] = CommandHelp,
        **options: Any,
    ) -> None:
        given = [_help_parent(tr("显示本帮助后退出")), *parents] if add_help else list(parents)
        super().__init__(prog, parents=given, add_help=False, formatter_class=formatter_class, **options)

    def error(self, message: str) -> NoReturn:
        """The usage line and what is wrong, in Chinese; exit 2 as argparse does."""
        self.print_usage(sys.stderr)
        said = tr("{prog}：错误：{message}").format(prog=self.prog, message=said_in_chinese(message))
        self.exit(EXIT_MISUSE, said + "\n")


@functools.cache
def _help_parent(text: str) -> argparse.ArgumentParser:
    """A parent holding only ``-h``/``--help``, as argparse's own ``add_help`` makes it, helped by ``text``: given
    first, so that it comes first in the usage line and the help, where argparse puts its own."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=text)
    return parent

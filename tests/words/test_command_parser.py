"""Every message argparse can give a command line of this app has its Chinese, and what argparse filled in is kept."""

from __future__ import annotations

import argparse
import ast
import inspect
import re

import pytest

from counter.words.command_parser import ARGPARSE_MESSAGES, said_in_chinese

# argparse's messages no command line of this app can give, and why
NEVER_GIVEN = {
    # a mistake in building the parsers, raised while they are built, which every command-line test does
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "conflicting option strings: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
    # argparse.FileType, which no command uses (a command opens its files itself, to say why one cannot be opened)
    'argument "-" with mode %r',
    "can't open '%(filename)s': %(error)s",
    # the prefix characters are "-", so an option string always starts with one: never "unexpected"
    "unexpected option string: %s",
    # said by the formatter and error() of counter.words.command_parser, not by matching a message
    "usage: ",
    "positional arguments",
    "options",
    "show this help message and exit",
    "%(prog)s: error: %(message)s\n",
    # a heading of subcommands only when add_subparsers is given a title, which no command's is
    "subcommands",
}


def _argparse_messages() -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            found.update(arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    return found


def test_every_message_of_argparse_is_said_in_chinese_or_never_given() -> None:
    assert _argparse_messages() - NEVER_GIVEN - set(ARGPARSE_MESSAGES) == set()


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("argument --port: invalid int value: 'https'", "参数 --port：“https”不是整数"),
        ("argument --work-interval: invalid float value: 'ten'", "参数 --work-interval：“ten”不是数"),
        ("argument --reason: invalid note value: 'x'", "参数 --reason：“x”不是可用的值"),
        (
            "argument allow: invalid choice: 'maybe' (choose from 'on', 'off')",
            "参数 allow：没有“maybe”这一项（可选：on、off）",
        ),
        (
            "argument allow: invalid choice: 'maybe' (choose from on, off)",
            "参数 allow：没有“maybe”这一项（可选：on、off）",
        ),
        ("argument COMMAND: unknown parser 'x' (choices: case, db)", "参数 COMMAND：没有“x”这一项（可选：case、db）"),
        ("the following arguments are required: --cert, --key", "缺少必需的参数：--cert、--key"),
        ("one of the arguments --approve --deny is required", "须给出其中一个参数：--approve、--deny"),
        ("unrecognized arguments: a b", "不认识的参数：a b"),
        ("argument --deny: not allowed with argument --approve", "参数 --deny：不能与 --approve 同时使用"),
        ("argument -h/--help: ignored explicit argument 'x'", "参数 -h/--help：不跟值，却给了“x”"),
        ("argument --db: expected one argument", "参数 --db：后面须跟一个值"),
        ("argument --printer: expected at most one argument", "参数 --printer：后面最多跟一个值"),
        ("argument NAME: expected at least one argument", "参数 NAME：后面至少须跟一个值"),
        ("argument --pair: expected 2 arguments", "参数 --pair：后面须跟 2 个值"),
        ("argument --one: expected 1 argument", "参数 --one：后面须跟 1 个值"),
        ("ambiguous option: --d could match --db, --due-soon", "选项 --d 不完整，可能是：--db、--due-soon"),
        ("请用 --db 或 COUNTER_DB_URL 指定数据库", "请用 --db 或 COUNTER_DB_URL 指定数据库"),
        ("argument --reason: 第3个字符是控制字符（U+0000）", "参数 --reason：第3个字符是控制字符（U+0000）"),
    ],
)
def test_a_message_of_argparse_is_said_in_chinese(english: str, chinese: str) -> None:
    assert said_in_chinese(english) == chinese
    assert not re.search(r"\b(argument|invalid|expected|choice|required|unrecognized|ambiguous)\b", chinese)

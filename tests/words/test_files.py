"""A file that cannot be read or written is said in the clerk's words, never in the system's English."""

from __future__ import annotations

import errno
import re

import pytest

from counter.words.files import FILE_FAULT, FILE_NOT_UTF8, file_fault, read_fault


@pytest.mark.parametrize(
    ("err", "said"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间已满"),
        (PermissionError(errno.EACCES, "Permission denied", "/media/u/pkg.cpkg"), "没有读写这个文件或文件夹的权限"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "找不到这个文件或文件夹"),
        (OSError(errno.EIO, "Input/output error"), "读写存储设备时出错（U 盘可能已被拔出或损坏）"),
        (OSError(errno.ELOOP, "Too many levels of symbolic links"), f"文件不能读写（系统错误号 {errno.ELOOP}）"),
        (OSError("no number"), "文件不能读写"),
    ],
)
def test_each_file_fault_is_said_in_words(err: OSError, said: str) -> None:
    assert file_fault(err) == said


def test_no_file_fault_speaks_english() -> None:
    assert not [text for text in FILE_FAULT.values() if re.search("[A-Za-z]{2,}", text)]


def test_a_read_says_its_own_cause_a_folder_apart_from_bytes_not_utf8() -> None:
    """What every command reading a list or a file of rows says (:func:`counter.cli.file_text.file_text`)."""
    assert read_fault(IsADirectoryError(errno.EISDIR, "Is a directory", "/media/u/list")) == "所选的是文件夹，不是文件"
    assert read_fault(_not_utf8()) == FILE_NOT_UTF8


def _not_utf8() -> UnicodeDecodeError:
    try:
        b"\xb2\xe2".decode("utf-8")
    except UnicodeDecodeError as err:
        return err
    raise AssertionError("GBK bytes read as UTF-8")

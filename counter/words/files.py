"""Why a file could not be read or written, in the clerk's words: the system's own message is English, and a name
such as ``PermissionError`` says nothing at the window (the log keeps both for support)."""

from __future__ import annotations

import errno

from counter.util.bounded_read import NotRegularFile
from counter.words.translate import tr

FILE_FAULT = {
    errno.ENOSPC: tr("磁盘空间已满"),
    errno.EFBIG: tr("文件太大，磁盘或文件系统不能再写入"),
    errno.EACCES: tr("没有读写这个文件或文件夹的权限"),
    errno.EPERM: tr("没有读写这个文件或文件夹的权限"),
    errno.EROFS: tr("存储设备是只读的"),
    errno.ENOENT: tr("找不到这个文件或文件夹"),
    errno.ENOTDIR: tr("路径中有一段不是文件夹"),
    errno.EISDIR: tr("所选的是文件夹，不是文件"),
    errno.EEXIST: tr("同名的文件已经存在"),
    errno.EBUSY: tr("文件正被其他程序占用"),
    errno.ENAMETOOLONG: tr("文件名或路径太长"),
    errno.EIO: tr("读写存储设备时出错（U 盘可能已被拔出或损坏）"),
    errno.ENODEV: tr("存储设备已不在（U 盘可能已被拔出）"),
    errno.ENXIO: tr("存储设备已不在（U 盘可能已被拔出）"),
}
# a named pipe, a device or a socket handed as a file: refused before anything was read (counter.util.bounded_read)
FILE_NOT_REGULAR = tr("所选的不是存放在磁盘上的普通文件（可能是管道或设备），未读取：请选择保存好的文件")
FILE_FAULT_CODE = tr("文件不能读写（系统错误号 {code}）")
FILE_FAULT_OTHER = tr("文件不能读写")
FILE_NOT_UTF8 = tr("文件不是 UTF-8 编码的文字，请用 UTF-8 编码另存")  # a notice saved by Notepad as GBK, the usual case


def file_fault(err: OSError) -> str:
    """The cause of ``err`` in words; its system error number when no words are kept for it."""
    if isinstance(err, NotRegularFile):
        return FILE_NOT_REGULAR
    if err.errno in FILE_FAULT:
        return FILE_FAULT[err.errno]
    return FILE_FAULT_CODE.format(code=err.errno) if err.errno else FILE_FAULT_OTHER


def read_fault(err: OSError | UnicodeDecodeError) -> str:
    """Why a text file could not be read, in words: the system's cause (:func:`file_fault`: missing, a folder, no
    permission …), or bytes that are not UTF-8.  One sentence for all of them guessed, and blamed a folder on each."""
    if isinstance(err, UnicodeDecodeError):
        return FILE_NOT_UTF8
    return file_fault(err)

"""Sentences only the command line says, beside it (the shared ones are in :mod:`counter.words`)."""

from __future__ import annotations

from counter.words.translate import tr

NO_COMMAND = tr("请指定命令（counter -h 列出全部命令）；不带参数运行 counter 即启动窗口程序。")

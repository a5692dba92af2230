"""Ending the process without the interpreter's teardown, once nothing is left to do.

After the desk's window closes, Python would finalize every module and Qt would
destroy every widget wrapper: some 60-90 ms of freeing memory the system takes
back anyway.  What must not be cut short is done first: threads still working
(the daily backup) are waited for, the log is flushed and closed, and the
standard streams are flushed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from typing import NoReturn


def quick_exit(code: int) -> NoReturn:
    """Finish the threads, flush the log and the streams, and end the process with ``code``."""
    current = threading.current_thread()
    for thread in threading.enumerate():
        if thread is not current and not thread.daemon:
            thread.join()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed or broken pipe: nothing more can be said there
            stream.flush()
    os._exit(code)

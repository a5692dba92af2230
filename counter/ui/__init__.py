"""The desk app's face: Qt widgets that show plain data and call the service.

The window finds a bundle by name or pinyin initials and shows its guide whole,
the materials narrowed by the applicant's situation.  Nothing here decides a
rule of the domain: widgets receive frozen dataclasses (a ``Bundle``, a
``SearchHit``), ask :mod:`counter.service` for one operation per user event, and put every
Chinese word they show through the translation mechanism (:func:`counter.words.translate.tr`).

Its modules stand in rooms by what they hold: ``start`` (a start of the window), ``warmup`` (the window
before its database is warm), ``mainwindow`` (the main window and what it opens), ``search`` and ``guide``
(its two sides), ``keyboard`` (where the clerk's keys go), ``door`` (each operation off the window's thread),
``widgets`` (what windows are built of), ``look`` (text size, fonts, window sizes); and the areas ``intake``,
``cases``, ``printing``, ``pad``, ``projects``, ``signin``, ``sync``.
"""

import os

# PySide6 makes each Qt type the first time Python names it (its lazy loading), and makes it without a lock: a
# thread that names a type not yet made while another is making it (the warm-up importing the intake's modules while
# the window's thread wraps an object of that type) makes it a second time, and both take it out of PySide6's table;
# the desk's first start died so (SIGSEGV, about 1 start in 50). Off, every type is made once as its module loads,
# under Python's import lock: about 110 ms more to import QtCore, QtGui and QtWidgets. PySide6 reads the option when
# it first loads, so it is set here, where every module of the window is entered before any imports Qt.
os.environ["PYSIDE6_OPTION_LAZY"] = "0"

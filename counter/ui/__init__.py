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

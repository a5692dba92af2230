"""The desk app's face: Qt widgets that show plain data and call the service.

The window finds a bundle by name or pinyin initials and shows its guide whole,
the materials narrowed by the applicant's situation.  Nothing here decides a
rule of the domain: widgets receive frozen dataclasses (a ``Bundle``, a
``SearchHit``), ask :mod:`counter.service` for one operation per user event, and put every
Chinese word they show through the translation mechanism (:func:`counter.words.translate.tr`).

``app`` starts the app; ``main_window`` wires the window's signals in one place;
``search_panel``, ``guide_view``, ``situation_panel`` and ``banner`` are its parts;
``guide_html`` and ``materials_html`` turn a guide into HTML without any widget.
"""

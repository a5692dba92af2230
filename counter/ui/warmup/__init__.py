"""The window before its database is warm: what Enter and F5 show while the database still opens, and the
start's work that runs behind the clerk's first steps.

A quick start shows the window before the database is open; the warm-up thread opens it and imports what the
window's thread will need (:mod:`.warm_imports`), giving way to the window between modules (:mod:`.warm_pace`).
Meanwhile a bundle chosen with Enter shows what the search index holds of it (:mod:`.chosen_bundle`), F5 shows
the intake's window at once (:mod:`.intake_opening`), and what waits for the first paint waits there
(:mod:`.first_paint`); the start's last work runs once the database is warm (:mod:`counter.ui.start.app`).
"""

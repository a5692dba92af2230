"""The desk's main window and what it opens: search on the left, the guide on the right, the bars above and
the status line below.

:mod:`.main_window` connects every signal of the window; :mod:`.desk_actions` is what it can start (an intake
through :mod:`.desk_intake`, the case lists, the pad, the sync page, the text size dialog, the papers for
someone who only asks); the bars and lines it shows (the banner, the draft's offer, the desk's identity, the
training mark), the bundled catalog's sync behind it, and the question before it closes.
"""

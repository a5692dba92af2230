"""Starting the desk's window: on its own database (:mod:`.app`) or on a hall's server (:mod:`.hall_start`).

What every start shares (:mod:`.start_window`: the window's size, the sign-in, the reason a start cannot go
on), and what a start installs on the application before the first window: the icon, Qt's own words in the
desk's language, the hook for an error nobody foresaw, PySide6's import hook told which modules use Qt, one
window per data folder; the damaged database's offer, the number check and the daily backup that a start
runs; and the moment the desk is ready (:mod:`.ready`).  Nothing here is imported by the rest of the window.
"""

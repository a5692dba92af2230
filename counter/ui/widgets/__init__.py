"""Widgets and layouts the desk's windows are built of: a row that wraps, a column that scrolls, the frame of a
step form, labels that show text as text, phrases a wrapping label keeps whole, a line edit that shows its
start, a desk number's field that takes only a number a desk may have, a style sheet applied again after a property
changed, a notice's box; and the status line's flag of cases whose papers did not all go out (it reads the print
records, and loads nothing of printing: the window shows before any of it).
"""

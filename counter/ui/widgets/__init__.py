"""Widgets and layouts the desk's windows are built of: a row that wraps, a column that scrolls, the frame of a
step form, labels that show text as text, phrases a wrapping label keeps whole, a line edit that shows its
start, and a style sheet applied again after a property changed.
"""

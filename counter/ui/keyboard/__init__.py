"""Where the clerk's keys go: the window that takes the keyboard as it opens, keys that wait for a dialog to be
on screen or reach a window after it closed, Esc closing the secondary windows, and the input-method plugin
through which the desk's Chinese input method reaches the window.
"""

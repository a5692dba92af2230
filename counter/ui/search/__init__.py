"""The search list on the left of the window: the box, its hits handed to the view a page at a time, and how one
hit is drawn.
"""

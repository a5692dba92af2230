"""The guide page on the right of the window: one bundle's guide, whole, its materials narrowed by the
situation answers, as HTML in text browsers exactly as tall as their text.

The HTML builders (:mod:`.guide_html`, :mod:`.materials_html`, :mod:`.html_parts`) are free of widgets, so
the whole text of a guide can be checked in a test.
"""

"""How large and in which letters the desk draws: the text size chosen per desk, the shipped Chinese fonts made
the application's, and every window sized from the screen it opens on.
"""

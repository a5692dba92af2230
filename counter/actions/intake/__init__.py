"""The intake at the window: taking an intake, its drafts, papers, forms and the questions it asks."""

"""The site as a whole: set up in one step, its prepared database, its training run, and the check of its
whole trail; above every other area, since each of these reaches all of them."""

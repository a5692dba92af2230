"""A case (办件) after intake: its states, its numbers, and what may happen to it."""

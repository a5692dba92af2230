"""Cases after the intake: their pages, items with their departments, decisions, hand-over and figures."""

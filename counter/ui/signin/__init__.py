"""Signing in at the desk, and the screen lock after idle time (hall mode: the database has accounts)."""

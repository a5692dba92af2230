"""Storage: SQLAlchemy 2 models, the engine and sessions, Alembic migrations, queries.

Functions here take the session from their caller (one session per user event)
and return plain data from :mod:`counter`, never ORM objects.
"""

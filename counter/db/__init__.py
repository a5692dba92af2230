"""Storage: SQLAlchemy 2 models, the engine and sessions, Alembic migrations, queries.

Functions here take the session from their caller (one unit of work per operation, :mod:`counter.actions.site.store`)
and return plain data from :mod:`counter`, never ORM objects.
"""

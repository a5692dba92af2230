"""Sync in the database: a package's records read from the rows here, and a package taken in, in bulk.

Kept together because they share one concern, a package's worth of rows at once, and one set of tables:

- :mod:`counter.db.sync.tables`: the tables a package reads and writes, looked up a package's worth at a time.
- :mod:`counter.db.sync.marks`: what a package covered, as the highest row id of each tracked table.
- :mod:`counter.db.sync.case_records`: cases read into sync records.
- :mod:`counter.db.sync.cases`: a package's cases applied here: which go in, which are held, the new ones written.
- :mod:`counter.db.sync.case_parts`: the parts of cases already here merged with a package's.
- :mod:`counter.db.sync.projects`: 帮您办 projects read from a township's rows and taken in at the hall.
- :mod:`counter.db.sync.store`: the bookkeeping: packages written and taken in, the review list, the baselines.
"""

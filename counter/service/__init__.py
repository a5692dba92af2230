"""The one interface of the desk's work: every operation a face performs on the database, named and typed.

Each area's module declares its operations (:mod:`counter.service.operation`): a request and a response of plain
data that cross JSON unchanged (:mod:`counter.service.codec`), whether it writes, the permission it needs, and the
faults it may raise (:mod:`counter.service.faults`).  A face holds a :class:`counter.service.local.Service` and calls
``service.call(OPERATION, Request(...), desk)``; it imports neither the actions nor the database.  The same
operations run in process (:class:`counter.service.local.InProcess`: a township, a single desk, the command line)
or behind the hall's server; the faces never know which.  ``docs/operations.md`` lists them all.
"""

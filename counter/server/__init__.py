"""The hall server (``counter serve``): the service's operations over HTTPS for a hall's desks.

It alone holds the database's URL; a desk signs in at its door and then asks operations by name with the token it
was given.  Every operation runs in process here (:class:`counter.service.local.InProcess`) for the desk the server
builds from the token's session: the account as stored, the desk whose key the machine showed, this database's site.
Nothing is kept between requests but in the database, so that two servers on one database serve the same desks.
See ``docs/server.md``.
"""

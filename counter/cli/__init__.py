"""The command line: a face like the window, one module per command group.

:mod:`counter.cli.main` builds the parser and dispatches; :mod:`counter.cli.common` holds what every group shares
(opening the database, the desk, JSON output, the exit codes).  Like the window, it reaches storage only through
:mod:`counter.actions`.
"""

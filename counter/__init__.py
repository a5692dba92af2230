"""counter: the desk application of the 一件事一次办 window.

The package root is the domain: plain Python, no Qt, no SQLAlchemy.  The
database lives in :mod:`counter.db`, the windows in :mod:`counter.ui`, and the
command line in :mod:`counter.cli.main`.
"""

__version__ = "0.1.0"

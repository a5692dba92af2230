"""The process on its machine: data folders, logs, unexpected errors, the quick exit and this desk's configuration.

Neither a face nor storage: the window, the command line, the actions and the database code all need to know where
the files are and which desk this machine is, so these modules sit below them and above the domain alone.

Its modules stand in rooms by kind: ``machine`` (files, log, errors, this desk's settings), ``devices``,
``outward`` (the services asked over HTTPS and their secrets), ``keys`` (the keys kept outside the
database), ``database`` (which one, its faults, backups and migrations) and ``notes`` (the numbers note).
"""

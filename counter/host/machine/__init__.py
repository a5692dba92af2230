"""This machine and this process: where the app keeps its files (0600 in 0700 folders), the log, the report of
an unexpected error, the quick exit; and which desk this machine is (the machine's settings under each
user's ``desk.json``, the computer and user the draft belongs to).
"""

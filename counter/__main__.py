from counter.cli import entry

entry()

from counter.cli.main import entry

entry()

# Shortcuts for the scripts; each target only calls one (README: set up, run, test).
VENV ?= .venv

.PHONY: setup run quick test release lint bench screenshots

setup:
	sh scripts/setup.sh --test

run:
	./run.sh

quick:
	./test.sh quick

test:
	./test.sh

release:
	./test.sh release

lint:
	./test.sh lint

# a smoke run of every benchmark; benchmarks/README.md says how to take the figures themselves
bench: setup
	$(VENV)/bin/pytest -n auto -m bench

# every window at the two screens of the halls' desks, at 100 % and 150 % text, into docs/screenshots/sizes/
screenshots: setup
	for size in 1366x768 1024x768; do for text in 100 150; do \
	    $(VENV)/bin/python tools/screenshot.py --size $$size --text $$text --out docs/screenshots/sizes/$$size-$$text \
	    || exit 1; done; done

# Shortcuts for the scripts; each target only calls one (README: set up, run, test).
VENV ?= .venv

.PHONY: setup run quick test release lint bench

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

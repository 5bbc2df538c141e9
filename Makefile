# Two commands do all the set-up on a fresh machine (each makes the virtual
# environment it needs):  make site   and   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test test-all lint pytest pytest-all golden bench bench-scale clean

# A developer's run leaves out the slow tests and draws a tenth of the property tests'
# examples (pytest --quick, see tests/support/speed.py); under CI (CI=true) it is all of it.
QUICK := $(if $(filter-out 0 false no,$(CI)),,--quick)

site: $(STAMP)                     ## build every example program in programs/ into output/
	$(BIN)/liftplan build --config site.yaml

test: lint pytest                  ## ruff, mypy, pytest: quick on a developer's machine, all of it under CI

test-all: lint pytest-all          ## ruff, mypy and every test, as CI runs them

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench fuzz
	$(BIN)/mypy

pytest: $(STAMP)                  ## one worker per CPU; a test file's tests stay on one worker
	$(BIN)/pytest -n auto --dist loadfile $(QUICK)

pytest-all: $(STAMP)
	$(BIN)/pytest -n auto --dist loadfile

bench: $(STAMP)                    ## expansion, validate against the import floor, the site against MkDocs, serve's first page, PDF layout, the largest plans
	$(BIN)/python -m bench.expand
	$(BIN)/python -m bench.validate
	$(BIN)/python -m bench.html
	$(BIN)/python -m bench.serve
	$(BIN)/python -m bench.pdf
	$(BIN)/python -m bench.limits

bench-scale: $(STAMP)              ## whole builds of 1 to 1000 programs, memory, MkDocs on as many pages (~30 min)
	$(BIN)/python -m bench.scale

golden: $(STAMP)                   ## rewrite tests/golden/ (plans and site pages) from the examples (review the diff!)
	$(BIN)/python -m tests.support.golden

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) output build dist .pytest_cache .mypy_cache .ruff_cache

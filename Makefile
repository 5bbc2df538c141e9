# Two commands do all the set-up on a fresh machine (each makes the virtual
# environment it needs):  make site   and   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test lint pytest clean

site: $(STAMP)                     ## check every example program in programs/
	$(BIN)/liftplan validate programs

test: lint pytest                  ## the whole test suite: ruff, mypy, pytest

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) output build dist .pytest_cache .mypy_cache .ruff_cache

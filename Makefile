# `make site` and `make test` work on a fresh clone with only Python ≥ 3.11, pip, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve lint typecheck unit clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

export NO_MKDOCS_2_WARNING := 1

site: $(STAMP)
	$(BIN)/handbook build .
	@echo "The site is in site/. Preview it with: make serve  (then open http://127.0.0.1:8000)"

serve: $(STAMP)
	$(BIN)/handbook serve .

lint: $(STAMP)
	$(BIN)/ruff check generator tests $(wildcard benchmarks)
	$(BIN)/ruff format --check generator tests $(wildcard benchmarks)

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck unit

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache

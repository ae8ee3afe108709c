# `make site` and `make test` work on a fresh clone with only Python ≥ 3.11, pip, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test check serve edit lint typecheck unit clean browser mermaid editor screenshots

# One line says what is happening; pip says nothing unless it fails. Twice --quiet also hides pip's
# warnings: index locations a machine's pip.conf names but lacks (one line per package) and
# setuptools' "editable installation" banner, which tell the reader nothing about this project.
PIP := $(BIN)/python -m pip install --quiet --quiet

# --no-compile: pip would compile all 2,600 modules of the packages (17 of the 26 s the install
# took on a fresh clone); Python compiles the 1,300 or so that `make test` imports when it first
# imports them instead, 2.4 s of CPU in all, and keeps them (see PYTHONDONTWRITEBYTECODE below).
$(STAMP): pyproject.toml requirements.lock
	@echo "Installing the handbook tool and its pinned packages into $(VENV)/ (half a minute or so the first time)"
	@$(PYTHON) -m venv $(VENV)
	@$(PIP) --upgrade pip
	@$(PIP) --no-compile -r requirements.lock
	@$(PIP) --no-deps -e .
	@touch $(STAMP)

export NO_MKDOCS_2_WARNING := 1
# Python keeps each module it compiles (__pycache__/, git-ignored) even where the environment says
# not to: the suite starts some sixty `handbook` and `mkdocs` processes and two test workers, and
# each compiled the tool and every test module again (1.7 s more per worker to collect the tests).
unexport PYTHONDONTWRITEBYTECODE

# `handbook build` ends with the preview hint, in the handbook's language.
site: $(STAMP) mermaid editor
	@$(BIN)/handbook build .

serve: $(STAMP) mermaid editor
	$(BIN)/handbook serve .

# The editor at http://127.0.0.1:8081/admin/ on this checkout (Decap CMS, local backend in Python),
# with the preview at http://127.0.0.1:8000/ rebuilding as the editor saves.
edit: $(STAMP) mermaid editor
	$(BIN)/handbook edit .

# Debian's Chromium for the browser tests (tests/browser/). Installed with apt-get when it is
# missing and we are root; never `playwright install`, which downloads a browser build from
# outside the package registries. Without it the browser tests are skipped (they fail under CI=true).
# fonts-wqy-zenhei: a small CJK font, so screenshots of the Chinese pages show text, not boxes.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei >/dev/null \
		|| echo "warning: could not install chromium; the browser tests will be skipped"; \
	else echo "note: /usr/bin/chromium is missing and we are not root: the browser tests will be skipped"; fi

# Mermaid for `mermaid: local` (the example uses it): the npm tarball, checked against its sha512
# integrity, unpacked into the virtualenv. Does nothing when the checked file is already there.
# It says so in one line when it downloads, and prints nothing otherwise.
mermaid: $(STAMP)
	@$(BIN)/python -m generator.engines.mkdocs_plugin.mermaid

# Decap CMS for the editor at /admin/ (`editor: enabled: true`, the example's): the same way as
# Mermaid, its pinned npm tarball checked and unpacked into the virtualenv; silent when it is there.
editor: $(STAMP)
	@$(BIN)/python -m generator.engines.editor.bundle

# The README's pictures (docs/screenshots/, committed): the example built and photographed by
# headless Chromium at 1366×900 and on a 390×844 phone (tests/browser/screenshots.py).
screenshots: $(STAMP) mermaid editor browser
	@$(BIN)/python -m tests.browser.screenshots docs/screenshots

lint: $(STAMP)
	$(BIN)/ruff check generator tests $(wildcard benchmarks)
	$(BIN)/ruff format --check generator tests $(wildcard benchmarks)

typecheck: $(STAMP)
	$(BIN)/mypy

# Two workers (pytest-xdist), one per core of a small CI machine; a test module stays on one
# worker (--dist loadfile), so what it builds once for its tests is built once. The modules go
# out in the order tests/conftest.py gives (the slow ones first), not by their number of tests.
PYTEST_WORKERS ?= 2
unit: $(STAMP) mermaid editor browser
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

test: lint typecheck unit

# The loop to run while working (under a minute): lint, and every test that is not
# marked site, browser or slow (markers: pyproject.toml, tests/conftest.py).
check: $(STAMP) mermaid editor
	$(BIN)/ruff check generator tests $(wildcard benchmarks)
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) -m "not site and not browser and not slow"

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache

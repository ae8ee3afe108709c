# `make site` and `make test` work on a fresh clone with only Python ≥ 3.11, pip, make and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve lint typecheck unit clean browser mermaid

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

export NO_MKDOCS_2_WARNING := 1

# `handbook build` ends with the preview hint, in the handbook's language.
site: $(STAMP) mermaid
	$(BIN)/handbook build .

serve: $(STAMP) mermaid
	$(BIN)/handbook serve .

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
mermaid: $(STAMP)
	$(BIN)/python -m generator.mkdocs_plugin.mermaid

lint: $(STAMP)
	$(BIN)/ruff check generator tests $(wildcard benchmarks)
	$(BIN)/ruff format --check generator tests $(wildcard benchmarks)

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) mermaid browser
	$(BIN)/pytest -q

test: lint typecheck unit

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache

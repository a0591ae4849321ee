# Two commands matter: `make run` serves the dashboard, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The app draws the PowerPoint deck's pictures and the long image (一图读懂) with Chromium, in a CJK font.
RUNTIME_PACKAGES := chromium fonts-noto-cjk
# Tests also read PDFs back (poppler-utils), open the deck and workbook in LibreOffice, and try the
# deployment recipe behind nginx; systemd-analyze checks the service unit of the install bundle.
DEBIAN_PACKAGES := $(RUNTIME_PACKAGES) poppler-utils libreoffice-impress libreoffice-calc nginx systemd
APT_INSTALL := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends

.PHONY: run serve-behind-nginx bundle test test-fast check bench profile screenshots validate runtime-packages
.PHONY: system-packages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

# Without Chromium the dashboard still runs; only the deck and the long image are unavailable (it says so).
runtime-packages:
	@dpkg -s $(RUNTIME_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(APT_INSTALL) $(RUNTIME_PACKAGES); } \
	  || echo "Could not install $(RUNTIME_PACKAGES): the deck and the long image will be unavailable."

run: $(VENV)/.runtime-installed runtime-packages
	@echo "Serving the dashboard on http://localhost:$(PORT) (Ctrl+C stops it)"
	$(BIN)/python -m components.serve --server.port $(PORT)

# A larger audience: two app processes behind nginx (Debian's package) on port 8080; see docs/deploy.md.
serve-behind-nginx: $(VENV)/.runtime-installed runtime-packages
	@dpkg -s nginx >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(APT_INSTALL) nginx; }
	deploy/serve-behind-nginx

# The offline install bundle for a server with no registry (see docs/deploy.md: Deploy on an intranet).
bundle: $(VENV)/.runtime-installed
	deploy/bundle $(BIN)/python

validate: $(VENV)/.runtime-installed
	$(BIN)/python -m components.validate

# Browser tests drive Debian's Chromium; the CJK font makes Chinese render in screenshots.
system-packages:
	@dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(APT_INSTALL) $(DEBIAN_PACKAGES); }

# The code's shape: ruff's linter and formatter, and the layers as import-linter contracts (pyproject.toml).
check: $(VENV)/.dev-installed
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/lint-imports

# Every test: everything but the browser on both cores (each file on one worker, so a file's servers and
# bundle are its own; green in every clean-clone run so far), then the browser tests one at a time; both
# always run. (The browser tests two at a time lost a presenter key press and a Chromium start under the
# load in two runs of four: a green run must not depend on luck.)
test: check system-packages
	$(BIN)/python -m pytest -n 2 --dist loadfile -m "not browser"; rest=$$?; \
	$(BIN)/python -m pytest --durations=15 -m browser; browser=$$?; \
	exit $$(( rest || browser ))

# The fast lane while working: the checks, then the unit, AppTest and command-line tests on both cores
# (under two minutes on 2 cores), no browser, servers or LibreOffice. The deck tests still draw charts
# with Chromium, so the Debian packages are installed too.
test-fast: check system-packages
	$(BIN)/python -m pytest -q -n 2 -m "not browser and not slow"

# Benchmarks print ratios against baselines measured in the same run (never assertions).
bench: $(VENV)/.dev-installed system-packages
	$(BIN)/python -m benchmarks.rerun
	$(BIN)/python -m benchmarks.browser
	$(BIN)/python -m benchmarks.clicks
	$(BIN)/python -m benchmarks.element_cost
	$(BIN)/python -m benchmarks.viewers
	$(BIN)/python -m benchmarks.meeting
	$(BIN)/python -m benchmarks.exports
	$(BIN)/python -m benchmarks.growth
	$(BIN)/python -m benchmarks.update_data
	$(BIN)/python -m benchmarks.ingest
	$(BIN)/python -m benchmarks.real_reviews

# Every picture the docs show, made again from the running app (docs/images/).
screenshots: $(VENV)/.dev-installed system-packages
	$(BIN)/python docs/screenshots.py

# Where a warm rerun's time goes (yappi, CPU time per function).
profile: $(VENV)/.dev-installed
	$(BIN)/python -m benchmarks.profile_rerun

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache dist

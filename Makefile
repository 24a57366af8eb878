# The two commands of the README: `make demo` and `make test`. Each installs what it needs first:
# Debian packages with apt-get when run as root (otherwise it prints the apt-get line to run), Python packages
# into .venv. Both are idempotent and quick once everything is in place.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Debian packages: the venv module; the IANA time zone data behind Europe/Brussels; libzbar0 for pyzbar; the X
# libraries Qt's xcb platform loads (icccm4 and keysyms1, although its error names xcb-cursor0); libpulse0, without
# which QtMultimedia does not import; socat makes the pty pairs that stand in for serial scanners in the tests.
# Debian's cups and postgresql packages try to start their services on install; without systemd that step fails
# harmlessly, and the test fixtures start their own servers.
APT_BASE := python3-venv tzdata libzbar0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 \
	libgl1 libfontconfig1 libdbus-1-3 libpulse0
# cups brings lp, lpstat and ipptool, which a desk with a printer needs; cups-pdf is the test suite's printer.
# postgresql: the store tests and the multi-desk benchmark start a throwaway server of their own.
# The X session suite (tests/xsession) and its benchmark: a real X server, a window manager, setxkbmap and its
# layouts, so scanners can be typed through XTest onto each desk layout.
APT_XSESSION := xvfb xauth openbox x11-xkb-utils xkb-data
# fonts-wqy-zenhei: the badges' fallback font for Chinese, Japanese and Korean names, found at run time (TrueType
# outlines, which reportlab embeds; Noto Sans CJK has CFF outlines, which it refuses). Without it badges still
# render and the import refuses CJK names as undrawable.
APT_TEST := $(APT_BASE) socat cups printer-driver-cups-pdf postgresql $(APT_XSESSION) fonts-wqy-zenhei
APT_DEMO := $(APT_BASE) fonts-wqy-zenhei
APT_BENCH := $(APT_BASE) cups printer-driver-cups-pdf postgresql $(APT_XSESSION) fonts-wqy-zenhei

.PHONY: demo test bench bundle wheel lint format clean help translations screenshots

help:
	@echo "make demo   build the demo database and start the desk on it"
	@echo "make test   lint, type-check and run the whole test suite"
	@echo "make bench  run the benchmarks and write bench/RESULTS.md"
	@echo "make wheel  build the wheel and the sdist into dist/"
	@echo "make screenshots  redraw docs/screens at 1366x768 and 1920x1080, in English and French"
	@echo "make bundle build the standalone folder build/bundle/desk-app/ (no Python needed on the desk)"

# Install the Debian packages in $(1) that are missing, or say how.
define ensure_apt
	@missing=$$(for p in $(1); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing \
	      || exit 1; \
	  else \
	    echo "Missing Debian packages. Run this, then try again:"; \
	    echo "  sudo apt-get install -y --no-install-recommends" $$missing; \
	    exit 1; \
	  fi; \
	fi
endef

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): setup.cfg pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

demo:
	$(call ensure_apt,$(APT_DEMO))
	@$(MAKE) --no-print-directory $(STAMP)
	$(BIN)/desk-app demo --out .demo
	@echo
	@echo "desk-app is $(BIN)/desk-app ('source $(BIN)/activate' puts it on your PATH); 'desk-app --help' lists every command."
	@echo "The day's log: desk-app export --db .demo/demo.sqlite --day 2024-02-14 --format pdf --out day.pdf"

test:
	$(call ensure_apt,$(APT_TEST))
	@$(MAKE) --no-print-directory $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest tests/xsession

bench:
	$(call ensure_apt,$(APT_BENCH))
	@$(MAKE) --no-print-directory $(STAMP)
	$(BIN)/python -m bench

screenshots:
	$(call ensure_apt,$(APT_TEST))
	@$(MAKE) --no-print-directory $(STAMP)
	for screen in 1366x768 1920x1080; do \
		DESK_APP_SCREEN=$$screen DESK_APP_SCREENSHOTS=docs/screens $(BIN)/python -m pytest -q tests/gui/test_fits_the_screen.py || exit 1; \
	done

wheel:
	$(call ensure_apt,$(APT_BASE))
	@$(MAKE) --no-print-directory $(STAMP)
	$(BIN)/python -m build --no-isolation --outdir dist .

# The standalone folder for counter PCs without Python (packaging/desk-app.spec; packaging/README.md).
bundle:
	$(call ensure_apt,$(APT_BASE))
	@$(MAKE) --no-print-directory $(STAMP)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath build/bundle --workpath build/pyinstaller \
	  packaging/desk-app.spec
	@du -sh build/bundle/desk-app
	@echo "build/bundle/desk-app/desk-app --help; build/bundle/desk-app/install-desktop-entry.sh adds it to the menu"

# After changing a text of the interface: extract it into resources/i18n/*.ts, translate, then run again to compile.
translations:
	$(BIN)/python -m desk_app.ui.translations

lint:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .demo .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .hypothesis .pytest_xsession bench/out build dist \
	  *.egg-info

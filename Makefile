# ZoneLens: `make run` sets up and starts the app; `make test` sets up and runs every test
# (it also installs Debian's Chromium and a CJK font for the real-browser test, see scripts/).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup system-deps run test lint fmt build bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

system-deps:
	sh scripts/install-system-deps.sh

# The build prints what it skipped (a bad file in the library) but never stops the app from starting.
run: setup
	-$(BIN)/python -m lib build
	$(BIN)/streamlit run app.py

# Lint and format checks first (a red one fails CI before the slower tests run), then every test.
test: setup system-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .

fmt: setup
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

build: setup
	$(BIN)/python -m lib build

bench: setup
	$(BIN)/python bench/bench_segment.py
	$(BIN)/python bench/bench_build.py
	$(BIN)/python bench/bench_pages.py

clean:
	rm -rf data/cache $(VENV)

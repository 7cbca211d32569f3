# Styrbord: `make run` serves the demo, `make test` runs every test.
# Only Python 3.11+, make and Node/npm are assumed on the machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export STYRBORD_VAR_DIR ?= $(CURDIR)/var

.PHONY: run test deps static messages migrate demo lint format check clean bench

$(BIN)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(BIN)/.installed node_modules/.installed

messages: $(BIN)/.installed
	$(BIN)/python -m styrbord.i18n

static: deps messages
	$(BIN)/styrbord collectstatic --noinput --verbosity 0

migrate: static
	$(BIN)/styrbord migrate --noinput --verbosity 0

demo: migrate
	STYRBORD_DEMO=1 $(BIN)/styrbord demo

run: demo
	STYRBORD_DEMO=1 DEBUG=$${DEBUG:-true} $(BIN)/styrbord serve --port $(PORT)

test: static
	$(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: deps
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: static
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) node_modules var

# Two entry points, both working from a fresh clone:
#   make run    set up .venv and start the desktop app with the bundled sample sources
#               (with no display, the headless job instead: briefs from the samples into out/)
#   make test   set up .venv and run every check (ruff, mypy, pytest)
# Also: make demo (the headless job), make bench (benchmarks), make package (the desktop bundle).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: run demo test setup lint bench clean package

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dask]"
	touch $@

setup: $(BIN)/.installed

run: setup
	@if [ "$$(uname)" = "Linux" ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		echo "No display found: running the headless job (make demo) instead of the desktop app."; \
		$(BIN)/briefgen demo --out $(OUT); \
	else \
		$(BIN)/briefgen gui; \
	fi

demo: setup
	$(BIN)/briefgen demo --out $(OUT)

lint: setup  # style, types, and the import contracts of pyproject.toml (Qt only in the app; the layers)
	$(BIN)/ruff check briefgen tests benchmarks tools
	$(BIN)/ruff format --check briefgen tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	$(BIN)/python benchmarks/run_all.py

package: setup
	PYTHON=$(BIN)/python packaging/build.sh

.PHONY: translations
translations: setup  # the app's texts -> resources/translations/*.ts, compiled to .qm (docs/gui.md)
	$(BIN)/python tools/update_translations.py

clean:
	rm -rf $(VENV) $(OUT) build dist *.egg-info .mypy_cache .pytest_cache .ruff_cache

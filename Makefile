# Jemaa — newcomers need only `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Test processes: each has its own test database (pytest-xdist).
TEST_WORKERS ?= 2
# The demo runs with DEBUG on and plain HTTP on the loopback interface.
DEMO_ENV := DEBUG=1 HTTPS=off ALLOWED_HOSTS=127.0.0.1,localhost

.PHONY: install install-test demo test lint bench messages clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -e .

install-test: $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	npm ci --silent --no-audit --no-fund

demo: install
	$(DEMO_ENV) $(PY) manage.py compilemessages --ignore=.venv -v 0
	$(DEMO_ENV) $(PY) manage.py migrate --no-input -v 0
	$(DEMO_ENV) $(PY) manage.py load_demo
	$(DEMO_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-test
	$(DEMO_ENV) $(PY) manage.py compilemessages --ignore=.venv -v 0
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Each finding names its file and line; the format check shows the diff it wants.
# mypy reads the settings (django-stubs), hence the demo's environment.
lint: install-test
	$(VENV)/bin/ruff check --output-format=concise .
	$(VENV)/bin/ruff format --check --diff .
	$(DEMO_ENV) $(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

bench: install-test
	$(DEMO_ENV) $(PY) manage.py compilemessages --ignore=.venv -v 0
	@for script in bench/[!_]*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) var node_modules

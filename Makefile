# One-command set-up: `make run` for the demo site, `make test` for the suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test install migrate demo messages lock check-deploy worker clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

demo: migrate
	$(BIN)/python manage.py load_demo

# Links in e-mails and certificate QR codes must point at the port the site runs on.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

worker: install
	$(BIN)/python manage.py db_worker

# Needs GNU gettext. The compiled .mo files are committed, so running the site does not.
messages: install
	$(BIN)/python manage.py makemessages -l mn -l en --ignore=.venv --ignore=var --ignore=bench --ignore=tests
	$(BIN)/python manage.py makemessages -d djangojs -l mn -l en --ignore=.venv --ignore=var --ignore=bench --ignore=tests --ignore=static_collected
	$(BIN)/python manage.py compilemessages --ignore=.venv

lock: install
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

check-deploy: install
	DJANGO_SETTINGS_MODULE=lms.settings.production SECRET_KEY=check-only-$$(date +%s)-not-a-real-key-0123456789abcdefghijklmnop \
	ALLOWED_HOSTS=lms.example.mn $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf var/ .pytest_cache

# Deux commandes pour une machine neuve : `make html` (construit le site) et `make test`.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installe
SPHINX := $(PY) -m sphinx -b html -c . -d _build/doctrees -n -W --keep-going docs _build/html

# Debian's Chromium for the benchmark (Lighthouse measures the browser a reader has), and its
# headless shell for the browser tests: the same engine without the window layer, a third
# faster on the two cores (the headless Chromium Playwright itself runs). Both are installed
# by the target that needs them when they are missing.
CHROMIUM ?= /usr/bin/chromium
TEST_BROWSER ?= /usr/bin/chromium-headless-shell
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: html test check serve clean lint bench release diff-chiffres locale-fr

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

html: $(STAMP)
	mkdir -p _build/jupyter_cache
	$(SPHINX)

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium fonts-dejavu-core

$(TEST_BROWSER):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium-headless-shell fonts-dejavu-core

# pdfLaTeX with BibTeX, and with biblatex and biber, to compile the published BibTeX in the tests
# (tests/test_citation_formats.py); /usr/bin/biber stands for the four packages.
LATEX_TOOLS ?= /usr/bin/biber

$(LATEX_TOOLS):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended texlive-bibtex-extra biber

# The French console locale: the tests check Sphinx's messages under LANG=fr_FR.UTF-8 too.
locale-fr:
	@locale -a | grep -qix 'fr_FR.utf-\?8' || { $(SUDO) apt-get update && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y locales && \
	  $(SUDO) localedef -i fr_FR -f UTF-8 fr_FR.UTF-8; }

# On every core (pytest-xdist): the whole site is built once for all the workers, and the tests
# that share a fixture of their module run on the same worker, in the order of tests/conftest.py
# (those that do not read the site first, while it is built).
# Python keeps the bytecode of what it compiles (PYTHONDONTWRITEBYTECODE emptied, where the
# machine sets it): each process of the tests (the workers, the builds of the command line, the
# Jupyter kernels) would otherwise compile the project's modules and the rewritten tests again.
test: $(STAMP) $(TEST_BROWSER) $(LATEX_TOOLS) locale-fr
	PYTHONDONTWRITEBYTECODE= CHROMIUM=$(TEST_BROWSER) $(PY) -m pytest -n auto --dist loadgroup --no-loadscope-reorder

lint: $(STAMP)
	$(PY) -m ruff check src tests benchmarks conf.py
	$(PY) -m mypy
	$(PY) -m empreinte_ia.lint
	$(VENV)/bin/actionlint .github/workflows/*.yml

# Tout ce que lance l'intégration continue (.ci/run et .github/workflows/site.yml).
check: lint test html

serve: $(STAMP)
	$(PY) -m sphinx_autobuild -c . -d _build/doctrees -n -W --keep-going --watch data --watch src docs _build/html

LIGHTHOUSE := benchmarks/lighthouse/node_modules/.bin/lighthouse

$(LIGHTHOUSE): benchmarks/lighthouse/package-lock.json
	npm ci --prefix benchmarks/lighthouse --no-audit --no-fund

bench: html $(CHROMIUM) $(LIGHTHOUSE)
	$(PY) benchmarks/build_times.py
	CHROMIUM=$(CHROMIUM) $(PY) benchmarks/pages.py
	$(PY) benchmarks/release_time.py

clean:
	rm -rf _build

# Publier une version : `make release VERSION=0.2.0` fige chaque chiffre, paramètre et verdict
# dans publications/0.2.0.json, écrit VERSION et CITATION.cff, enregistre et étiquette (v0.2.0).
release: $(STAMP)
	@test -n "$(VERSION)" || { echo "ERREUR : indiquez la version, par exemple : make release VERSION=0.2.0" >&2; exit 1; }
	$(PY) -m empreinte_ia.releases --racine $(CURDIR) publier $(VERSION)

# Chiffres modifiés par l'arbre de travail, par rapport à la dernière version publiée ou à
# BASE (une version x.y.z ou une référence git : make diff-chiffres BASE=main).
diff-chiffres: $(STAMP)
	@$(PY) -m empreinte_ia.releases --racine $(CURDIR) diff $(if $(BASE),--base $(BASE))

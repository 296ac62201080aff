# lst-kit: `make lab` for participants, `make test` for everyone (and CI).
# Needs python3 (3.10+) and make; `make test` and `make hub` also Node.js 20+ with npm
# (configurable-http-proxy for JupyterHub). Everything else goes into .venv and node_modules.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.lst-kit-installed
# Jupyter refuses to run as root unless told; containers often run as root.
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

MODULE ?= 1
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json

.PHONY: lab app test test-fast install hub hub-clean lite clean-notebooks bench clean

# (Re)install when the venv is missing or pyproject.toml changed.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,test,hub]"
	@touch $(STAMP)

install: $(STAMP)

# configurable-http-proxy for JupyterHub, pinned in package.json/package-lock.json,
# installed into this repo's node_modules (never globally). Needs node and npm.
CHP := node_modules/.bin/configurable-http-proxy
$(CHP): package.json package-lock.json
	npm install --prefix "$(CURDIR)" --no-audit --no-fund --loglevel=error
	@touch $@

# The kit's own JupyterLab settings for participants (no news pop-up, no update
# check) live in the repo and are installed as defaults into the venv, never
# into the participant's home.
$(LAB_SETTINGS): lst_kit/jupyter/overrides.json $(STAMP)
	@mkdir -p $(dir $@)
	cp $< $@

lab: $(STAMP) $(LAB_SETTINGS)
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks

# One module as an app (Voila): prose and widgets, no code. make app MODULE=3
app: $(STAMP)
	$(BIN)/lst-kit app $(MODULE)

# The whole course as a static JupyterLite site in _site/ (built offline from
# PyPI and npm, versions in deploy/lite/; cached, so a second run is quick).
lite: $(STAMP)
	$(BIN)/python deploy/lite/build.py --out _site

# tests/browser/test_lite.py builds the static site itself (cached) when npm is there;
# tests/hub/ needs configurable-http-proxy from node_modules.
test: $(STAMP) $(CHP)
	$(BIN)/python -m pytest

# The pure and headless view tests only (no kernels, servers or browser): under a minute.
test-fast: $(STAMP)
	$(BIN)/python -m pytest tests -m "not slow" -p no:randomly

# A class on this machine, on loopback only: JupyterHub + configurable-http-proxy,
# demo participants deelnemer1 and deelnemer2 and teacher docent, all with ONE
# SHARED DEMO PASSWORD (HUB_PASSWORD), everyone running as your own account:
# for trying out, never for a real class (README, "Een klas op JupyterHub").
# State, homes and the class folder go to .hub/ (make hub-clean removes it).
HUB_PORT ?= 8000
HUB_PASSWORD ?= lst-demo-wachtwoord
HUB_DIR := $(CURDIR)/.hub
hub: $(STAMP) $(CHP) $(LAB_SETTINGS)
	@mkdir -p $(HUB_DIR)
	LST_HUB_AUTH=demo LST_HUB_SPAWNER=single LST_HUB_IP=127.0.0.1 LST_HUB_PORT=$(HUB_PORT) \
	LST_HUB_STATE_DIR=$(HUB_DIR) LST_HUB_CLASS_ROOT=$(HUB_DIR)/klas LST_HUB_COHORT=demo \
	LST_HUB_USERS=deelnemer1,deelnemer2 LST_HUB_TEACHERS=docent LST_HUB_DEMO_PASSWORD='$(HUB_PASSWORD)' \
	$(BIN)/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

hub-clean:
	rm -rf $(HUB_DIR)

# Strip outputs and execution counts from every notebook (they are committed clean).
clean-notebooks: $(STAMP)
	$(BIN)/python -m lst_kit._notebooks clean notebooks exercises

# All benchmarks in one run: one summary table, JSON in bench/results/.
bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info node_modules _site

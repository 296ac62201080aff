# lst-kit: `make lab` for participants, `make test` for everyone (and CI).
# Needs only python3 (3.10+) and make; everything else goes into .venv.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.lst-kit-installed
# Jupyter refuses to run as root unless told; containers often run as root.
LAB_FLAGS ?= $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

MODULE ?= 1
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json

.PHONY: lab app test install lite clean-notebooks bench clean

# (Re)install when the venv is missing or pyproject.toml changed.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[lab,test]"
	@touch $(STAMP)

install: $(STAMP)

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

# tests/browser/test_lite.py builds the static site itself (cached) when npm is there.
test: $(STAMP)
	$(BIN)/python -m pytest

# Strip outputs and execution counts from every notebook (they are committed clean).
clean-notebooks: $(STAMP)
	$(BIN)/python -m lst_kit._notebooks clean notebooks exercises

# All benchmarks in one run: one summary table, JSON in bench/results/.
bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist *.egg-info _site

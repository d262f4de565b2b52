# navo-kg: `make run` builds the seed graph and the pages; `make test` runs the tests;
# `make eval` prints the accuracy on the gold sets; `make docs` writes docs/ontology.html.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
KG     := $(VENV)/bin/kg
OUT    := out
DEV    ?= ../shared/dev

.PHONY: run test install build viz eval docs clean

run: install build viz

$(PY):
	$(PYTHON) -m venv $(VENV)

install: $(PY)
	$(PY) -m pip install -q -e '.[test]'

build: $(PY)
	mkdir -p $(OUT)
	$(KG) build seeds -o $(OUT)/graph.ttl --cache .kgcache
	$(KG) build seeds -o $(OUT)/graph.trig --cache .kgcache -q
	@echo "graph: $(OUT)/graph.ttl $(OUT)/graph.trig"

viz: $(PY)
	$(KG) viz --graph $(OUT)/graph.trig -o $(OUT)/site

test: $(PY)
	$(PY) -m pytest -q

# kg itself, installed once (make eval works on a fresh clone without make run)
$(KG): | $(PY)
	$(PY) -m pip install -q -e '.[test]'

# Accuracy on the repository's gold sets, and on the dev set where it is beside the repo.
eval: $(KG)
	$(KG) evaluate --gold eval/gold/seeds --docs seeds
	@echo
	$(KG) evaluate --gold tests/data/eval/gold --docs tests/data/eval/docs
	@echo
	@if [ -d $(DEV)/gold ] && [ -d $(DEV)/docs ]; then \
		echo "$(KG) evaluate --gold $(DEV)/gold --docs $(DEV)/docs"; \
		$(KG) evaluate --gold $(DEV)/gold --docs $(DEV)/docs; \
	else echo "dev set: no $(DEV)/gold and $(DEV)/docs here, skipped"; fi

# Human-readable ontology documentation, generated from the ontology itself (pyLODE).
docs: docs/ontology.html

docs/ontology.html: ontology/navo-kg.ttl | $(PY)
	$(PY) -m pip install -q -e '.[docs]'
	$(VENV)/bin/pylode $< --sort -o $@

clean:
	rm -rf $(OUT) .pytest_cache .hypothesis

# navo-kg: `make run` builds the seed graph and the pages; `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
KG     := $(VENV)/bin/kg
OUT    := out

.PHONY: run test install build viz clean

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

clean:
	rm -rf $(OUT) .pytest_cache .hypothesis

# The two commands of the README:
#   make demo   set up, ingest the sample reports into the embedded store, print who coordinated with whom
#   make test   set up, run the whole test suite (CI runs this through .ci/run)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= kg-data/demo

.PHONY: demo test setup clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

setup: $(BIN)/kg

demo: $(BIN)/kg
	$(BIN)/kg ingest examples/reports --store $(STORE)
	$(BIN)/kg query who_coordinated_with_whom --store $(STORE)

# Neo4j's own Cypher linter (npm @neo4j-cypher/language-support, pinned in package-lock.json)
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

test: $(BIN)/kg node_modules/.package-lock.json
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) node_modules kg-data .pytest_cache .hypothesis test-artifacts

"""schema/schema.yaml is checked at load time, and what is generated from it does not drift."""
from __future__ import annotations

import copy

import pytest
import yaml

from kg.errors import SchemaError
from kg.schema import SCHEMA_FILE, load_schema, parse_schema
from kg.schema_doc import schema_markdown
from tests.conftest import ROOT


def _raw():
    return yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_schema_loads_with_every_label_and_type_of_the_design():
    s = load_schema()
    assert set(s.nodes) == {"Person", "Office", "Organization", "Event", "Place", "Programme",
                            "FundingSource", "Report"}
    assert set(s.relationships) == {"HOLDS", "POST_IN", "PART_OF", "ORGANIZED", "ATTENDED", "REPRESENTED",
                                    "HELD_AT", "FUNDED_BY", "PROVIDED_BY", "MEMBER_OF", "LOCATED_IN",
                                    "MENTIONED_IN"}
    assert s.rel("ATTENDED").allows("Organization", "Event") and not s.rel("HOLDS").allows("Person", "Place")
    for rtype in s.relationships:
        assert {"report", "sentence", "span_start", "span_end", "extractor", "confidence"} <= set(s.rel_properties(rtype))


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["relationships"]["HOLDS"].update(endpoints=[["Person", "Ofice"]]), "bad endpoint"),
    (lambda d: d["nodes"]["Person"]["properties"].update(age={"type": "integer"}), "unknown type"),
    (lambda d: d["nodes"]["Event"].update(index=["when"]), "unknown property 'when'"),
    (lambda d: d["nodes"]["Place"].pop("prefix"), "missing 'prefix'"),
    (lambda d: d["relationships"]["HOLDS"].update(rdf="nope:holds"), "undeclared prefixes"),
])
def test_inconsistent_schema_is_refused_with_a_message_naming_the_key(mutate, message):
    data = copy.deepcopy(_raw())
    mutate(data)
    with pytest.raises(SchemaError, match=message):
        parse_schema(data)


def test_embedded_store_tables_match_the_schema(store):
    s = load_schema()
    for label, node in s.nodes.items():
        cols = {row[1]: row[2] for row in store.query(f"CALL table_info('{label}') RETURN *").rows}
        assert set(cols) == {"id", *node.properties}, label
    for rtype in s.relationships:
        cols = {row[1] for row in store.query(f"CALL table_info('{rtype}') RETURN *").rows}
        assert cols == set(s.rel_properties(rtype)), rtype


def test_readme_schema_section_is_generated_from_the_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- schema:start -->", "<!-- schema:end -->"
    section = readme[readme.index(start) + len(start): readme.index(end)].strip()
    assert section == schema_markdown().strip(), "README schema section drifted: run `python -m kg.schema_doc --write`"

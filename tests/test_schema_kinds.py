"""`negotiation schema` prints the JSON Schema of every file kind a user writes: a policy, a
sweep, an actors or articles file, a pack.yaml and a vocabulary too (it had only scenario,
model, events and profile, though a new dispute needs all of them)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from negotiation.cli import main


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        ("policy", "actors"),
        ("sweep", "sweep"),
        ("actors", "actors"),
        ("articles", "articles"),
        ("pack", "title"),
        ("vocabulary", "kinds"),
        ("scenario", "name"),
    ],
)
def test_every_file_kind_has_a_schema(kind: str, key: str) -> None:
    result = CliRunner().invoke(main, ["schema", kind])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    assert key in schema["properties"]
    assert schema["$id"].endswith(f"/{kind}.json")

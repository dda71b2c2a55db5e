"""An actor's `party` names a party: a person ('party: lungu') or the actor itself (a party
whose party is itself) was accepted silently, and extraction then took the person for a
side."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiation.errors import InputError
from negotiation.events.log import load_actors

HEAD = "actors:\n  - {id: upnd, name: United Party for National Development, type: party}\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "  - {id: hh, name: Hakainde Hichilema, type: person, party: lungu}\n"
            "  - {id: lungu, name: Edgar Lungu, type: person}\n",
            "actors[1].party: 'lungu' is a person, expected a party (an actor of type party "
            "or group)",
        ),
        (
            "  - {id: pf, name: Patriotic Front, type: party, party: pf}\n",
            "actors[1].party: 'pf' is the actor itself, expected another actor, a party",
        ),
    ],
)
def test_a_party_names_a_party(tmp_path: Path, line: str, expected: str) -> None:
    f = tmp_path / "actors.yaml"
    f.write_text(HEAD + line, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_actors(f)
    assert f"{f}:3:" in str(err.value) and expected in str(err.value), str(err.value)


def test_a_persons_party_loads(tmp_path: Path) -> None:
    f = tmp_path / "actors.yaml"
    f.write_text(HEAD + "  - {id: hh, name: H H, type: person, party: upnd}\n", encoding="utf-8")
    assert load_actors(f)["hh"].party == "upnd"

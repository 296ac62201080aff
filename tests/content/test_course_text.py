"""The course text a participant sees reads as finished, checked material.

Participants see every markdown cell of the module notebooks (``notebooks/``,
also as a Voilà app), the exercise notebooks in ``exercises/`` after their
opening "Voor de docent" cell, every text in the exercise and case YAML, and
the kit's Dutch and English messages. Teacher material is kept out of that
view by two mechanisms, and this test uses the same two to leave it out:

- the first cell of an exercise notebook, "Voor de docent" (the kit's
  convention, checked by ``lst-kit check`` and ``test_notebooks.py``);
- notebooks in ``exercises/`` whose name starts with ``docent_``: teacher
  notebooks, such as the class overview and the notes on what is still to be
  checked (``docent_nog_na_te_gaan.ipynb``). ``lst-kit app`` only serves the
  module notebooks, and ``make lab`` opens JupyterLab on ``notebooks/``.

Open questions about sources go into the teacher notes, never into participant
text ("niet gecontroleerd", "hebben we niet kunnen nagaan", ...). Words that
belong to the course's production ("cursusbrief", "uit de brief") appear
nowhere, not even in teacher text or YAML comments.
"""

import json
import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
TEACHER_PREFIX = "docent_"

# Disclaimers that leave an unsettled question in front of a participant.
DISCLAIMERS = [
    r"niet\s+(?:\w+\s+){0,4}gecontroleerd",
    r"niet\s+(?:\w+\s+){0,3}(?:kunnen|konden)\s+(?:nagaan|controleren|vaststellen|verifi[eë]ren)",
    r"niet\s+(?:kunnen\s+)?nagaan",
    r"niet\s+met\s+zekerheid",
    r"niet\s+(?:\w+\s+){0,2}(?:geverifieerd|vastgesteld|bevestigd|teruggevonden)",
    r"niet\s+(?:tegen|aan)\s+(?:de|het)\s+(?:bron|boek|rapport|handleiding|origineel)",
    r"\bkonden\s+we\b.{0,60}\bniet\b",
    r"\bhebben\s+we\b.{0,60}\bniet\b.{0,30}\b(?:gecontroleerd|nagegaan|gelezen|gevonden|kunnen)",
    r"\b(?:jaar|auteur|toeschrijving|herkomst)\s+(?:is\s+)?(?:onzeker|niet\s+zeker|onbekend)",
    r"\bniet\s+zeker\b",
    r"\bvermoedelijk\s+(?:de\s+)?inspectie\b",
    r"\[(?:M|U|V)\]",
    r"\bnot\s+(?:been\s+)?(?:checked|verified)\b",
]
# Words from the production of the course that neither participants nor teachers know.
INTERNAL = [r"cursusbrief", r"\buit\s+de\s+brief\b", r"\bde\s+brief\s+rekent\b", r"course\s+brief",
            r"COURSE-BRIEF"]


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def is_teacher_notebook(path: Path) -> bool:
    return path.parent.name == "exercises" and path.name.startswith(TEACHER_PREFIX)


def participant_cells(path: Path) -> list[str]:
    """The markdown a participant sees in one notebook (teacher material left out)."""
    if is_teacher_notebook(path):
        return []
    cells = [c for c in _cells(path) if c.get("cell_type") == "markdown"]
    if path.parent.name == "exercises" and cells and "Voor de docent" in _text(cells[0]):
        cells = cells[1:]
    return [_text(c) for c in cells]


def yaml_strings(node):
    """Every string value (and mapping key) in a loaded YAML document."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                yield key
            yield from yaml_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from yaml_strings(value)


NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb")) + sorted((REPO / "exercises").glob("*.ipynb"))
YAMLS = sorted((REPO / "data").rglob("*.yaml")) + sorted((REPO / "lst_kit" / "locales").glob("*.yaml"))


def ids(paths):
    return [p.relative_to(REPO).as_posix() for p in paths]


def hits(patterns, text):
    found = []
    for pattern in patterns:
        for match in re.finditer(pattern, text, re.IGNORECASE | re.DOTALL):
            start = max(0, match.start() - 50)
            found.append(f"{match.group(0)!r} in …{text[start:match.end() + 50]!r}…")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_disclaimer_in_what_participants_see(path):
    found = [h for text in participant_cells(path) for h in hits(DISCLAIMERS, text)]
    assert not found, "settle it, or move it into exercises/docent_nog_na_te_gaan.ipynb:\n" + "\n".join(found)


@pytest.mark.parametrize("path", YAMLS, ids=ids(YAMLS))
def test_no_disclaimer_in_yaml_texts(path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [h for text in yaml_strings(doc) for h in hits(DISCLAIMERS, text)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", NOTEBOOKS + YAMLS, ids=ids(NOTEBOOKS + YAMLS))
def test_no_internal_words_anywhere(path):
    """Not in participant text, not in teacher text, not in YAML comments."""
    found = hits(INTERNAL, path.read_text(encoding="utf-8"))
    assert not found, "\n".join(found)


def test_teacher_notes_exist_and_are_hidden_by_the_same_rule():
    notes = REPO / "exercises" / "docent_nog_na_te_gaan.ipynb"
    assert notes.exists()
    assert is_teacher_notebook(notes) and participant_cells(notes) == []
    first = _text(_cells(notes)[0])
    assert first.startswith("## Voor de docent") and "nog na te gaan" in first.lower()
    # the app serves module notebooks only: a teacher notebook can never be a module
    assert not any(p.name.startswith(TEACHER_PREFIX) for p in (REPO / "notebooks").glob("*.ipynb"))


def test_the_scanner_sees_a_disclaimer_and_skips_teacher_cells(tmp_path):
    folder = tmp_path / "exercises"
    folder.mkdir()
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "## Voor de docent\nNiet gecontroleerd."},
             {"cell_type": "markdown", "metadata": {}, "source": "Dat hebben we niet kunnen nagaan."}]
    path = folder / "m9_proef.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    seen = participant_cells(path)
    assert seen == ["Dat hebben we niet kunnen nagaan."]
    assert hits(DISCLAIMERS, seen[0])
    assert hits(DISCLAIMERS, "Het jaartal is niet gecontroleerd.")
    assert hits(DISCLAIMERS, "die herkomst hebben we niet aan de bron gecontroleerd")
    assert not hits(DISCLAIMERS, "Een inspecteur controleert de roosters.")
    teacher = folder / "docent_iets.ipynb"
    teacher.write_text(json.dumps({"cells": cells[1:]}), encoding="utf-8")
    assert participant_cells(teacher) == []

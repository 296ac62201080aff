"""Breaking content files on purpose in tests (on a private copy of data/)."""

from pathlib import Path

import pytest
import yaml

from lst_kit.content import ContentError, load_spec


def edit(path: Path, change) -> None:
    """Apply ``change`` to the YAML document in ``path`` and write it back."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def break_case(data: Path, case_id: str) -> Path:
    """Give the case file ``data/cases/<case_id>.yaml`` a likelihood of 6
    (scores run 1-5), as a teacher's typo would: the file no longer loads."""
    path = data / "cases" / f"{case_id}.yaml"
    text = path.read_text(encoding="utf-8")
    assert "likelihood: 4" in text, path
    path.write_text(text.replace("likelihood: 4", "likelihood: 6", 1), encoding="utf-8")
    return path


def assert_broken_spec_is_named(data: Path, rel: str, change, field: str, found: str | None) -> None:
    """After ``change`` to ``data/exercises/<rel>``, loading the spec fails with
    a Dutch error naming the file, the field, what is allowed and (if given)
    what was found."""
    edit(data / "exercises" / rel, change)
    exercise_id = rel.replace("/", ".").removesuffix(".yaml")
    with pytest.raises(ContentError) as info:
        load_spec(exercise_id)
    err = info.value
    assert err.file.endswith(f"exercises/{rel}")
    assert err.field == field
    assert err.allowed
    message = str(err)
    assert rel in message and f"'{field}'" in message and "toegestaan is" in message
    if found:
        assert found in message

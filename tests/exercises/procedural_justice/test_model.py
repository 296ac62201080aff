"""E5.3 procedural justice, the model: scores, the illustrative curve, the
spec's checks and the saved answer."""

import math

import pytest
from _content import edit

from lst_kit.content import ContentError, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.procedural_justice.model import JusticeScores

EXERCISE = "m5.procedurele_rechtvaardigheid"


@pytest.fixture
def spec():
    return load_spec(EXERCISE)


def test_scores_curve_and_weakest(spec):
    assert [e.key for e in spec.elements] == ["inspraak", "neutraliteit", "respect", "vertrouwen"]
    model = JusticeScores(spec)
    assert model.mean() == 3 and model.expected() == pytest.approx((spec.curve.floor + spec.curve.ceiling) / 2)
    for key, value in (("inspraak", 5), ("neutraliteit", 4), ("respect", 2), ("vertrouwen", 5)):
        model.set(key, value)
    assert model.mean() == 4.0 and [e.key for e in model.weakest()] == ["respect"]
    c = spec.curve
    assert model.expected() == pytest.approx(c.floor + (c.ceiling - c.floor) / (1 + math.exp(-c.steepness * 1)))
    curve = [c.at(x / 10) for x in range(10, 51)]
    assert all(a < b for a, b in zip(curve, curve[1:])) and c.floor < curve[0] and curve[-1] < c.ceiling


@pytest.mark.parametrize("bad", [0, 6, 3.5, "4", True, None])
def test_a_score_off_the_scale_is_refused_and_named(spec, bad):
    model = JusticeScores(spec)
    model.set("respect", 2)
    with pytest.raises(InputError, match="Respect: toegestaan is een geheel getal van 1 tot en met 5"):
        model.set("respect", bad)
    assert model.score("respect") == 2
    with pytest.raises(InputError, match="zzz"):
        model.set("zzz", 3)


def test_an_answer_saved_by_the_kit_restores():
    """A literal answer as the kit before the package split wrote it."""
    spec = load_spec(EXERCISE)
    saved = {"scores": {"inspraak": 4, "neutraliteit": 1, "respect": 5, "vertrouwen": 2}}
    model = JusticeScores.from_dict(spec, saved)
    assert model.scores == {"inspraak": 4, "neutraliteit": 1, "respect": 5, "vertrouwen": 2}
    assert model.mean() == 3.0 and [e.key for e in model.weakest()] == ["neutraliteit"]
    assert model.to_dict() == saved


def test_restore_leaves_out_what_the_spec_no_longer_allows(spec):
    restored = JusticeScores.from_dict(spec, {"scores": {"respect": 2, "inspraak": 9, "weg": 3}})
    assert restored.to_dict() == {"scores": {"inspraak": 3, "neutraliteit": 3, "respect": 2, "vertrouwen": 3}}
    for odd in (None, 3, "x", [], {"scores": "x"}, {}):
        assert JusticeScores.from_dict(spec, odd).scores == {}


def test_the_curve_must_be_marked_illustrative(data):
    edit(data / "exercises" / "m5" / "procedurele_rechtvaardigheid.yaml",
         lambda d: d["curve"].update(illustratief=False))
    with pytest.raises(ContentError) as info:
        load_spec(EXERCISE)
    assert info.value.field == "curve.illustratief"


def test_scale_labels_must_match_the_scale(data):
    edit(data / "exercises" / "m5" / "procedurele_rechtvaardigheid.yaml",
         lambda d: d["scale"].update(labels=["laag", "hoog"]))
    with pytest.raises(ContentError) as info:
        load_spec(EXERCISE)
    assert info.value.field == "scale.labels" and "5" in str(info.value)

"""The enforcement pyramid without widgets: what a pyramid says, where its
mix comes from, and the saved answer."""

import pytest

from lst_kit.content import load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.enforcement_pyramid import figures
from lst_kit.exercises.enforcement_pyramid.model import PyramidModel, read_pyramid
from lst_kit.exercises.intervention_matrix import load_matrix_setup


@pytest.fixture
def setup():
    return load_matrix_setup("m4.interventiematrix")


def test_pyramid_reading_levels_gaps_and_beside(setup):
    reading = read_pyramid(setup, ["intrekking_vergunning", "informatie", "bestuurlijke_boete", "signaal_beleid"])
    assert reading.used == [1, 3, 6] and reading.gaps == [2, 4, 5]
    assert reading.by_level[1] == ("informatie",) and reading.beside == ("signaal_beleid",)
    assert (reading.base, reading.top) == (1, 6)
    lines = figures.reading_lines(setup, reading)
    assert any("Lege treden tussen basis en top: 2, 4, 5" in line for line in lines)
    empty = read_pyramid(setup, [])
    assert empty.used == [] and empty.gaps == [] and figures.reading_lines(setup, empty)[0].startswith("Nog geen")


def test_pyramid_reads_the_matrix_row_or_own_choices(setup):
    spec = load_spec("m4.piramide")
    matrix = {"cells": {"C1": ["waarschuwing"], "C4": ["proces_verbaal", "stillegging"], "A1": ["informatie"]}}
    model = PyramidModel.from_dict(spec, setup, {"segment": "C"}, matrix)
    assert model.source == "matrix" and model.mix() == ("waarschuwing", "proces_verbaal", "stillegging")
    assert model.reading().gaps == [3]
    model.set_source("eigen")
    model.toggle("informatie", True)
    assert model.mix() == ("informatie",)
    saved = model.to_dict()
    assert saved["own"] == {"C": ["informatie"]} and saved["mix"]["C"] == ["informatie"]
    without = PyramidModel.from_dict(spec, setup, saved, None)
    assert without.source == "eigen" and without.mix("C") == ("informatie",)
    with pytest.raises(InputError, match="Interventies"):
        without.set_source("matrix")   # no matrix answer to read from
    with pytest.raises(InputError, match="Segment"):
        without.set_segment("X")


def test_an_answer_saved_by_the_previous_kit_restores(setup):
    """Literal answers as the kit before the package shape saved them."""
    spec = load_spec("m4.piramide")
    own = {"segment": "B", "source": "eigen", "own": {"B": ["waarschuwing", "bestuurlijke_boete"]},
           "mix": {"A": [], "B": ["waarschuwing", "bestuurlijke_boete"], "C": [], "D": []}}
    model = PyramidModel.from_dict(spec, setup, own)
    assert (model.segment, model.source, model.mix()) == ("B", "eigen", ("waarschuwing", "bestuurlijke_boete"))
    assert model.to_dict() == own
    drawn = {"segment": "D", "source": "matrix", "own": {},
             "mix": {"A": ["informatie"], "B": [], "C": [], "D": ["proces_verbaal", "intrekking_vergunning"]}}
    model = PyramidModel.from_dict(spec, setup, drawn)   # without the matrix answer: the rows as saved
    assert model.source == "matrix" and model.has_matrix
    assert model.mix() == ("proces_verbaal", "intrekking_vergunning") and model.reading().gaps == [5]
    assert model.to_dict() == drawn
    live = PyramidModel.from_dict(spec, setup, drawn, {"cells": {"D1": ["waarschuwing"]}})
    assert live.mix() == ("waarschuwing",)   # the participant's matrix as it is now wins


def test_odd_answers_restore_to_what_is_usable(setup):
    spec = load_spec("m4.piramide")
    for odd in (None, 3, "x", [], {}, {"mix": "nee"}, {"own": {"Q": ["informatie"]}, "segment": "Q"}):
        model = PyramidModel.from_dict(spec, setup, odd)
        assert model.source == "eigen" and model.segment == "A" and model.mix() == ()
    model = PyramidModel.from_dict(spec, setup, {"mix": {"C": "nee", "D": ["informatie", {"x": 1}, "weg"]}})
    assert model.mix("C") == () and model.mix("D") == ("informatie",)

"""E5.2 signal triage, the model: the triage rule and its loader, routes,
own observations, the drafted signalement and the saved answer."""

import shutil

import pytest
import yaml

from lst_kit.content import ContentError, load_case, load_spec
from lst_kit.errors import InputError
from lst_kit.exercises.signal_triage import load_rule
from lst_kit.exercises.signal_triage.model import Observation, SignalTriage
from lst_kit.exercises.signal_triage.readings import offered_cases


def edit_yaml(path, change):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def fresh(spec):
    """A new model on the spec's start case, with the course's rule and cases."""
    return SignalTriage(spec, load_rule(spec.rule_name), offered_cases())


def restored(spec, data):
    """A saved answer through the one restore path."""
    return SignalTriage.from_dict(spec, data, load_rule(spec.rule_name), offered_cases())


# -- triage rule ------------------------------------------------------------------------
def obs(frequency=3, severity=3, covered="ja", systemic=False, oid="x"):
    return Observation(oid, "een observatie", frequency, severity, covered, systemic)


@pytest.fixture
def rule():
    return load_rule()


@pytest.mark.parametrize("observation, route, index", [
    # covered and not complied with -> enforce
    (obs(3, 3, "ja", False), "handhaven", 1),
    (obs(5, 5, "ja", False), "handhaven", 1),  # large impact, but not systemic
    # not (fully) covered -> signal to policy
    (obs(2, 2, "nee", False), "signaleren", 2),
    (obs(2, 2, "deels", False), "signaleren", 2),
    (obs(2, 2, "nvt", False), "signaleren", 2),
    (obs(4, 3, "deels", True), "signaleren", 2),  # systemic, impact 12 < 15
    # large impact and systemic -> public agenda
    (obs(3, 5, "nee", True), "agenderen", 0),
    (obs(5, 3, "deels", True), "agenderen", 0),
])
def test_default_rule_routes_each_case(rule, observation, route, index):
    got, matched, why = rule.route_of(observation)
    assert (got, matched) == (route, index)
    assert why == rule.rules[index].why


def test_first_match_wins(rule):
    # covered + systemic + impact 16: all three rules match; the first (agenderen) wins
    o = obs(4, 4, "ja", True)
    assert [r.route for r in rule.rules if r.matches(o)] == ["agenderen", "handhaven", "signaleren"]
    assert rule.route_of(o)[:2] == ("agenderen", 0)
    # covered + systemic + impact 10: enforce and signal both match; enforce comes first
    o = obs(5, 2, "ja", True)
    assert [r.route for r in rule.rules if r.matches(o)] == ["handhaven", "signaleren"]
    assert rule.route_of(o)[:2] == ("handhaven", 1)


def test_default_route_when_no_rule_matches(data):
    path = data / "reference" / "signaal_triage.yaml"
    edit_yaml(path, lambda d: (d.update(rules=[{"route": "handhaven", "all": {"severity": 5}, "why": "ernstig"}]),
                               d["default"].update(route="agenderen", why="standaard")))
    rule = load_rule()
    assert rule.route_of(obs(2, 5, "nee")) == ("handhaven", 0, "ernstig")
    assert rule.route_of(obs(2, 4, "nee")) == ("agenderen", None, "standaard")
    no_rules = data / "reference" / "signaal_triage_leeg.yaml"
    edit_yaml(path, lambda d: d.update(rules=[]))
    shutil.copy(path, no_rules)
    assert load_rule("signaal_triage_leeg").route_of(obs(5, 5, "ja", True))[:2] == ("agenderen", None)


def test_conditions_read_ranges_lists_and_flags(data):
    path = data / "reference" / "signaal_triage.yaml"
    edit_yaml(path, lambda d: d.update(rules=[
        {"route": "agenderen", "all": {"frequency": {"min": 2, "max": 3}, "severity": 4}, "why": "a"},
        {"route": "handhaven", "any": {"covered_by_law": ["ja", "deels"], "impact": {"max": 2}}, "why": "b"},
    ]))
    rule = load_rule()
    assert rule.route_of(obs(2, 4, "nee"))[0] == "agenderen"
    assert rule.route_of(obs(4, 4, "nee"))[0] == "signaleren"  # frequency above max: default
    assert rule.route_of(obs(2, 3, "deels"))[0] == "handhaven"
    assert rule.route_of(obs(1, 2, "nee"))[0] == "handhaven"  # impact 2
    assert rule.rules[0].describe() == "2 ≤ Frequentie ≤ 3 en Ernst = 4"
    assert rule.rules[1].describe() == "Gedekt door de wet = ja / deels of Impact (frequentie × ernst) ≤ 2"


RULE_BROKEN = {
    "unknown-field": (lambda d: d["rules"][0]["all"].update(impactt=3), "rules[0].all.impactt", "'impactt'"),
    "unknown-route": (lambda d: d["rules"][1].update(route="boete"), "rules[1].route", "'boete'"),
    "both-modes": (lambda d: d["rules"][0].update(any={"systemic": True}), "rules[0].all", "['all', 'any']"),
    "no-mode": (lambda d: d["rules"][1].pop("all"), "rules[1].all", "(ontbreekt)"),
    "min-out-of-range": (lambda d: d["rules"][0]["all"]["impact"].update(min=30), "rules[0].all.impact.min", "30"),
    "range-key": (lambda d: d["rules"][0]["all"]["impact"].update(vanaf=3), "rules[0].all.impact.vanaf", "'vanaf'"),
    "bad-coverage": (lambda d: d["rules"][2]["any"]["covered_by_law"].__setitem__(1, "misschien"),
                     "rules[2].any.covered_by_law[1]", "'misschien'"),
    "flag-not-bool": (lambda d: d["rules"][2]["any"].update(systemic="ja"), "rules[2].any.systemic", "'ja'"),
    "default-route": (lambda d: d["default"].pop("route"), "default.route", "(ontbreekt)"),
    "no-why": (lambda d: d["rules"][0].pop("why"), "rules[0].why", "(ontbreekt)"),
    "duplicate-route": (lambda d: d["routes"].append(dict(d["routes"][0])), "routes", "'handhaven'"),
    "not-illustrative": (lambda d: d.update(illustratief=False), "illustratief", "False"),
}


@pytest.mark.parametrize("fault", sorted(RULE_BROKEN))
def test_damaged_rule_names_file_and_field(data, fault):
    change, field, found = RULE_BROKEN[fault]
    edit_yaml(data / "reference" / "signaal_triage.yaml", change)
    with pytest.raises(ContentError) as info:
        load_rule()
    err = info.value
    assert err.file == "data/reference/signaal_triage.yaml"
    assert err.field == field
    message = str(err)
    assert "signaal_triage.yaml" in message and f"'{field}'" in message and found in message
    # the exercise reports the same problem when it is loaded
    with pytest.raises(ContentError) as again:
        load_spec("m5.signalen")
    assert again.value.field == field


def test_rule_yaml_syntax_error_and_missing_file(data):
    path = data / "reference" / "signaal_triage.yaml"
    path.write_text("routes: [niet gesloten\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"signaal_triage.yaml, veld 'regel \d+'"):
        load_rule()
    path.unlink()
    with pytest.raises(ContentError, match="signaal_triage.yaml"):
        load_rule()


def test_spec_names_a_missing_rule_file(data):
    edit_yaml(data / "exercises" / "m5" / "signalen.yaml", lambda d: d.update(rule="andere_regel"))
    with pytest.raises(ContentError) as info:
        load_spec("m5.signalen")
    assert info.value.field == "rule" and "'andere_regel'" in str(info.value)


def test_cli_check_reports_a_damaged_rule(data, capsys):
    from lst_kit.cli import main

    edit_yaml(data / "reference" / "signaal_triage.yaml", lambda d: d["rules"][0].update(route="boete"))
    assert main(["check", str(data / "reference" / "signaal_triage.yaml")]) == 1
    assert "rules[0].route" in capsys.readouterr().out


# -- triage model -----------------------------------------------------------------------
@pytest.fixture
def st_spec():
    return load_spec("m5.signalen")


def routes(model):
    return {o.id: r for o, r, _, _ in model.routed()}


def test_case_signals_are_routed_and_counted(st_spec):
    model = fresh(st_spec)
    assert routes(model) == {"s1": "handhaven", "s2": "agenderen", "s3": "agenderen", "s4": "signaleren",
                             "s5": "signaleren", "s6": "signaleren"}
    assert model.counts() == {"handhaven": 1, "signaleren": 3, "agenderen": 2}


def test_edits_change_the_route_and_are_validated(st_spec):
    model = fresh(st_spec)
    model.edit("s1", "covered_by_law", "nee")
    assert routes(model)["s1"] == "signaleren"
    model.edit("s6", "systemic", True)
    model.edit("s6", "frequency", 5)
    model.edit("s6", "severity", 3)
    assert routes(model)["s6"] == "agenderen"
    assert model.state.edits == {"s1": {"covered_by_law": "nee"},
                                 "s6": {"systemic": True, "frequency": 5, "severity": 3}}
    model.edit("s1", "covered_by_law", "ja")  # back to the case's value: no edit left
    assert "s1" not in model.state.edits
    for name, bad in (("frequency", 0), ("frequency", 6), ("severity", "3"), ("severity", True),
                      ("covered_by_law", "misschien"), ("systemic", "ja"), ("who_can_act", "iemand")):
        with pytest.raises(InputError):
            model.edit("s6", name, bad)
    with pytest.raises(InputError, match="Frequentie \\(Gemeenten geven thuiskoks"):
        model.edit("s6", "frequency", 9)
    with pytest.raises(InputError, match="Observatie"):
        model.edit("s99", "frequency", 3)
    assert model.state.edits == {"s6": {"systemic": True, "frequency": 5, "severity": 3}}


def test_own_observations_are_checked_added_and_removed(st_spec):
    model = fresh(st_spec)
    first = model.add_own("  Thuiskoks  bezorgen zelf, zonder koeltas. ", 4, 2, "deels", False, "Platforms")
    assert (first.id, first.observation, first.own) == ("eigen_1", "Thuiskoks bezorgen zelf, zonder koeltas.", True)
    assert routes(model)["eigen_1"] == "signaleren"
    case_text = load_case("nvwa_maaltijdplatforms").signals[0].observation
    bad_inputs = [
        (("", 3, 3, "ja", False), "Nieuwe observatie", "''"),
        (("   ", 3, 3, "ja", False), "Nieuwe observatie", "''"),
        ((case_text.upper(), 3, 3, "ja", False), "Nieuwe observatie", "observatie s1"),
        (("thuiskoks bezorgen zelf, zonder koeltas.", 3, 3, "ja", False), "Nieuwe observatie", "eigen_1"),
        (("Nieuw", 0, 3, "ja", False), "Frequentie (nieuwe observatie)", "0"),
        (("Nieuw", 3, 6, "ja", False), "Ernst (nieuwe observatie)", "6"),
        (("Nieuw", 3, 3, "soms", False), "Gedekt door de wet (nieuwe observatie)", "soms"),
        (("Nieuw", 3, 3, "ja", "ja"), "Systemisch (nieuwe observatie)", "ja"),
        (("x" * 501, 3, 3, "ja", False), "Nieuwe observatie", "501 tekens"),
    ]
    for args, field, given in bad_inputs:
        with pytest.raises(InputError) as info:
            model.add_own(*args)
        assert str(info.value).startswith(field + ":") and given in str(info.value), args
    assert [o.id for o in model.state.own] == ["eigen_1"]
    second = model.add_own("Tweede observatie", 2, 2, "ja", False)
    model.remove_own("eigen_1")
    third = model.add_own("Derde observatie", 2, 2, "ja", False)
    assert (second.id, third.id) == ("eigen_2", "eigen_3")
    with pytest.raises(InputError, match="Eigen observatie"):
        model.remove_own("s1")
    model.edit("eigen_2", "covered_by_law", "nee")
    assert routes(model)["eigen_2"] == "signaleren"


def test_draft_signalement_comes_from_the_policy_route(st_spec):
    model = fresh(st_spec)
    problem, evidence, causes, actors, own = st_spec.outline
    policy = model.in_route("signaleren")
    assert [o.id for o in policy] == ["s4", "s5", "s6"]
    assert model.draft(problem) == "\n".join(f"- {o.observation}" for o in policy)
    assert "frequentie 2/5, ernst 4/5 (impact 8/25)" in model.draft(evidence)
    assert st_spec.causes["nee"] in model.draft(causes) and st_spec.causes["systemic"] in model.draft(causes)
    assert "Platforms samen, met het ministerie" in model.draft(actors)
    assert model.draft(own).splitlines()[0].startswith("- Handhaven: Een groot deel")
    # the draft follows the routing until the participant writes their own text
    model.edit("s1", "covered_by_law", "nee")
    assert model.outline_text("probleem").startswith("- Een groot deel")
    model.set_outline("probleem", "Mijn probleemstelling.")
    model.edit("s4", "covered_by_law", "ja")
    model.edit("s4", "systemic", False)
    assert model.outline_text("probleem") == "Mijn probleemstelling."
    assert "Platforms verwijzen" not in model.draft(problem)
    model.reset_outline("probleem")
    assert model.outline_text("probleem") == model.draft(problem)
    with pytest.raises(InputError, match="Probleem"):
        model.set_outline("probleem", "x" * 20001)
    with pytest.raises(InputError, match="Onderdeel van het signalement"):
        model.set_outline("conclusie", "tekst")


def test_no_policy_observations_gives_a_clear_draft(st_spec):
    model = fresh(st_spec)
    for sid in ("s4", "s5", "s6"):
        model.edit(sid, "covered_by_law", "ja")
        model.edit(sid, "systemic", False)
    assert model.in_route("signaleren") == [] and model.top_signal() is None
    assert model.outline_text("probleem") == "(Nog geen observaties op de route naar beleid.)"


def test_triage_round_trip_per_case_and_tolerant_restore(st_spec):
    model = fresh(st_spec)
    model.edit("s2", "severity", 2)
    model.add_own("Eigen waarneming", 3, 3, "nee", True, "Ministerie")
    model.set_outline("bewijs", "Eigen bewijs.")
    model.switch_case("kinderopvang_bso_personeelstekort")
    model.edit("s3", "frequency", 1)
    saved = model.to_dict()
    assert saved["case"] == "kinderopvang_bso_personeelstekort"
    assert {r["id"]: r["route"] for r in saved["routing"]}["s3"] == routes(model)["s3"]
    back = restored(st_spec, saved)
    assert back.to_dict() == saved
    back.switch_case("nvwa_maaltijdplatforms")
    assert back.outline_text("bewijs") == "Eigen bewijs." and back.state.own[0].who_can_act == "Ministerie"
    junk = {"case": 3, "cases": {"nvwa_maaltijdplatforms": {
        "edits": {"s1": {"frequency": 9, "severity": 1}, "s77": {"frequency": 1}, "s2": "x"},
        "own": [{"observation": ""}, {"id": "eigen_4", "observation": "Goed", "frequency": 2, "severity": 2,
                                      "covered_by_law": "nvt", "systemic": False}, "kapot"],
        "outline": {"probleem": 5, "oorzaken": "Mijn oorzaken", "weg": "tekst"}}, "geen_casus": {}}}
    model = restored(st_spec, junk)
    assert model.case_id == "nvwa_maaltijdplatforms"
    assert model.state.edits == {"s1": {"severity": 1}}
    assert [(o.id, o.observation) for o in model.state.own] == [("eigen_4", "Goed")]
    assert model.state.outline == {"oorzaken": "Mijn oorzaken"}


def test_a_saved_edit_of_an_unknown_field_is_skipped_not_fatal(st_spec):
    """A workbook edited by hand (or by a later kit) may name a field this kit
    does not know: that edit is left out, the rest of the answer comes back."""
    with pytest.raises(InputError, match="zzz"):
        fresh(st_spec).edit("s5", "zzz", 1)
    case = st_spec.default_case
    saved = {"case": case, "cases": {case: {"edits": {"s5": {"zzz": 1}, "s1": {"covered_by_law": "nee"}}}}}
    model = restored(st_spec, saved)
    assert model.state.edits == {"s1": {"covered_by_law": "nee"}}
    assert routes(model)["s1"] == "signaleren"


def test_an_answer_saved_by_the_kit_restores(st_spec):
    """A literal answer as the kit before the package split wrote it."""
    own = "Bezorgers van de platforms halen maaltijden op in een gewone rugzak."
    saved = {"case": "nvwa_maaltijdplatforms",
             "cases": {"kinderopvang_bso_personeelstekort": {"edits": {"s3": {"frequency": 1}}, "own": [],
                                                             "outline": {}},
                       "nvwa_maaltijdplatforms": {
                           "edits": {"s1": {"covered_by_law": "nee"}},
                           "own": [{"id": "eigen_2", "observation": own, "frequency": 4, "severity": 3,
                                    "covered_by_law": "deels", "systemic": True, "who_can_act": "Platforms"}],
                           "outline": {"oorzaken": "De wet zegt niets over platforms."}}},
             "routing": [{"id": "s1", "observation": "(tekst van toen)", "route": "signaleren", "own": False}]}
    model = restored(st_spec, saved)
    assert model.case_id == "nvwa_maaltijdplatforms"
    assert model.state.edits == {"s1": {"covered_by_law": "nee"}}
    assert [(o.id, o.observation, o.who_can_act, o.own) for o in model.state.own] == [
        ("eigen_2", own, "Platforms", True)]
    assert model.outline_text("oorzaken") == "De wet zegt niets over platforms." and model.is_edited("oorzaken")
    assert not model.is_edited("probleem")
    # the routes follow from the rule: s1 (now not covered by law) and the own one (impact 12) go to policy
    assert routes(model) == {"s1": "signaleren", "s2": "agenderen", "s3": "agenderen", "s4": "signaleren",
                             "s5": "signaleren", "s6": "signaleren", "eigen_2": "signaleren"}
    again = model.to_dict()
    assert again["case"] == saved["case"] and again["cases"] == saved["cases"]
    assert [(r["id"], r["route"]) for r in again["routing"]] == list(routes(model).items())
    model.switch_case("kinderopvang_bso_personeelstekort")
    assert model.observation("s3").frequency == 1


def test_observation_is_the_first_of_the_observations_with_its_id(st_spec):
    model = fresh(st_spec)
    model.edit("s2", "severity", 1)
    model.add_own("Eigen waarneming", 3, 3, "nee", True)
    for obs in model.observations():
        assert model.observation(obs.id) == next(o for o in model.observations() if o.id == obs.id)
    assert model.observation("s2").severity == 1


def test_short_is_textwrap_shorten_with_an_ellipsis():
    assert Observation("x", "kort", 1, 1, "ja", False).short(10) == "kort"
    assert Observation("x", "een wat langere observatie", 1, 1, "ja", False).short(20) == "een wat langere …"


def test_a_teachers_edit_of_the_rule_takes_effect_without_a_restart(data, st_spec):
    model = fresh(st_spec)
    assert routes(model)["s1"] == "handhaven"
    edit_yaml(data / "reference" / "signaal_triage.yaml",
              lambda d: d.update(rules=[], default={"route": "agenderen", "why": "alles"}))
    assert set(routes(fresh(st_spec)).values()) == {"agenderen"}


def test_the_model_only_offers_the_cases_it_was_given(st_spec):
    only = {"nvwa_maaltijdplatforms": load_case("nvwa_maaltijdplatforms")}
    model = SignalTriage(st_spec, load_rule(), only)
    with pytest.raises(InputError, match="Casus"):
        model.switch_case("ilt_ontgassen_binnenvaart")
    back = SignalTriage.from_dict(st_spec, {"case": "ilt_ontgassen_binnenvaart", "cases": {
        "ilt_ontgassen_binnenvaart": {"edits": {"s1": {"frequency": 1}}}}}, load_rule(), only)
    assert back.case_id == "nvwa_maaltijdplatforms" and list(back.per_case) == ["nvwa_maaltijdplatforms"]

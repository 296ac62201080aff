"""The effect chain's pictures as SVG: bars at their shares, effect tiers
hatched, the boundary between effort and effect, the chosen design marked;
and the captions that say the same in words."""

import pytest
from _svg import SVG, filled, svg_picture

from lst_kit.content import load_spec
from lst_kit.exercises.effect_chain import figures as ec
from lst_kit.exercises.effect_chain.model import EffectChain


@pytest.fixture
def chain():
    return EffectChain(load_spec("m2.effectketen"))


def test_weights_bar_per_tier_at_its_share_effect_tiers_hatched_and_a_dashed_boundary(chain):
    chain.add_menu("Aantal inspecties")
    chain.add_own("Aandeel koks met logger", "outcome")
    chain.add_own("Minder zieken", "impact")
    chain.add_own("Nog een logger", "outcome")
    root, texts = svg_picture(ec.plot_weights(chain))
    assert {"Meetgewicht per niveau (4 indicatoren)", "inspanning", "effect", "1 (25%)", "2 (50%)", "0 (0%)"} \
        <= set(texts)
    effort, effect = filled(root, ec.EFFORT_COLOUR), filled(root, ec.EFFECT_COLOUR)
    assert len(effort) == 3 and len(effect) == 2
    heights = [float(r.get("height")) for r in effort + effect]  # input, activity, output | outcome, impact
    assert heights[:2] == [0, 0] and heights[3] == pytest.approx(2 * heights[2], rel=0.01) == \
        pytest.approx(2 * heights[4], rel=0.01)
    hatched = [r for r in root.iter(SVG + "rect") if (r.get("fill") or "").startswith("url(#")]
    assert len(hatched) == 2  # the two effect tiers
    xs = [float(r.get("x")) for r in effort + effect]
    assert xs == sorted(xs)
    dashed = [p for p in root.iter(SVG + "polyline") if p.get("stroke-dasharray")]
    boundary = float(dashed[0].get("points").split()[0].split(",")[0])
    assert xs[2] < boundary < xs[3]  # between output and outcome
    _, plain = svg_picture(ec.plot_designs(chain.spec, None))
    assert "Onderzoeksontwerpen" in plain and "Voor- en nameting" in plain


def test_captions_say_the_shares_and_the_design_in_words(chain):
    chain.add_menu("Aantal inspecties")
    chain.add_menu("Aantal opgelegde boetes")
    chain.add_own("Aandeel koks met een temperatuurlogger", "outcome")
    chain.add_own("Ziekenhuisopnames na een thuismaaltijd", "impact")
    assert "Output 2 (50%)" in ec.caption(chain) and "Aandeel dat effect meet: 50%" in ec.caption(chain)
    assert ec.design_caption(chain) == "Nog geen onderzoeksontwerp gekozen."
    chain.set_design("quasi_experiment")
    assert "bewijskracht 3 van 5 (illustratief)" in ec.design_caption(chain)


def test_class_plot_bars_at_the_mean_share_with_effect_tiers_hatched():
    spec = load_spec("m2.effectketen")
    tiers = [x.key for x in spec.tiers]
    shares = [dict.fromkeys(tiers, 0.0) | {"output": 1.0}, dict.fromkeys(tiers, 0.0) | {"output": 0.5, "outcome": 0.5}]
    root, texts = svg_picture(ec.plot_class(spec, shares))
    assert "Meetgewicht per niveau in de groep (n = 2; streepjes: laagste tot hoogste)" in texts
    effort, effect = filled(root, ec.EFFORT_COLOUR), filled(root, ec.EFFECT_COLOUR)
    heights = [float(r.get("height")) for r in effort + effect]  # output 75 %, outcome 25 %, the rest 0
    assert heights[2] == pytest.approx(3 * heights[3], rel=0.01) and heights[:2] == [0, 0] and heights[4] == 0


def test_plots_are_pure_and_deterministic(chain):
    chain.add_menu("Aantal inspecties")
    before = chain.to_dict()
    assert ec.plot_weights(chain).to_svg() == ec.plot_weights(chain).to_svg()
    assert ec.plot_chain(chain).to_svg() == ec.plot_chain(chain).to_svg()
    assert chain.to_dict() == before

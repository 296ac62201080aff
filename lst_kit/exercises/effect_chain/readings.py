"""What the portfolio and the class overview read from effect-chain answers
(see :class:`lst_kit.registry.ExerciseType`). Every answer is restored with
:meth:`EffectChain.from_dict`, the view's own restore path."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ...content import Field
from ...content.demo import load_demo
from ...errors import InputError
from ...i18n import t
from ...registry import ExerciseType
from .figures import plot_chain, plot_class
from .model import EffectChain, EffectChainSpec, MenuIndicator, parse_spec, pct

__all__ = ["TYPE", "EffectChainDemo", "EffectChainType", "parse_demo"]


@dataclass(frozen=True)
class EffectChainDemo:
    """Own indicators an invented participant may write (``data/demo/effect_chain.yaml``),
    each with the tier the participant puts it on; the classifier's suggestion
    is computed as usual."""

    own: tuple[tuple[str, str], ...] = ()


def parse_demo(root: Field) -> EffectChainDemo:
    """``own_indicators``: a list of ``{text, tier}`` (optional)."""
    items = root.items("own_indicators", default=[])
    return EffectChainDemo(tuple((item.text("text"), item.key("tier")) for item in items))


class EffectChainType(ExerciseType):
    name = "effect_chain"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: EffectChainSpec, answer) -> list[str]:
        model = EffectChain.from_dict(spec, answer)
        if not model.indicators and not model.design:
            return [t("effect_chain.sum_empty")]
        counts = model.counts()
        lines = [t("effect_chain.sum_weight", n=len(model.indicators), effect=pct(model.effect_share()),
                   parts=", ".join(f"{x.label} {counts[x.key]}" for x in spec.tiers if counts[x.key]))]
        effect = model.effect_indicators()
        if effect:
            lines.append(t("effect_chain.sum_effect_indicators", items="; ".join(effect)))
        design = model.chosen_design()
        if design:
            lines.append(t("effect_chain.sum_design", design=design.label, strength=design.strength))
        if model.only_effort():
            lines.append(t("effect_chain.warn_only_effort"))
        return lines

    def plot_answer(self, spec: EffectChainSpec, answer):
        return plot_chain(EffectChain.from_dict(spec, answer))

    def class_picture(self, spec: EffectChainSpec, answers: dict):
        """Mean measurement weight per tier over the class (with the lowest and
        highest share), and how often each design was chosen."""
        models = [EffectChain.from_dict(spec, a) for a in answers.values()]
        models = [m for m in models if m.indicators]
        if not models:
            return None, [t("effect_chain.class_none")]
        designs = {d.key: sum(m.design == d.key for m in models) for d in spec.designs}
        fig = plot_class(spec, [m.shares() for m in models])
        lines = [t("effect_chain.class_n", n=len(models)),
                 t("effect_chain.class_only_effort", n=sum(m.only_effort() for m in models), total=len(models))]
        chosen = [f"{d.label} {designs[d.key]}" for d in spec.designs if designs[d.key]]
        if chosen:
            lines.append(t("effect_chain.class_designs", items=", ".join(chosen)))
        return fig, lines

    def demo_answer(self, spec: EffectChainSpec, rng: random.Random) -> dict:
        """An invented participant (demo class only): a few menu indicators spread
        over the tiers (some participants count only their own effort), now and
        then an own indicator, and an evaluation design (most often a middle one)."""
        model = EffectChain(spec)
        effort_only = rng.random() < 0.12
        lean = rng.random()  # 0: leans to effect, 1: leans to effort
        picks: list[MenuIndicator] = []
        for tier in spec.tiers:
            items = [m for m in spec.menu if m.tier == tier.key]
            if not items or (effort_only and tier.effect):
                continue
            p = (0.25 + 0.4 * lean) if not tier.effect else (0.75 - 0.35 * lean)
            k = min(len(items), sum(rng.random() < p for _ in range(2)))  # binomial(2, p)
            picks += rng.sample(items, k)
        if len(picks) < 2:  # everybody picks at least two
            pool = [m for m in spec.menu if m not in picks and not (effort_only and spec.tier(m.tier).effect)]
            pool = pool or [m for m in spec.menu if m not in picks]
            picks += rng.sample(pool, min(len(pool), 2 - len(picks)))
        for pick in rng.sample(picks, len(picks)):
            if len(model.indicators) < spec.max_indicators:
                model.add_menu(pick.text)
        tiers = {x.key: x for x in spec.tiers}
        own = [(text, tier) for text, tier in load_demo(self.name, self.parse_demo).own
               if tier in tiers and not (effort_only and tiers[tier].effect)]
        if own and rng.random() < 0.35 and len(model.indicators) < spec.max_indicators:
            text, tier = rng.choice(own)
            try:
                model.add_own(text, tier)
            except InputError:
                pass  # a teacher put the same text in the menu
        if spec.designs and rng.random() < 0.9:
            weights = [2.0 ** -abs(d.strength - 3) for d in spec.designs]
            model.set_design(rng.choices(spec.designs, weights=weights)[0].key)
        return model.to_dict()

    def parse_demo(self, root: Field) -> EffectChainDemo:
        return parse_demo(root)


TYPE = EffectChainType()

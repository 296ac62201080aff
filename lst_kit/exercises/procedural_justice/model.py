"""E5.3 Procedural-justice self-check, the model: one enforcement encounter
scored on four elements (voice, neutrality, respect, trust), and where it
sits on an illustrative curve of expected voluntary compliance. The curve
teaches the reasoning (better treatment, more legitimacy, more voluntary
compliance); it is not a research finding and says so.

Spec: ``data/exercises/m5/procedurele_rechtvaardigheid.yaml`` (type
``procedural_justice``) with ``elements`` (key, label, question, tip), the
``scale`` and the ``curve`` (floor, ceiling, midpoint, steepness), all
labelled illustrative.

The saved answer::

    {"scores": {"<element key>": <score on the scale>, ...}}
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import t

__all__ = ["Curve", "Element", "JusticeScale", "JusticeScores", "JusticeSpec", "parse_scale", "parse_spec"]


@dataclass(frozen=True)
class JusticeScale:
    """The answer scale (the same fields as a rating-scales spec's ``scale``)."""

    min: int
    max: int
    low: str
    high: str
    labels: tuple[str, ...] = ()


def parse_scale(node: Field) -> JusticeScale:
    lo = node.integer("min", -10, 10)
    hi = node.integer("max", lo + 1, lo + 10)
    labels = tuple(node.texts("labels", default=[], max_len=hi - lo + 1))
    if labels and len(labels) != hi - lo + 1:
        raise node.fail("labels", t("rating.allowed_labels", n=hi - lo + 1), len(labels))
    return JusticeScale(lo, hi, node.text("low"), node.text("high"), labels)


@dataclass(frozen=True)
class Element:
    key: str
    label: str
    question: str
    tip: str


@dataclass(frozen=True)
class Curve:
    floor: float
    ceiling: float
    midpoint: float
    steepness: float

    def at(self, x: float) -> float:
        return self.floor + (self.ceiling - self.floor) / (1 + math.exp(-self.steepness * (x - self.midpoint)))


@dataclass(frozen=True)
class JusticeSpec:
    exercise_id: str
    title: str
    intro: str
    scale: JusticeScale
    elements: tuple[Element, ...]
    curve: Curve


def parse_spec(root: Field, exercise_id: str) -> JusticeSpec:
    scale = parse_scale(root.sub("scale"))
    elements = tuple(Element(n.key("key"), n.text("label"), n.text("question"), n.text("tip"))
                     for n in root.items("elements", 2, 8))
    root.unique("elements", [e.key for e in elements])
    node = root.sub("curve")
    if node.boolean("illustratief") is not True:
        raise node.fail("illustratief", "true", False)
    floor = node.number("floor", 0, 1)
    ceiling = node.number("ceiling", floor, 1)
    curve = Curve(floor, ceiling, node.number("midpoint", scale.min, scale.max), node.number("steepness", 0.1, 10))
    return JusticeSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), scale,
                       elements, curve)


@dataclass
class JusticeScores:
    """The scores of one encounter; an element not scored yet sits at the middle of the scale."""

    spec: JusticeSpec
    scores: dict[str, int] = field(default_factory=dict)

    @property
    def midpoint(self) -> int:
        return (self.spec.scale.min + self.spec.scale.max) // 2

    def score(self, key: str) -> int:
        return self.scores.get(key, self.midpoint)

    def set(self, key: str, value) -> None:
        labels = {e.key: e.label for e in self.spec.elements}
        if key not in labels:
            raise InputError(t("procedural_justice.field_element"), ", ".join(labels), key)
        lo, hi = self.spec.scale.min, self.spec.scale.max
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise InputError(labels[key], t("rating.allowed", lo=lo, hi=hi), value)
        self.scores[key] = value

    def mean(self) -> float:
        return statistics.fmean(self.score(e.key) for e in self.spec.elements)

    def expected(self) -> float:
        """Illustrative expected share of voluntary compliance (0..1)."""
        return self.spec.curve.at(self.mean())

    def weakest(self) -> list[Element]:
        low = min(self.score(e.key) for e in self.spec.elements)
        return [e for e in self.spec.elements if self.score(e.key) == low]

    def to_dict(self) -> dict:
        return {"scores": {e.key: self.score(e.key) for e in self.spec.elements}}

    @classmethod
    def from_dict(cls, spec: JusticeSpec, data) -> "JusticeScores":
        """Rebuild from a saved answer; a score the spec no longer allows is left out."""
        model = cls(spec)
        scores = data.get("scores") if isinstance(data, dict) else None
        for key, value in (scores if isinstance(scores, dict) else {}).items():
            try:
                model.set(key, value)
            except InputError:
                pass
        return model

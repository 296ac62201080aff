"""E1.2 Principles radar, the model: scores on the six principles of the
framework visions and the WRR's three core values, around 2006 and now, and
the differences between the two moments.

Spec: ``data/exercises/m1/principes.yaml`` (type ``principles_radar``).

Saved answer: ``{"scores": {moment key: {principle key: score}}}``; a
principle left alone sits mid-scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import t
from ..rating_scales.model import Scale, parse_scale

__all__ = ["Moment", "Principle", "PrincipleScores", "PrinciplesSpec", "class_statistics", "parse_spec"]


@dataclass(frozen=True)
class Principle:
    key: str
    label: str
    group: str
    description: str


@dataclass(frozen=True)
class Moment:
    key: str
    label: str


@dataclass(frozen=True)
class PrinciplesSpec:
    exercise_id: str
    title: str
    intro: str
    moments: tuple[Moment, ...]
    scale: Scale
    principles: tuple[Principle, ...]
    #: Labels by key, derived from the fields above (built once; a restore checks every score against them).
    moment_labels: dict[str, str] = field(init=False, repr=False, compare=False)
    principle_labels: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "moment_labels", {m.key: m.label for m in self.moments})
        object.__setattr__(self, "principle_labels", {p.key: p.label for p in self.principles})


def parse_spec(root: Field, exercise_id: str) -> PrinciplesSpec:
    moments = tuple(Moment(n.key("key"), n.text("label")) for n in root.items("moments", 2, 2))
    root.unique("moments", [m.key for m in moments])
    principles = tuple(
        Principle(n.key("key"), n.text("label"), n.text("group"), n.text("description"))
        for n in root.items("principles", 3, 16)
    )
    root.unique("principles", [p.key for p in principles])
    return PrinciplesSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                          moments, parse_scale(root.sub("scale")), principles)


@dataclass
class PrincipleScores:
    """Scores per moment and principle; unscored principles sit mid-scale."""

    spec: PrinciplesSpec
    scores: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def midpoint(self) -> int:
        return (self.spec.scale.min + self.spec.scale.max) // 2

    def score(self, moment: str, principle: str) -> int:
        return self.scores.get(moment, {}).get(principle, self.midpoint)

    def set(self, moment: str, principle: str, value: int) -> None:
        moments, labels = self.spec.moment_labels, self.spec.principle_labels
        if moment not in moments:
            raise InputError(t("principles.field_moment"), ", ".join(moments), moment)
        if principle not in labels:
            raise InputError(t("principles.field_principle"), ", ".join(labels), principle)
        lo, hi = self.spec.scale.min, self.spec.scale.max
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise InputError(f"{labels[principle]} ({moments[moment]})", t("rating.allowed", lo=lo, hi=hi), value)
        self.scores.setdefault(moment, {})[principle] = value

    def differences(self) -> list[tuple[Principle, int, int, int]]:
        """(principle, first moment, second moment, change) in spec order."""
        first, second = (m.key for m in self.spec.moments)
        return [(p, self.score(first, p.key), self.score(second, p.key),
                 self.score(second, p.key) - self.score(first, p.key)) for p in self.spec.principles]

    def largest_changes(self, n: int = 3) -> list[tuple[Principle, int]]:
        """The n principles that moved most (ties: spec order), non-zero only."""
        moved = [(p, d) for p, _, _, d in self.differences() if d]
        return sorted(moved, key=lambda pd: -abs(pd[1]))[:n]

    def extremes(self, moment: str) -> tuple[tuple[Principle, int], tuple[Principle, int]]:
        """The highest and the lowest scored principle at ``moment``, each with
        its score (ties: the first in the spec)."""
        scored = [(self.score(moment, p.key), i, p) for i, p in enumerate(self.spec.principles)]
        high = max(scored, key=lambda x: (x[0], -x[1]))
        low = min(scored, key=lambda x: (x[0], x[1]))
        return (high[2], high[0]), (low[2], low[0])

    def to_dict(self) -> dict:
        return {"scores": {m.key: {p.key: self.score(m.key, p.key) for p in self.spec.principles}
                           for m in self.spec.moments}}

    @classmethod
    def from_dict(cls, spec: PrinciplesSpec, data) -> "PrincipleScores":
        model = cls(spec)
        scores = data.get("scores") if isinstance(data, dict) else None
        for moment, row in (scores if isinstance(scores, dict) else {}).items():
            for principle, value in (row if isinstance(row, dict) else {}).items():
                try:
                    model.set(moment, principle, value)
                except InputError:
                    pass  # a principle or moment the teacher removed, or a scale that changed
        return model


def class_statistics(spec: PrinciplesSpec, models) -> tuple[dict[str, dict[str, tuple[float, float]]], int]:
    """{moment: {principle: (mean, population sd)}} over the ``models``
    (PrincipleScores objects) that hold at least one score (principles left
    alone count at mid-scale), and how many such models there were."""
    values: dict[str, dict[str, list[int]]] = {m.key: {p.key: [] for p in spec.principles} for m in spec.moments}
    who = 0
    for model in models:
        if not any(model.scores.values()):
            continue
        who += 1
        for m in spec.moments:
            for p in spec.principles:
                values[m.key][p.key].append(model.score(m.key, p.key))
    stats: dict[str, dict[str, tuple[float, float]]] = {}
    for m in spec.moments:
        stats[m.key] = {}
        for p in spec.principles:
            xs = values[m.key][p.key]
            mean = sum(xs) / len(xs) if xs else 0.0
            sd = (sum((x - mean) ** 2 for x in xs) / len(xs)) ** 0.5 if xs else 0.0
            stats[m.key][p.key] = (mean, sd)
    return stats, who

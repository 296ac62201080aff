"""A set of rating scales, the model: one score per statement on the spec's scale.

Spec::

    type: rating_scales
    title: "..."
    intro: "..."
    style: likert            # or slider
    scale: {min: 1, max: 5, low: "...", high: "...", labels: [...]}   # labels optional
    items:
      - {key: lasten_en_kosten, text: "..."}

Saved answer: ``{"ratings": {item key: score}}``. :class:`Scale` and
:func:`parse_scale` serve the other types with a scale too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import t

__all__ = ["Item", "ItemStatistics", "RatingSpec", "Ratings", "Scale", "class_statistics", "parse_scale",
           "parse_spec"]


@dataclass(frozen=True)
class Scale:
    min: int
    max: int
    low: str
    high: str
    labels: tuple[str, ...] = ()

    def label(self, value: int) -> str:
        return self.labels[value - self.min] if self.labels else str(value)

    def value_text(self, value: int) -> str:
        """``4 (eens)`` with labels, ``4`` without."""
        return f"{value} ({self.label(value)})" if self.labels else str(value)

    @property
    def ends(self) -> str:
        """``1 = low · 5 = high``: what the scale's ends mean."""
        return f"{self.min} = {self.low} · {self.max} = {self.high}"


@dataclass(frozen=True)
class Item:
    key: str
    text: str


@dataclass(frozen=True)
class RatingSpec:
    exercise_id: str
    title: str
    intro: str
    style: str
    scale: Scale
    items: tuple[Item, ...]


def parse_scale(node: Field) -> Scale:
    lo = node.integer("min", -10, 10)
    hi = node.integer("max", lo + 1, lo + 10)
    labels = tuple(node.texts("labels", default=[], max_len=hi - lo + 1))
    if labels and len(labels) != hi - lo + 1:
        raise node.fail("labels", t("rating.allowed_labels", n=hi - lo + 1), len(labels))
    return Scale(lo, hi, node.text("low"), node.text("high"), labels)


def parse_spec(root: Field, exercise_id: str) -> RatingSpec:
    items = tuple(Item(i.key("key"), i.text("text")) for i in root.items("items", min_len=1, max_len=20))
    root.unique("items", [i.key for i in items])
    return RatingSpec(
        exercise_id=exercise_id,
        title=root.text("title"),
        intro=root.text("intro", default="", empty_ok=True),
        style=root.choice("style", ["likert", "slider"], default="likert"),
        scale=parse_scale(root.sub("scale")),
        items=items,
    )


@dataclass
class Ratings:
    spec: RatingSpec
    values: dict[str, int] = field(default_factory=dict)

    def rate(self, key: str, value: int) -> None:
        items = {i.key: i.text for i in self.spec.items}
        if key not in items:
            raise InputError(t("rating.field_item"), ", ".join(items), key)
        scale = self.spec.scale
        if isinstance(value, bool) or not isinstance(value, int) or not scale.min <= value <= scale.max:
            raise InputError(items[key], t("rating.allowed", lo=scale.min, hi=scale.max), value)
        self.values[key] = value

    @property
    def complete(self) -> bool:
        return all(i.key in self.values for i in self.spec.items)

    def to_dict(self) -> dict:
        return {"ratings": {i.key: self.values[i.key] for i in self.spec.items if i.key in self.values}}

    @classmethod
    def from_dict(cls, spec: RatingSpec, data) -> "Ratings":
        model = cls(spec)
        ratings = data.get("ratings") if isinstance(data, dict) else None
        for key, value in (ratings if isinstance(ratings, dict) else {}).items():
            try:
                model.rate(key, value)
            except InputError:
                pass  # an item the teacher removed, or a scale that changed
        return model


@dataclass(frozen=True)
class ItemStatistics:
    """The class's scores on one statement."""

    mean: float
    sd: float           # population standard deviation
    n: int
    counts: dict[int, int]  # scale value -> how many gave it


def class_statistics(spec: RatingSpec, models) -> dict[str, ItemStatistics]:
    """Per item key the statistics of the ratings in ``models`` (Ratings objects)."""
    counts = {i.key: {v: 0 for v in range(spec.scale.min, spec.scale.max + 1)} for i in spec.items}
    for model in models:
        for key, value in model.values.items():
            counts[key][value] += 1
    stats = {}
    for item in spec.items:
        row = counts[item.key]
        n = sum(row.values())
        mean = sum(v * c for v, c in row.items()) / n if n else 0.0
        var = sum(c * (v - mean) ** 2 for v, c in row.items()) / n if n else 0.0
        stats[item.key] = ItemStatistics(mean, var ** 0.5, n, row)
    return stats

"""E6.1 Independence dilemma cards, the model: short scenarios from the
relation between an inspectorate and its ministry. The participant picks a
response per card; every option sits on a "where do you draw the line"
scale, so the choices add up to a profile: per card, per dimension of
independence, and on average.

Spec: ``data/exercises/m6/dilemmas.yaml`` (type ``independence_dilemmas``)::

    type: independence_dilemmas
    title: "..."
    intro: "..."
    case: nvwa_maaltijdplatforms        # optional: a case from data/cases/
    scale: {min: 1, max: 5, low: "...", high: "..."}
    dimensions: [{key, label}, ...]      # e.g. the 2020 evaluation's three
    rules: [{key, label, text, source}, ...]
    cards:
      - key, title, dimension, scenario, rules: [rule keys], explanation, prompt
        options: [{key, text, position}, ...]   # position on the scale

An answer is ``{"choices": {card key: option key}}``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from ...content import ContentError, Field
from ...errors import InputError
from ...i18n import t

from ..rating_scales.model import Scale, parse_scale

__all__ = [
    "Card",
    "DilemmaChoices",
    "DilemmaSpec",
    "Dimension",
    "Option",
    "Rule",
    "Scale",
    "class_counts",
    "parse_spec",
    "scale_note",
]


@dataclass(frozen=True)
class Option:
    key: str
    text: str
    position: int


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    text: str
    source: str


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str


@dataclass(frozen=True)
class Card:
    key: str
    title: str
    dimension: str
    scenario: str
    options: tuple[Option, ...]
    rules: tuple[str, ...]
    explanation: str
    prompt: str

    def option(self, key) -> Option | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True)
class DilemmaSpec:
    exercise_id: str
    title: str
    intro: str
    scale: Scale
    dimensions: tuple[Dimension, ...]
    rules: tuple[Rule, ...]
    cards: tuple[Card, ...]
    case_id: str | None = None  # the case the cards are read against, if any

    def rule(self, key: str) -> Rule:
        return next(r for r in self.rules if r.key == key)

    def dimension(self, key: str) -> Dimension:
        return next(d for d in self.dimensions if d.key == key)

    def card(self, key) -> Card | None:
        return next((c for c in self.cards if c.key == key), None)


def parse_spec(root: Field, exercise_id: str, case_ids: Collection[str] | None = None) -> DilemmaSpec:
    """The validated spec. ``case_ids`` are the cases that exist: a ``case``
    not among them is refused (without them only its form is checked)."""
    scale = parse_scale(root.sub("scale"))
    dimensions = tuple(Dimension(n.key("key"), n.text("label")) for n in root.items("dimensions", 1, 8))
    root.unique("dimensions", [d.key for d in dimensions])
    rules = tuple(Rule(n.key("key"), n.text("label"), n.text("text"), n.text("source"))
                  for n in root.items("rules", 1, 40))
    root.unique("rules", [r.key for r in rules])
    rule_keys = [r.key for r in rules]
    dim_keys = [d.key for d in dimensions]
    cards = []
    for n in root.items("cards", 1, 12):
        options = tuple(
            Option(o.key("key"), o.text("text"), o.integer("position", scale.min, scale.max))
            for o in n.items("options", 2, 6)
        )
        n.unique("options", [o.key for o in options])
        used = n.raw("rules")
        if not isinstance(used, list) or not 1 <= len(used) <= 6:
            raise n.fail("rules", t("content.allowed_list", min=1, max=6), used)
        for i, key in enumerate(used):
            if key not in rule_keys:
                raise ContentError(n.file, f"{n.path}.rules[{i}]",
                                   t("content.allowed_choice", options=", ".join(rule_keys)), key)
        cards.append(Card(
            key=n.key("key"), title=n.text("title"), dimension=n.choice("dimension", dim_keys),
            scenario=n.text("scenario"), options=options, rules=tuple(used),
            explanation=n.text("explanation"), prompt=n.text("prompt"),
        ))
    root.unique("cards", [c.key for c in cards])
    case_id = None
    if root.raw("case", None) is not None:
        case_id = root.key("case") if case_ids is None else root.choice("case", sorted(case_ids))
    return DilemmaSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), scale,
                       dimensions, rules, tuple(cards), case_id)


def scale_note(scale: Scale) -> str:
    """``1 = <low> · 5 = <high>``: the ends of the scale in words."""
    return f"{scale.min} = {scale.low} · {scale.max} = {scale.high}"


@dataclass
class DilemmaChoices:
    """The option the participant chose per card (by key)."""

    spec: DilemmaSpec
    choices: dict[str, str] = field(default_factory=dict)

    def choose(self, card_key, option_key) -> None:
        """Choose ``option_key`` on a card (None takes the choice back)."""
        card = self.spec.card(card_key)
        if card is None:
            raise InputError(t("dilemmas.field_card"), ", ".join(c.key for c in self.spec.cards), card_key)
        if option_key is None:
            self.choices.pop(card_key, None)
            return
        if card.option(option_key) is None:
            raise InputError(card.title, ", ".join(o.key for o in card.options), option_key)
        self.choices[card_key] = option_key

    def chosen(self, card_key: str) -> Option | None:
        card = self.spec.card(card_key)
        key = self.choices.get(card_key)
        return card.option(key) if card is not None and key is not None else None

    def position(self, card_key: str) -> int | None:
        option = self.chosen(card_key)
        return option.position if option else None

    def positions(self) -> dict[str, int]:
        """Per chosen card its position, in spec order."""
        return {c.key: self.position(c.key) for c in self.spec.cards if c.key in self.choices}

    def mean(self) -> float | None:
        values = list(self.positions().values())
        return sum(values) / len(values) if values else None

    def by_dimension(self) -> dict[str, float | None]:
        """Mean position per dimension over the cards chosen (None where none)."""
        out = {}
        for dim in self.spec.dimensions:
            values = [self.position(c.key) for c in self.spec.cards if c.dimension == dim.key and c.key in self.choices]
            out[dim.key] = sum(values) / len(values) if values else None
        return out

    def extremes(self) -> tuple[list[Card], list[Card]]:
        """(cards where the line is drawn most sharply, cards where it is drawn most loosely)."""
        positions = self.positions()
        if not positions:
            return [], []
        hi, lo = max(positions.values()), min(positions.values())
        cards = [c for c in self.spec.cards if c.key in positions]
        return [c for c in cards if positions[c.key] == hi], [c for c in cards if positions[c.key] == lo]

    def to_dict(self) -> dict:
        return {"choices": {c.key: self.choices[c.key] for c in self.spec.cards if c.key in self.choices}}

    @classmethod
    def from_dict(cls, spec: DilemmaSpec, data) -> "DilemmaChoices":
        """Restore an answer; a card or option the teacher has since removed,
        or any odd entry, is left out."""
        model = cls(spec)
        choices = data.get("choices") if isinstance(data, dict) else None
        for card_key, option_key in (choices if isinstance(choices, dict) else {}).items():
            try:
                model.choose(card_key, option_key)
            except InputError:
                pass  # a card or option the teacher has since removed
        return model


def class_counts(spec: DilemmaSpec, models) -> dict[str, dict[str, int]]:
    """Per card: how many of the (restored) ``models`` chose each option."""
    counts = {c.key: {o.key: 0 for o in c.options} for c in spec.cards}
    for model in models:
        for card_key, option_key in model.choices.items():
            counts[card_key][option_key] += 1
    return counts

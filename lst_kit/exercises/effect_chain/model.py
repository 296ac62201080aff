"""The effect chain's spec, keyword matching and model (pure: no widgets, no
files).

Spec: ``data/exercises/m2/effectketen.yaml`` (type ``effect_chain``) with the
``tiers`` in chain order, ``effect_from`` (the first tier that measures
effect), a case-independent ``menu`` of indicators with their tier, the
``classifier`` rules that suggest a tier for a participant's own indicator,
and the ``designs`` of the 2011 Handreiking with a ``strength`` of 1-5.

Answer format (workbook)::

    {"indicators": [{"text": str, "tier": str, "source": "menu" | "eigen",
                     "suggested": str | None}, ...],
     "design": str | None}
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import t

__all__ = [
    "MAX_TEXT",
    "SOURCES",
    "Design",
    "EffectChain",
    "EffectChainSpec",
    "Indicator",
    "Keywords",
    "MenuIndicator",
    "Rule",
    "Tier",
    "classify",
    "find_keywords",
    "normalize",
    "parse_spec",
    "pct",
]

MAX_TEXT = 200
SOURCES = ("menu", "eigen")


# -- keyword matching (also used by the Sparrow canvas) ---------------------------

def normalize(text: str) -> str:
    """Lower case, accents dropped, runs of white space made one space."""
    text = str(text)
    if not text.isascii():
        folded = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in folded if not unicodedata.combining(ch)).replace("’", "'")
    return " ".join(text.lower().split())


def _pattern(word: str) -> str:
    """``naleving*`` matches words starting with 'naleving'; ``uren`` only the
    whole word 'uren'. Spaces in a phrase match any white space."""
    prefix = word.endswith("*")
    core = normalize(word.rstrip("*"))
    body = r"\s+".join(re.escape(part) for part in core.split(" "))
    return r"(?<!\w)" + body + ("" if prefix else r"(?!\w)")


@dataclass(frozen=True)
class Keywords:
    """Words as written in a content file (``naleving*``, ``aantal inspecties``),
    compiled once when the spec is read: a class overview matches thousands
    of indicators against the same words."""

    words: tuple[str, ...]
    _compiled: tuple = field(init=False, repr=False, compare=False)
    _any: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = tuple((w, _pattern(w)) for w in self.words if w.strip("* "))
        object.__setattr__(self, "_compiled", tuple((w, re.compile(p)) for w, p in pairs))
        object.__setattr__(self, "_any", re.compile("|".join(f"(?:{p})" for _, p in pairs)) if pairs else None)

    def found_in(self, text: str) -> list[str]:
        """The words that occur in ``text``, in file order."""
        norm = normalize(text)
        return [w for w, pattern in self._compiled if pattern.search(norm)]

    def any_in(self, text: str) -> bool:
        """Whether one of the words occurs in ``text``."""
        return self._any is not None and self._any.search(normalize(text)) is not None


def find_keywords(text: str, words) -> list[str]:
    """The words (as written in the content file) that occur in ``text``."""
    return Keywords(tuple(words)).found_in(text)


def pct(share: float) -> str:
    """A share 0..1 as a whole percentage: ``0.25`` -> ``25%``."""
    return f"{round(100 * share)}%"


# -- spec ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Tier:
    key: str
    label: str
    description: str
    effect: bool


@dataclass(frozen=True)
class MenuIndicator:
    text: str
    tier: str


@dataclass(frozen=True)
class Rule:
    tier: str
    words: tuple[str, ...]
    keywords: Keywords = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keywords", Keywords(self.words))


@dataclass(frozen=True)
class Design:
    key: str
    label: str
    description: str
    strength: int


@dataclass(frozen=True)
class EffectChainSpec:
    exercise_id: str
    title: str
    intro: str
    tiers: tuple[Tier, ...]
    menu: tuple[MenuIndicator, ...]
    rules: tuple[Rule, ...]
    designs: tuple[Design, ...]
    strength_note: str
    max_indicators: int = 30

    def tier(self, key: str) -> Tier:
        return next(x for x in self.tiers if x.key == key)

    def design(self, key: str) -> Design:
        return next(d for d in self.designs if d.key == key)

    def menu_item(self, text: str) -> MenuIndicator | None:
        return next((m for m in self.menu if m.text == text), None)


def parse_spec(root: Field, exercise_id: str) -> EffectChainSpec:
    raw = [(n.key("key"), n.text("label"), n.text("description", default="", empty_ok=True))
           for n in root.items("tiers", 3, 7)]
    keys = [k for k, _, _ in raw]
    root.unique("tiers", keys)
    first_effect = root.choice("effect_from", keys[1:])
    start = keys.index(first_effect)
    tiers = tuple(Tier(k, label, desc, i >= start) for i, (k, label, desc) in enumerate(raw))
    menu = tuple(MenuIndicator(n.text("text"), n.choice("tier", keys)) for n in root.items("menu", 1, 200))
    for n, item in zip(root.items("menu", 1, 200), menu):
        if len(item.text) > MAX_TEXT:
            raise n.fail("text", t("effect_chain.allowed_text", max=MAX_TEXT), item.text)
    root.unique("menu", [normalize(m.text) for m in menu])
    rules = tuple(Rule(n.choice("tier", keys), tuple(n.texts("words", min_len=1, max_len=500)))
                  for n in root.items("classifier", 1, 20))
    designs = tuple(Design(n.key("key"), n.text("label"), n.text("description"), n.integer("strength", 1, 5))
                    for n in root.items("designs", 1, 12))
    root.unique("designs", [d.key for d in designs])
    return EffectChainSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), tiers,
                           menu, rules, designs, root.text("strength_note"),
                           root.integer("max_indicators", 1, 200, default=30))


def classify(text: str, rules) -> tuple[str | None, str | None]:
    """Suggest a tier for an indicator: the first rule (in file order) with a
    word in the text. Returns (tier, the word that matched) or (None, None)."""
    for rule in rules:
        found = rule.keywords.found_in(text)
        if found:
            return rule.tier, found[0]
    return None, None


# -- model -----------------------------------------------------------------------------

@dataclass
class Indicator:
    text: str
    tier: str
    source: str                  # "menu" or "eigen"
    suggested: str | None = None  # the classifier's tier for an own indicator

    def to_dict(self) -> dict:
        return {"text": self.text, "tier": self.tier, "source": self.source, "suggested": self.suggested}


@dataclass
class EffectChain:
    spec: EffectChainSpec
    indicators: list[Indicator] = field(default_factory=list)
    design: str | None = None

    def _tiers(self) -> list[str]:
        return [x.key for x in self.spec.tiers]

    def _check_room(self, text: str) -> None:
        if len(self.indicators) >= self.spec.max_indicators:
            raise InputError(t("effect_chain.field_indicators"),
                             t("effect_chain.allowed_count", max=self.spec.max_indicators),
                             t("effect_chain.given_count", n=len(self.indicators) + 1))
        if any(normalize(i.text) == normalize(text) for i in self.indicators):
            raise InputError(t("effect_chain.field_indicator"), t("effect_chain.allowed_unique"), text)

    # -- edits ---------------------------------------------------------------
    def add_menu(self, text) -> Indicator:
        item = self.spec.menu_item(text) if isinstance(text, str) else None
        if item is None:
            raise InputError(t("effect_chain.field_menu"), t("effect_chain.allowed_menu"), str(text))
        self._check_room(item.text)
        indicator = Indicator(item.text, item.tier, "menu")
        self.indicators.append(indicator)
        return indicator

    def add_own(self, text, tier) -> Indicator:
        if not isinstance(text, str) or not text.strip() or len(text.strip()) > MAX_TEXT:
            shown = text if isinstance(text, str) and len(text) <= 60 else (
                t("effect_chain.given_chars", n=len(text)) if isinstance(text, str) else type(text).__name__)
            raise InputError(t("effect_chain.field_own"), t("effect_chain.allowed_text", max=MAX_TEXT), shown or "''")
        text = " ".join(text.split())
        if tier not in self._tiers():
            raise InputError(t("effect_chain.field_tier"),
                             t("content.allowed_choice", options=", ".join(self._tiers())),
                             t("effect_chain.none") if tier is None else str(tier))
        self._check_room(text)
        indicator = Indicator(text, tier, "eigen", classify(text, self.spec.rules)[0])
        self.indicators.append(indicator)
        return indicator

    def set_tier(self, index, tier) -> None:
        """Move an own indicator to another tier (menu indicators keep theirs)."""
        indicator = self._at(index)
        if indicator.source != "eigen":
            raise InputError(indicator.text, t("effect_chain.allowed_menu_tier",
                                               tier=self.spec.tier(indicator.tier).label), str(tier))
        if tier not in self._tiers():
            raise InputError(indicator.text, t("content.allowed_choice", options=", ".join(self._tiers())), str(tier))
        indicator.tier = tier

    def remove(self, index) -> None:
        self._at(index)
        del self.indicators[index]

    def _at(self, index) -> Indicator:
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(self.indicators):
            raise InputError(t("effect_chain.field_indicator"),
                             t("effect_chain.allowed_index", n=len(self.indicators)), str(index))
        return self.indicators[index]

    def set_design(self, key) -> None:
        allowed = [d.key for d in self.spec.designs]
        if key is not None and key not in allowed:
            raise InputError(t("effect_chain.field_design"), t("content.allowed_choice", options=", ".join(allowed)),
                             str(key))
        self.design = key

    # -- derived ---------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in self._tiers()}
        for indicator in self.indicators:
            out[indicator.tier] += 1
        return out

    def shares(self) -> dict[str, float]:
        """Measurement weight: the share of the indicators on each tier (0..1)."""
        counts = self.counts()
        total = sum(counts.values())
        return {k: (v / total if total else 0.0) for k, v in counts.items()}

    def effect_share(self) -> float:
        shares = self.shares()
        return sum(shares[x.key] for x in self.spec.tiers if x.effect)

    def measures_effect(self) -> bool:
        effect = {x.key for x in self.spec.tiers if x.effect}
        return any(i.tier in effect for i in self.indicators)

    def only_effort(self) -> bool:
        """Indicators chosen, but none beyond output: the warning's condition."""
        return bool(self.indicators) and not self.measures_effect()

    def chosen_design(self) -> Design | None:
        return self.spec.design(self.design) if self.design else None

    def effect_indicators(self) -> list[str]:
        """The texts of the indicators on an effect tier, in list order."""
        return [i.text for i in self.indicators if self.spec.tier(i.tier).effect]

    def warnings(self) -> list[str]:
        """Dutch warnings: only effort measured; a weak design for effect."""
        design = self.chosen_design()
        notes = []
        if self.only_effort():
            notes.append(t("effect_chain.warn_only_effort"))
        if design and design.strength <= 1 and self.measures_effect():
            notes.append(t("effect_chain.warn_weak_design"))
        return notes

    # -- workbook ---------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"indicators": [i.to_dict() for i in self.indicators], "design": self.design}

    @classmethod
    def from_dict(cls, spec: EffectChainSpec, data) -> "EffectChain":
        """Rebuild from a saved answer; what no longer fits the spec is skipped."""
        model = cls(spec)
        data = data if isinstance(data, dict) else {}
        items = data.get("indicators")
        for item in (items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            try:
                if item.get("source") == "menu":
                    model.add_menu(item.get("text"))
                else:
                    model.add_own(item.get("text"), item.get("tier"))
            except InputError:
                pass  # removed from the menu, a tier that no longer exists, ...
        try:
            model.set_design(data.get("design"))
        except InputError:
            pass
        return model

"""E4.4 EAST letter makeover, the model: the participant's rewrite of a
standard warning letter; simple text checks, each tied to one EAST letter
(Easy, Attractive, Social, Timely; Behavioural Insights Team 2014), score
the original and the rewrite side by side.

Spec: ``data/exercises/m4/east_brief.yaml`` (type ``east_letter``): the
letter and the checks (kinds ``pattern``, ``no_pattern``, ``max_words``,
``max_count``, ``max_sentence_words``; patterns are case-insensitive
regular expressions). The checks are heuristics: they count and search,
they do not read.

Saved answer: ``{"text": "..."}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import t
from ..reflection.model import MAX_CHARS, word_count

__all__ = ["EAST", "KINDS", "Check", "EastSpec", "LetterRewrite", "awb_objection_clause", "class_means",
           "east_scores", "evaluate", "longest_sentence", "parse_spec", "shares"]

EAST = ("E", "A", "S", "T")
KINDS = ("pattern", "no_pattern", "max_words", "max_count", "max_sentence_words")
_SENTENCE_END = re.compile(r"[.!?]+\s+|\n\s*\n")


@dataclass(frozen=True)
class Check:
    key: str
    letter: str
    label: str
    help: str
    kind: str
    patterns: tuple[re.Pattern, ...]
    min: int
    max: int

    def passes(self, text: str) -> bool:
        if self.kind == "pattern":
            return any(p.search(text) for p in self.patterns)
        if self.kind == "no_pattern":
            return not any(p.search(text) for p in self.patterns)
        if self.kind == "max_words":
            return 0 < word_count(text) <= self.max
        if self.kind == "max_sentence_words":
            return 0 < longest_sentence(text) <= self.max
        count = sum(len(p.findall(text)) for p in self.patterns)
        return self.min <= count <= self.max


@dataclass(frozen=True)
class EastSpec:
    exercise_id: str
    title: str
    intro: str
    letter: str
    checks: tuple[Check, ...]


def parse_spec(root: Field, exercise_id: str) -> EastSpec:
    checks = []
    for n in root.items("checks", 1, 30):
        kind = n.choice("kind", KINDS)
        patterns = []
        if kind in ("pattern", "no_pattern", "max_count"):
            for i, source in enumerate(n.texts("patterns", min_len=1, max_len=30)):
                try:
                    patterns.append(re.compile(source, re.IGNORECASE))
                except re.error as exc:
                    raise n.fail(f"patterns[{i}]", t("east_letter.allowed_regex"), f"{source} ({exc})") from None
        maximum = n.integer("max", 0, 100_000) if kind.startswith("max_") else 0
        checks.append(Check(n.key("key"), n.choice("letter", EAST), n.text("label"), n.text("help"), kind,
                            tuple(patterns), n.integer("min", 0, 1000, default=0),
                            maximum))
    root.unique("checks", [c.key for c in checks])
    return EastSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                    root.text("letter"), tuple(checks))


# A warning is normally no besluit in the sense of the Awb, so it carries no objection clause;
# this check stands apart from the teacher's EAST checks in the YAML and does not change the scores.
_AWB_OBJECTION = re.compile(r"\bbezwaar\s+(?:\w+\s+){0,4}?(?:maken|indienen|aantekenen)\b|\bbezwaarschrift\b",
                            re.IGNORECASE)


def awb_objection_clause(text: str) -> bool:
    """True when the letter offers an objection ('bezwaar maken', 'bezwaarschrift'):
    misleading in a warning, which is normally no besluit in the sense of the Awb."""
    return bool(_AWB_OBJECTION.search(text or ""))


def longest_sentence(text: str) -> int:
    """Words in the longest sentence (sentences end at . ! ? or a blank line)."""
    return max((word_count(part) for part in _SENTENCE_END.split(text)), default=0)


def evaluate(spec: EastSpec, text: str) -> dict[str, bool]:
    """Check key -> passed, in spec order."""
    return {c.key: c.passes(text) for c in spec.checks}


def east_scores(spec: EastSpec, text: str) -> dict[str, float | None]:
    """Per EAST letter the share of its checks passed (None: no checks)."""
    return shares(spec, evaluate(spec, text))


def shares(spec: EastSpec, results: dict[str, bool]) -> dict[str, float | None]:
    """Per EAST letter the share of its checks passed in ``results`` (the
    outcome of :func:`evaluate`); None for a letter without checks."""
    out: dict[str, float | None] = {}
    for letter in EAST:
        keys = [c.key for c in spec.checks if c.letter == letter]
        out[letter] = sum(results[k] for k in keys) / len(keys) if keys else None
    return out


@dataclass
class LetterRewrite:
    """The participant's version of the letter; it starts as the original."""

    spec: EastSpec
    text: str = ""
    #: Whether it was restored from a saved answer (the class overview counts those).
    answered: bool = field(default=False, compare=False)

    def __post_init__(self):
        if not self.text:
            self.text = self.spec.letter

    def set_text(self, text) -> None:
        if not isinstance(text, str):
            raise InputError(t("east_letter.field"), t("reflection.allowed", max=MAX_CHARS), type(text).__name__)
        if len(text) > MAX_CHARS:
            raise InputError(t("east_letter.field"), t("reflection.allowed", max=MAX_CHARS),
                             t("reflection.given_chars", n=len(text)))
        self.text = text

    @property
    def words(self) -> int:
        return word_count(self.text)

    def results(self) -> dict[str, bool]:
        """Check key -> passed, for the rewrite."""
        return evaluate(self.spec, self.text)

    def scores(self) -> dict[str, float | None]:
        """Per EAST letter the share of its checks the rewrite passes."""
        return east_scores(self.spec, self.text)

    @property
    def objection_clause(self) -> bool:
        """Whether the rewrite offers an objection (see :func:`awb_objection_clause`)."""
        return awb_objection_clause(self.text)

    def to_dict(self) -> dict:
        return {"text": self.text}

    @classmethod
    def from_dict(cls, spec: EastSpec, data) -> "LetterRewrite":
        """The saved rewrite (cut at MAX_CHARS); the original letter when the
        answer holds no text."""
        if isinstance(data, dict) and isinstance(data.get("text"), str) and data["text"].strip():
            model = cls(spec, data["text"][:MAX_CHARS])
        else:
            model = cls(spec)
        model.answered = isinstance(data, dict)
        return model


def class_means(spec: EastSpec, models: list[LetterRewrite]) -> tuple[dict[str, float | None], dict[str, int]]:
    """Per EAST letter the mean share of checks passed over ``models`` (None:
    no checks), and per check key how many of them pass it."""
    checked = {text: evaluate(spec, text) for text in {m.text for m in models}}  # letters left as they were: once
    results = [checked[m.text] for m in models]
    scores = [shares(spec, r) for r in results]
    letters = shares(spec, {c.key: False for c in spec.checks})
    mean = {x: (sum(s[x] for s in scores) / len(scores) if letters[x] is not None and scores else None) for x in EAST}
    passed = {c.key: sum(r[c.key] for r in results) for c in spec.checks}
    return mean, passed

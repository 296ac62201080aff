"""E4.4 EAST letter makeover: the participant rewrites a (fictional)
standard warning letter; simple text checks, each tied to one EAST letter
(Easy, Attractive, Social, Timely; Behavioural Insights Team 2014), score
the original and the rewrite side by side.

Spec: ``data/exercises/m4/east_brief.yaml`` (type ``east_letter``): the
letter and the checks (kinds ``pattern``, ``no_pattern``, ``max_words``,
``max_count``, ``max_sentence_words``; patterns are case-insensitive
regular expressions). The
checks are heuristics: they count and search, they do not read.

Saved answer: ``{"text": "..."}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ipywidgets as widgets

from ..figures import svgplot
from ..content import Field, load_spec
from ..errors import InputError
from ..i18n import t
from ..figures.style import PALETTE, style_axes
from ..widgets import Debouncer, ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook
from .reflection import MAX_CHARS, word_count

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


# -- model -----------------------------------------------------------------------------------

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
    spec: EastSpec
    text: str = ""

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

    def to_dict(self) -> dict:
        return {"text": self.text}

    @classmethod
    def from_dict(cls, spec: EastSpec, data) -> "LetterRewrite":
        if isinstance(data, dict) and isinstance(data.get("text"), str) and data["text"].strip():
            return cls(spec, data["text"][:MAX_CHARS])
        return cls(spec)


def letter_name(letter: str) -> str:
    """The Dutch (or English) name of one EAST letter, for axes and captions."""
    return {"E": t("east_letter.name_e"), "A": t("east_letter.name_a"), "S": t("east_letter.name_s"),
            "T": t("east_letter.name_t")}[letter]


# -- plot -------------------------------------------------------------------------------------

def plot_scores(spec: EastSpec, before: dict, after: dict) -> svgplot.Figure:
    """Grouped bars: per EAST letter the share of checks passed, original
    (hatched) and rewrite (solid). An :mod:`lst_kit.figures.svgplot` figure: redrawn
    as the participant types, in about a millisecond."""
    fig = svgplot.Figure(figsize=(7.0, 3.2))
    ax = fig.add_subplot()
    letters = [x for x in EAST if before.get(x) is not None]
    xs = range(len(letters))
    ax.bar([x - 0.2 for x in xs], [100 * before[x] for x in letters], width=0.38, color="#bbbbbb", hatch="//",
           edgecolor="#555555", label=t("east_letter.original"))
    ax.bar([x + 0.2 for x in xs], [100 * after[x] for x in letters], width=0.38, color=PALETTE[0],
           edgecolor="#0b3d6e", label=t("east_letter.yours"))
    ax.set_xticks(list(xs), [letter_name(x) for x in letters])
    ax.set_xlim(-0.6, len(letters) - 0.4)
    ax.set_ylim(0, 105)
    ax.set_yticks([0, 20, 40, 60, 80, 100])
    ax.set_ylabel(t("east_letter.axis"))
    ax.set_title(t("east_letter.plot_title"))
    style_axes(ax)
    ax.legend(fontsize=8)
    return fig


def plot_class_scores(spec: EastSpec, before: dict, mean: dict):
    """The class overview's version of :func:`plot_scores` (an SVG figure):
    per EAST letter the original letter's share (hatched) and the class mean
    of the rewrites (solid)."""
    fig = svgplot.Figure(figsize=(7.6, 3.3))
    ax = fig.add_subplot()
    letters = [x for x in EAST if before.get(x) is not None]
    xs = range(len(letters))
    ax.bar([x - 0.2 for x in xs], [100 * before[x] for x in letters], width=0.38, color="#bbbbbb", hatch="//",
           edgecolor="#555555", label=t("east_letter.original"))
    ax.bar([x + 0.2 for x in xs], [100 * mean[x] for x in letters], width=0.38, color=PALETTE[0],
           edgecolor="#0b3d6e", label=t("east_letter.class_mean"))
    ax.set_xticks(list(xs), [letter_name(x) for x in letters])
    ax.set_ylim(0, 105)
    ax.set_ylabel(t("east_letter.axis"))
    ax.set_title(t("east_letter.class_plot_title"))
    style_axes(ax)
    ax.legend(fontsize=8)
    return fig


# -- hooks ------------------------------------------------------------------------------------

def summarize(exercise_id: str, answer) -> list[str]:
    try:
        spec = load_spec(exercise_id, "east_letter")
        model = LetterRewrite.from_dict(spec, answer)
        before, after = east_scores(spec, spec.letter), east_scores(spec, model.text)
        parts = ", ".join(f"{x} {round(100 * before[x])}% → {round(100 * after[x])}%" for x in EAST
                          if before[x] is not None)
        results = evaluate(spec, model.text)
        missing = [c.label for c in spec.checks if not results[c.key]]
        lines = [t("east_letter.sum_scores", scores=parts), t("east_letter.sum_words", n=word_count(model.text))]
        if missing:
            lines.append(t("east_letter.sum_missing", items=", ".join(missing)))
        if awb_objection_clause(model.text):
            lines.append(t("east_letter.awb_objection"))
        return lines
    except Exception:  # noqa: BLE001 - a hook never raises
        return []


def plot_answer(exercise_id: str, answer):
    try:
        spec = load_spec(exercise_id, "east_letter")
        model = LetterRewrite.from_dict(spec, answer)
        return plot_scores(spec, east_scores(spec, spec.letter), east_scores(spec, model.text))
    except Exception:  # noqa: BLE001
        return None


def class_picture(exercise_id: str, answers: dict):
    try:
        spec = load_spec(exercise_id, "east_letter")
        models = [LetterRewrite.from_dict(spec, a) for a in (answers or {}).values() if isinstance(a, dict)]
        if not models:
            return None, [t("east_letter.class_none")]
        before = east_scores(spec, spec.letter)
        distinct = {text: evaluate(spec, text) for text in {m.text for m in models}}  # each text checked once
        results = [distinct[m.text] for m in models]
        scores = [shares(spec, r) for r in results]
        mean = {x: (sum(s[x] for s in scores) / len(scores) if before[x] is not None else None) for x in EAST}
        passed = {c.key: sum(r[c.key] for r in results) for c in spec.checks}
        hardest = min(spec.checks, key=lambda c: (passed[c.key], spec.checks.index(c)))
        lines = [t("east_letter.class_n", n=len(models)),
                 t("east_letter.class_hardest", label=hardest.label, n=passed[hardest.key], total=len(models))]
        return plot_class_scores(spec, before, mean), lines
    except Exception:  # noqa: BLE001
        return None, []


_DEMO_PARTS = (
    ("Beste heer De Vries,", "salutation"),
    ("Op 12 maart zagen wij dat uw schip ontgaste tijdens het varen. Dat mag niet.", "fact"),
    ("De dampen zijn slecht voor de gezondheid van omwonenden en van uw bemanning.", "benefit"),
    ("Negen van de tien schippers ontgassen al bij een erkende installatie.", "norm"),
    ("Laat uw volgende ontgassing binnen twee weken doen bij een installatie.", "deadline"),
    ("Vragen? Bel ons op 030-1234567.", "channel"),
    ("Over vier weken komen we terug voor een hercontrole.", "next"),
)


def demo_answer(exercise_id: str, rng) -> dict:
    """A rewrite for the demo class: some EAST improvements, not all (invented text)."""
    spec = load_spec(exercise_id, "east_letter")
    chosen = [text for text, _ in _DEMO_PARTS if rng.random() < 0.7]
    if not chosen:
        return LetterRewrite(spec).to_dict()
    salutation = chosen[0] if chosen[0].startswith("Beste") else "Geachte heer/mevrouw,"
    body = [x for x in chosen if not x.startswith("Beste")]
    text = salutation + "\n\n" + " ".join(body) + "\n\nMet vriendelijke groet,\nDe inspecteur"
    return LetterRewrite(spec, text).to_dict()


# -- view -------------------------------------------------------------------------------------

class EastLetterView(ExerciseFrame):
    def __init__(self, spec: EastSpec, workbook: Workbook | None = None, delay: float = 1.0):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = LetterRewrite.from_dict(spec, self.saved())
        self.before = east_scores(spec, spec.letter)
        self.original = widgets.HTML(
            f"<details><summary>{esc(t('east_letter.show_original'))}</summary>"
            f"<pre style='white-space:pre-wrap;font-family:inherit;background:#f6f6f6;padding:6px'>"
            f"{esc(spec.letter)}</pre></details>")
        self.text = widgets.Textarea(value=self.model.text, description=t("east_letter.field"), rows=16,
                                     continuous_update=True, style={"description_width": "initial"},
                                     layout=widgets.Layout(width="100%"))
        self.reset_button = widgets.Button(description=t("east_letter.reset"), icon="undo",
                                           tooltip=t("east_letter.reset_tip"), layout=widgets.Layout(width="auto"))
        self.reset_button.on_click(self.guard(lambda _b: self._on_reset()))
        self.figure = FigureBox()
        self.checklist = widgets.HTML()
        self._debounce = Debouncer(self.guard(self._save_and_redraw), delay=delay)
        self.text.observe(self.guard(self._on_text), names="value")
        self._redraw()
        self.set_body(widgets.HTML(f"<p style='color:#6b5200'><b>{esc(t('east_letter.illustrative'))}</b></p>"),
                      self.original, self.text, widgets.HBox([self.reset_button]), self.figure, self.checklist)

    def _on_text(self, change) -> None:
        self.model.set_text(change["new"])
        self.indicator.set("pending")
        self._debounce.request()

    def _save_and_redraw(self) -> None:
        self.save(self.model.to_dict())
        self._redraw()

    def _on_reset(self) -> None:
        self.text.value = self.spec.letter

    def flush(self) -> None:
        if self._debounce.pending:
            self._debounce.flush()

    def _redraw(self) -> None:
        after = east_scores(self.spec, self.model.text)
        caption = t("east_letter.caption", scores=", ".join(
            f"{letter_name(x).replace(chr(10), ' ')} {round(100 * self.before[x])}% → "
            f"{round(100 * after[x])}%"
            for x in EAST if self.before[x] is not None), n=word_count(self.model.text))
        self.figure.show(plot_scores(self.spec, self.before, after), alt=t("east_letter.alt"), caption=caption)
        results, original = evaluate(self.spec, self.model.text), evaluate(self.spec, self.spec.letter)
        rows = "".join(
            f"<tr><td>{esc(c.letter)}</td><td>{esc(c.label)}</td><td>{'✓' if original[c.key] else '✗'}</td>"
            f"<td><b>{'✓' if results[c.key] else '✗'}</b></td><td><small>{esc(c.help)}</small></td></tr>"
            for c in self.spec.checks)
        self.checklist.value = (
            f"<table style='border-collapse:collapse' cellpadding='3'><caption style='text-align:left'>"
            f"{esc(t('east_letter.table_caption'))}</caption><tr><th scope='col'>EAST</th>"
            f"<th scope='col'>{esc(t('east_letter.col_check'))}</th><th scope='col'>{esc(t('east_letter.original'))}</th>"
            f"<th scope='col'>{esc(t('east_letter.yours'))}</th><th scope='col'>{esc(t('east_letter.col_tip'))}</th></tr>"
            f"{rows}</table><p><small>{esc(t('east_letter.heuristic_note'))}</small></p>")
        if awb_objection_clause(self.model.text):
            self.checklist.value += f"<p style='color:#8a1c1c'><b>{esc(t('east_letter.awb_objection'))}</b></p>"


def east_letter(exercise_id: str = "m4.east_brief", workbook: Workbook | None = None):
    """E4.4 as a widget."""
    return build_view(lambda: EastLetterView(load_spec(exercise_id, "east_letter"), workbook))

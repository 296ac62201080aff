"""E6.1 Independence dilemma cards: short scenarios from the relation between
an inspectorate and its ministry. The participant picks a response per card;
after choosing, the rule that applies and a discussion prompt appear. Every
option sits on a "where do you draw the line" scale, so the choices add up to
a profile: per card, per dimension of independence, and on average.

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
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as widgets
import numpy as np

from ..figures import svgplot
from ..content.cases import case_ids, load_case
from ..content import ContentError, Field, load_spec
from ..errors import InputError
from ..registry import fmt, safe_hook, short_label
from ..i18n import t
from ..figures.style import PALETTE, SEQUENTIAL, style_axes, wrap_label
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook
from .rating_scales import Scale, parse_scale

#: ``lst-kit new independence_dilemmas NAME --case CASE`` may set a case.
TAKES_CASE = True


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

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True)
class CaseContext:
    case_id: str
    label: str
    tension: str
    hook: str


@dataclass(frozen=True)
class DilemmaSpec:
    exercise_id: str
    title: str
    intro: str
    scale: Scale
    dimensions: tuple[Dimension, ...]
    rules: tuple[Rule, ...]
    cards: tuple[Card, ...]
    case: CaseContext | None = None

    def rule(self, key: str) -> Rule:
        return next(r for r in self.rules if r.key == key)

    def dimension(self, key: str) -> Dimension:
        return next(d for d in self.dimensions if d.key == key)

    def card(self, key: str) -> Card | None:
        return next((c for c in self.cards if c.key == key), None)


def parse_spec(root: Field, exercise_id: str) -> DilemmaSpec:
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
    case = None
    if root.raw("case", None) is not None:
        case_id = root.choice("case", case_ids())
        loaded = load_case(case_id)
        case = CaseContext(case_id, loaded.label, loaded.policy_tension, loaded.module_hooks.get("m6", ""))
    return DilemmaSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True), scale,
                       dimensions, rules, tuple(cards), case)


@dataclass
class DilemmaChoices:
    """The option the participant chose per card (by key)."""

    spec: DilemmaSpec
    choices: dict[str, str] = field(default_factory=dict)

    def choose(self, card_key: str, option_key: str | None) -> None:
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
        model = cls(spec)
        choices = data.get("choices") if isinstance(data, dict) else None
        for card_key, option_key in (choices if isinstance(choices, dict) else {}).items():
            try:
                model.choose(card_key, option_key)
            except InputError:
                pass  # a card or option the teacher has since removed
        return model


def _scale_note(scale: Scale) -> str:
    return f"{scale.min} = {scale.low} · {scale.max} = {scale.high}"


def plot_profile(model: DilemmaChoices) -> svgplot.Figure:
    """Where the participant draws lines: per card the position of the chosen
    option (the other options as small grey marks), and the mean per dimension
    (an SVG figure)."""
    spec = model.spec
    scale = spec.scale
    n = len(spec.cards)
    fig = svgplot.Figure(figsize=(9.5, 1.6 + 0.42 * n))
    ax_cards, ax_dims = fig.subplots(1, 2, width_ratios=[1.7, 1])
    y = list(range(n))[::-1]
    markers = "osD^vP*X"
    dim_index = {d.key: i for i, d in enumerate(spec.dimensions)}
    for yi, card in zip(y, spec.cards):
        ax_cards.scatter([o.position for o in card.options], [yi] * len(card.options), marker="|", s=120,
                         color="#9a9a9a", zorder=2)
        position = model.position(card.key)
        if position is not None:
            i = dim_index[card.dimension]
            ax_cards.plot([scale.min, position], [yi, yi], color=PALETTE[i % len(PALETTE)], linewidth=1.2, alpha=0.6)
            ax_cards.scatter([position], [yi], marker=markers[i % len(markers)], s=90, color=PALETTE[i % len(PALETTE)],
                             edgecolor="#222222", zorder=3)
        else:
            ax_cards.text((scale.min + scale.max) / 2, yi, t("dilemmas.not_chosen"), ha="center", va="center",
                          fontsize=8, color="#555555", style="italic",
                          bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5}, zorder=4)
    ax_cards.set_yticks(y, [short_label(c.title, 42) for c in spec.cards], fontsize=8)
    ax_cards.set_xlim(scale.min - 0.3, scale.max + 0.3)
    ax_cards.set_xticks(range(scale.min, scale.max + 1))
    ax_cards.set_xlabel(_scale_note(scale), fontsize=8)
    ax_cards.set_title(t("dilemmas.plot_cards"))
    style_axes(ax_cards)
    handles = [svgplot.Line2D([], [], marker=markers[i % len(markers)], linestyle="", markersize=8,
                      color=PALETTE[i % len(PALETTE)], markeredgecolor="#222222", label=d.label)
               for i, d in enumerate(spec.dimensions)]
    handles.append(svgplot.Line2D([], [], marker="|", linestyle="", markersize=10, color="#9a9a9a",
                          label=t("dilemmas.other_options")))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=8)
    dims = model.by_dimension()
    labels = [d.label for d in spec.dimensions]
    values = [dims[d.key] if dims[d.key] is not None else 0 for d in spec.dimensions]
    ypos = list(range(len(labels)))[::-1]
    for i, (yi, value, dim) in enumerate(zip(ypos, values, spec.dimensions)):
        if dims[dim.key] is None:
            ax_dims.text(scale.min, yi, " " + t("dilemmas.not_chosen"), va="center", fontsize=8, color="#666666")
            continue
        ax_dims.barh(yi, value - scale.min + 0.05, left=scale.min - 0.05, color=PALETTE[i % len(PALETTE)], height=0.55,
                     hatch=["", "//", ".."][i % 3], edgecolor="white")
        ax_dims.text(value, yi, " " + fmt(value), va="center", fontsize=9)
    ax_dims.set_yticks(ypos, labels, fontsize=8)
    ax_dims.set_xlim(scale.min - 0.1, scale.max + 0.6)
    ax_dims.set_xticks(range(scale.min, scale.max + 1))
    ax_dims.set_title(t("dilemmas.plot_dimensions"))
    style_axes(ax_dims)
    return fig


def summary_text(model: DilemmaChoices) -> str:
    """A plain-text reading of the profile (its text alternative)."""
    spec = model.spec
    mean = model.mean()
    if mean is None:
        return t("dilemmas.summary_empty", total=len(spec.cards))
    sharp, loose = model.extremes()
    parts = [t("dilemmas.summary", n=len(model.choices), total=len(spec.cards), mean=fmt(mean),
               scale=_scale_note(spec.scale))]
    if sharp and sharp != loose and len(sharp) <= 3:
        parts.append(t("dilemmas.summary_sharp", cards=", ".join(c.title for c in sharp)))
    if loose and sharp != loose and len(loose) <= 3:
        parts.append(t("dilemmas.summary_loose", cards=", ".join(c.title for c in loose)))
    dims = model.by_dimension()
    shown = [f"{d.label} {fmt(dims[d.key])}" for d in spec.dimensions if dims[d.key] is not None]
    if shown:
        parts.append(t("dilemmas.summary_dimensions", items="; ".join(shown)))
    return " ".join(parts)


def rule_html(spec: DilemmaSpec, card: Card) -> str:
    """The rules of one card, its explanation and its discussion prompt, as HTML."""
    rules = "".join(
        f"<li><b>{esc(spec.rule(key).label)}.</b> {esc(spec.rule(key).text)} "
        f"<small style='color:#555'>({esc(spec.rule(key).source)})</small></li>"
        for key in card.rules
    )
    return (
        f"<div role='status' style='border-left:4px solid {PALETTE[0]};padding:4px 10px;margin-top:6px'>"
        f"<p style='margin:2px 0'><b>{esc(t('dilemmas.rules_heading'))}</b></p><ul style='margin:2px 0'>{rules}</ul>"
        f"<p style='margin:4px 0'>{esc(card.explanation)}</p>"
        f"<p style='margin:4px 0'><b>{esc(t('dilemmas.prompt_heading'))}</b> {esc(card.prompt)}</p></div>"
    )


class DilemmasView(ExerciseFrame):
    def __init__(self, spec: DilemmaSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = DilemmaChoices.from_dict(spec, self.saved())
        parts = []
        if spec.case is not None:
            case = spec.case
            text = " ".join(x for x in (case.tension, case.hook) if x)
            parts.append(widgets.HTML(
                f"<div style='background:#f3f3f3;padding:6px 10px;border-radius:4px'>"
                f"<b>{esc(t('dilemmas.case', case=case.label))}</b> {esc(text)} "
                f"<small>({esc(t('dilemmas.case_note'))})</small></div>"))
        self.radios: dict[str, widgets.RadioButtons] = {}
        self.rule_boxes: dict[str, widgets.HTML] = {}
        pages = []
        for card in spec.cards:
            radio = widgets.RadioButtons(
                options=[(o.text, o.key) for o in card.options],
                value=self.model.choices.get(card.key),
                description=t("dilemmas.field_choice"),
                style={"description_width": "initial"},
                layout=widgets.Layout(width="auto"),
            )
            radio.observe(self.guard(lambda change, key=card.key: self._on_choice(key, change["new"])), names="value")
            box = widgets.HTML()
            self.radios[card.key] = radio
            self.rule_boxes[card.key] = box
            dim = spec.dimension(card.dimension).label
            pages.append(widgets.VBox([
                widgets.HTML(f"<p style='margin:2px 0'>{esc(card.scenario)}</p>"
                             f"<p style='margin:2px 0'><small style='color:#555'>"
                             f"{esc(t('dilemmas.dimension', dimension=dim))}</small></p>"),
                radio, box,
            ]))
        self.cards = widgets.Accordion(children=pages, selected_index=0 if pages else None)
        self.progress = widgets.HTML()
        self.figure = FigureBox()
        self.scale_note = widgets.HTML(f"<small style='color:#555'>{esc(t('dilemmas.scale_note'))}</small>")
        self._refresh_cards()
        self._redraw()
        self.set_body(*parts, self.cards, self.progress, self.figure, self.scale_note)

    def _on_choice(self, card_key: str, option_key) -> None:
        if option_key is None:
            return
        self.model.choose(card_key, option_key)
        self.save(self.model.to_dict())
        self._refresh_cards()
        self._redraw()

    def _refresh_cards(self) -> None:
        titles = []
        for i, card in enumerate(self.spec.cards):
            done = card.key in self.model.choices
            titles.append(f"{i + 1}. {card.title}" + (" ✓" if done else ""))
            self.rule_boxes[card.key].value = rule_html(self.spec, card) if done else ""
        self.cards.titles = tuple(titles)
        progress = t("dilemmas.progress", done=len(self.model.choices), total=len(self.spec.cards))
        self.progress.value = f"<small>{esc(progress)}</small>"

    def _redraw(self) -> None:
        self.figure.show(plot_profile(self.model), alt=t("dilemmas.alt"), caption=summary_text(self.model))


def independence_dilemmas(exercise_id: str = "m6.dilemmas", workbook: Workbook | None = None):
    """E6.1 as a widget."""
    return build_view(lambda: DilemmasView(load_spec(exercise_id, "independence_dilemmas"), workbook))


# -- hooks for the portfolio, the class overview and the demo class ------------------

@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    """The profile in one line, then per card the response chosen."""
    spec = load_spec(exercise_id, "independence_dilemmas")
    model = DilemmaChoices.from_dict(spec, answer)
    if not model.choices:
        return [t("dilemmas.summary_empty", total=len(spec.cards))]
    lines = [summary_text(model)]
    for card in spec.cards:
        option = model.chosen(card.key)
        if option is not None:
            lines.append(t("dilemmas.summary_card", card=card.title, option=option.text, position=option.position))
    return lines


def plot_answer(exercise_id: str, answer):
    try:
        model = DilemmaChoices.from_dict(load_spec(exercise_id, "independence_dilemmas"), answer)
    except Exception:  # noqa: BLE001 - hooks never raise
        return None
    return plot_profile(model) if model.choices else None


def class_counts(spec: DilemmaSpec, answers: dict) -> dict[str, dict[str, int]]:
    """Per card: how many chose each option."""
    counts = {c.key: {o.key: 0 for o in c.options} for c in spec.cards}
    for answer in answers.values():
        choices = answer.get("choices") if isinstance(answer, dict) else None
        if not isinstance(choices, dict):
            continue
        for card_key, option_key in choices.items():  # what DilemmaChoices.from_dict accepts, counted directly
            row = counts.get(card_key)
            if row is not None and isinstance(option_key, str) and option_key in row:
                row[option_key] += 1
    return counts


def plot_class_choices(spec: DilemmaSpec, counts: dict[str, dict[str, int]]) -> svgplot.Figure:
    """Per card a bar split by the options chosen, coloured by their position
    on the scale (dark = meebewegen, light = grens scherp), with the mean position;
    below, a legend of the scale's steps. Drawn as SVG."""
    scale = spec.scale
    cmap = svgplot.colormap(SEQUENTIAL)
    n = len(spec.cards)
    fig = svgplot.Figure(figsize=(9.5, 1.6 + 0.45 * n))
    ax = fig.add_subplot()
    y = list(range(n))[::-1]
    span = max(scale.max - scale.min, 1)
    for yi, card in zip(y, spec.cards):
        total = sum(counts[card.key].values())
        left = 0.0
        for option in sorted(card.options, key=lambda o: o.position):
            share = counts[card.key][option.key] / total if total else 0
            if share:
                ax.barh(yi, 100 * share, left=100 * left, color=cmap((option.position - scale.min) / span),
                        edgecolor="white", height=0.6)
                if share >= 0.08:
                    light = (option.position - scale.min) / span > 0.55
                    ax.text(100 * (left + share / 2), yi, str(option.position), ha="center", va="center",
                            fontsize=8, color="#222222" if light else "white")
            left += share
        if total:
            mean = sum(o.position * counts[card.key][o.key] for o in card.options) / total
            ax.text(101, yi, t("dilemmas.class_mean", mean=fmt(mean)), va="center", fontsize=8)
    ax.set_yticks(y, [short_label(c.title, 42) for c in spec.cards], fontsize=8)
    ax.set_xlim(0, 118)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(t("dilemmas.class_axis"))
    ax.set_title(t("dilemmas.class_title"))
    style_axes(ax)
    steps = range(scale.min, scale.max + 1)
    ends = {scale.min: f"{scale.min} = {scale.low}", scale.max: f"{scale.max} = {scale.high}"}  # as _scale_note
    keys = [svgplot.Patch(facecolor=cmap((v - scale.min) / span), label=wrap_label(ends.get(v, str(v)), 22))
            for v in steps]
    fig.legend(handles=keys, ncols=len(keys), fontsize=8)
    return fig


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """The most common response per card, and the class's mean position."""
    spec = load_spec(exercise_id, "independence_dilemmas")
    counts = class_counts(spec, answers)
    if not any(sum(c.values()) for c in counts.values()):
        return None, [t("hooks.nobody")]
    lines = []
    for card in spec.cards:
        total = sum(counts[card.key].values())
        if not total:
            continue
        best = max(card.options, key=lambda o: counts[card.key][o.key])
        mean = sum(o.position * counts[card.key][o.key] for o in card.options) / total
        lines.append(t("dilemmas.class_line", card=card.title, option=best.text, n=counts[card.key][best.key],
                       total=total, mean=fmt(mean)))
    return plot_class_choices(spec, counts), [t("dilemmas.class_intro", scale=_scale_note(spec.scale))] + lines


def demo_answer(exercise_id: str, rng) -> dict:
    """Each invented participant has a leaning; options near it are likelier."""
    spec = load_spec(exercise_id, "independence_dilemmas")
    leaning = float(rng.normal((spec.scale.min + spec.scale.max) / 2 + 0.4, 1.0))
    model = DilemmaChoices(spec)
    for card in spec.cards:
        if rng.random() < 0.06:
            continue
        weights = np.exp(-np.abs(np.array([o.position for o in card.options], dtype=float) - leaning))
        index = int(rng.choice(len(card.options), p=weights / weights.sum()))
        model.choose(card.key, card.options[index].key)
    return model.to_dict()

"""E2.3 Effect chain: pick indicators from a menu or write your own, put each
on a tier of the chain (input, activiteit, output, outcome, impact), see
where the measurement weight lies, and choose an evaluation design with its
(illustrative) evidential strength.

Spec: ``data/exercises/m2/effectketen.yaml`` (type ``effect_chain``) with the
``tiers`` in chain order, ``effect_from`` (the first tier that measures
effect), a case-independent ``menu`` of indicators with their tier, the
``classifier`` rules that suggest a tier for a participant's own indicator,
and the ``designs`` of the 2011 Handreiking with a ``strength`` of 1-5.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import ipywidgets as widgets

from ..figures import svgplot
from ..content import Field, load_spec
from ..errors import InputError
from ..registry import spec_or_none
from ..i18n import t
from ..figures.style import GRID, PALETTE, style_axes, wrap_label as _wrap
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook

MAX_TEXT = 200
SOURCES = ("menu", "eigen")


# -- keyword matching (also used by the Sparrow canvas) ---------------------------

def normalize(text: str) -> str:
    """Lower case, accents dropped, runs of white space made one space."""
    return _normalized(str(text))


@lru_cache(maxsize=8192)
def _normalized(text: str) -> str:
    """:func:`normalize` of a string, remembered: the same indicator and
    menu texts come back for every answer of a class."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.lower().replace("’", "'").split())


@lru_cache(maxsize=4096)
def _pattern(word: str) -> re.Pattern:
    """``naleving*`` matches words starting with 'naleving'; ``uren`` only the
    whole word 'uren'. Spaces in a phrase match any white space."""
    prefix = word.endswith("*")
    core = normalize(word.rstrip("*"))
    body = r"\s+".join(re.escape(part) for part in core.split(" "))
    return re.compile(r"(?<!\w)" + body + ("" if prefix else r"(?!\w)"))


def find_keywords(text: str, words) -> list[str]:
    """The words (as written in the content file) that occur in ``text``."""
    norm = normalize(text)
    return [w for w in words if w.strip("* ") and _pattern(w).search(norm)]


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
        found = find_keywords(text, rule.words)
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
            raise InputError(t("effect_chain.field_indicators"), t("effect_chain.allowed_count", max=self.spec.max_indicators),
                             t("effect_chain.given_count", n=len(self.indicators) + 1))
        if any(normalize(i.text) == normalize(text) for i in self.indicators):
            raise InputError(t("effect_chain.field_indicator"), t("effect_chain.allowed_unique"), text)

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
            raise InputError(t("effect_chain.field_tier"), t("content.allowed_choice", options=", ".join(self._tiers())),
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
            raise InputError(t("effect_chain.field_design"), t("content.allowed_choice", options=", ".join(allowed)), str(key))
        self.design = key

    # -- derived ---------------------------------------------------------
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

    # -- workbook ---------------------------------------------------------
    def to_dict(self) -> dict:
        return {"indicators": [i.to_dict() for i in self.indicators], "design": self.design}

    @classmethod
    def from_dict(cls, spec: EffectChainSpec, data) -> "EffectChain":
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


# -- plots ---------------------------------------------------------------------------

EFFORT_COLOUR, EFFECT_COLOUR = PALETTE[4], PALETTE[0]


def _draw_weights(ax, model: EffectChain) -> None:
    spec = model.spec
    counts, shares = model.counts(), model.shares()
    labels = [_wrap(x.label, 14) for x in spec.tiers]
    heights = [100 * shares[x.key] for x in spec.tiers]
    bars = ax.bar(range(len(spec.tiers)), heights, edgecolor="#333333", linewidth=0.8,
                  color=[EFFECT_COLOUR if x.effect else EFFORT_COLOUR for x in spec.tiers])
    for i, (bar, tier) in enumerate(zip(bars, spec.tiers)):
        if tier.effect:
            bar.set_hatch("//")
        ax.text(i, heights[i] + 1.5, f"{counts[tier.key]} ({_pct(shares[tier.key])})", ha="center", va="bottom",
                fontsize=8)
    boundary = next((i for i, x in enumerate(spec.tiers) if x.effect), len(spec.tiers)) - 0.5
    ax.axvline(boundary, color="#333333", linestyle="--", linewidth=1)
    ax.text(boundary - 0.08, 104, t("effect_chain.effort"), ha="right", va="bottom", fontsize=8)
    ax.text(boundary + 0.08, 104, t("effect_chain.effect"), ha="left", va="bottom", fontsize=8)
    ax.set_xticks(range(len(spec.tiers)), labels, fontsize=8)
    ax.set_xlim(-0.5, len(spec.tiers) - 0.5)
    ax.set_ylim(0, 115)
    ax.set_yticks(range(0, 101, 25))
    ax.set_ylabel(t("effect_chain.axis_share"))
    ax.set_title(t("effect_chain.plot_weight", n=len(model.indicators)))
    style_axes(ax)
    ax.grid(True, color=GRID, linewidth=0.6, alpha=0.8, axis="y")


def _draw_designs(ax, spec: EffectChainSpec, chosen: str | None) -> None:
    names = [_wrap(d.label, 22) for d in spec.designs]
    ys = list(range(len(spec.designs)))[::-1]
    bars = ax.barh(ys, [d.strength for d in spec.designs], height=0.6, edgecolor="#333333", linewidth=0.6,
                   color=[PALETTE[1] if d.key == chosen else "#d9d9d9" for d in spec.designs])
    for bar, d in zip(bars, spec.designs):
        if d.key == chosen:
            bar.set_hatch("xx")
    ax.set_yticks(ys, names, fontsize=7.5)
    for label, d in zip(ax.get_yticklabels(), spec.designs):
        if d.key == chosen:
            label.set_fontweight("bold")
    ax.set_xlim(0, 5.4)
    ax.set_ylim(-0.5, len(spec.designs) - 0.5)
    ax.set_xticks(range(0, 6))
    ax.set_xlabel(t("effect_chain.axis_strength"))
    ax.set_title(t("effect_chain.plot_designs"))
    style_axes(ax)
    ax.grid(True, color=GRID, linewidth=0.6, alpha=0.8, axis="x")


def plot_weights(model: EffectChain) -> svgplot.Figure:
    """The share of the indicators per tier: effort tiers light, effect tiers
    dark and hatched, a dashed line between them (an :mod:`lst_kit.figures.svgplot` figure)."""
    fig = svgplot.Figure(figsize=(5.6, 3.6))
    _draw_weights(fig.add_subplot(), model)
    return fig


def plot_designs(spec: EffectChainSpec, chosen: str | None) -> svgplot.Figure:
    """The evaluation designs by (illustrative) evidential strength; the
    chosen one orange, cross-hatched and in bold (an :mod:`lst_kit.figures.svgplot` figure)."""
    fig = svgplot.Figure(figsize=(4.4, 3.2))
    _draw_designs(fig.add_subplot(), spec, chosen)
    return fig


def plot_chain(model: EffectChain) -> svgplot.Figure:
    """Both charts side by side (for the portfolio): measurement weight per
    tier, and the designs with the chosen one marked."""
    fig = svgplot.Figure(figsize=(9.0, 3.8))
    left, right = fig.subplots(1, 2, width_ratios=[3, 2])
    _draw_weights(left, model)
    _draw_designs(right, model.spec, model.design)
    return fig


def _pct(share: float) -> str:
    return f"{round(100 * share)}%"


def caption(model: EffectChain) -> str:
    """What the weights chart shows, in words (its text alternative)."""
    counts, shares = model.counts(), model.shares()
    parts = ", ".join(f"{x.label} {counts[x.key]} ({_pct(shares[x.key])})" for x in model.spec.tiers)
    return t("effect_chain.caption_weight", n=len(model.indicators), parts=parts, effect=_pct(model.effect_share()))


def design_caption(model: EffectChain) -> str:
    design = model.chosen_design()
    if design:
        return t("effect_chain.caption_design", design=design.label, strength=design.strength)
    return t("effect_chain.caption_no_design")


# -- view ----------------------------------------------------------------------------

class EffectChainView(ExerciseFrame):
    def __init__(self, spec: EffectChainSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = EffectChain.from_dict(spec, self.saved())
        self._tier_touched = False
        tier_options = [(x.label, x.key) for x in spec.tiers]

        chain = " → ".join(f"<b>{esc(x.label)}</b>" for x in spec.tiers)
        legend = "".join(f"<li><b>{esc(x.label)}</b>: {esc(x.description)}</li>" for x in spec.tiers if x.description)
        self.chain_info = widgets.HTML(f"<p>{chain}</p><details><summary>{esc(t('effect_chain.tiers_meaning'))}"
                                       f"</summary><ul>{legend}</ul></details>")

        self.menu = widgets.Dropdown(options=[(t("effect_chain.menu_choose"), None)]
                                     + [(m.text, m.text) for m in sorted(spec.menu, key=lambda m: normalize(m.text))],
                                     index=0, description=t("effect_chain.menu"),
                                     style={"description_width": "12em"}, layout=widgets.Layout(width="90%"))
        self.menu_add = widgets.Button(description=t("effect_chain.add"), icon="plus")
        self.menu_add.on_click(self.guard(lambda _: self._on_add_menu()))

        self.own_text = widgets.Text(placeholder=t("effect_chain.own_placeholder"), description=t("effect_chain.own"),
                                     continuous_update=True, style={"description_width": "12em"},
                                     layout=widgets.Layout(width="90%"))
        self.own_text.observe(self.guard(self._on_own_text), names="value")
        self.own_tier = widgets.Dropdown(options=[(t("effect_chain.tier_choose"), None)] + tier_options, index=0,
                                         description=t("effect_chain.tier"), style={"description_width": "12em"})
        self.own_tier.observe(self.guard(self._on_own_tier), names="value")
        self.suggestion = widgets.HTML()
        self.own_add = widgets.Button(description=t("effect_chain.add"), icon="plus")
        self.own_add.on_click(self.guard(lambda _: self._on_add_own()))

        self.rows = widgets.VBox()
        self.row_controls: list[dict] = []

        self.design = widgets.Dropdown(options=[(t("effect_chain.design_choose"), None)]
                                       + [(d.label, d.key) for d in spec.designs],
                                       index=[None, *[d.key for d in spec.designs]].index(self.model.design),
                                       description=t("effect_chain.design"),
                                       style={"description_width": "12em"}, layout=widgets.Layout(width="90%"))
        self.design.observe(self.guard(self._on_design), names="value")
        self.design_info = widgets.HTML()
        self.warnings = widgets.HTML()
        self.figure = FigureBox()
        self.design_figure = FigureBox()

        self._rebuild_rows()
        self._redraw()
        self._redraw_design()
        self.set_body(
            self.chain_info,
            widgets.HTML(f"<b>{esc(t('effect_chain.step_pick'))}</b>"),
            widgets.HBox([self.menu, self.menu_add]),
            widgets.HBox([self.own_text, self.own_add]), widgets.HBox([self.own_tier, self.suggestion]),
            widgets.HTML(f"<b>{esc(t('effect_chain.chosen'))}</b>"), self.rows,
            self.figure,
            widgets.HTML(f"<b>{esc(t('effect_chain.step_design'))}</b>"), self.design, self.design_info,
            self.design_figure, self.warnings,
        )

    # -- handlers --------------------------------------------------------
    def _on_add_menu(self) -> None:
        self.model.add_menu(self.menu.value)
        self.menu.index = 0  # back to "— kies een indicator —" (value None)
        self._changed(rows=True)

    def _on_own_text(self, change) -> None:
        tier, word = classify(change["new"], self.spec.rules)
        if tier and not self._tier_touched:
            self._set_own_tier(tier)
        if not change["new"].strip():
            self.suggestion.value = ""
        elif tier:
            self.suggestion.value = esc(t("effect_chain.suggestion", tier=self.spec.tier(tier).label, word=word))
        else:
            self.suggestion.value = esc(t("effect_chain.no_suggestion"))

    def _on_own_tier(self, change) -> None:
        if not self._syncing:
            self._tier_touched = change["new"] is not None

    def _set_own_tier(self, tier) -> None:
        with self.quietly():
            if tier is None:
                self.own_tier.index = 0  # "— kies het niveau —"; value None
            else:
                self.own_tier.value = tier

    def _on_add_own(self) -> None:
        self.model.add_own(self.own_text.value, self.own_tier.value)
        self._tier_touched = False
        self.own_text.value = ""
        self._set_own_tier(None)
        self._changed(rows=True)

    def _on_row_tier(self, index: int, tier) -> None:
        if self._syncing:
            return
        self.model.set_tier(index, tier)
        self._changed()

    def _on_remove(self, index: int) -> None:
        self.model.remove(index)
        self._changed(rows=True)

    def _on_design(self, change) -> None:
        self.model.set_design(change["new"])
        self.save(self.model.to_dict())
        self._redraw_design()  # the weights chart did not change

    def _changed(self, rows: bool = False) -> None:
        self.save(self.model.to_dict())
        if rows:
            self._rebuild_rows()
        self._redraw()

    # -- display -----------------------------------------------------------
    def _rebuild_rows(self) -> None:
        tier_options = [(x.label, x.key) for x in self.spec.tiers]
        rows, controls = [], []
        for index, indicator in enumerate(self.model.indicators):
            source = t("effect_chain.source_menu") if indicator.source == "menu" else t("effect_chain.source_own")
            text = widgets.HTML(f"{esc(indicator.text)} <small style='color:#555'>({esc(source)})</small>",
                                layout=widgets.Layout(width="55%"))
            if indicator.source == "eigen":
                tier = widgets.Dropdown(options=tier_options, value=indicator.tier, layout=widgets.Layout(width="16em"))
                tier.observe(self.guard(lambda change, i=index: self._on_row_tier(i, change["new"])), names="value")
            else:
                tier = widgets.HTML(f"<b>{esc(self.spec.tier(indicator.tier).label)}</b>",
                                    layout=widgets.Layout(width="16em"))
            remove = widgets.Button(description=t("effect_chain.remove"), icon="trash",
                                    layout=widgets.Layout(width="8em"))
            remove.on_click(self.guard(lambda _, i=index: self._on_remove(i)))
            rows.append(widgets.HBox([text, tier, remove]))
            controls.append({"tier": tier, "remove": remove})
        if not rows:
            rows = [widgets.HTML(f"<span style='color:#555'>{esc(t('effect_chain.none_chosen'))}</span>")]
        self.rows.children = tuple(rows)
        self.row_controls = controls

    def _show_warnings(self) -> None:
        design = self.model.chosen_design()
        notes = []
        if self.model.only_effort():
            notes.append(t("effect_chain.warn_only_effort"))
        if design and design.strength <= 1 and self.model.measures_effect():
            notes.append(t("effect_chain.warn_weak_design"))
        self.warnings.value = "".join(
            f"<div role='status' style='background:#fff4d6;color:#5c4400;padding:6px 10px;border-radius:4px;"
            f"margin:3px 0'>⚠ {esc(n)}</div>" for n in notes)

    def _redraw(self) -> None:
        """After a change of indicators: the weights chart and the warnings."""
        self._show_warnings()
        self.figure.show(plot_weights(self.model), alt=t("effect_chain.alt_weights"), caption=caption(self.model))

    def _redraw_design(self) -> None:
        """After a change of design: its description, chart and the warnings."""
        design = self.model.chosen_design()
        if design:
            dots = "●" * design.strength + "○" * (5 - design.strength)
            self.design_info.value = (
                f"<p style='margin:2px 0'><b>{esc(design.label)}</b>: {esc(design.description)}<br>"
                f"{esc(t('effect_chain.strength', strength=design.strength))} "
                f"<span aria-hidden='true'>{dots}</span><br><small>{esc(self.spec.strength_note)}</small></p>")
        else:
            self.design_info.value = ""
        self._show_warnings()
        self.design_figure.show(plot_designs(self.spec, self.model.design), alt=t("effect_chain.alt_designs"),
                                caption=design_caption(self.model))


def effect_chain(exercise_id: str = "m2.effectketen", workbook: Workbook | None = None):
    """E2.3 as a widget."""
    return build_view(lambda: EffectChainView(load_spec(exercise_id, "effect_chain"), workbook))


# -- hooks -------------------------------------------------------------------------

def summarize(exercise_id: str, answer) -> list[str]:
    try:
        spec = spec_or_none(exercise_id, EffectChainSpec)
        if spec is None:
            return []
        model = EffectChain.from_dict(spec, answer)
        if not model.indicators and not model.design:
            return [t("effect_chain.sum_empty")]
        counts = model.counts()
        lines = [t("effect_chain.sum_weight", n=len(model.indicators), effect=_pct(model.effect_share()),
                   parts=", ".join(f"{x.label} {counts[x.key]}" for x in spec.tiers if counts[x.key]))]
        effect = [i.text for i in model.indicators if spec.tier(i.tier).effect]
        if effect:
            lines.append(t("effect_chain.sum_effect_indicators", items="; ".join(effect)))
        design = model.chosen_design()
        if design:
            lines.append(t("effect_chain.sum_design", design=design.label, strength=design.strength))
        if model.only_effort():
            lines.append(t("effect_chain.warn_only_effort"))
        return lines
    except Exception:  # noqa: BLE001
        return []


def plot_answer(exercise_id: str, answer):
    try:
        spec = spec_or_none(exercise_id, EffectChainSpec)
        return plot_chain(EffectChain.from_dict(spec, answer)) if spec else None
    except Exception:  # noqa: BLE001
        return None


def class_picture(exercise_id: str, answers: dict):
    """Mean measurement weight per tier over the class (with the lowest and
    highest share), and how often each design was chosen."""
    try:
        spec = spec_or_none(exercise_id, EffectChainSpec)
        if spec is None or not isinstance(answers, dict):
            return None, []
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
    except Exception:  # noqa: BLE001
        return None, []


def plot_class(spec: EffectChainSpec, shares: list[dict]):
    """Mean measurement weight per tier over the class, lowest to highest share
    as whiskers (an :mod:`lst_kit.figures.svgplot` figure: the class overview needs no
    matplotlib)."""
    fig = svgplot.Figure(figsize=(7.0, 3.6))
    ax = fig.add_subplot()
    means = [100 * sum(s[x.key] for s in shares) / len(shares) for x in spec.tiers]
    lows = [100 * min(s[x.key] for s in shares) for x in spec.tiers]
    highs = [100 * max(s[x.key] for s in shares) for x in spec.tiers]
    bars = ax.bar(range(len(spec.tiers)), means, edgecolor="#333333",
                  color=[EFFECT_COLOUR if x.effect else EFFORT_COLOUR for x in spec.tiers],
                  yerr=[[m - lo for m, lo in zip(means, lows)], [hi - m for m, hi in zip(means, highs)]], capsize=4)
    for bar, tier in zip(bars, spec.tiers):
        if tier.effect:
            bar.set_hatch("//")
    ax.set_xticks(range(len(spec.tiers)), [_wrap(x.label, 14) for x in spec.tiers], fontsize=8)
    ax.set_ylim(0, 105)
    ax.set_yticks(range(0, 101, 20))
    ax.set_ylabel(t("effect_chain.axis_share"))
    ax.set_title(t("effect_chain.class_plot", n=len(shares)))
    style_axes(ax)
    return fig


#: Own indicators an invented participant may write (demo class only), with
#: the tier the participant puts them on. They echo the (fictional) cases in
#: data/cases/; the classifier's suggestion is computed as usual.
_DEMO_OWN = (
    ("Aandeel thuiskoks met een koelbox met temperatuurlogger", "outcome"),
    ("Aantal meldingen van voedselvergiftiging na een thuismaaltijd", "impact"),
    ("Aandeel salons dat stopt met injecteren zonder bevoegde arts", "outcome"),
    ("Aantal benzeenpieken per maand in het burgermeetnet", "impact"),
    ("Aandeel bso-locaties waar de beroepskracht-kindratio op orde is", "outcome"),
    ("Aandeel loonstroken met inhoudingen tot onder het minimumloon", "outcome"),
    ("Aantal gesprekken met ketenpartners", "activiteit"),
    ("Aantal gecontroleerde woningen van arbeidsmigranten", "output"),
)


def demo_answer(exercise_id: str, rng) -> dict:
    """An invented participant (demo class only): a few menu indicators spread
    over the tiers (some participants count only their own effort), now and
    then an own indicator, and an evaluation design (most often a middle one)."""
    spec = load_spec(exercise_id, "effect_chain")
    model = EffectChain(spec)
    effort_only = rng.random() < 0.12
    lean = float(rng.random())  # 0: leans to effect, 1: leans to effort
    picks: list[MenuIndicator] = []
    for tier in spec.tiers:
        items = [m for m in spec.menu if m.tier == tier.key]
        if not items or (effort_only and tier.effect):
            continue
        p = (0.25 + 0.4 * lean) if not tier.effect else (0.75 - 0.35 * lean)
        k = min(len(items), int(rng.binomial(2, p)))
        picks += [items[int(i)] for i in rng.choice(len(items), size=k, replace=False)]
    if len(picks) < 2:  # everybody picks at least two
        pool = [m for m in spec.menu if m not in picks and not (effort_only and spec.tier(m.tier).effect)]
        pool = pool or [m for m in spec.menu if m not in picks]
        picks += [pool[int(i)] for i in rng.choice(len(pool), size=min(len(pool), 2 - len(picks)), replace=False)]
    for i in rng.permutation(len(picks)):
        if len(model.indicators) < spec.max_indicators:
            model.add_menu(picks[int(i)].text)
    tiers = {x.key: x for x in spec.tiers}
    own = [(text, tier) for text, tier in _DEMO_OWN
           if tier in tiers and not (effort_only and tiers[tier].effect)]
    if own and rng.random() < 0.35 and len(model.indicators) < spec.max_indicators:
        text, tier = own[int(rng.integers(len(own)))]
        try:
            model.add_own(text, tier)
        except InputError:
            pass  # a teacher put the same text in the menu
    if spec.designs and rng.random() < 0.9:
        weights = [2.0 ** -abs(d.strength - 3) for d in spec.designs]
        total = sum(weights)
        model.set_design(spec.designs[int(rng.choice(len(spec.designs), p=[w / total for w in weights]))].key)
    return model.to_dict()

"""E1.2 Principles radar: score your inspectorate on the six principles of
the framework visions and the WRR's three core values, around 2006 and now;
see both on one radar and the differences in a table.

Spec: ``data/exercises/m1/principes.yaml`` (type ``principles_radar``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..figures import svgplot
from ..widgets.slider import IntSlider
from ..content import Field, load_spec
from ..errors import InputError
from ..registry import fmt, safe_hook
from ..i18n import t
from ..figures.style import PALETTE, wrap_label
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook
from .rating_scales import Scale, parse_scale


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
        moments = {m.key: m.label for m in self.spec.moments}
        labels = {p.key: p.label for p in self.spec.principles}
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
                    pass
        return model


def _radar_axes(spec: PrinciplesSpec, title: str):
    """An empty radar for the spec's principles (clockwise from the top, a
    ring per scale point): (figure, polar axes, angles closing the loop)."""
    labels = [wrap_label(p.label, 14) for p in spec.principles]  # narrow labels leave room for the radar
    n = len(labels)
    angles = [2 * math.pi * i / n for i in range(n)] + [0.0]
    fig = svgplot.Figure(figsize=(6.4, 5.6))
    ax = fig.add_subplot(projection="polar")
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_xticks(angles[:-1], labels, fontsize=8)
    ax.set_ylim(spec.scale.min - 0.5, spec.scale.max)
    ax.set_yticks(range(spec.scale.min, spec.scale.max + 1))
    ax.tick_params(axis="y", labelsize=7, colors="#666666")
    ax.set_title(title, pad=18)
    return fig, ax, angles


#: Per moment a line style and a marker, so the two moments differ without colour.
MOMENT_STYLES = [("-", "o"), ("--", "s")]


def plot_radar(model: PrincipleScores) -> svgplot.Figure:
    """Both moments on one radar, with the scale's ends as rings (SVG)."""
    spec = model.spec
    fig, ax, angles = _radar_axes(spec, t("principles.plot_title"))
    for i, moment in enumerate(spec.moments):
        values = [model.score(moment.key, p.key) for p in spec.principles]
        values.append(values[0])
        line, marker = MOMENT_STYLES[i % 2]
        ax.fill(angles, values, color=PALETTE[i], alpha=0.12)
        ax.plot(angles, values, linestyle=line, marker=marker, color=PALETTE[i], linewidth=2, label=moment.label)
    fig.legend(loc="outside lower center", ncols=2)
    return fig


def difference_table(model: PrincipleScores) -> str:
    """The numbers behind the radar as an HTML table (its text alternative)."""
    first, second = model.spec.moments
    head = (f"<tr><th scope='col'>{esc(t('principles.col_principle'))}</th><th scope='col'>{esc(t('principles.col_group'))}</th>"
            f"<th scope='col'>{esc(first.label)}</th><th scope='col'>{esc(second.label)}</th>"
            f"<th scope='col'>{esc(t('principles.col_change'))}</th></tr>")
    rows = "".join(
        f"<tr><td>{esc(p.label)}</td><td>{esc(p.group)}</td><td>{a}</td><td>{b}</td>"
        f"<td>{f'<b>{d:+d}</b>' if d else '0'}</td></tr>"
        for p, a, b, d in model.differences()
    )
    moved = model.largest_changes()
    if moved:
        most = ", ".join(f"{p.label} ({d:+d})" for p, d in moved)
        note = esc(t("principles.most_moved", items=most))
    else:
        note = esc(t("principles.none_moved"))
    return (f"<table style='border-collapse:collapse' cellpadding='3'><caption style='text-align:left'>"
            f"{esc(t('principles.table_caption'))}</caption>{head}{rows}</table><p>{note}</p>")


class PrinciplesView(ExerciseFrame):
    def __init__(self, spec: PrinciplesSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = PrincipleScores.from_dict(spec, self.saved())
        scale = spec.scale
        self.sliders: dict[tuple[str, str], widgets.IntSlider] = {}
        columns = []
        for moment in spec.moments:
            controls = [widgets.HTML(f"<b>{esc(moment.label)}</b> <small>({esc(scale.min)} = {esc(scale.low)}, "
                                     f"{esc(scale.max)} = {esc(scale.high)})</small>")]
            for p in spec.principles:
                slider = IntSlider(
                    value=self.model.score(moment.key, p.key), min=scale.min, max=scale.max,
                    description=p.label, tooltip=p.description, continuous_update=False,
                    style={"description_width": "14em"}, layout=widgets.Layout(width="95%"),
                )
                slider.observe(self.guard(lambda change, m=moment.key, k=p.key: self._on_score(m, k, change["new"])),
                               names="value")
                self.sliders[(moment.key, p.key)] = slider
                controls.append(slider)
            columns.append(widgets.VBox(controls, layout=widgets.Layout(width="50%")))
        meaning = "".join(f"<li><b>{esc(p.label)}</b> ({esc(p.group)}): {esc(p.description)}</li>" for p in spec.principles)
        self.meaning = widgets.HTML(f"<details><summary>{esc(t('principles.meaning'))}</summary><ul>{meaning}</ul></details>")
        self.figure = FigureBox()
        self.table = widgets.HTML()
        self._redraw()
        self.set_body(self.meaning, widgets.HBox(columns), self.figure, self.table)

    def _on_score(self, moment: str, principle: str, value: int) -> None:
        self.model.set(moment, principle, value)
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        self.figure.show(plot_radar(self.model), alt=t("principles.alt"))
        self.table.value = difference_table(self.model)


def principles_radar(exercise_id: str = "m1.principes", workbook: Workbook | None = None):
    """E1.2 as a widget."""
    return build_view(lambda: PrinciplesView(load_spec(exercise_id, "principles_radar"), workbook))


# -- hooks for the portfolio, the class overview and the demo class ------------------

@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    """The largest shifts first, then the highest and lowest principle per moment."""
    spec = load_spec(exercise_id, "principles_radar")
    model = PrincipleScores.from_dict(spec, answer)
    if not model.scores:
        return [t("hooks.principles_none")]
    moved = model.largest_changes()
    if moved:
        lines = [t("principles.most_moved", items=", ".join(f"{p.label} ({d:+d})" for p, d in moved))]
    else:
        lines = [t("principles.none_moved")]
    for moment in spec.moments:
        scored = [(model.score(moment.key, p.key), i, p) for i, p in enumerate(spec.principles)]
        high = max(scored, key=lambda x: (x[0], -x[1]))
        low = min(scored, key=lambda x: (x[0], x[1]))
        lines.append(t("hooks.principles_moment", moment=moment.label, high=high[2].label, high_score=high[0],
                       low=low[2].label, low_score=low[0]))
    return lines


def plot_answer(exercise_id: str, answer):
    try:
        model = PrincipleScores.from_dict(load_spec(exercise_id, "principles_radar"), answer)
    except Exception:  # noqa: BLE001 - hooks never raise
        return None
    return plot_radar(model) if model.scores else None


def class_statistics(spec: PrinciplesSpec, answers: dict) -> tuple[dict, int]:
    """{moment: {principle: (mean, sd)}} over the participants who scored, and their number."""
    values: dict[str, dict[str, list[int]]] = {m.key: {p.key: [] for p in spec.principles} for m in spec.moments}
    lo, hi = spec.scale.min, spec.scale.max
    mid = (lo + hi) // 2
    who = 0
    for answer in answers.values():
        scores = answer.get("scores") if isinstance(answer, dict) else None
        if not isinstance(scores, dict):
            continue
        valid = {}
        for m in spec.moments:  # the same checks as PrincipleScores.set, without building a model per answer
            row = scores.get(m.key)
            if isinstance(row, dict):
                valid[m.key] = {k: v for k, v in row.items() if k in values[m.key] and isinstance(v, int)
                                and not isinstance(v, bool) and lo <= v <= hi}
        if not any(valid.values()):
            continue
        who += 1
        for m in spec.moments:
            row = valid.get(m.key, {})
            for p in spec.principles:
                values[m.key][p.key].append(row.get(p.key, mid))
    stats = {}
    for m in spec.moments:
        stats[m.key] = {}
        for p in spec.principles:
            xs = values[m.key][p.key]
            mean = sum(xs) / len(xs) if xs else 0.0
            sd = (sum((x - mean) ** 2 for x in xs) / len(xs)) ** 0.5 if xs else 0.0
            stats[m.key][p.key] = (mean, sd)
    return stats, who


def plot_class_radar(spec: PrinciplesSpec, stats: dict) -> svgplot.Figure:
    """The class's mean per moment on one radar, with a band of one standard deviation (SVG)."""
    fig, ax, angles = _radar_axes(spec, t("hooks.principles_class_title"))
    lo, hi = spec.scale.min, spec.scale.max
    for i, moment in enumerate(spec.moments):
        means = [stats[moment.key][p.key][0] for p in spec.principles]
        sds = [stats[moment.key][p.key][1] for p in spec.principles]
        low = [max(lo, m - s) for m, s in zip(means, sds)]
        high = [min(hi, m + s) for m, s in zip(means, sds)]
        line, marker = MOMENT_STYLES[i % 2]
        ax.fill_between(angles, low + low[:1], high + high[:1], color=PALETTE[i], alpha=0.18)
        ax.plot(angles, means + means[:1], linestyle=line, marker=marker, color=PALETTE[i], linewidth=2,
                label=t("hooks.principles_class_mean", moment=moment.label))
    fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return fig


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """The mean radar of the class with its spread, and per principle the means then and now."""
    spec = load_spec(exercise_id, "principles_radar")
    stats, who = class_statistics(spec, answers)
    if not who:
        return None, [t("hooks.nobody")]
    first, second = spec.moments
    lines = [t("hooks.principles_class", n=who, first=first.label, second=second.label)]
    for p in spec.principles:
        (m1, _), (m2, sd2) = stats[first.key][p.key], stats[second.key][p.key]
        lines.append(t("hooks.principles_class_line", principle=p.label, first=fmt(m1), second=fmt(m2),
                       sd=fmt(sd2)))
    return plot_class_radar(spec, stats), lines


def demo_answer(exercise_id: str, rng) -> dict:
    """Scores then, and now a little higher on average, with individual variation."""
    spec = load_spec(exercise_id, "principles_radar")
    model = PrincipleScores(spec)
    lo, hi = spec.scale.min, spec.scale.max
    first, second = spec.moments
    for p in spec.principles:
        then = int(min(hi, max(lo, round(rng.normal((lo + hi) / 2, 1.0)))))
        now = int(min(hi, max(lo, round(then + rng.normal(0.5, 0.9)))))
        model.set(first.key, p.key, then)
        model.set(second.key, p.key, now)
    return model.to_dict()

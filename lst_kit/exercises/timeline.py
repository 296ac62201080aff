"""E1.1 Timeline tagger: tag each event of the timeline with the logic that
dominates it, and see how the logics shift between periods.

Spec: ``data/exercises/m1/tijdlijn.yaml`` (type ``timeline_tagger``) with
``logics`` (key, label, description), ``periods`` (label, start, end) and
``events`` (key, year, label, description, source, reading). ``reading`` is
one possible reading by the course team, shown for comparison only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as widgets

from ..figures import svgplot
from ..content import Field, load_spec
from ..errors import InputError
from ..registry import fmt, safe_hook
from ..i18n import t
from ..figures.style import PALETTE, style_axes
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook

UNTAGGED_COLOUR = "#dddddd"


@dataclass(frozen=True)
class Logic:
    key: str
    label: str
    description: str


@dataclass(frozen=True)
class Period:
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    key: str
    year: int
    label: str
    description: str
    source: str
    reading: str | None


@dataclass(frozen=True)
class TimelineSpec:
    exercise_id: str
    title: str
    intro: str
    logics: tuple[Logic, ...]
    periods: tuple[Period, ...]
    events: tuple[Event, ...]

    def period_of(self, year: int) -> Period | None:
        return next((p for p in self.periods if p.start <= year <= p.end), None)

    def logic(self, key: str) -> Logic:
        return next(lg for lg in self.logics if lg.key == key)


def parse_spec(root: Field, exercise_id: str) -> TimelineSpec:
    logics = tuple(Logic(n.key("key"), n.text("label"), n.text("description")) for n in root.items("logics", 2, len(PALETTE)))
    root.unique("logics", [lg.key for lg in logics])
    periods = []
    for n in root.items("periods", 1, 12):
        start = n.integer("start", 1800, 2200)
        periods.append(Period(n.text("label"), start, n.integer("end", start, 2200)))
    keys = [lg.key for lg in logics]
    events = []
    for n in root.items("events", 1, 200):
        year = n.integer("year", 1800, 2200)
        if not any(p.start <= year <= p.end for p in periods):
            raise n.fail("year", t("timeline.allowed_year", periods=", ".join(p.label for p in periods)), year)
        reading = n.choice("reading", keys) if n.raw("reading", None) is not None else None
        events.append(Event(n.key("key"), year, n.text("label"), n.text("description", default="", empty_ok=True),
                            n.text("source", default="", empty_ok=True), reading))
    root.unique("events", [e.key for e in events])
    return TimelineSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                        logics, tuple(periods), tuple(sorted(events, key=lambda e: e.year)))


@dataclass
class TimelineTags:
    """The participant's tag (a logic key) per event key."""

    spec: TimelineSpec
    tags: dict[str, str] = field(default_factory=dict)

    def tag(self, event_key: str, logic_key: str | None) -> None:
        events = {e.key: e for e in self.spec.events}
        if event_key not in events:
            raise InputError(t("timeline.field_event"), t("timeline.allowed_event"), event_key)
        if logic_key is None:
            self.tags.pop(event_key, None)
            return
        allowed = [lg.key for lg in self.spec.logics]
        if logic_key not in allowed:
            raise InputError(events[event_key].label, ", ".join(allowed), logic_key)
        self.tags[event_key] = logic_key

    def counts(self) -> dict[str, dict[str, int]]:
        """Per period label: count per logic key, plus ``""`` for untagged."""
        table = {p.label: {lg.key: 0 for lg in self.spec.logics} | {"": 0} for p in self.spec.periods}
        for event in self.spec.events:
            period = self.spec.period_of(event.year)
            table[period.label][self.tags.get(event.key, "")] += 1
        return table

    def shares(self) -> dict[str, dict[str, float]]:
        """Per period: share of each logic among the tagged events (0..1)."""
        out = {}
        for period, row in self.counts().items():
            tagged = sum(v for k, v in row.items() if k)
            out[period] = {k: (v / tagged if tagged else 0.0) for k, v in row.items() if k}
        return out

    def dominant(self) -> dict[str, str | None]:
        """Per period the most-used logic (ties: first in the spec), or None."""
        out = {}
        for period, row in self.counts().items():
            best = max((lg.key for lg in self.spec.logics), key=lambda k: row[k])
            out[period] = best if row[best] else None
        return out

    def comparison(self) -> tuple[int, int, list[Event]]:
        """(agree, compared, events that differ) against the spec's reading."""
        compared = [e for e in self.spec.events if e.reading and e.key in self.tags]
        differ = [e for e in compared if self.tags[e.key] != e.reading]
        return len(compared) - len(differ), len(compared), differ

    def to_dict(self) -> dict:
        return {"tags": {e.key: self.tags[e.key] for e in self.spec.events if e.key in self.tags}}

    @classmethod
    def from_dict(cls, spec: TimelineSpec, data) -> "TimelineTags":
        model = cls(spec)
        tags = data.get("tags") if isinstance(data, dict) else None
        for event_key, logic_key in (tags if isinstance(tags, dict) else {}).items():
            try:
                model.tag(event_key, logic_key)
            except InputError:
                pass  # an event or logic the teacher has since removed
        return model


def shares_from_counts(spec: TimelineSpec, counts: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    """Per period: share of each logic among the tagged events (0..1)."""
    out = {}
    for period in spec.periods:
        row = counts[period.label]
        tagged = sum(v for k, v in row.items() if k)
        out[period.label] = {lg.key: (row[lg.key] / tagged if tagged else 0.0) for lg in spec.logics}
    return out


def plot_tag_counts(spec: TimelineSpec, counts: dict[str, dict[str, int]], title: str,
                    axis: str) -> svgplot.Figure:
    """Stacked bars of tags per period, and the drift of each logic's share
    (SVG). The participant's plot and the class picture (with its own title
    and axis) are the same drawing."""
    shares = shares_from_counts(spec, counts)
    periods = [p.label for p in spec.periods]
    x = list(range(len(periods)))
    fig = svgplot.Figure(figsize=(9.5, 4.2))
    ax_bar, ax_drift = fig.subplots(1, 2, width_ratios=[1.15, 1])
    bottoms = [0] * len(periods)
    for i, logic in enumerate(spec.logics):
        heights = [counts[p][logic.key] for p in periods]
        ax_bar.bar(x, heights, bottom=bottoms, color=PALETTE[i % len(PALETTE)], label=logic.label, edgecolor="white")
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    untagged = [counts[p][""] for p in periods]
    ax_bar.bar(x, untagged, bottom=bottoms, color=UNTAGGED_COLOUR, hatch="//", edgecolor="#a0a0a0",
               label=t("timeline.untagged"))  # a light hatch (svgplot hatches in the edge colour)
    ax_bar.set_ylabel(axis)
    ax_bar.set_title(title)
    ax_bar.integer_ticks("y")
    style_axes(ax_bar)
    markers = "osD^vP*X"  # one shape per logic (at most eight, as many as PALETTE has colours)
    for i, logic in enumerate(spec.logics):
        ax_drift.plot(x, [100 * shares[p][logic.key] for p in periods], marker=markers[i % len(markers)],
                      color=PALETTE[i % len(PALETTE)], label=logic.label)
    ax_drift.set_ylim(0, 100)
    ax_drift.set_xlim(-0.3, len(periods) - 0.7)
    ax_drift.set_ylabel(t("timeline.axis_share"))
    ax_drift.set_title(t("timeline.plot_drift"))
    style_axes(ax_drift)
    for ax in (ax_bar, ax_drift):
        ax.set_xticks(x, periods, fontsize=8)
    handles, labels = ax_bar.get_legend_handles_labels()
    fig.legend(handles, labels, ncols=4, fontsize=8)
    return fig


def plot_timeline(model: TimelineTags):
    """Stacked bars of the participant's tags per period, and the drift of each logic's share."""
    return plot_tag_counts(model.spec, model.counts(), t("timeline.plot_counts"), t("timeline.axis_events"))


def summary_text(model: TimelineTags) -> str:
    """A plain-text reading of the plot (its text alternative)."""
    counts = model.counts()
    dominant = model.dominant()
    parts = []
    for period in model.spec.periods:
        row = counts[period.label]
        tagged = sum(v for k, v in row.items() if k)
        key = dominant[period.label]
        label = model.spec.logic(key).label if key else t("timeline.none")
        parts.append(t("timeline.summary_period", period=period.label, tagged=tagged,
                       total=tagged + row[""], dominant=label))
    return " ".join(parts)


class TimelineView(ExerciseFrame):
    def __init__(self, spec: TimelineSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = TimelineTags.from_dict(spec, self.saved())
        legend = "".join(f"<li><b>{esc(lg.label)}</b>: {esc(lg.description)}</li>" for lg in spec.logics)
        self.legend = widgets.HTML(f"<details><summary>{esc(t('timeline.logics'))}</summary><ul>{legend}</ul></details>")
        # "" stands for "not tagged": a Dropdown shows no text at all for None.
        options = [(t("timeline.choose"), "")] + [(lg.label, lg.key) for lg in spec.logics]
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        rows = []
        for event in spec.events:
            dd = widgets.Dropdown(options=options, value=self.model.tags.get(event.key, ""),
                                  description=f"{event.year} · {event.label}",
                                  style={"description_width": "55%"}, layout=widgets.Layout(width="95%"))
            dd.observe(self.guard(lambda change, key=event.key: self._on_tag(key, change["new"])), names="value")
            self.dropdowns[event.key] = dd
            detail = " ".join(x for x in (event.description, f"({event.source})" if event.source else "") if x)
            rows.append(widgets.VBox([dd, widgets.HTML(f"<small style='color:#555;margin-left:2em'>{esc(detail)}</small>")]))
        self.compare = widgets.ToggleButton(value=False, description=t("timeline.compare"), icon="balance-scale",
                                            tooltip=t("timeline.compare_tip"), layout=widgets.Layout(width="auto"))
        self.compare.observe(self.guard(lambda change: self._redraw()), names="value")
        self.comparison = widgets.HTML()
        self.figure = FigureBox()
        self.caption = widgets.HTML()
        self._redraw()
        self.set_body(self.legend, widgets.VBox(rows), self.figure, self.compare, self.comparison)

    def _on_tag(self, event_key: str, logic_key) -> None:
        self.model.tag(event_key, logic_key or None)
        self.save(self.model.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        self.figure.show(plot_timeline(self.model), alt=t("timeline.alt"), caption=summary_text(self.model))
        if not self.compare.value:
            self.comparison.value = ""
            return
        agree, compared, differ = self.model.comparison()
        lines = "".join(
            f"<li>{esc(e.year)} · {esc(e.label)}: {esc(t('timeline.yours'))} "
            f"<b>{esc(self.spec.logic(self.model.tags[e.key]).label)}</b>, "
            f"{esc(t('timeline.reading'))} <b>{esc(self.spec.logic(e.reading).label)}</b></li>"
            for e in differ
        )
        self.comparison.value = (
            f"<p>{esc(t('timeline.agree', agree=agree, compared=compared))}</p>"
            f"<p><small>{esc(t('timeline.reading_note'))}</small></p><ul>{lines}</ul>"
        )


def timeline_tagger(exercise_id: str = "m1.tijdlijn", workbook: Workbook | None = None):
    """E1.1 as a widget."""
    return build_view(lambda: TimelineView(load_spec(exercise_id, "timeline_tagger"), workbook))


# -- hooks for the portfolio, the class overview and the demo class ------------------

@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    """How many events were tagged, the dominant logic per period, and the
    agreement with the course team's reading."""
    spec = load_spec(exercise_id, "timeline_tagger")
    model = TimelineTags.from_dict(spec, answer)
    if not model.tags:
        return [t("hooks.timeline_none")]
    lines = [t("hooks.timeline_tagged", n=len(model.tags), total=len(spec.events))]
    counts = model.counts()
    for period in spec.periods:
        row = counts[period.label]
        tagged = sum(v for k, v in row.items() if k)
        key = model.dominant()[period.label]
        label = spec.logic(key).label if key else t("timeline.none")
        lines.append(t("timeline.summary_period", period=period.label, tagged=tagged, total=tagged + row[""],
                       dominant=label))
    agree, compared, _ = model.comparison()
    if compared:
        lines.append(t("timeline.agree", agree=agree, compared=compared))
    return lines


def plot_answer(exercise_id: str, answer):
    try:
        model = TimelineTags.from_dict(load_spec(exercise_id, "timeline_tagger"), answer)
    except Exception:  # noqa: BLE001 - hooks never raise
        return None
    return plot_timeline(model) if model.tags else None


def class_counts(spec: TimelineSpec, answers: dict) -> tuple[dict[str, dict[str, int]], int]:
    """The class's tags per period and logic (untagged events counted under ``""``), and
    how many participants tagged at least one event. Tags of removed events or
    logics are left out, as :meth:`TimelineTags.from_dict` does."""
    table = {p.label: {lg.key: 0 for lg in spec.logics} | {"": 0} for p in spec.periods}
    period_of = {e.key: spec.period_of(e.year).label for e in spec.events}
    logics = {lg.key for lg in spec.logics}
    who = 0
    for answer in answers.values():
        tags = answer.get("tags") if isinstance(answer, dict) else None
        if not isinstance(tags, dict):
            continue
        valid = {k: v for k, v in tags.items() if k in period_of and isinstance(v, str) and v in logics}
        if not valid:
            continue
        who += 1
        for event_key, period in period_of.items():
            table[period][valid.get(event_key, "")] += 1
    return table, who


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """The class's tag counts per period, with the dominant logic and its share."""
    spec = load_spec(exercise_id, "timeline_tagger")
    counts, who = class_counts(spec, answers)
    if not who:
        return None, [t("hooks.nobody")]
    shares = shares_from_counts(spec, counts)
    lines = [t("hooks.timeline_class", n=who)]
    for period in spec.periods:
        row = counts[period.label]
        best = max((lg.key for lg in spec.logics), key=lambda k: row[k])
        if row[best]:
            lines.append(t("hooks.timeline_class_period", period=period.label, logic=spec.logic(best).label,
                           share=fmt(100 * shares[period.label][best], 0)))
    fig = plot_tag_counts(spec, counts, t("hooks.timeline_class_title"), t("hooks.timeline_class_axis"))
    return fig, lines


def demo_answer(exercise_id: str, rng) -> dict:
    """Most events tagged; about half as in the course team's reading, the rest spread."""
    spec = load_spec(exercise_id, "timeline_tagger")
    model = TimelineTags(spec)
    keys = [lg.key for lg in spec.logics]
    for event in spec.events:
        if rng.random() < 0.12:
            continue
        if event.reading and rng.random() < 0.5:
            model.tag(event.key, event.reading)
        else:
            model.tag(event.key, keys[int(rng.integers(len(keys)))])
    return model.to_dict()

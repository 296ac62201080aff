"""E1.1 Timeline tagger, the model: tag each event of the timeline with the
logic that dominates it, and see how the logics shift between periods.

Spec: ``data/exercises/m1/tijdlijn.yaml`` (type ``timeline_tagger``) with
``logics`` (key, label, description), ``periods`` (label, start, end) and
``events`` (key, year, label, description, source, reading). ``reading`` is
one possible reading by the course team, shown for comparison only.

Saved answer: ``{"tags": {event key: logic key}}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import t

__all__ = ["MAX_LOGICS", "Event", "Logic", "Period", "TimelineSpec", "TimelineTags", "class_counts",
           "dominant_from_counts", "empty_counts", "parse_spec", "shares_from_counts"]

#: At most as many logics as the figures have colours and markers.
MAX_LOGICS = 8


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
    #: Lookups derived from the fields above (built once; a restore checks every tag against them).
    event_by_key: dict[str, Event] = field(init=False, repr=False, compare=False)
    logic_keys: tuple[str, ...] = field(init=False, repr=False, compare=False)
    period_by_event: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "event_by_key", {e.key: e for e in self.events})
        object.__setattr__(self, "logic_keys", tuple(lg.key for lg in self.logics))
        object.__setattr__(self, "period_by_event", {e.key: self.period_of(e.year).label for e in self.events})

    def period_of(self, year: int) -> Period | None:
        return next((p for p in self.periods if p.start <= year <= p.end), None)

    def logic(self, key: str) -> Logic:
        return next(lg for lg in self.logics if lg.key == key)


def parse_spec(root: Field, exercise_id: str) -> TimelineSpec:
    logics = tuple(Logic(n.key("key"), n.text("label"), n.text("description")) for n in root.items("logics", 2, MAX_LOGICS))
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
        event = self.spec.event_by_key.get(event_key) if isinstance(event_key, str) else None
        if event is None:
            raise InputError(t("timeline.field_event"), t("timeline.allowed_event"), event_key)
        if logic_key is None:
            self.tags.pop(event_key, None)
            return
        allowed = self.spec.logic_keys
        if not isinstance(logic_key, str) or logic_key not in allowed:
            raise InputError(event.label, ", ".join(allowed), logic_key)
        self.tags[event_key] = logic_key

    def counts(self) -> dict[str, dict[str, int]]:
        """Per period label: count per logic key, plus ``""`` for untagged."""
        table = empty_counts(self.spec)
        for event_key, period in self.spec.period_by_event.items():
            table[period][self.tags.get(event_key, "")] += 1
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
        return dominant_from_counts(self.spec, self.counts())

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


def empty_counts(spec: TimelineSpec) -> dict[str, dict[str, int]]:
    """Per period label a zero per logic key and for untagged (``""``)."""
    return {p.label: {lg.key: 0 for lg in spec.logics} | {"": 0} for p in spec.periods}


def dominant_from_counts(spec: TimelineSpec, counts: dict[str, dict[str, int]]) -> dict[str, str | None]:
    """Per period the most-used logic in ``counts`` (ties: first in the spec), or None."""
    out = {}
    for period in spec.periods:
        row = counts[period.label]
        best = max((lg.key for lg in spec.logics), key=lambda k: row[k])
        out[period.label] = best if row[best] else None
    return out


def class_counts(spec: TimelineSpec, models) -> tuple[dict[str, dict[str, int]], int]:
    """The class's tags per period and logic, summed over ``models``
    (TimelineTags objects) that hold at least one tag, untagged events of
    those counted under ``""``; and how many such models there were."""
    table = empty_counts(spec)
    who = 0
    for model in models:
        if not model.tags:
            continue
        who += 1
        for period, row in model.counts().items():
            for key, n in row.items():
                table[period][key] += n
    return table, who

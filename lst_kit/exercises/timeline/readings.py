"""E1.1 Timeline tagger, the readings: the tags in the portfolio (lines and
figure), the class's tags per period, and demo answers.

Every reading restores an answer through :meth:`TimelineTags.from_dict`, as the view does.
"""

from __future__ import annotations

import random

from ...i18n import number, t
from ...registry import ExerciseType
from .figures import period_lines, plot_tag_counts, plot_timeline
from .model import TimelineSpec, TimelineTags, class_counts, dominant_from_counts, parse_spec, shares_from_counts

__all__ = ["TYPE", "TimelineType"]


class TimelineType(ExerciseType):
    name = "timeline_tagger"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: TimelineSpec, answer) -> list[str]:
        """How many events were tagged, the dominant logic per period, and the
        agreement with the course team's reading."""
        model = TimelineTags.from_dict(spec, answer)
        if not model.tags:
            return [t("hooks.timeline_none")]
        lines = [t("hooks.timeline_tagged", n=len(model.tags), total=len(spec.events)), *period_lines(model)]
        agree, compared, _ = model.comparison()
        if compared:
            lines.append(t("timeline.agree", agree=agree, compared=compared))
        return lines

    def plot_answer(self, spec: TimelineSpec, answer):
        model = TimelineTags.from_dict(spec, answer)
        return plot_timeline(model) if model.tags else None

    def class_picture(self, spec: TimelineSpec, answers: dict):
        """The class's tag counts per period, with the dominant logic and its share."""
        counts, who = class_counts(spec, (TimelineTags.from_dict(spec, a) for a in answers.values()))
        if not who:
            return None, [t("hooks.nobody")]
        shares = shares_from_counts(spec, counts)
        lines = [t("hooks.timeline_class", n=who)]
        for period, best in dominant_from_counts(spec, counts).items():
            if best:
                lines.append(t("hooks.timeline_class_period", period=period, logic=spec.logic(best).label,
                               share=number(100 * shares[period][best], 0)))
        fig = plot_tag_counts(spec, counts, t("hooks.timeline_class_title"), t("hooks.timeline_class_axis"))
        return fig, lines

    def demo_answer(self, spec: TimelineSpec, rng: random.Random) -> dict:
        """Most events tagged; about half as in the course team's reading, the rest spread."""
        model = TimelineTags(spec)
        keys = [lg.key for lg in spec.logics]
        for event in spec.events:
            if rng.random() < 0.12:
                continue
            if event.reading and rng.random() < 0.5:
                model.tag(event.key, event.reading)
            else:
                model.tag(event.key, rng.choice(keys))
        return model.to_dict()


TYPE = TimelineType()

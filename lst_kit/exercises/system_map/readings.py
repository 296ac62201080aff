"""E3.3 System analysis map, the readings: the portfolio's summary and
picture, the class picture (where the class sees the inspectorate act), and
demo answers.

An answer is ``{"case": <case shown last>, "maps": {case id: one map's
to_dict()}}``; every reading restores it through :meth:`SystemMap.from_dict`,
as the view does.
"""

from __future__ import annotations

import random

from ...content import case_or_none, load_case
from ...i18n import number, t
from ...registry import ExerciseType, meaningful_keys
from .figures import map_caption, plot_class_reach, plot_map
from .model import REACH, SystemMap, SystemMapSpec, parse_spec

__all__ = ["TYPE", "SystemMapType", "restore", "worked_on"]


def restore(spec: SystemMapSpec, answer) -> SystemMap | None:
    """The participant's map of the case they looked at last, or None."""
    if not isinstance(answer, dict):
        return None
    case = case_or_none(answer.get("case"))
    if case is None:
        return None
    maps = answer.get("maps") if isinstance(answer.get("maps"), dict) else {}
    return SystemMap.from_dict(spec, maps.get(case.case_id), case)


def worked_on(spec: SystemMapSpec, answer) -> list[SystemMap]:
    """Every map of the answer that differs from its case's own map, the case
    shown last first; only that case's map when none was changed."""
    last = restore(spec, answer)
    if last is None:
        return []
    maps = answer.get("maps") if isinstance(answer.get("maps"), dict) else {}
    out = []
    for case_id in [last.case_id, *sorted(k for k in maps if k != last.case_id)]:
        case = case_or_none(case_id)
        if case is None:
            continue
        model = last if case_id == last.case_id else SystemMap.from_dict(spec, maps.get(case_id), case)
        own = SystemMap.from_case(spec, case).to_dict()
        mine = model.to_dict()
        if (mine["nodes"], mine["links"]) != (own["nodes"], own["links"]):
            out.append(model)
    return out or [last]


class SystemMapType(ExerciseType):
    name = "system_map"
    takes_case = True

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec, answer) -> list[str]:
        """Per changed map: the case, the map's size, its loops, leverage and reach."""
        lines = []
        for model in worked_on(spec, answer):
            lines += self._map_lines(model)
        return lines

    def _map_lines(self, model: SystemMap) -> list[str]:
        report = model.loops()
        lines = [t("map.sum_case", case=load_case(model.case_id).label), map_caption(model),
                 t("map.sum_loops", n=len(report.loops), r=report.count("R"), b=report.count("B")),
                 t("map.sum_leverage", nodes=", ".join(x.label for x, _ in model.leverage(3)) or "—")]
        for reach, nodes in model.reach_summary().items():
            if nodes:
                lines.append(f"{t(f'map.reach_{reach}')}: {', '.join(x.label for x in nodes)}")
        return lines

    def plot_answer(self, spec, answer):
        """The map of the case shown last when it was changed, else of the
        first changed case (the summary names every changed map), drawn at
        the positions saved with it: the picture the participant saw (an
        answer without positions is laid out as before)."""
        models = worked_on(spec, answer)
        return plot_map(models[0]) if models else None

    def class_picture(self, spec, answers: dict):
        """For the case most participants mapped: how often each actor or
        factor was marked as reachable directly, via partners or only by
        signalling."""
        tally: dict[str, list] = {}   # case -> [maps, nodes, links, marks]; each map is let go once counted
        for answer in answers.values():
            model = restore(spec, answer)
            if model is None:
                continue
            per_case = tally.setdefault(model.case_id, [0, 0, 0, {}])
            per_case[0] += 1
            per_case[1] += len(model.nodes)
            per_case[2] += len(model.links)
            for node in model.nodes.values():
                if node.reach:
                    per_case[3].setdefault(node.label, {r: 0 for r in REACH})[node.reach] += 1
        if not tally:
            return None, [t("hooks.nobody")]
        lines: list[str] = []
        figure = None
        for index, case_id in enumerate(meaningful_keys({c: v[0] for c, v in tally.items()})):
            n, nodes, links, marks = tally[case_id]  # each case a meaningful part of the group mapped
            lines += [t("map.class_case", case=load_case(case_id).label, n=n, total=sum(v[0] for v in tally.values())),
                      t("map.class_size", nodes=number(nodes / n), links=number(links / n))]
            ranked = sorted(marks, key=lambda label: (-sum(marks[label].values()), label))
            for label in ranked[:12]:
                parts = ", ".join(f"{t(f'map.reach_{r}')} {marks[label][r]}×" for r in REACH if marks[label][r])
                lines.append(f"{label}: {parts}")
            if index == 0 and ranked:
                figure = plot_class_reach(ranked[:12], marks)  # the figure: the case most participants mapped
        return figure, lines

    def demo_answer(self, spec, rng: random.Random) -> dict:
        """A participant who marks where the inspectorate can act on 3 to 8 nodes."""
        model = SystemMap.from_case(spec, load_case(spec.default_case))
        nodes = sorted(model.nodes)
        for node_id in rng.sample(nodes, min(len(nodes), rng.randint(3, 8))):
            model.set_reach(node_id, rng.choice(REACH))
        return {"case": model.case_id, "maps": {model.case_id: model.to_dict()}}


TYPE = SystemMapType()

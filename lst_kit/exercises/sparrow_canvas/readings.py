"""What the portfolio, the class overview and the learning plan read from
Sparrow-canvas answers (see :class:`lst_kit.registry.ExerciseType`). Every
answer is restored with :meth:`Canvas.from_dict`, the view's own restore path."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ...content import KEY, Case, ContentError, Field, case_ids, load_case
from ...content.demo import load_demo
from ...i18n import t
from ...registry import ExerciseType
from .figures import plot_class
from .model import DEFINE, INDICATOR_FIELD, MEASURE, SOLVE, STAGE_KEYS, Canvas, SparrowSpec, parse_spec

__all__ = ["TYPE", "DemoStory", "SparrowDemo", "SparrowType", "parse_demo"]


@dataclass(frozen=True)
class DemoStory:
    """What an invented participant writes on the canvas (``data/demo/sparrow_canvas.yaml``):
    texts per field key, the dimensions of its definition, and indicator lines
    beyond (``effect``) and at the level of output."""

    texts: dict[str, str] = field(default_factory=dict)
    dimensions: tuple[str, ...] = ()
    effect: tuple[str, ...] = ()
    output: tuple[str, ...] = ()


@dataclass(frozen=True)
class SparrowDemo:
    """The demo prose: stories per case, texts that fit every case per
    (stage, field), and the indicators of a case without stories."""

    stories: dict[str, tuple[DemoStory, ...]] = field(default_factory=dict)
    every_case: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    new_case: DemoStory = DemoStory()


def _parse_story(root: Field) -> DemoStory:
    texts = root.sub("texts", default={})
    dimensions = root.texts("dimensions", default=[])
    for index, key in enumerate(dimensions):
        if not KEY.match(key):
            raise root.fail(f"dimensions[{index}]", t("content.allowed_key"), key)
    return DemoStory({key: texts.text(key) for key in texts.keys()}, tuple(dimensions),
                     tuple(root.texts("effect", default=[])), tuple(root.texts("output", default=[])))


def parse_demo(root: Field) -> SparrowDemo:
    """``cases`` (case id -> list of stories), ``every_case`` (stage -> field
    -> texts) and ``new_case`` (a story's indicators for a case without one); all optional."""
    cases = root.sub("cases", default={})
    stories = {case_id: tuple(_parse_story(item) for item in cases.items(case_id, min_len=1))
               for case_id in cases.keys()}
    every = root.sub("every_case", default={})
    texts = {}
    for stage in every.keys():
        fields = every.sub(stage)
        texts.update({(stage, key): tuple(fields.texts(key, min_len=1)) for key in fields.keys()})
    return SparrowDemo(stories, texts, _parse_story(root.sub("new_case", default={})))


class SparrowType(ExerciseType):
    name = "sparrow_canvas"
    takes_case = True

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: SparrowSpec, answer) -> list[str]:
        """Dutch plain-text lines; the defined problem comes first."""
        model = Canvas.from_dict(spec, answer)
        problem = model.important_problem()
        lines = [t("sparrow_canvas.sum_problem", text=problem) if problem else t("sparrow_canvas.sum_no_problem")]
        scale = model.scale_option()
        if scale:
            lines.append(t("sparrow_canvas.sum_scale", scale=scale.label))
        dims = [d.label for d in model.chosen_dimensions()]
        if dims:
            lines.append(t("sparrow_canvas.sum_dimensions", items=", ".join(dims)))
        found = model.indicators()
        if found:
            beyond = sum(not model.is_output(i) for i in found)
            lines.append(t("sparrow_canvas.sum_indicators", n=len(found), beyond=beyond, items="; ".join(found)))
        approach = model.approach()
        if approach:
            lines.append(t("sparrow_canvas.sum_approach", text=approach))
        if model.filled_stages():
            lines.append(t("sparrow_canvas.sum_stages", n=len(model.filled_stages()), total=len(STAGE_KEYS)))
        lines += [w.text for w in model.warnings()]
        return lines

    def class_picture(self, spec: SparrowSpec, answers: dict):
        """How the class chose the scale of its problems, which dimensions it
        used to slice them, and how many measure beyond output."""
        models = [Canvas.from_dict(spec, a) for a in answers.values() if isinstance(a, dict)]
        if not models:
            return None, [t("sparrow_canvas.class_none")]
        scale_counts = {s.key: sum(m.scale == s.key for m in models) for s in spec.scales}
        dim_counts = {d.key: sum(d.key in m.dimensions for m in models) for d in spec.dimensions}
        fig = plot_class(spec, scale_counts, dim_counts, len(models))
        measured = [m for m in models if m.has_measure()]
        lines = [
            t("sparrow_canvas.class_defined", n=sum(bool(m.definition()) for m in models), total=len(models)),
            t("sparrow_canvas.class_scales", items=", ".join(f"{s.label} {scale_counts[s.key]}" for s in spec.scales)),
            t("sparrow_canvas.class_output", n=sum(m.all_output() for m in measured), total=len(measured)),
            t("sparrow_canvas.class_early", n=sum(m.solutions_early() for m in models)),
        ]
        return fig, lines

    def demo_answer(self, spec: SparrowSpec, rng: random.Random) -> dict:
        """An invented participant (demo class only): one case and one of its
        illustrative stories; the first stages are mostly filled in, the later ones
        less often; some write their approach first, a few measure only output;
        a scale (mostly the recommended one), dimensions and ticks on the checklists."""
        demo = load_demo(self.name, self.parse_demo)
        ids = case_ids()
        model = Canvas(spec, ids)
        case = _demo_case(ids, rng)
        stories = demo.stories.get(case.case_id, ()) if case is not None else ()
        if stories:
            story = rng.choice(stories)
        else:
            story = _story_of(case, demo.new_case, rng) if case is not None else DemoStory()
        model.set_case(case.case_id if case is not None else None)

        effect = rng.sample(list(story.effect), len(story.effect))
        output = rng.sample(list(story.output), len(story.output))
        if rng.random() < 0.12:  # counts only its own work
            lines = output[: rng.randint(1, len(output))] if output else []
        else:
            lines = effect[: rng.randint(1, len(effect))] if effect else []
            lines += output[: rng.randint(0, len(output))]
        texts = dict(story.texts)
        if lines:
            texts[INDICATOR_FIELD] = "\n".join(lines)
        fill = {"nomineren": 0.95, DEFINE: 0.9, MEASURE: 0.85, SOLVE: 0.75, "uitvoeren": 0.45, "afsluiten": 0.35}
        stages = [s for s in spec.stages if rng.random() < fill.get(s.key, 0.5)]
        if any(s.key == SOLVE for s in stages) and rng.random() < 0.2:  # the approach came first
            stages.sort(key=lambda s: s.key != SOLVE)
        for stage in stages:
            for i, fld in enumerate(stage.fields):
                later = demo.every_case.get((stage.key, fld.key))
                text = rng.choice(later) if later else texts.get(fld.key)
                if text and (i == 0 or rng.random() < 0.7):
                    model.set_text(stage.key, fld.key, text)
            for item in stage.checklist:
                if model.stage_filled(stage.key) and rng.random() < 0.6:
                    model.set_check(stage.key, item.key, True)

        known = {d.key for d in spec.dimensions}
        if rng.random() >= 0.1:  # a few tick no dimension at all
            for key in story.dimensions:
                if key in known and rng.random() < 0.8:
                    model.set_dimension(key, True)
            if rng.random() < 0.1:
                model.set_dimension(rng.choice(spec.dimensions).key, True)
        if rng.random() < 0.9:
            weights = [0.65 if s.recommended else 0.35 / max(1, len(spec.scales) - 1) for s in spec.scales]
            model.set_scale(rng.choices(spec.scales, weights=weights)[0].key)
        return model.to_dict()

    def parse_demo(self, root: Field) -> SparrowDemo:
        return parse_demo(root)


def _demo_case(ids: list[str], rng: random.Random) -> Case | None:
    """A case for an invented participant; a broken case file means no case."""
    if not ids:
        return None
    try:
        return load_case(rng.choice(ids))
    except (ContentError, ValueError):
        return None


def _story_of(case: Case, generic: DemoStory, rng: random.Random) -> DemoStory:
    """A story for a case without one in ``data/demo/``, built from the case
    file itself, with the generic story's indicators and dimensions."""
    signal = rng.choice(case.signals) if case.signals else None
    risk = rng.choice(case.risks) if case.risks else None
    action = rng.choice(case.interventions) if case.interventions else None
    partners = [a.name for a in case.actors if a.type not in ("inspectorate", "regulatee")][:3]
    texts = dict(generic.texts)
    if signal is not None:
        texts["kandidaat"] = signal.observation
    if risk is not None:
        texts["definitie"] = f"{risk.name}: {risk.description}"
    if action is not None:
        texts["aanpak"] = f"{action.name}: {action.description}"
    if partners:
        texts["partners"] = ", ".join(partners) + "."
    return DemoStory(texts, generic.dimensions, generic.effect, generic.output)


TYPE = SparrowType()

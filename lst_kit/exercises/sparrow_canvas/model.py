"""Sparrow's problem-solving protocol as a canvas: spec and model (pure: no
widgets, no files).

Spec: ``data/exercises/m2/sparrow.yaml`` (type ``sparrow_canvas``) with the
six ``stages`` (fixed keys, see :data:`STAGE_KEYS`; each with ``tab``,
``title``, ``guidance``, ``questions``, ``fields`` and ``checklist``), the
harm-slicing ``dimensions``, the ``scales`` (macro / middel / micro) with
``feedback``, the ``output_words`` that mark an indicator as an output, and
``rules`` for what counts as a precise definition.

Answer format (workbook)::

    {"texts": {stage: {field: str}}, "checks": {stage: [item, ...]},
     "dimensions": [key, ...], "scale": key | None, "case": case_id | None,
     "order": [stage, ...]}
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import t
from ..effect_chain.model import Keywords

__all__ = ["DEFINE", "DEFINITION_FIELD", "INDICATOR_FIELD", "MAX_CHARS", "MAX_INDICATORS", "MEASURE", "SOLVE",
           "STAGE_KEYS", "Canvas", "CanvasField", "CanvasWarning", "CheckItem", "Dimension", "ScaleOption",
           "SparrowSpec", "Stage", "parse_spec", "word_count"]

#: The six stages of the protocol, in order (their titles come from the spec).
STAGE_KEYS = ("nomineren", "definieren", "meten", "oplossen", "uitvoeren", "afsluiten")
DEFINE, MEASURE, SOLVE = "definieren", "meten", "oplossen"
#: Fields the canvas logic reads: the definition (stage 2) and the indicators (stage 3).
DEFINITION_FIELD = "definitie"
INDICATOR_FIELD = "indicatoren"
NOMINATE, CANDIDATE_FIELD = "nomineren", "kandidaat"
MAX_CHARS = 5_000
MAX_INDICATORS = 40

#: A word as a reader counts it: 'risico-regelreflex' is one word (the rule of
#: the reflection exercise's ``word_count``).
_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


def word_count(text: str) -> int:
    """Words as a reader counts them: 'risico-regelreflex' is one word."""
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class CanvasField:
    key: str
    label: str
    placeholder: str = ""
    rows: int = 3


@dataclass(frozen=True)
class CheckItem:
    key: str
    label: str


@dataclass(frozen=True)
class Stage:
    key: str
    tab: str
    title: str
    guidance: str
    questions: tuple[str, ...]
    fields: tuple[CanvasField, ...]
    checklist: tuple[CheckItem, ...]

    def field(self, key: str) -> CanvasField:
        """The field with this key (the first, as written); KeyError if none."""
        found = next((f for f in self.fields if f.key == key), None)
        if found is None:
            raise KeyError(key)
        return found


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    hint: str


@dataclass(frozen=True)
class ScaleOption:
    key: str
    label: str
    description: str
    feedback: str
    recommended: bool


@dataclass(frozen=True)
class SparrowSpec:
    exercise_id: str
    title: str
    intro: str
    stages: tuple[Stage, ...]
    dimensions: tuple[Dimension, ...]
    scales: tuple[ScaleOption, ...]
    output_words: tuple[str, ...]
    definition_min_words: int = 8
    definition_min_dimensions: int = 1
    case_hook: str = "m2"
    output_keywords: Keywords = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "output_keywords", Keywords(self.output_words))

    def stage(self, key: str) -> Stage:
        """The stage with this key (the first, as written); KeyError if none."""
        found = next((s for s in self.stages if s.key == key), None)
        if found is None:
            raise KeyError(key)
        return found

    def is_output(self, indicator: str) -> bool:
        """An output word of the spec occurs in ``indicator``."""
        return self.output_keywords.any_in(indicator)


def parse_spec(root: Field, exercise_id: str) -> SparrowSpec:
    stages = []
    for i, n in enumerate(root.items("stages", len(STAGE_KEYS), len(STAGE_KEYS))):
        key = n.key("key")
        if key != STAGE_KEYS[i]:
            raise n.fail("key", STAGE_KEYS[i], key)
        fields = tuple(CanvasField(f.key("key"), f.text("label"), f.text("placeholder", default="", empty_ok=True),
                                   f.integer("rows", 1, 20, default=3))
                       for f in n.items("fields", 1, 6))
        n.unique("fields", [f.key for f in fields])
        checklist = tuple(CheckItem(c.key("key"), c.text("label")) for c in n.items("checklist", 0, 10, default=[]))
        n.unique("checklist", [c.key for c in checklist])
        stages.append(Stage(key, n.text("tab"), n.text("title"), n.text("guidance", default="", empty_ok=True),
                            tuple(n.texts("questions", default=[], max_len=8)), fields, checklist))
    for index, needed in ((1, DEFINITION_FIELD), (2, INDICATOR_FIELD)):
        if needed not in [f.key for f in stages[index].fields]:
            node = root.items("stages")[index]
            raise node.fail("fields", t("sparrow_canvas.allowed_field", name=needed),
                            [f.key for f in stages[index].fields])
    dimensions = tuple(Dimension(n.key("key"), n.text("label"), n.text("hint", default="", empty_ok=True))
                       for n in root.items("dimensions", 1, 12))
    root.unique("dimensions", [d.key for d in dimensions])
    scales = tuple(ScaleOption(n.key("key"), n.text("label"), n.text("description"), n.text("feedback"),
                               n.boolean("recommended", default=False))
                   for n in root.items("scales", 2, 5))
    root.unique("scales", [s.key for s in scales])
    if sum(s.recommended for s in scales) != 1:
        raise root.fail("scales", t("sparrow_canvas.allowed_one_recommended"),
                        t("sparrow_canvas.found_recommended", n=sum(s.recommended for s in scales)))
    words = tuple(root.texts("output_words", min_len=1, max_len=500))
    rules = root.sub("rules", default={})
    return SparrowSpec(
        exercise_id=exercise_id, title=root.text("title"), intro=root.text("intro", default="", empty_ok=True),
        stages=tuple(stages), dimensions=dimensions, scales=scales, output_words=words,
        definition_min_words=rules.integer("definition_min_words", 0, 200, default=8),
        definition_min_dimensions=rules.integer("definition_min_dimensions", 0, len(dimensions), default=1),
        case_hook=root.key("case_hook") if root.raw("case_hook", None) is not None else "m2",
    )


@dataclass(frozen=True)
class CanvasWarning:
    key: str      # solutions_early, solutions_first, all_output
    kind: str     # "warn" (act on it) or "info" (worth a look)
    text: str


def _lines(text: str) -> list[str]:
    return [line.strip(" \t-•*") for line in text.splitlines() if line.strip(" \t-•*")]


@dataclass
class Canvas:
    """Everything the participant wrote and ticked on the canvas.

    ``order`` lists the stages in the order they were first filled in (a
    stage emptied again leaves the list), so the canvas can tell when
    solutions came first. ``known_cases`` are the ids of the cases a
    participant may pick as an example (not saved).
    """

    spec: SparrowSpec
    known_cases: Collection[str] = ()
    texts: dict[str, dict[str, str]] = field(default_factory=dict)
    checks: dict[str, set[str]] = field(default_factory=dict)
    dimensions: set[str] = field(default_factory=set)
    scale: str | None = None
    case: str | None = None
    order: list[str] = field(default_factory=list)

    # -- edits ---------------------------------------------------------
    def _stage(self, stage: str) -> Stage:
        try:
            return self.spec.stage(stage)
        except KeyError:
            raise InputError(t("sparrow_canvas.field_stage"),
                             t("content.allowed_choice", options=", ".join(STAGE_KEYS)), stage) from None

    def set_text(self, stage: str, key: str, text) -> None:
        st = self._stage(stage)
        try:
            fld = st.field(key)
        except KeyError:
            raise InputError(st.title, t("content.allowed_choice", options=", ".join(f.key for f in st.fields)),
                             key) from None
        if not isinstance(text, str):
            raise InputError(fld.label, t("sparrow_canvas.allowed_text", max=MAX_CHARS), type(text).__name__)
        if len(text) > MAX_CHARS:
            raise InputError(fld.label, t("sparrow_canvas.allowed_text", max=MAX_CHARS),
                             t("sparrow_canvas.given_chars", n=len(text)))
        if key == INDICATOR_FIELD and stage == MEASURE:
            lines = _lines(text)
            if len(lines) > MAX_INDICATORS:
                raise InputError(fld.label, t("sparrow_canvas.allowed_indicators", max=MAX_INDICATORS),
                                 t("sparrow_canvas.given_indicators", n=len(lines)))
        self.texts.setdefault(stage, {})[key] = text
        self._track_order(stage)

    def set_check(self, stage: str, key: str, ticked) -> None:
        st = self._stage(stage)
        if key not in [c.key for c in st.checklist]:
            raise InputError(st.title, t("content.allowed_choice", options=", ".join(c.key for c in st.checklist)),
                             key)
        if not isinstance(ticked, bool):
            raise InputError(st.title, t("sparrow_canvas.allowed_bool"), ticked)
        ticks = self.checks.setdefault(stage, set())
        (ticks.add if ticked else ticks.discard)(key)

    def set_dimension(self, key: str, ticked) -> None:
        allowed = [d.key for d in self.spec.dimensions]
        if key not in allowed:
            raise InputError(t("sparrow_canvas.field_dimension"),
                             t("content.allowed_choice", options=", ".join(allowed)), key)
        if not isinstance(ticked, bool):
            raise InputError(t("sparrow_canvas.field_dimension"), t("sparrow_canvas.allowed_bool"), ticked)
        (self.dimensions.add if ticked else self.dimensions.discard)(key)

    def set_scale(self, key: str | None) -> None:
        allowed = [s.key for s in self.spec.scales]
        if key is not None and key not in allowed:
            raise InputError(t("sparrow_canvas.field_scale"), t("content.allowed_choice", options=", ".join(allowed)),
                             key)
        self.scale = key

    def set_case(self, case_id: str | None) -> None:
        if case_id in (None, ""):
            self.case = None
            return
        if not isinstance(case_id, str) or case_id not in self.known_cases:
            raise InputError(t("sparrow_canvas.field_case"),
                             t("content.allowed_choice", options=", ".join(self.known_cases)), case_id)
        self.case = case_id

    def _track_order(self, stage: str) -> None:
        """Bring ``order`` in line with whether ``stage`` is filled in (a text
        changes only its own stage; a tick changes none)."""
        filled = self.stage_filled(stage)
        if filled and stage not in self.order:
            self.order.append(stage)
        elif not filled and stage in self.order:
            self.order.remove(stage)

    # -- reading -------------------------------------------------------
    def text(self, stage: str, key: str) -> str:
        return self.texts.get(stage, {}).get(key, "")

    def ticked(self, stage: str) -> list[CheckItem]:
        ticks = self.checks.get(stage, set())
        return [c for c in self.spec.stage(stage).checklist if c.key in ticks]

    def stage_filled(self, stage: str) -> bool:
        """A stage counts as filled in once one of its text fields holds text."""
        return any(v.strip() for v in self.texts.get(stage, {}).values())

    def definition(self) -> str:
        return self.text(DEFINE, DEFINITION_FIELD).strip()

    def important_problem(self) -> str | None:
        """The defined problem (stage 2), else the nominated one (stage 1), on
        one line; None when neither is written. Module 6 uses it as 'their
        important problem'."""
        for stage, key in ((DEFINE, DEFINITION_FIELD), (NOMINATE, CANDIDATE_FIELD)):
            value = self.text(stage, key)
            if value.strip():
                return " ".join(value.split())
        return None

    def definition_precise(self) -> bool:
        """Long enough, and sliced along enough dimensions (spec ``rules``)."""
        text = self.definition()
        return (bool(text) and word_count(text) >= self.spec.definition_min_words
                and len(self.dimensions) >= self.spec.definition_min_dimensions)

    def indicators(self) -> list[str]:
        return _lines(self.text(MEASURE, INDICATOR_FIELD))

    def is_output(self, indicator: str) -> bool:
        return self.spec.is_output(indicator)

    def has_measure(self) -> bool:
        return bool(self.indicators())

    def all_output(self) -> bool:
        found = self.indicators()
        return bool(found) and all(self.is_output(i) for i in found)

    def scale_option(self) -> ScaleOption | None:
        return next((s for s in self.spec.scales if s.key == self.scale), None)

    def chosen_dimensions(self) -> list[Dimension]:
        """The ticked dimensions, in spec order."""
        return [d for d in self.spec.dimensions if d.key in self.dimensions]

    def approach(self) -> str:
        """The first field of the 'oplossen' stage, on one line."""
        return " ".join(self.text(SOLVE, self.spec.stage(SOLVE).fields[0].key).split())

    def filled_stages(self) -> list[str]:
        return [k for k in STAGE_KEYS if self.stage_filled(k)]

    def solutions_early(self) -> bool:
        """Solutions written before a precise definition and a measure (the
        first warning of :meth:`warnings`)."""
        return self.stage_filled(SOLVE) and not (self.definition_precise() and self.has_measure())

    def warnings(self) -> list[CanvasWarning]:
        """The canvas's warnings, most urgent first (Dutch text)."""
        out = []
        if self.stage_filled(SOLVE):
            missing = []
            if not self.definition_precise():
                missing.append(t("sparrow_canvas.missing_definition", words=self.spec.definition_min_words,
                                 dims=self.spec.definition_min_dimensions))
            if not self.has_measure():
                missing.append(t("sparrow_canvas.missing_measure"))
            if missing:
                out.append(CanvasWarning("solutions_early", "warn", t("sparrow_canvas.warn_solutions_early",
                                                                      missing=t("sparrow_canvas.and").join(missing))))
            elif self._solutions_came_first():
                out.append(CanvasWarning("solutions_first", "info", t("sparrow_canvas.warn_solutions_first")))
        if self.all_output():
            out.append(CanvasWarning("all_output", "warn",
                                     t("sparrow_canvas.warn_all_output", n=len(self.indicators()))))
        return out

    def _solutions_came_first(self) -> bool:
        if SOLVE not in self.order:
            return False
        at = self.order.index(SOLVE)
        return any(k not in self.order or self.order.index(k) > at for k in (DEFINE, MEASURE))

    # -- workbook ------------------------------------------------------
    def to_dict(self) -> dict:
        texts = {s.key: {f.key: self.text(s.key, f.key) for f in s.fields if self.text(s.key, f.key)}
                 for s in self.spec.stages}
        checks = {s.key: [c.key for c in self.ticked(s.key)] for s in self.spec.stages}
        return {
            "texts": {k: v for k, v in texts.items() if v},
            "checks": {k: v for k, v in checks.items() if v},
            "dimensions": [d.key for d in self.spec.dimensions if d.key in self.dimensions],
            "scale": self.scale,
            "case": self.case,
            "order": list(self.order),
        }

    @classmethod
    def from_dict(cls, spec: SparrowSpec, data, known_cases: Collection[str] = ()) -> "Canvas":
        """Rebuild from a saved answer through the same edits a participant
        makes; what no longer fits the spec (or a case not in ``known_cases``)
        is skipped."""
        model = cls(spec, known_cases)
        data = data if isinstance(data, dict) else {}
        edits = []
        texts = data.get("texts")
        for stage, row in (texts if isinstance(texts, dict) else {}).items():
            for key, text in (row if isinstance(row, dict) else {}).items():
                edits.append((model.set_text, stage, key, text))
        checks = data.get("checks")
        for stage, keys in (checks if isinstance(checks, dict) else {}).items():
            for key in (keys if isinstance(keys, list) else []):
                edits.append((model.set_check, stage, key, True))
        dimensions = data.get("dimensions")
        edits += [(model.set_dimension, key, True) for key in (dimensions if isinstance(dimensions, list) else [])]
        edits += [(model.set_scale, data.get("scale")), (model.set_case, data.get("case"))]
        for edit, *args in edits:
            try:
                edit(*args)
            except (InputError, TypeError):  # TypeError: a key that cannot be looked up (a list)
                continue  # skipped: it no longer fits the spec
        order = data.get("order")
        if isinstance(order, list):
            saved = [k for k in order if k in model.order]
            model.order = saved + [k for k in model.order if k not in saved]
        return model

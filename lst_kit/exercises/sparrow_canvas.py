"""E2.1 Sparrow's problem-solving protocol as a canvas: one tab per stage
with guiding questions, text fields and checklists; warnings when solutions
come before a precise definition and a measure, or when every indicator is
an output; a scale selector with feedback on the middle layer; and a
one-page project charter built from what the participant wrote.

Spec: ``data/exercises/m2/sparrow.yaml`` (type ``sparrow_canvas``) with the
six ``stages`` (fixed keys, see :data:`STAGE_KEYS`; each with ``tab``,
``title``, ``guidance``, ``questions``, ``fields`` and ``checklist``), the
harm-slicing ``dimensions``, the ``scales`` (macro / middel / micro) with
``feedback``, the ``output_words`` that mark an indicator as an output, and
``rules`` for what counts as a precise definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import ipywidgets as widgets

from ..figures import svgplot
from ..content.cases import case_ids, load_case
from ..content import ContentError, Field, load_spec
from ..errors import InputError
from ..registry import spec_or_none
from ..i18n import t
from ..figures.style import PALETTE, style_axes
from ..widgets import Debouncer, ExerciseFrame, build_view, esc
from ..workbook import Workbook
from .effect_chain import find_keywords
from .reflection import word_count

#: The six stages of the protocol, in order (their titles come from the spec).
STAGE_KEYS = ("nomineren", "definieren", "meten", "oplossen", "uitvoeren", "afsluiten")
DEFINE, MEASURE, SOLVE = "definieren", "meten", "oplossen"
#: Fields the canvas logic reads: the definition (stage 2) and the indicators (stage 3).
DEFINITION_FIELD = "definitie"
INDICATOR_FIELD = "indicatoren"
MAX_CHARS = 5_000
MAX_INDICATORS = 40


def _by_key(items) -> dict:
    """Items by their ``key``; the first of equal keys wins (as ``next`` over them would)."""
    out = {}
    for item in items:
        out.setdefault(item.key, item)
    return out


def _first_by_key(index: dict, key):
    """``next(i for i in items if i.key == key)`` by a lookup in ``_by_key(items)``."""
    try:
        return index[key]
    except (KeyError, TypeError):  # TypeError: a key that cannot be looked up (a list) matches nothing
        raise StopIteration from None


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
        """The field with this key (the first, as written); StopIteration if none."""
        return _first_by_key(self._fields_by_key, key)

    @cached_property
    def _fields_by_key(self) -> dict:
        return _by_key(self.fields)


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
    #: Whether an indicator text is an output, per text (the spec is frozen, so
    #: the answer never changes; not part of init, so ``replace`` starts afresh).
    _output_memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def stage(self, key: str) -> Stage:
        """The stage with this key (the first, as written); StopIteration if none."""
        return _first_by_key(self._stages_by_key, key)

    @cached_property
    def _stages_by_key(self) -> dict:
        return _by_key(self.stages)

    def is_output(self, indicator: str) -> bool:
        """An output word of the spec occurs in ``indicator`` (remembered per text:
        a class writes the same indicators again and again)."""
        if type(indicator) is not str:
            return bool(find_keywords(indicator, self.output_words))
        memo = self._output_memo
        found = memo.get(indicator)
        if found is None:
            if len(memo) >= 20_000:
                memo.clear()
            found = memo[indicator] = bool(find_keywords(indicator, self.output_words))
        return found


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
    for index, stage_key, needed in ((1, DEFINE, DEFINITION_FIELD), (2, MEASURE, INDICATOR_FIELD)):
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


@dataclass
class Canvas:
    """Everything the participant wrote and ticked on the canvas.

    ``order`` lists the stages in the order they were first filled in (a
    stage emptied again leaves the list), so the canvas can tell when
    solutions came first.
    """

    spec: SparrowSpec
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
        except StopIteration:
            raise InputError(t("sparrow_canvas.field_stage"), t("content.allowed_choice", options=", ".join(STAGE_KEYS)), stage) from None

    def set_text(self, stage: str, key: str, text) -> None:
        self._set_text(stage, key, text)
        self._track_order()

    def _set_text(self, stage: str, key: str, text) -> None:
        """:meth:`set_text` without updating ``order``."""
        st = self._stage(stage)
        try:
            fld = st.field(key)
        except StopIteration:
            raise InputError(st.title, t("content.allowed_choice", options=", ".join(f.key for f in st.fields)), key) from None
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

    def set_check(self, stage: str, key: str, ticked) -> None:
        self._set_check(stage, key, ticked)
        self._track_order()

    def _set_check(self, stage: str, key: str, ticked) -> None:
        """:meth:`set_check` without updating ``order``."""
        st = self._stage(stage)
        if key not in [c.key for c in st.checklist]:
            raise InputError(st.title, t("content.allowed_choice", options=", ".join(c.key for c in st.checklist)), key)
        if not isinstance(ticked, bool):
            raise InputError(st.title, t("sparrow_canvas.allowed_bool"), ticked)
        ticks = self.checks.setdefault(stage, set())
        (ticks.add if ticked else ticks.discard)(key)

    def set_dimension(self, key: str, ticked) -> None:
        allowed = [d.key for d in self.spec.dimensions]
        if key not in allowed:
            raise InputError(t("sparrow_canvas.field_dimension"), t("content.allowed_choice", options=", ".join(allowed)), key)
        if not isinstance(ticked, bool):
            raise InputError(t("sparrow_canvas.field_dimension"), t("sparrow_canvas.allowed_bool"), ticked)
        (self.dimensions.add if ticked else self.dimensions.discard)(key)

    def set_scale(self, key: str | None) -> None:
        allowed = [s.key for s in self.spec.scales]
        if key is not None and key not in allowed:
            raise InputError(t("sparrow_canvas.field_scale"), t("content.allowed_choice", options=", ".join(allowed)), key)
        self.scale = key

    def set_case(self, case_id: str | None) -> None:
        if case_id in (None, ""):
            self.case = None
            return
        known = case_ids()
        if case_id not in known:
            raise InputError(t("sparrow_canvas.field_case"), t("content.allowed_choice", options=", ".join(known)), case_id)
        self.case = case_id

    def _track_order(self, stages=STAGE_KEYS) -> None:
        """Bring ``order`` in line with which of ``stages`` are filled in."""
        for key in stages:
            filled = self.stage_filled(key)
            if filled and key not in self.order:
                self.order.append(key)
            elif not filled and key in self.order:
                self.order.remove(key)

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
                out.append(CanvasWarning("solutions_early", "warn",
                                   t("sparrow_canvas.warn_solutions_early", missing=t("sparrow_canvas.and").join(missing))))
            elif self._solutions_came_first():
                out.append(CanvasWarning("solutions_first", "info", t("sparrow_canvas.warn_solutions_first")))
        if self.all_output():
            out.append(CanvasWarning("all_output", "warn", t("sparrow_canvas.warn_all_output", n=len(self.indicators()))))
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
    def from_dict(cls, spec: SparrowSpec, data) -> "Canvas":
        """Rebuild from a saved answer; what no longer fits the spec is skipped."""
        model = cls(spec)
        data = data if isinstance(data, dict) else {}
        # ``order`` as set_text and set_check would keep it, at less cost: on a fresh
        # canvas ``order`` matches the texts; a row's texts change only their own stage,
        # which they can fill but not empty again (each field is set once); a tick changes none
        texts = data.get("texts")
        for stage, row in (texts if isinstance(texts, dict) else {}).items():
            for key, text in (row if isinstance(row, dict) else {}).items():
                _quietly(model._set_text, stage, key, text)
            if stage in STAGE_KEYS:
                model._track_order((stage,))
        checks = data.get("checks")
        for stage, keys in (checks if isinstance(checks, dict) else {}).items():
            for key in (keys if isinstance(keys, list) else []):
                _quietly(model._set_check, stage, key, True)
        for key in (data.get("dimensions") if isinstance(data.get("dimensions"), list) else []):
            _quietly(model.set_dimension, key, True)
        _quietly(model.set_scale, data.get("scale"))
        _quietly(model.set_case, data.get("case"))
        order = data.get("order")
        if isinstance(order, list):
            saved = [k for k in order if k in model.order]
            model.order = saved + [k for k in model.order if k not in saved]
        return model


def _quietly(fn, *args) -> None:
    try:
        fn(*args)
    except (InputError, TypeError):
        pass


def _lines(text: str) -> list[str]:
    return [line.strip(" \t-•*") for line in text.splitlines() if line.strip(" \t-•*")]


def _para(text: str) -> str:
    return esc(text).replace("\n", "<br>")


# -- the charter --------------------------------------------------------------

def charter_html(model: Canvas, case_label: str | None = None) -> str:
    """The one-page project charter as HTML; every participant text escaped."""
    spec = model.spec
    empty = f"<span style='color:#777'>{esc(t('sparrow_canvas.charter_empty'))}</span>"
    definition = model.definition()
    heading = definition.splitlines()[0] if definition else t("sparrow_canvas.charter_untitled")
    meta = []
    if case_label:
        meta.append(f"<b>{esc(t('sparrow_canvas.charter_case'))}</b> {esc(case_label)}")
    scale = model.scale_option()
    meta.append(f"<b>{esc(t('sparrow_canvas.charter_scale'))}</b> "
                + (f"{esc(scale.label)}: {esc(scale.description)}" if scale else empty))
    dims = [d.label for d in spec.dimensions if d.key in model.dimensions]
    meta.append(f"<b>{esc(t('sparrow_canvas.charter_dimensions'))}</b> " + (esc(", ".join(dims)) if dims else empty))
    parts = [
        "<div class='lst-charter' style='border:1px solid #999;padding:10px 14px;max-width:46em;background:#fff'>",
        f"<div style='font-size:85%;color:#555'>{esc(t('sparrow_canvas.charter_title'))}</div>",
        f"<h3 style='margin:2px 0 6px 0'>{esc(heading)}</h3>",
        "<p style='margin:0 0 8px 0'>" + "<br>".join(meta) + "</p>",
    ]
    for stage in spec.stages:
        parts.append(f"<h4 style='margin:8px 0 2px 0'>{esc(stage.title)}</h4>")
        rows = []
        for fld in stage.fields:
            value = model.text(stage.key, fld.key).strip()
            if stage.key == MEASURE and fld.key == INDICATOR_FIELD and value:
                items = "".join(
                    f"<li>{esc(i)}{' <i>(' + esc(t('sparrow_canvas.output_tag')) + ')</i>' if model.is_output(i) else ''}</li>"
                    for i in model.indicators())
                rows.append(f"<div><b>{esc(fld.label)}</b><ul style='margin:0'>{items}</ul></div>")
            else:
                rows.append(f"<div><b>{esc(fld.label)}</b><br>{_para(value) if value else empty}</div>")
        ticked = model.ticked(stage.key)
        if ticked:
            rows.append("<div style='color:#333'>" + "<br>".join(f"✓ {esc(c.label)}" for c in ticked) + "</div>")
        parts.append("".join(rows))
    notes = model.warnings()
    if notes:
        parts.append(f"<h4 style='margin:8px 0 2px 0'>{esc(t('sparrow_canvas.charter_notes'))}</h4><ul style='margin:0'>"
                     + "".join(f"<li>{esc(w.text)}</li>" for w in notes) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


def warnings_html(model: Canvas) -> str:
    notes = model.warnings()
    if not notes:
        return ""
    colours = {"warn": ("#fff4d6", "#5c4400", "⚠"), "info": ("#e8f1fb", "#0b3d6e", "ℹ")}
    out = []
    for w in notes:
        bg, fg, icon = colours[w.kind]
        out.append(f"<div role='status' style='background:{bg};color:{fg};padding:6px 10px;border-radius:4px;"
                   f"margin:3px 0'>{icon} {esc(w.text)}</div>")
    return "".join(out)


def scale_feedback_html(model: Canvas) -> str:
    option = model.scale_option()
    if option is None:
        return f"<span style='color:#555'>{esc(t('sparrow_canvas.scale_choose'))}</span>"
    bg, fg = ("#e6f4ec", "#0b5d3b") if option.recommended else ("#fff4d6", "#5c4400")
    return (f"<div role='status' style='background:{bg};color:{fg};padding:6px 10px;border-radius:4px'>"
            f"<b>{esc(option.label)}</b>: {esc(option.feedback)}</div>")


# -- the view ---------------------------------------------------------------------

class SparrowView(ExerciseFrame):
    def __init__(self, spec: SparrowSpec, workbook: Workbook | None = None, save_delay: float = 1.0):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.model = Canvas.from_dict(spec, self.saved())
        self._debounce = Debouncer(self.guard(self._save), delay=save_delay)
        self._cases = self._load_cases()

        self.case = widgets.Dropdown(
            options=[(t("sparrow_canvas.no_case"), "")] + [(c.label, c.case_id) for c in self._cases.values()],
            value=self.model.case if self.model.case in self._cases else "",
            description=t("sparrow_canvas.case"), style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"))
        self.case.observe(self.guard(self._on_case), names="value")
        self.example = widgets.HTML()

        self.areas: dict[tuple[str, str], widgets.Textarea] = {}
        self.checkboxes: dict[tuple[str, str], widgets.Checkbox] = {}
        self.dimension_boxes: dict[str, widgets.Checkbox] = {}
        pages = [self._stage_page(stage) for stage in spec.stages]
        self.charter = widgets.HTML()
        pages.append(widgets.VBox([widgets.HTML(f"<p>{esc(t('sparrow_canvas.charter_intro'))}</p>"), self.charter]))
        self.tabs = widgets.Tab(children=pages)
        self.warnings = widgets.HTML()
        self._refresh()
        self.set_body(self.case, self.example, self.tabs, self.warnings)

    def _load_cases(self) -> dict:
        cases, problems = {}, []
        for case_id in case_ids():
            try:
                cases[case_id] = load_case(case_id)
            except (ContentError, ValueError) as exc:
                problems.append(str(exc))
        if problems:
            self.banner.show("\n".join(problems), kind="info", source="content")
        return cases

    def _stage_page(self, stage: Stage) -> widgets.VBox:
        questions = "".join(f"<li>{esc(q)}</li>" for q in stage.questions)
        head = f"<h4 style='margin:4px 0'>{esc(stage.title)}</h4>"
        if stage.guidance:
            head += f"<p style='margin:2px 0'>{esc(stage.guidance)}</p>"
        if questions:
            head += f"<ul style='margin:2px 0 6px 0'>{questions}</ul>"
        children: list[widgets.Widget] = [widgets.HTML(head)]
        for fld in stage.fields:
            # The field's own <label> (so screen readers name it), placed above the
            # field and left-aligned: long Dutch labels would squeeze a side label.
            label = (f"<span style='display:block;text-align:left;font-weight:bold'>"
                     f"{esc(fld.label)}</span>")
            area = widgets.Textarea(value=self.model.text(stage.key, fld.key), placeholder=fld.placeholder,
                                    rows=fld.rows, continuous_update=True, tooltip=fld.label,
                                    description=label, description_allow_html=True,
                                    style={"description_width": "initial"},
                                    layout=widgets.Layout(width="100%", flex_flow="column"))
            area.observe(self.guard(lambda change, s=stage.key, k=fld.key: self._on_text(s, k, change["new"])),
                         names="value")
            self.areas[(stage.key, fld.key)] = area
            children.append(area)
        if stage.key == DEFINE:
            children.extend(self._define_extras())
        if stage.key == MEASURE:
            self.indicator_check = widgets.HTML()
            children.append(self.indicator_check)
        if stage.checklist:
            children.append(widgets.HTML(f"<b>{esc(t('sparrow_canvas.checklist'))}</b>"))
        for item in stage.checklist:
            box = widgets.Checkbox(value=item.key in self.model.checks.get(stage.key, set()), description=item.label,
                                   indent=False, layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda change, s=stage.key, k=item.key: self._on_check(s, k, change["new"])),
                        names="value")
            self.checkboxes[(stage.key, item.key)] = box
            children.append(box)
        return widgets.VBox(children)

    def _define_extras(self) -> list[widgets.Widget]:
        out: list[widgets.Widget] = [widgets.HTML(f"<b>{esc(t('sparrow_canvas.dimensions'))}</b>")]
        for dim in self.spec.dimensions:
            label = f"{dim.label} ({dim.hint})" if dim.hint else dim.label
            box = widgets.Checkbox(value=dim.key in self.model.dimensions, description=label, indent=False,
                                   layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda change, k=dim.key: self._on_dimension(k, change["new"])), names="value")
            self.dimension_boxes[dim.key] = box
            out.append(box)
        scale_text = "".join(f"<li><b>{esc(s.label)}</b>: {esc(s.description)}</li>" for s in self.spec.scales)
        out.append(widgets.HTML(f"<b>{esc(t('sparrow_canvas.scale'))}</b><ul style='margin:2px 0'>{scale_text}</ul>"))
        self.scale = widgets.ToggleButtons(options=[(s.label, s.key) for s in self.spec.scales], value=self.model.scale,
                                           style={"button_width": "8em"})
        self.scale.observe(self.guard(self._on_scale), names="value")
        self.scale_feedback = widgets.HTML()
        out += [self.scale, self.scale_feedback]
        return out

    # -- handlers --------------------------------------------------------
    def _on_text(self, stage: str, key: str, value: str) -> None:
        self.model.set_text(stage, key, value)
        self._refresh()
        self.indicator.set("pending")
        self._debounce.request()

    def _on_check(self, stage: str, key: str, value: bool) -> None:
        self.model.set_check(stage, key, value)
        self._save_now()

    def _on_dimension(self, key: str, value: bool) -> None:
        self.model.set_dimension(key, value)
        self._save_now()

    def _on_scale(self, change) -> None:
        self.model.set_scale(change["new"])
        self._save_now()

    def _on_case(self, change) -> None:
        self.model.set_case(change["new"] or None)
        self._save_now()

    def _save_now(self) -> None:
        self._refresh()
        if self._debounce.pending:
            self._debounce.flush()
        else:
            self._save()

    def _save(self) -> None:
        self.save(self.model.to_dict())

    def flush(self) -> None:
        """Save now whatever is pending."""
        if self._debounce.pending:
            self._debounce.flush()

    # -- display -----------------------------------------------------------
    def _refresh(self) -> None:
        case = self._cases.get(self.model.case)
        if case is not None:
            hook = case.module_hooks.get(self.spec.case_hook, "")
            self.example.value = (
                f"<div style='border-left:4px solid {PALETTE[0]};padding:2px 10px;margin:4px 0'>"
                f"<b>{esc(t('sparrow_canvas.example', case=case.label))}</b><br>{_para(case.summary)}"
                + (f"<br><i>{esc(hook)}</i>" if hook else "")
                + f"<br><small>{esc(t('sparrow_canvas.example_note'))}</small></div>")
        else:
            self.example.value = ""
        self.warnings.value = warnings_html(self.model)
        self.charter.value = charter_html(self.model, case.label if case else None)
        self.scale_feedback.value = scale_feedback_html(self.model)
        self._show_indicator_check()
        filled = set(self.model.filled_stages())
        self.tabs.titles = tuple(f"{s.tab} ✓" if s.key in filled else s.tab for s in self.spec.stages) + (
            t("sparrow_canvas.charter_tab"),)

    def _show_indicator_check(self) -> None:
        found = self.model.indicators()
        if not found:
            self.indicator_check.value = ""
            return
        rows = "".join(
            f"<li>{esc(i)}: <i>{esc(t('sparrow_canvas.output_tag') if self.model.is_output(i) else t('sparrow_canvas.beyond_output_tag'))}</i></li>"
            for i in found)
        self.indicator_check.value = (f"<div style='font-size:90%'>{esc(t('sparrow_canvas.indicator_check'))}"
                                      f"<ul style='margin:0'>{rows}</ul></div>")


def sparrow_canvas(exercise_id: str = "m2.sparrow", workbook: Workbook | None = None):
    """E2.1 as a widget."""
    return build_view(lambda: SparrowView(load_spec(exercise_id, "sparrow_canvas"), workbook))


# -- hooks for the portfolio, the class overview and the learning plan -----------

def important_problem(answer) -> str | None:
    """The participant's defined problem (stage 2), else the nominated one
    (stage 1), else None. Module 6 uses it as 'their important problem'."""
    texts = answer.get("texts") if isinstance(answer, dict) else None
    if not isinstance(texts, dict):
        return None
    for stage, key in ((DEFINE, DEFINITION_FIELD), ("nomineren", "kandidaat")):
        row = texts.get(stage)
        value = row.get(key) if isinstance(row, dict) else None
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def summarize(exercise_id: str, answer) -> list[str]:
    """Dutch plain-text lines; the defined problem comes first."""
    try:
        problem = important_problem(answer)
        lines = [t("sparrow_canvas.sum_problem", text=problem) if problem else t("sparrow_canvas.sum_no_problem")]
        spec = spec_or_none(exercise_id, SparrowSpec)
        if spec is None or not isinstance(answer, dict):
            return lines
        model = Canvas.from_dict(spec, answer)
        scale = model.scale_option()
        if scale:
            lines.append(t("sparrow_canvas.sum_scale", scale=scale.label))
        dims = [d.label for d in spec.dimensions if d.key in model.dimensions]
        if dims:
            lines.append(t("sparrow_canvas.sum_dimensions", items=", ".join(dims)))
        found = model.indicators()
        if found:
            beyond = sum(not model.is_output(i) for i in found)
            lines.append(t("sparrow_canvas.sum_indicators", n=len(found), beyond=beyond, items="; ".join(found)))
        approach = " ".join(model.text(SOLVE, spec.stage(SOLVE).fields[0].key).split())
        if approach:
            lines.append(t("sparrow_canvas.sum_approach", text=approach))
        if model.filled_stages():
            lines.append(t("sparrow_canvas.sum_stages", n=len(model.filled_stages()), total=len(STAGE_KEYS)))
        lines += [w.text for w in model.warnings()]
        return lines
    except Exception:  # noqa: BLE001 - hooks never raise
        return [t("sparrow_canvas.sum_no_problem")]


def plot_answer(exercise_id: str, answer):
    """The canvas has no plot of its own (its output is the charter)."""
    return None


def class_picture(exercise_id: str, answers: dict):
    """How the class chose the scale of its problems, which dimensions it
    used to slice them, and how many measure beyond output."""
    try:
        spec = spec_or_none(exercise_id, SparrowSpec)
        if spec is None or not isinstance(answers, dict):
            return None, []
        models = [Canvas.from_dict(spec, a) for a in answers.values() if isinstance(a, dict)]
        if not models:
            return None, [t("sparrow_canvas.class_none")]
        scale_counts = {s.key: sum(m.scale == s.key for m in models) for s in spec.scales}
        dim_counts = {d.key: sum(d.key in m.dimensions for m in models) for d in spec.dimensions}
        fig = plot_class(spec, scale_counts, dim_counts, len(models))
        defined = sum(bool(m.definition()) for m in models)
        measured = [m for m in models if m.has_measure()]
        only_output = sum(m.all_output() for m in measured)
        early = sum(m.solutions_early() for m in models)
        lines = [
            t("sparrow_canvas.class_defined", n=defined, total=len(models)),
            t("sparrow_canvas.class_scales", items=", ".join(f"{s.label} {scale_counts[s.key]}" for s in spec.scales)),
            t("sparrow_canvas.class_output", n=only_output, total=len(measured)),
            t("sparrow_canvas.class_early", n=early),
        ]
        return fig, lines
    except Exception:  # noqa: BLE001 - hooks never raise
        return None, []


def plot_class(spec: SparrowSpec, scale_counts: dict, dim_counts: dict, total: int):
    """Two bar charts: chosen scale, and dimensions used, over the class
    (an :mod:`lst_kit.figures.svgplot` figure: the class overview needs no matplotlib)."""
    fig = svgplot.Figure(figsize=(8.0, 3.4))
    left, right = fig.subplots(1, 2, width_ratios=[1, 2])
    labels = [s.label for s in spec.scales]
    values = [scale_counts[s.key] for s in spec.scales]
    bars = left.bar(range(len(labels)), values,
                    color=[PALETTE[2] if s.recommended else PALETTE[4] for s in spec.scales], edgecolor="#333333")
    for bar, s in zip(bars, spec.scales):
        if s.recommended:
            bar.set_hatch("//")
    left.set_xticks(range(len(labels)), labels)
    left.integer_ticks("y")
    left.set_title(t("sparrow_canvas.class_plot_scale"))
    left.set_ylabel(t("sparrow_canvas.class_axis_n", total=total))
    dims = [d.label for d in spec.dimensions]
    right.barh(range(len(dims)), [dim_counts[d.key] for d in spec.dimensions], color=PALETTE[0])
    right.set_yticks(range(len(dims)), dims)
    right.invert_yaxis()
    right.integer_ticks("x")
    right.set_title(t("sparrow_canvas.class_plot_dims"))
    right.set_xlabel(t("sparrow_canvas.class_axis_n", total=total))
    for ax in (left, right):
        style_axes(ax)
    return fig


# -- demo answers (``lst-kit demo-class``) -------------------------------------------
#: Illustrative canvases an invented participant may write, per case: each
#: story restates what the (fictional) case file says (summary, signals,
#: risks, interventions, actors, the m2 hint) in a participant's words. "dims"
#: are the dimensions its definition slices along; "effect" and "output" are
#: indicator lines beyond and at the level of output.
_DEMO_STORIES: dict[str, tuple[dict, ...]] = {
    "nvwa_maaltijdplatforms": (
        {"kandidaat": "Koude maaltijden van thuiskoks worden via de apps bezorgd zonder koeling, soms na een lange "
                      "rit. Afgelopen zomer werden twee ziekenhuisopnames wegens listeriose in verband gebracht met "
                      "een koud gerecht.",
         "herkomst": "De ziekenhuisopnames van afgelopen zomer en wat inspecteurs zien bij de bezorging.",
         "definitie": "Falen van de koudeketen bij koude kant-en-klare thuismaaltijden die in Midden-Delta via "
                      "apps worden bezorgd, vooral in de zomer.",
         "buiten": "Warme maaltijden en allergenen: dat is een ander project.",
         "dims": ("plaats", "tijd", "product", "werkwijze"),
         "effect": ("Aandeel koude maaltijden dat gekoeld wordt bezorgd",
                    "Aandeel thuiskoks met een koelbox met temperatuurlogger",
                    "Aantal meldingen van voedselvergiftiging na een thuismaaltijd"),
         "output": ("Aantal inspecties bij thuiskoks", "Aantal voorlichtingsberichten in de apps"),
         "nulmeting": "Nog onbekend: we vragen de platforms om bezorgtijden en meten de temperatuur van een "
                      "steekproef van bezorgde maaltijden.",
         "aanpak": "Met de drie platforms afspreken dat koude gerechten alleen gekoeld worden bezorgd, met een "
                   "korte koelinstructie in de app zodra een kok een koud gerecht aanbiedt.",
         "partners": "De drie maaltijdplatforms en de gemeente / GGD."},
        {"kandidaat": "Het aantal klachten over allergenen in maaltijden die via apps worden verkocht stijgt. Bij "
                      "veel gerechten ontbreekt een apart veld voor allergenen.",
         "herkomst": "Klachten over allergenen; de Vereniging van allergiepatiënten vraagt om betrouwbare "
                     "informatie.",
         "definitie": "Niet of onjuist vermelde allergenen bij maaltijden van thuiskoks die via de drie apps in "
                      "Midden-Delta worden verkocht, met risico voor mensen met een voedselallergie.",
         "buiten": "Claims als vegan of halal, en de hygiëne in de thuiskeuken.",
         "dims": ("product", "werkwijze", "plaats", "slachtoffers"),
         "effect": ("Aandeel gerechten in de apps met volledige allergeneninformatie",
                    "Aandeel thuiskoks dat de allergenenregels kent",
                    "Aantal klachten over allergenen bij de platforms"),
         "output": ("Aantal controles van allergeneninformatie", "Aantal rapporten over de platforms"),
         "nulmeting": "Een steekproef van gerechten in de drie apps: bij hoeveel ontbreekt de "
                      "allergeneninformatie?",
         "aanpak": "De platforms vragen een verplicht allergenenveld in de app te maken en koks bij aanmelding "
                   "een korte allergenenmodule te laten doorlopen.",
         "partners": "De drie platforms en de Vereniging van allergiepatiënten."},
    ),
    "igj_cosmetische_injectables": (
        {"kandidaat": "In schoonheidssalons en op thuisfeestjes zetten mensen die geen zorgverlener zijn rimpel- en "
                      "fillerinjecties, soms met receptplichtige middelen. Ziekenhuizen melden complicaties.",
         "herkomst": "Meldingen van ziekenhuizen over complicaties; veel gevallen komen niet in beeld.",
         "definitie": "Complicaties door fillerinjecties die niet-geregistreerde injecteurs in salons en op "
                      "thuisfeestjes zetten zonder complicatieprotocol of noodmedicatie.",
         "buiten": "Behandelingen in klinieken onder verantwoordelijkheid van een arts.",
         "dims": ("actortype", "plaats", "werkwijze", "product"),
         "effect": ("Aandeel salons dat stopt met injecteren zonder bevoegde arts",
                    "Aandeel behandellocaties met noodmedicatie en een complicatieprotocol",
                    "Aantal complicaties na een behandeling in een salon dat ziekenhuizen melden"),
         "output": ("Aantal inspecties bij salons", "Aantal waarschuwingen aan salons"),
         "nulmeting": "De meldingen van complicaties door ziekenhuizen over het afgelopen jaar, met de kanttekening "
                      "dat er veel ondermelding is.",
         "aanpak": "Salons een waarschuwing en zo nodig een aanwijzing geven, en samen met de beroepsvereniging "
                   "uitdragen wie mag injecteren en met welk middel.",
         "partners": "De beroepsvereniging cosmetische geneeskunde, ziekenhuizen en dermatologen."},
        {"kandidaat": "Receptplichtige injectiemiddelen en mogelijk vervalste fillers worden via webwinkels en "
                      "sociale media verkocht, terwijl 'tweakments' onder jongvolwassenen steeds normaler worden.",
         "herkomst": "Wat inspecteurs zien aan online aanbod en aan reclame op sociale media.",
         "definitie": "Online verkoop van receptplichtige en mogelijk vervalste injectiemiddelen via webwinkels en "
                      "sociale media aan injecteurs die niet bevoegd zijn.",
         "buiten": "Reclame van klinieken met artsen en de kwaliteit van de behandelingen zelf.",
         "dims": ("product", "werkwijze", "actortype"),
         "effect": ("Aandeel online aanbod van receptplichtige fillers dat binnen een maand is verwijderd",
                    "Aandeel jongvolwassenen dat weet dat alleen een bevoegde arts mag injecteren",
                    "Aantal complicaties door vervalste producten"),
         "output": ("Aantal onderzoeken naar webwinkels", "Aantal verstuurde brieven aan marktplaatsen"),
         "nulmeting": "Een telling van het aanbod van receptplichtige fillers op de grootste marktplaatsen, bij de "
                      "start en daarna elk kwartaal.",
         "aanpak": "Met de toezichthouder op productveiligheid zorgen dat platforms en marktplaatsen illegale "
                   "injectiemiddelen uit hun aanbod halen; bij illegale handel aangifte doen.",
         "partners": "De toezichthouders op productveiligheid en reclame, en politie en Openbaar Ministerie."},
    ),
    "ilt_ontgassen_binnenvaart": (
        {"kandidaat": "Tankschepen laten bij een ladingwissel restdampen in de lucht ontsnappen, soms met benzeen "
                      "erin, vaak 's nachts tijdens het varen. Omwonenden langs de rivieren klagen over stank.",
         "herkomst": "Klachten van omwonenden en het burgermeetnet met e-neuzen, dat pieken registreert.",
         "definitie": "Illegaal ontgassen van benzeenhoudende restdampen door tankschepen tijdens de nachtelijke "
                      "vaart, met blootstelling van omwonenden langs drukke vaarroutes.",
         "buiten": "Ontgassen over de grens en de blootstelling van de bemanning aan boord.",
         "dims": ("tijd", "plaats", "werkwijze", "slachtoffers", "product"),
         "effect": ("Aantal benzeenpieken per maand in het burgermeetnet",
                    "Aandeel tankschepen dat bij een ladingwissel een ontgassingsinstallatie gebruikt",
                    "Aantal klachten van omwonenden over stank"),
         "output": ("Aantal controles op de vaarweg", "Aantal processen-verbaal"),
         "nulmeting": "De pieken die het burgermeetnet het afgelopen jaar registreerde, per vaarroute en per nacht.",
         "aanpak": "Gerichte controles op basis van sensordata, en met verladers afspreken dat zij de ontgassing "
                   "betalen.",
         "partners": "De beheerder van het sensornetwerk, verladers en exploitanten van ontgassingsinstallaties."},
        {"kandidaat": "Legale ontgassingsinstallaties zijn schaars, rekenen een vergoeding en leveren wachttijd op. "
                      "Verladers leggen kosten en wachttijd bij de schipper.",
         "herkomst": "Wat inspecteurs horen van schippers: zij wachten soms dagen op een vrije plek.",
         "definitie": "Illegaal ontgassen door schippers die bij een ladingwissel geen vrije plek bij een "
                      "installatie vinden of de vergoeding zelf moeten betalen.",
         "buiten": "Schepen die dezelfde lading blijven vervoeren en niet hoeven te ontgassen.",
         "dims": ("actortype", "werkwijze"),
         "effect": ("Aandeel ladingwissels waarbij de verlader de ontgassing betaalt",
                    "Gemiddelde wachttijd bij ontgassingsinstallaties",
                    "Blootstelling van omwonenden aan benzeenpieken langs de vaarroutes"),
         "output": ("Aantal inspecties bij terminals", "Aantal gesprekken met verladers"),
         "nulmeting": "Wachttijden opvragen bij de exploitanten van de installaties, en de pieken uit het "
                      "burgermeetnet als beginsituatie.",
         "aanpak": "Ketenafspraken: de verlader betaalt de ontgassing. Daarnaast een signaal aan het ministerie over "
                   "het tekort aan installaties.",
         "partners": "Verladers, terminals, exploitanten van ontgassingsinstallaties en het Ministerie van "
                     "Infrastructuur en Waterstaat."},
    ),
    "kinderopvang_bso_personeelstekort": (
        {"kandidaat": "Op locaties van één bso-keten klopt de verhouding tussen het aantal medewerkers en het aantal "
                      "kinderen herhaaldelijk niet. De houder vindt geen personeel.",
         "herkomst": "Inspectierapporten van de GGD over meerdere locaties van dezelfde keten.",
         "definitie": "Structurele overschrijding van de beroepskracht-kindratio door personeelstekort op de "
                      "locaties van één bso-keten, ten koste van de veiligheid van de kinderen.",
         "buiten": "Andere kinderopvangorganisaties in de regio en de veiligheid van buitenruimtes.",
         "dims": ("actortype", "slachtoffers", "werkwijze"),
         "effect": ("Nalevingspercentage van de beroepskracht-kindratio bij herinspectie",
                    "Aandeel roosters waarin de beroepskracht-kindratio klopt",
                    "Uitstroom van pedagogisch medewerkers bij de keten"),
         "output": ("Aantal inspecties bij de locaties", "Aantal handhavingsbesluiten van gemeenten"),
         "nulmeting": "De inspectierapporten van het afgelopen jaar: op hoeveel locaties en hoe vaak was de ratio "
                      "overschreden?",
         "aanpak": "De houder helpen met roosters en inzet van personeel, het personeelstekort signaleren aan het "
                   "ministerie, en handhaven waar de houder het zelf kan oplossen.",
         "partners": "De gemeenten, de houder van de bso-keten en het Ministerie van SZW."},
        {"kandidaat": "Invalkrachten beginnen te werken voordat hun VOG en hun inschrijving in het personenregister "
                      "rond zijn.",
         "herkomst": "Wat toezichthouders van de GGD tijdens inspecties zien.",
         "definitie": "Invalkrachten zonder geldige VOG of inschrijving in het personenregister die bij "
                      "personeelstekort op bso-locaties worden ingezet.",
         "buiten": "Vaste medewerkers met een geldige VOG.",
         "dims": ("actortype", "werkwijze"),
         "effect": ("Aandeel invalkrachten met een geldige VOG op hun eerste werkdag",
                    "Aandeel locaties dat het personenregister op orde heeft"),
         "output": ("Aantal controles van het personenregister", "Aantal waarschuwingen aan de houder"),
         "nulmeting": "Een controle van het personenregister bij alle locaties van de keten.",
         "aanpak": "VOG en personenregister bij elke inspectie controleren, en met de houder afspreken dat niemand "
                   "begint zonder inschrijving.",
         "partners": "De gemeenten en de houder van de bso-keten."},
    ),
    "nla_uitzendwerk_arbeidsmigranten": (
        {"kandidaat": "Arbeidsmigranten in grote distributiecentra houden door inhoudingen voor huisvesting, vervoer "
                      "en verzekering een nettoloon over dat onder het minimumloon ligt. Zij klagen zelden.",
         "herkomst": "Loonstroken die inspecteurs zien; klachten komen er zelden.",
         "definitie": "Nettoloon onder het minimum door inhoudingen voor huisvesting bij arbeidsmigranten die via "
                      "uitzendbureaus in distributiecentra in regio X werken.",
         "buiten": "Werktijden en veiligheid op de werkvloer: dat is een apart project.",
         "dims": ("slachtoffers", "werkwijze", "plaats", "actortype"),
         "effect": ("Aandeel werkgevers dat ten minste het minimumloon uitbetaalt",
                    "Aandeel loonstroken met inhoudingen tot onder het minimumloon",
                    "Aandeel arbeidsmigranten dat weet waar ze een klacht kunnen melden"),
         "output": ("Aantal inspecties bij uitzendbureaus", "Aantal boetes voor onderbetaling"),
         "nulmeting": "Een steekproef van loonstroken bij uitzendbureaus in de regio, bij de start en na een jaar.",
         "aanpak": "Uitzendbureaus datagestuurd selecteren, boete en nabetaling bij onderbetaling, en opdrachtgevers "
                   "aanspreken op hun keten.",
         "partners": "Opdrachtgevers en distributiecentra, bonafide uitzendbureaus, vakbonden en gemeenten."},
        {"kandidaat": "Arbeidsmigranten wonen met te veel mensen in woningen zonder werkende rookmelders of "
                      "vluchtroute. Wie klaagt, verliest tegelijk zijn baan en zijn woning.",
         "herkomst": "Wat inspecteurs zien bij controles van huisvesting.",
         "definitie": "Overvolle, brandonveilige huisvesting van arbeidsmigranten die aan hun baan bij een "
                      "uitzendbureau is gekoppeld.",
         "buiten": "Huisvesting die niet via de werkgever of het uitzendbureau loopt.",
         "dims": ("slachtoffers", "werkwijze", "actortype"),
         "effect": ("Aandeel gecontroleerde woningen met werkende rookmelders en een vluchtroute",
                    "Aandeel arbeidsmigranten met een huurcontract los van hun arbeidsovereenkomst",
                    "Aantal branden in woningen van arbeidsmigranten"),
         "output": ("Aantal controles van huisvesting", "Aantal rapporten over huisvesting"),
         "nulmeting": "Een steekproef van woningen van arbeidsmigranten in de regio, samen met de gemeenten.",
         "aanpak": "Gezamenlijke controles van huisvesting met gemeenten, en meertalige informatie bij aankomst over "
                   "rechten als huurder en werknemer.",
         "partners": "Gemeenten, huisvesters, vakbonden en bonafide uitzendbureaus."},
    ),
}
#: Case-independent texts for the later stages.
_DEMO_LATER = {
    ("uitvoeren", "planning"): (
        "Een projectleider en twee inspecteurs; binnen twee maanden de eerste afspraken met de partners, daarna een "
        "proef van een half jaar.",
        "Eerst de nulmeting, dan de aanpak in één regio uitproberen en daarna opschalen.",
        "Het projectteam maakt een plan van aanpak; elke partner wijst een vaste contactpersoon aan.",
    ),
    ("uitvoeren", "bijsturen"): (
        "Elk kwartaal bespreken we de indicatoren met de partners.",
        "Na zes maanden kijken we of de indicatoren bewegen; zo niet, dan passen we de aanpak aan.",
        "Maandelijks kort overleg in het team en een evaluatie halverwege.",
    ),
    ("afsluiten", "klaar"): (
        "Als de indicatoren uit stap 3 een jaar lang op het afgesproken niveau blijven.",
        "Wanneer de schade zo klein is dat het gewone toezicht het kan bijhouden.",
    ),
    ("afsluiten", "borgen"): (
        "De indicatoren blijven in het risicobeeld van de inspectie.",
        "Een vaste contactpersoon blijft het probleem volgen en meldt het als de cijfers weer oplopen.",
    ),
    ("afsluiten", "vertellen"): (
        "In het jaarverslag en in een kort bericht aan de partners.",
        "Een presentatie voor de directie en de partners, met de cijfers van voor en na.",
    ),
}


def _demo_story(case, rng) -> dict:
    """A story for a case that has none above, built from the case file itself."""
    signal = case.signals[int(rng.integers(len(case.signals)))] if case.signals else None
    risk = case.risks[int(rng.integers(len(case.risks)))] if case.risks else None
    action = case.interventions[int(rng.integers(len(case.interventions)))] if case.interventions else None
    partners = [a.name for a in case.actors if a.type not in ("inspectorate", "regulatee")][:3]
    story = {"dims": ("werkwijze",), "effect": ("Aandeel ondertoezichtstaanden dat de regels naleeft",),
             "output": ("Aantal inspecties",)}
    if signal is not None:
        story["kandidaat"] = signal.observation
    if risk is not None:
        story["definitie"] = f"{risk.name}: {risk.description}"
    if action is not None:
        story["aanpak"] = f"{action.name}: {action.description}"
    if partners:
        story["partners"] = ", ".join(partners) + "."
    return story


def demo_answer(exercise_id: str, rng) -> dict:
    """An invented participant (demo class only): one case and one of its
    illustrative stories; the first stages are mostly filled in, the later ones
    less often; some write their approach first, a few measure only output;
    a scale (mostly the recommended one), dimensions and ticks on the checklists."""
    spec = load_spec(exercise_id, "sparrow_canvas")
    model = Canvas(spec)
    ids = case_ids()
    case = load_case(ids[int(rng.integers(len(ids)))]) if ids else None
    stories = _DEMO_STORIES.get(case.case_id, ()) if case is not None else ()
    if stories:
        story = stories[int(rng.integers(len(stories)))]
    else:
        story = _demo_story(case, rng) if case is not None else {"dims": (), "effect": (), "output": ()}
    model.set_case(case.case_id if case is not None else None)

    effect = [story["effect"][int(i)] for i in rng.permutation(len(story["effect"]))]
    output = [story["output"][int(i)] for i in rng.permutation(len(story["output"]))]
    if rng.random() < 0.12:  # counts only its own work
        lines = output[: max(1, int(rng.integers(1, len(output) + 1)))] if output else []
    else:
        lines = effect[: int(rng.integers(1, len(effect) + 1))] if effect else []
        lines += output[: int(rng.integers(0, len(output) + 1))]
    texts = {k: v for k, v in story.items() if isinstance(v, str)}
    if lines:
        texts[INDICATOR_FIELD] = "\n".join(lines)
    fill = {"nomineren": 0.95, DEFINE: 0.9, MEASURE: 0.85, SOLVE: 0.75, "uitvoeren": 0.45, "afsluiten": 0.35}
    stages = [s for s in spec.stages if rng.random() < fill.get(s.key, 0.5)]
    if any(s.key == SOLVE for s in stages) and rng.random() < 0.2:  # the approach came first
        stages.sort(key=lambda s: s.key != SOLVE)
    for stage in stages:
        for i, fld in enumerate(stage.fields):
            later = _DEMO_LATER.get((stage.key, fld.key))
            text = later[int(rng.integers(len(later)))] if later else texts.get(fld.key)
            if text and (i == 0 or rng.random() < 0.7):
                model.set_text(stage.key, fld.key, text)
        for item in stage.checklist:
            if model.stage_filled(stage.key) and rng.random() < 0.6:
                model.set_check(stage.key, item.key, True)

    known = {d.key for d in spec.dimensions}
    if rng.random() >= 0.1:  # a few tick no dimension at all
        for key in story.get("dims", ()):
            if key in known and rng.random() < 0.8:
                model.set_dimension(key, True)
        if rng.random() < 0.1:
            extra = spec.dimensions[int(rng.integers(len(spec.dimensions)))].key
            model.set_dimension(extra, True)
    if rng.random() < 0.9:
        weights = [0.65 if s.recommended else 0.35 / max(1, len(spec.scales) - 1) for s in spec.scales]
        model.set_scale(spec.scales[int(rng.choice(len(spec.scales), p=weights))].key)
    return model.to_dict()

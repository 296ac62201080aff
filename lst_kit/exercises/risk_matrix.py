"""E3.1 Risk matrix lab: score a case's risks by three rules and see where
the rules disagree.

Rules (all illustrative, see COURSE-BRIEF §3.2):

- ``lxi``: likelihood × impact on the 5×5 convention (1..25);
- ``fine_kinney``: R = W × B × E, with W and E taken from likelihood and
  impact through the spec's tables and B (exposure) chosen per risk;
- ``expected_damage``: frequency 10^(L−5) per year × damage 10^(I+3) euro.

Each rule has editable band thresholds. The participant edits likelihood,
impact and exposure, adds, renames and removes risks, and switches case and
rule; everything is saved per case.

Spec: ``data/exercises/m3/risicomatrix.yaml`` (type ``risk_matrix``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import ipywidgets as widgets

from ..figures import svgplot
from ..content.cases import case_ids, load_case
from ..widgets.slider import IntSlider
from ..content import Field, load_spec
from ..errors import InputError
from ..registry import fmt, most_answered, safe_hook
from ..i18n import t
from ..figures.style import PALETTE, style_axes
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook

RULES = ("lxi", "fine_kinney", "expected_damage")
MAX_RISKS = 100
MAX_NAME = 60


@dataclass(frozen=True)
class Band:
    label: str
    upper: float  # inclusive upper bound; math.inf for the last band


@dataclass(frozen=True)
class FKValue:
    value: float
    label: str


@dataclass(frozen=True)
class RiskMatrixSpec:
    exercise_id: str
    title: str
    intro: str
    default_case: str
    default_rule: str
    bands: dict[str, tuple[Band, ...]]
    w_from_likelihood: tuple[float, ...]   # index = likelihood - 1
    e_from_impact: tuple[float, ...]       # index = impact - 1
    exposure: tuple[FKValue, ...]
    default_exposure: float


def _bands(node: Field, key: str) -> tuple[Band, ...]:
    items = node.items(key, 2, 8)
    bands = []
    previous = -math.inf
    for i, item in enumerate(items):
        last = i == len(items) - 1
        upper = math.inf if last and item.raw("upper", None) is None else item.number("upper", 0, 1e15)
        if upper <= previous:
            raise item.fail("upper", t("risk.allowed_increasing", previous=_num(previous)), upper)
        previous = upper
        bands.append(Band(item.text("label"), upper))
    if bands[-1].upper != math.inf:
        raise items[-1].fail("upper", t("risk.allowed_last_open"), bands[-1].upper)
    return tuple(bands)


def parse_spec(root: Field, exercise_id: str) -> RiskMatrixSpec:
    bands_node = root.sub("bands")
    bands = {rule: _bands(bands_node, rule) for rule in RULES}
    fk = root.sub("fine_kinney")
    w = tuple(fk.number(f"w_{i}", 0.1, 10) for i in range(1, 6))
    e = tuple(fk.number(f"e_{i}", 1, 100) for i in range(1, 6))
    exposure = tuple(FKValue(n.number("value", 0.5, 10), n.text("label")) for n in fk.items("exposure", 2, 10))
    default_exposure = fk.number("default_exposure", 0.5, 10)
    if default_exposure not in [x.value for x in exposure]:
        raise fk.fail("default_exposure", ", ".join(_num(x.value) for x in exposure), default_exposure)
    # ``case`` (written by ``lst-kit new ... --case``) wins over ``default_case``.
    default_case = root.key("case") if root.raw("case", None) is not None else root.key("default_case")
    return RiskMatrixSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                          default_case, root.choice("default_rule", RULES, default="lxi"), bands, w, e,
                          exposure, default_exposure)


def _num(x: float) -> str:
    if x == math.inf:
        return "∞"
    if x == -math.inf:
        return "-∞"
    if abs(x) >= 1000:
        return f"{x:,.0f}".replace(",", ".")  # Dutch thousands: 1.000.000
    return f"{x:g}".replace(".", ",")


@dataclass
class RiskItem:
    id: str
    name: str
    likelihood: int
    impact: int
    exposure: float


def _check_scale(label: str, value, field_key: str) -> int:
    """``value`` as a whole number 1..5; ``field_key`` names the scale (an
    i18n key, translated only for the error)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 5 or value != int(value):
        raise InputError(f"{t(field_key)} ({label})", t("risk.allowed_scale"), value)
    return int(value)


@dataclass
class RiskMatrix:
    """The risks of one case with the participant's edits, rule and bands."""

    spec: RiskMatrixSpec
    case_id: str
    risks: list[RiskItem] = field(default_factory=list)
    rule: str = "lxi"
    bands: dict[str, tuple[Band, ...]] = field(default_factory=dict)

    def __post_init__(self):
        for rule in RULES:
            self.bands.setdefault(rule, self.spec.bands[rule])

    @classmethod
    def from_case(cls, spec: RiskMatrixSpec, case_id: str) -> "RiskMatrix":
        case = load_case(case_id)
        risks = [RiskItem(r.id, r.name, r.likelihood, r.impact, spec.default_exposure) for r in case.risks]
        return cls(spec, case_id, risks, spec.default_rule)

    # -- lookups ---------------------------------------------------------
    def risk(self, risk_id: str) -> RiskItem:
        for r in self.risks:
            if r.id == risk_id:
                return r
        raise InputError(t("risk.field_risk"), ", ".join(r.id for r in self.risks), risk_id)

    # -- edits (each validates before it changes anything) ----------------
    def set_likelihood(self, risk_id: str, value) -> None:
        r = self.risk(risk_id)
        r.likelihood = _check_scale(r.name, value, "risk.likelihood")

    def set_impact(self, risk_id: str, value) -> None:
        r = self.risk(risk_id)
        r.impact = _check_scale(r.name, value, "risk.impact")

    def set_exposure(self, risk_id: str, value) -> None:
        r = self.risk(risk_id)
        allowed = [x.value for x in self.spec.exposure]
        if isinstance(value, bool) or value not in allowed:
            raise InputError(f"{t('risk.exposure')} ({r.name})", ", ".join(_num(v) for v in allowed), value)
        r.exposure = float(value)

    def _check_name(self, name, exclude: str | None = None) -> str:
        if not isinstance(name, str) or not name.strip():
            raise InputError(t("risk.field_name"), t("risk.allowed_name", max=MAX_NAME), name)
        name = name.strip()
        if len(name) > MAX_NAME:
            raise InputError(t("risk.field_name"), t("risk.allowed_name", max=MAX_NAME), name)
        if any(r.name.casefold() == name.casefold() and r.id != exclude for r in self.risks):
            raise InputError(t("risk.field_name"), t("risk.allowed_unique_name"), name)
        return name

    def rename(self, risk_id: str, name) -> None:
        r = self.risk(risk_id)
        r.name = self._check_name(name, exclude=risk_id)

    def add(self, name, likelihood=3, impact=3) -> RiskItem:
        name = self._check_name(name)
        if len(self.risks) >= MAX_RISKS:
            raise InputError(t("risk.field_risk"), t("risk.allowed_count", max=MAX_RISKS), len(self.risks) + 1)
        likelihood = _check_scale(name, likelihood, "risk.likelihood")
        impact = _check_scale(name, impact, "risk.impact")
        taken = {r.id for r in self.risks}
        n = len(self.risks) + 1
        while f"r{n}" in taken:
            n += 1
        item = RiskItem(f"r{n}", name, likelihood, impact, self.spec.default_exposure)
        self.risks.append(item)
        return item

    def remove(self, risk_id: str) -> None:
        r = self.risk(risk_id)
        if len(self.risks) <= 1:
            raise InputError(t("risk.field_risk"), t("risk.allowed_keep_one"), r.name)
        self.risks.remove(r)

    def set_rule(self, rule: str) -> None:
        if rule not in RULES:
            raise InputError(t("risk.field_rule"), ", ".join(RULES), rule)
        self.rule = rule

    def set_band_upper(self, rule: str, index: int, value) -> None:
        bands = list(self.bands[rule])
        if not 0 <= index < len(bands) - 1:
            raise InputError(t("risk.field_band"), t("risk.allowed_band_index", n=len(bands) - 1), index + 1)
        lower = bands[index - 1].upper if index else 0
        upper = bands[index + 1].upper
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not lower < value < upper:
            label = f"{t('risk.field_band')} '{bands[index].label}'"
            raise InputError(label, t("risk.allowed_between", lo=_num(lower), hi=_num(upper)), value)
        bands[index] = Band(bands[index].label, float(value))
        self.bands[rule] = tuple(bands)

    @classmethod
    def saved_risks(cls, spec: RiskMatrixSpec, data: dict, case_id: str) -> list[RiskItem] | None:
        """The risks saved in ``data`` (one case's dict), each checked as
        :meth:`add` and :meth:`set_exposure` check it (items that fail are
        left out); None when none survive or their ids clash, and the case's
        own risks apply. :meth:`from_dict` and the class overview share it."""
        risks = data.get("risks")
        if not (isinstance(risks, list) and risks):
            return None
        restored = cls(spec, case_id, [])
        for item in risks:
            try:
                added = restored.add(item["name"], item["likelihood"], item["impact"])
                added.id = str(item.get("id") or added.id)
                restored.set_exposure(added.id, item.get("exposure", spec.default_exposure))
            except (InputError, KeyError, TypeError):
                continue
        if restored.risks and len({r.id for r in restored.risks}) == len(restored.risks):
            return restored.risks
        return None

    # -- scoring -------------------------------------------------------
    def score(self, risk: RiskItem, rule: str | None = None) -> float:
        return score(self.spec, risk.likelihood, risk.impact, risk.exposure, rule or self.rule)

    def band(self, value: float, rule: str | None = None) -> int:
        """Index of the band a score falls in (upper bounds inclusive)."""
        return band_index(self.bands[rule or self.rule], value)

    def ranked(self, rule: str | None = None) -> list[tuple[RiskItem, float, int]]:
        """(risk, score, rank) from high to low; equal scores share a rank
        (1, 2, 2, 4); ties keep the list order."""
        rule = rule or self.rule
        scored = sorted(((r, self.score(r, rule)) for r in self.risks), key=lambda rs: -rs[1])
        out = []
        for i, (r, s) in enumerate(scored):
            rank = out[-1][2] if out and math.isclose(out[-1][1], s) else i + 1
            out.append((r, s, rank))
        return out

    def ranks(self, rule: str) -> dict[str, int]:
        return {r.id: rank for r, _, rank in self.ranked(rule)}

    def rank_changes(self, rule_a: str, rule_b: str) -> list[tuple[RiskItem, int, int]]:
        """Risks whose rank differs between two rules: (risk, rank a, rank b)."""
        a, b = self.ranks(rule_a), self.ranks(rule_b)
        return [(r, a[r.id], b[r.id]) for r in self.risks if a[r.id] != b[r.id]]

    def to_dict(self) -> dict:
        return {
            "case": self.case_id,
            "rule": self.rule,
            "risks": [{"id": r.id, "name": r.name, "likelihood": r.likelihood, "impact": r.impact,
                       "exposure": r.exposure} for r in self.risks],
            "bands": {rule: [b.upper for b in self.bands[rule][:-1]] for rule in RULES},
        }

    @classmethod
    def from_dict(cls, spec: RiskMatrixSpec, data: dict, case_id: str) -> "RiskMatrix":
        """Restore the participant's version of one case; anything odd falls
        back to the case's own values."""
        model = cls.from_case(spec, case_id)
        if not isinstance(data, dict):
            return model
        if data.get("rule") in RULES:
            model.rule = data["rule"]
        saved = cls.saved_risks(spec, data, case_id)
        if saved is not None:
            model.risks = saved
        bands = data.get("bands")
        for rule in RULES:
            uppers = bands.get(rule) if isinstance(bands, dict) else None
            if isinstance(uppers, list):
                for i, value in enumerate(uppers):
                    try:
                        model.set_band_upper(rule, i, value)
                    except InputError:
                        pass
        return model


def score(spec: RiskMatrixSpec, likelihood: int, impact: int, exposure: float, rule: str) -> float:
    if rule == "lxi":
        return float(likelihood * impact)
    if rule == "fine_kinney":
        return spec.w_from_likelihood[likelihood - 1] * exposure * spec.e_from_impact[impact - 1]
    if rule == "expected_damage":
        return 10.0 ** (likelihood - 5) * 10.0 ** (impact + 3)
    raise ValueError(rule)


def band_index(bands, value: float) -> int:
    """Upper bounds are inclusive (with room for floating-point rounding)."""
    for i, b in enumerate(bands):
        if value <= b.upper * (1 + 1e-9):
            return i
    return len(bands) - 1


def band_colours(n: int) -> list:
    """n colours from light to dark on cividis (colour-blind safe, prints in grey)."""
    cmap = svgplot.colormap("cividis")
    return [cmap(0.95 - 0.85 * i / max(1, n - 1)) for i in range(n)]


def plot_matrix(model: RiskMatrix) -> svgplot.Figure:
    """The 5×5 grid coloured by the current rule's bands, each risk placed
    in its cell (several risks in one cell are spread out and numbered, each
    number in a white circle). An :mod:`lst_kit.figures.svgplot` figure."""
    rule = model.rule
    bands = model.bands[rule]
    colours = band_colours(len(bands))
    fig = svgplot.Figure(figsize=(6.4, 5.2))
    ax = fig.add_subplot()
    exposure = model.spec.default_exposure
    for lik in range(1, 6):
        for imp in range(1, 6):
            value = score(model.spec, lik, imp, exposure, rule)
            colour = colours[band_index(bands, value)]
            ax.add_patch(svgplot.Rectangle((lik - 0.5, imp - 0.5), 1, 1, facecolor=colour, edgecolor="white",
                                           linewidth=1.5))
    cells: dict[tuple[int, int], list[RiskItem]] = {}
    for r in model.risks:
        cells.setdefault((r.likelihood, r.impact), []).append(r)
    numbers = {r.id: i + 1 for i, r in enumerate(model.risks)}
    for (lik, imp), items in cells.items():
        k = len(items)
        cols = math.ceil(math.sqrt(k))
        rows = math.ceil(k / cols)
        for j, r in enumerate(items):
            dx = ((j % cols) - (cols - 1) / 2) * (0.8 / cols)
            dy = ((rows - 1) / 2 - j // cols) * (0.8 / rows)
            size = max(5.5, 10 - 1.2 * cols)
            label = str(numbers[r.id])
            ax.scatter([lik + dx], [imp + dy], s=(size * (1.1 + 0.55 * len(label))) ** 2, marker="o",
                       color="white", edgecolors="#333333", linewidths=0.8)
            ax.text(lik + dx, imp + dy, label, ha="center", va="center", fontsize=size, fontweight="bold",
                    color="#111111")
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(t("risk.axis_likelihood"))
    ax.set_ylabel(t("risk.axis_impact"))
    ax.set_title(t("risk.plot_title", rule=t(f"risk.rule_{rule}")))
    handles = [svgplot.Patch(facecolor=c, edgecolor="#555555") for c in colours]
    ax.legend(handles, [b.label for b in bands], title=t("risk.legend_bands"), fontsize=8)
    return fig


def ranking_table(model: RiskMatrix) -> str:
    """Ranks under all three rules side by side; rank changes against L×I
    are marked. This table is the text alternative of the heat map."""
    ranks = {rule: model.ranks(rule) for rule in RULES}
    head = "".join(f"<th scope='col'>{esc(t(f'risk.rule_{rule}'))}</th>" for rule in RULES)
    rows = []
    for i, r in enumerate(model.risks):
        cells = []
        for rule in RULES:
            value = model.score(r, rule)
            band = model.bands[rule][model.band(value, rule)].label
            rank = ranks[rule][r.id]
            moved = rule != "lxi" and rank != ranks["lxi"][r.id]
            mark = f" <b title='{esc(t('risk.moved'))}'>({rank - ranks['lxi'][r.id]:+d})</b>" if moved else ""
            cells.append(f"<td>{esc(t('risk.rank_cell', rank=rank, score=_num(value), band=band))}{mark}</td>")
        rows.append(f"<tr><td>{i + 1}</td><td>{esc(r.name)}</td><td>{r.likelihood}</td><td>{r.impact}</td>"
                    + "".join(cells) + "</tr>")
    return (f"<table style='border-collapse:collapse;font-size:90%' cellpadding='3' border='1'>"
            f"<caption style='text-align:left'>{esc(t('risk.table_caption'))}</caption>"
            f"<tr><th scope='col'>#</th><th scope='col'>{esc(t('risk.field_name'))}</th>"
            f"<th scope='col'>{esc(t('risk.likelihood_short'))}</th><th scope='col'>{esc(t('risk.impact_short'))}</th>"
            f"{head}</tr>{''.join(rows)}</table>")


def changes_text(model: RiskMatrix) -> str:
    lines = []
    for other in ("fine_kinney", "expected_damage"):
        changed = model.rank_changes("lxi", other)
        if changed:
            names = ", ".join(f"{r.name} ({a}→{b})" for r, a, b in changed)
            lines.append(t("risk.changes", rule=t(f"risk.rule_{other}"), n=len(changed), names=names))
        else:
            lines.append(t("risk.no_changes", rule=t(f"risk.rule_{other}")))
    ties = {}
    for r, s, rank in model.ranked("lxi"):
        ties.setdefault(rank, []).append(r)
    tied = sum(len(v) for v in ties.values() if len(v) > 1)
    if tied:
        lines.append(t("risk.ties", n=tied))
    return " ".join(lines)


class RiskMatrixView(ExerciseFrame):
    def __init__(self, spec: RiskMatrixSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self._saved = self.saved(default={}) or {}
        case_id = self._saved.get("case") if self._saved.get("case") in case_ids() else spec.default_case
        self.model = self._load(case_id)
        self.case = widgets.Dropdown(options=[(load_case(c).label, c) for c in case_ids()], value=case_id,
                                     description=t("risk.field_case"), style={"description_width": "initial"},
                                     layout=widgets.Layout(width="auto"))
        self.case.observe(self.guard(self._on_case), names="value")
        self.rule = widgets.ToggleButtons(options=[(t(f"risk.rule_{r}"), r) for r in RULES], value=self.model.rule,
                                          description=t("risk.field_rule"), style={"description_width": "initial",
                                                                                   "button_width": "auto"})
        self.rule.observe(self.guard(self._on_rule), names="value")
        self.rows_box = widgets.VBox()
        self.new_name = widgets.Text(description=t("risk.new_name"), placeholder=t("risk.new_placeholder"),
                                     style={"description_width": "initial"}, layout=widgets.Layout(width="50%"))
        self.add_button = widgets.Button(description=t("risk.add"), icon="plus", tooltip=t("risk.add"))
        self.add_button.on_click(self.guard(lambda _: self._on_add()))
        self.bands_box = widgets.HBox()
        self.figure = FigureBox()
        self.table = widgets.HTML()
        self.changes = widgets.HTML()
        self.illustrative = widgets.HTML(f"<small>{esc(t('risk.illustrative'))}</small>")
        self._build_rows()
        self._build_bands()
        self._redraw()
        self.set_body(self.case, self.illustrative, self.rule, self.rows_box,
                      widgets.HBox([self.new_name, self.add_button]), self.bands_box, self.figure, self.changes,
                      self.table)

    # -- state ----------------------------------------------------------
    def _load(self, case_id: str) -> RiskMatrix:
        per_case = self._saved.get("cases", {}) if isinstance(self._saved.get("cases"), dict) else {}
        return RiskMatrix.from_dict(self.spec, per_case.get(case_id, {}), case_id)

    def _answer(self) -> dict:
        cases = dict(self._saved.get("cases", {})) if isinstance(self._saved.get("cases"), dict) else {}
        cases[self.model.case_id] = self.model.to_dict()
        self._saved = {"case": self.model.case_id, "rule": self.model.rule, "cases": cases}
        return self._saved

    def _commit(self, rebuild_rows: bool = False) -> None:
        self.save(self._answer())
        if rebuild_rows:
            self._build_rows()
        self._redraw()

    # -- widgets ----------------------------------------------------------
    def _build_rows(self) -> None:
        exposure = [(f"{_num(x.value)} · {x.label}", x.value) for x in self.spec.exposure]
        rows = []
        self.row_widgets = {}
        for i, r in enumerate(self.model.risks):
            name = widgets.Text(value=r.name, description=f"{i + 1}.", continuous_update=False,
                                style={"description_width": "2em"}, layout=widgets.Layout(width="32%"))
            lik = IntSlider(value=r.likelihood, min=1, max=5, description=t("risk.likelihood_short"),
                                    continuous_update=False, style={"description_width": "initial"},
                                    layout=widgets.Layout(width="20%"))
            imp = IntSlider(value=r.impact, min=1, max=5, description=t("risk.impact_short"),
                                    continuous_update=False, style={"description_width": "initial"},
                                    layout=widgets.Layout(width="20%"))
            exp = widgets.Dropdown(options=exposure, value=r.exposure, description=t("risk.exposure_short"),
                                   style={"description_width": "initial"}, layout=widgets.Layout(width="18%"))
            remove = widgets.Button(icon="trash", tooltip=t("risk.remove", name=r.name),
                                    description="", layout=widgets.Layout(width="3em"))
            remove.add_class("lst-remove")
            name.observe(self.guard(lambda c, rid=r.id, w=name: self._edit(lambda: self.model.rename(rid, c["new"]), w, c)),
                         names="value")
            lik.observe(self.guard(lambda c, rid=r.id, w=lik: self._edit(lambda: self.model.set_likelihood(rid, c["new"]), w, c)),
                        names="value")
            imp.observe(self.guard(lambda c, rid=r.id, w=imp: self._edit(lambda: self.model.set_impact(rid, c["new"]), w, c)),
                        names="value")
            exp.observe(self.guard(lambda c, rid=r.id, w=exp: self._edit(lambda: self.model.set_exposure(rid, c["new"]), w, c)),
                        names="value")
            remove.on_click(self.guard(lambda _, rid=r.id: self._on_remove(rid)))
            self.row_widgets[r.id] = {"name": name, "likelihood": lik, "impact": imp, "exposure": exp, "remove": remove}
            rows.append(widgets.HBox([name, lik, imp, exp, remove]))
        self.rows_box.children = rows

    def _build_bands(self) -> None:
        bands = self.model.bands[self.model.rule]
        self.band_inputs = []
        controls = [widgets.HTML(f"<b>{esc(t('risk.bands_title'))}</b>")]
        for i, b in enumerate(bands[:-1]):
            box = widgets.FloatText(value=b.upper, description=t("risk.band_upper", label=b.label),
                                    style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
            box.observe(self.guard(lambda c, i=i, w=box: self._edit(
                lambda: self.model.set_band_upper(self.model.rule, i, c["new"]), w, c)), names="value")
            self.band_inputs.append(box)
            controls.append(box)
        self.bands_box.children = controls

    def _edit(self, change_model, widget, change) -> None:
        """Apply one edit; on refusal put the widget back to the model's value."""
        if self._syncing:
            return
        with self.refused_puts_back(widget, lambda: change["old"]):
            change_model()
        self._commit()

    def _on_case(self, change) -> None:
        self.model = self._load(change["new"])
        self.rule.value = self.model.rule
        self.save(self._answer())
        self._build_rows()
        self._build_bands()
        self._redraw()

    def _on_rule(self, change) -> None:
        self.model.set_rule(change["new"])
        self._build_bands()
        self._commit()

    def _on_add(self) -> None:
        self.model.add(self.new_name.value)
        self.new_name.value = ""
        self._commit(rebuild_rows=True)

    def _on_remove(self, risk_id: str) -> None:
        self.model.remove(risk_id)
        self._commit(rebuild_rows=True)

    def _redraw(self) -> None:
        self.figure.show(plot_matrix(self.model), alt=t("risk.alt"), fmt="svg")
        self.table.value = ranking_table(self.model)
        self.changes.value = f"<p>{esc(changes_text(self.model))}</p>"


def risk_matrix(exercise_id: str = "m3.risicomatrix", workbook: Workbook | None = None):
    """E3.1 as a widget."""
    return build_view(lambda: RiskMatrixView(load_spec(exercise_id, "risk_matrix"), workbook))


# -- hooks: portfolio, class overview, learning plan, demo class ----------------------------

TAKES_CASE = True


def _restore(exercise_id: str, answer) -> RiskMatrix | None:
    """The participant's matrix of the case they worked on last, or None."""
    if not isinstance(answer, dict) or answer.get("case") not in case_ids():
        return None
    spec = load_spec(exercise_id, "risk_matrix")
    cases = answer.get("cases") if isinstance(answer.get("cases"), dict) else {}
    model = RiskMatrix.from_dict(spec, cases.get(answer["case"], {}), answer["case"])
    if answer.get("rule") in RULES:
        model.rule = answer["rule"]
    return model


def _restore_risks(exercise_id: str, answer) -> tuple[str, list[RiskItem]] | None:
    """(case, risks) of what :func:`_restore` would give, without the rest of
    the model (bands, rule): the class overview needs only these."""
    if not isinstance(answer, dict) or answer.get("case") not in case_ids():
        return None
    spec = load_spec(exercise_id, "risk_matrix")
    case_id = answer["case"]
    cases = answer.get("cases") if isinstance(answer.get("cases"), dict) else {}
    data = cases.get(case_id, {})
    saved = RiskMatrix.saved_risks(spec, data, case_id) if isinstance(data, dict) else None
    return case_id, (saved if saved is not None else RiskMatrix.from_case(spec, case_id).risks)


@safe_hook("summarize")
def summarize(exercise_id: str, answer) -> list[str]:
    """Top risks first (Module 6's learning plan uses the first line)."""
    model = _restore(exercise_id, answer)
    if model is None:
        return []
    top = [f"{r.name} ({_num(s)}, {model.bands[model.rule][model.band(s)].label})" for r, s, _ in model.ranked()[:3]]
    lines = [t("risk.sum_top", rule=t(f"risk.rule_{model.rule}"), risks="; ".join(top)),
             t("risk.sum_case", case=load_case(model.case_id).label, n=len(model.risks))]
    lines.append(changes_text(model))
    return lines


@safe_hook("plot_answer")
def plot_answer(exercise_id: str, answer):
    model = _restore(exercise_id, answer)
    return plot_matrix(model) if model is not None else None


@safe_hook("class_picture")
def class_picture(exercise_id: str, answers: dict):
    """For the case most participants scored: each risk's L × I score per
    participant (dots) and the class mean (bar), highest mean on top."""
    # Only each answer's case and risks matter here (the L × I score needs no
    # bands, rule or exposure), so read just those, as from_dict reads them.
    # Tally per case as we go, so no answer's risks outlive its turn.
    counts: dict[str, int] = {}
    per_case: dict[str, dict[str, list[float]]] = {}
    for answer in answers.values():
        entry = _restore_risks(exercise_id, answer)
        if entry is None:
            continue
        case_id, risks = entry
        counts[case_id] = counts.get(case_id, 0) + 1
        case_scores = per_case.setdefault(case_id, {})
        for r in risks:
            case_scores.setdefault(r.name, []).append(float(r.likelihood * r.impact))  # score(..., "lxi")
    if not counts:
        return None, [t("hooks.nobody")]
    case_id = most_answered(counts)
    scores = per_case[case_id]
    ranked = sorted(scores, key=lambda name: (-sum(scores[name]) / len(scores[name]), name))
    lines = [t("risk.class_case", case=load_case(case_id).label, n=counts[case_id], total=sum(counts.values()))]
    for name in ranked:
        values = scores[name]
        lines.append(t("risk.class_line", risk=name, n=len(values), mean=fmt(sum(values) / len(values)),
                       lo=_num(min(values)), hi=_num(max(values))))
    return plot_class_scores(ranked, scores), lines


def plot_class_scores(ranked: list[str], scores: dict[str, list[float]]):
    """Each risk's class mean (bar) and every participant's score (dots),
    highest mean on top (an :mod:`lst_kit.figures.svgplot` figure: the class overview
    needs no matplotlib)."""
    shown = ranked[:15]
    fig = svgplot.Figure(figsize=(7.5, 1.2 + 0.42 * len(shown)))
    ax = fig.add_subplot()
    ys = list(range(len(shown)))[::-1]
    means = [sum(scores[n]) / len(scores[n]) for n in shown]
    ax.barh(ys, means, color=PALETTE[4], edgecolor="#333333", linewidth=0.5, label=t("risk.class_mean"))
    for y, name in zip(ys, shown):
        values = scores[name]
        jitter = [((i % 5) - 2) * 0.06 for i in range(len(values))]
        ax.scatter(values, [y + j for j in jitter], s=18, color=PALETTE[0], zorder=3,
                   label=t("risk.class_dots") if y == ys[0] else None)
    ax.set_yticks(ys, [name[:40] for name in shown], fontsize=8)
    ax.set_xlim(0, 25.5)
    ax.set_xticks(range(0, 26, 5))
    ax.set_xlabel(t("risk.rule_lxi"))
    ax.set_title(t("risk.class_title"))
    style_axes(ax)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return fig


def demo_answer(exercise_id: str, rng) -> dict:
    """A participant who starts from a case and nudges a few scores."""
    spec = load_spec(exercise_id, "risk_matrix")
    ids = case_ids()
    case_id = spec.default_case if rng.random() < 0.7 or spec.default_case not in ids else ids[int(rng.integers(len(ids)))]
    model = RiskMatrix.from_case(spec, case_id)
    for r in model.risks:
        r.likelihood = int(min(5, max(1, r.likelihood + int(rng.integers(-1, 2)))))
        r.impact = int(min(5, max(1, r.impact + int(rng.integers(-1, 2)))))
    model.rule = RULES[int(rng.integers(len(RULES)))]
    return {"case": case_id, "rule": model.rule, "cases": {case_id: model.to_dict()}}

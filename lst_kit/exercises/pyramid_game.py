"""E4.3 The responsive-pyramid game (illustrative, seeded).

Each round the participant picks a level of the enforcement pyramid; a
simulated regulatee of a chosen (or hidden) type complies with a probability
that depends on its type, the level and a trust variable. Trust drops when
the participant escalates further than tit-for-tat would (one level up after
non-compliance, back to the base after compliance) and recovers slowly after
proportionate responses. The randomness is fixed per draw: the same choices
give the same outcome.

Spec: ``data/exercises/m4/piramidespel.yaml`` (type ``pyramid_game``).
Saved answer::

    {"agent": "calculerend" | "verborgen", "draw": 0, "levels": [1, 2, 3, ...]}
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache

import ipywidgets as widgets
import numpy as np

from ..figures import svgplot
from ..content import Field, load_spec
from ..errors import InputError
from ..i18n import t
from ..figures.style import PALETTE, style_axes
from ..widgets import ExerciseFrame, FigureBox, build_view, esc
from ..workbook import Workbook

HIDDEN = "verborgen"


@dataclass(frozen=True)
class GameLevel:
    level: int
    label: str
    cost: float


@dataclass(frozen=True)
class Agent:
    key: str
    label: str
    description: str
    compliance: tuple[float, ...]
    trust_weight: float


@dataclass(frozen=True)
class GameSpec:
    exercise_id: str
    title: str
    intro: str
    rounds: int
    seed: int
    trust_drop: float
    trust_gain: float
    levels: tuple[GameLevel, ...]
    agents: tuple[Agent, ...]

    def agent(self, key: str) -> Agent:
        return next(a for a in self.agents if a.key == key)


def parse_spec(root: Field, exercise_id: str) -> GameSpec:
    levels = tuple(GameLevel(n.integer("level", 1, 12), n.text("label"), n.number("cost", 0, 1e6))
                   for n in root.items("levels", 2, 12))
    if [lv.level for lv in levels] != list(range(1, len(levels) + 1)):
        raise root.fail("levels", t("pyramid_game.allowed_levels"), [lv.level for lv in levels])
    agents = []
    for n in root.items("agents", 1, 8):
        probs = n.raw("compliance")
        if (not isinstance(probs, list) or len(probs) != len(levels)
                or any(isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p <= 1 for p in probs)):
            raise n.fail("compliance", t("pyramid_game.allowed_probs", n=len(levels)), probs)
        key = n.key("key")
        if key == HIDDEN:
            raise n.fail("key", t("pyramid_game.allowed_agent_key", hidden=HIDDEN), key)
        agents.append(Agent(key, n.text("label"), n.text("description"), tuple(float(p) for p in probs),
                            n.number("trust_weight", 0, 1)))
    root.unique("agents", [a.key for a in agents])
    return GameSpec(exercise_id, root.text("title"), root.text("intro", default="", empty_ok=True),
                    root.integer("rounds", 1, 200), root.integer("seed", 0, 2**31 - 1),
                    root.number("trust_drop", 0, 1), root.number("trust_gain", 0, 1), levels, tuple(agents))


# -- simulation (pure) -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Round:
    level: int
    proportionate: int
    chance: float
    complied: bool
    trust: float      # after this round
    cost: float


def hidden_agent(spec: GameSpec, draw: int) -> Agent:
    """The type behind 'verborgen' for this draw (seeded, the same every time)."""
    return spec.agents[_hidden_index(spec.seed, draw, len(spec.agents))]


@lru_cache(maxsize=4096)
def _hidden_index(seed: int, draw: int, n: int) -> int:
    return int(np.random.default_rng([seed, draw, 7]).integers(n))


@lru_cache(maxsize=65536)
def _roll(seed: int, draw: int, agent_index: int, round_index: int) -> float:
    """The seeded dice of one round (a new generator costs more than the
    game itself; a class replays the same few draws many times)."""
    return float(np.random.default_rng([seed, draw, agent_index, round_index]).random())


def play(spec: GameSpec, agent: Agent, draw: int, levels: list[int]) -> list[Round]:
    """Replay a game: the rounds that follow from these choices."""
    agent_index = spec.agents.index(agent)
    trust, proportionate = 1.0, 1
    out = []
    for i, level in enumerate(levels):
        over = max(0, level - proportionate)
        trust = max(0.0, trust - spec.trust_drop * over) if over else min(1.0, trust + spec.trust_gain)
        chance = agent.compliance[level - 1] * (1 - agent.trust_weight * (1 - trust))
        complied = _roll(spec.seed, draw, agent_index, i) < chance
        out.append(Round(level, proportionate, chance, complied, trust, spec.levels[level - 1].cost))
        proportionate = 1 if complied else min(level + 1, len(spec.levels))
    return out


@dataclass
class Game:
    spec: GameSpec
    agent_key: str = ""
    draw: int = 0
    levels: list[int] = field(default_factory=list)

    def __post_init__(self):
        if self.agent_key not in [a.key for a in self.spec.agents] + [HIDDEN]:
            self.agent_key = self.spec.agents[0].key

    @property
    def agent(self) -> Agent:
        return hidden_agent(self.spec, self.draw) if self.agent_key == HIDDEN else self.spec.agent(self.agent_key)

    @property
    def finished(self) -> bool:
        return len(self.levels) >= self.spec.rounds

    def rounds(self) -> list[Round]:
        return play(self.spec, self.agent, self.draw, self.levels)

    def choose(self, level) -> None:
        n = len(self.spec.levels)
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= n:
            raise InputError(t("pyramid_game.field_level"), t("pyramid_game.allowed_level", n=n), level)
        if self.finished:
            raise InputError(t("pyramid_game.field_round"), t("pyramid_game.allowed_round", n=self.spec.rounds),
                             len(self.levels) + 1)
        self.levels.append(level)

    def set_agent(self, key: str) -> None:
        allowed = [a.key for a in self.spec.agents] + [HIDDEN]
        if key not in allowed:
            raise InputError(t("pyramid_game.field_agent"), ", ".join(allowed), key)
        self.agent_key = key
        self.levels = []

    def restart(self) -> None:
        """A new game with the next seeded draw."""
        self.draw += 1
        self.levels = []

    def totals(self) -> tuple[int, int, float, float]:
        """(rounds complied, rounds played, total cost, final trust)."""
        rounds = self.rounds()
        return (sum(r.complied for r in rounds), len(rounds), sum(r.cost for r in rounds),
                rounds[-1].trust if rounds else 1.0)

    def to_dict(self) -> dict:
        return {"agent": self.agent_key, "draw": self.draw, "levels": list(self.levels)}

    @classmethod
    def from_dict(cls, spec: GameSpec, data) -> "Game":
        game = cls(spec)
        data = data if isinstance(data, dict) else {}
        if data.get("agent") in [a.key for a in spec.agents] + [HIDDEN]:
            game.agent_key = data["agent"]
        draw = data.get("draw")
        if isinstance(draw, int) and not isinstance(draw, bool) and 0 <= draw < 10**6:
            game.draw = draw
        for level in data.get("levels", []) if isinstance(data.get("levels"), list) else []:
            try:
                game.choose(level)
            except InputError:
                break
        return game


# -- plot -------------------------------------------------------------------------------------------

GAME_SIZE = (8.4, 4.6)


def _styles(total_rounds: int) -> dict:
    size = 8 if total_rounds <= 20 else 5
    return {
        "proportionate": {"color": "#777777", "linestyle": ":", "linewidth": 1.2, "drawstyle": "steps-mid"},
        "level": {"color": PALETTE[0], "linewidth": 1.5, "drawstyle": "steps-mid"},
        "complied": {"marker": "o", "linestyle": "none", "color": PALETTE[2], "markersize": size},
        "violated": {"marker": "X", "linestyle": "none", "color": PALETTE[5], "markersize": size + 1},
        "trust": {"color": PALETTE[3], "marker": "s" if total_rounds <= 20 else None},
    }


def plot_game(spec: GameSpec, rounds: list[Round], total_rounds: int) -> svgplot.Figure:
    """Top: the chosen level per round (steps), with a filled circle where the
    regulatee complied and a cross where it did not; the proportionate level
    (tit-for-tat) dotted. Bottom: trust per round and, in grey, the costs so
    far (on their own scale; the total is written at the end). An
    :mod:`lst_kit.figures.svgplot` figure: a new round redraws it whole in a few ms."""
    fig = svgplot.Figure(figsize=GAME_SIZE)
    ax, ax2 = fig.subplots(2, 1, height_ratios=[0.6, 0.4], sharex=True)
    ax.set_ylim(0.5, len(spec.levels) + 0.5)
    ax2.set_ylim(0, 1.05)
    ticks = svgplot.nice_ticks(1, total_rounds, target=min(total_rounds, 10) + 1, integer=True)
    for a in (ax, ax2):
        a.set_xlim(0.5, total_rounds + 0.5)
        a.set_xticks(ticks)
    ax.set_yticks(range(1, len(spec.levels) + 1), [f"{lv.level} {lv.label}" for lv in spec.levels], fontsize=7)
    ax2.set_yticks([0, 0.5, 1], ["0,0", "0,5", "1,0"])
    ax2.set_ylabel(t("pyramid_game.axis_trust"), fontsize=8)
    ax2.set_xlabel(t("pyramid_game.axis_round"))
    ax.set_title(t("pyramid_game.plot_title"))
    for a in (ax, ax2):
        style_axes(a)
    styles = _styles(total_rounds)
    top = [svgplot.Line2D(label=t("pyramid_game.plot_proportionate"), **_key(styles["proportionate"])),
           svgplot.Line2D(label=t("pyramid_game.plot_level"), **_key(styles["level"])),
           svgplot.Line2D(label=t("pyramid_game.plot_complied"), **_key(styles["complied"])),
           svgplot.Line2D(label=t("pyramid_game.plot_violated"), **_key(styles["violated"]))]
    ax.legend(handles=top, fontsize=7.5)
    bottom = [svgplot.Line2D(label=t("pyramid_game.plot_trust"), **_key(styles["trust"])),
              svgplot.Patch(color="#cccccc", label=t("pyramid_game.plot_cost"))]
    ax2.legend(handles=bottom, fontsize=7.5)
    if not rounds:
        return fig
    xs = list(range(1, len(rounds) + 1))
    ax.plot(xs, [r.proportionate for r in rounds], **styles["proportionate"])
    ax.plot(xs, [r.level for r in rounds], **styles["level"])
    ok = [(x, r.level) for x, r in zip(xs, rounds) if r.complied]
    no = [(x, r.level) for x, r in zip(xs, rounds) if not r.complied]
    ax.plot([x for x, _ in ok], [y for _, y in ok], **styles["complied"])
    ax.plot([x for x, _ in no], [y for _, y in no], **styles["violated"])
    cost = list(itertools.accumulate(r.cost for r in rounds))
    scale = 1.05 / (max(cost[-1], 1.0) * 1.15)  # the costs on their own scale, under the trust line
    ax2.fill_between(xs, [c * scale for c in cost], step="mid", color="#cccccc", alpha=0.6)
    ax2.text(xs[-1] + 0.3, cost[-1] * scale, t("pyramid_game.cost_label", cost=f"{cost[-1]:g}"), fontsize=7.5,
             va="center", ha="left", color="#444444")
    ax2.plot(xs, [r.trust for r in rounds], **styles["trust"])
    return fig


def _key(style: dict) -> dict:
    """A plot style as the arguments of a legend key (no drawstyle)."""
    return {k: v for k, v in style.items() if k != "drawstyle"}


def game_summary(game: Game) -> str:
    complied, played, cost, trust = game.totals()
    if not played:
        return t("pyramid_game.summary_empty", n=game.spec.rounds)
    text = t("pyramid_game.summary", complied=complied, played=played, cost=f"{cost:g}",
             trust=f"{trust:.2f}".replace(".", ","))
    if game.finished and game.agent_key == HIDDEN:
        text += " " + t("pyramid_game.reveal", agent=game.agent.label)
    return text


# -- hooks ----------------------------------------------------------------------------------------

def summarize(exercise_id: str, answer) -> list[str]:
    try:
        spec = load_spec(exercise_id, "pyramid_game")
        game = Game.from_dict(spec, answer)
        label = t("pyramid_game.hidden") if game.agent_key == HIDDEN and not game.finished else game.agent.label
        return [t("pyramid_game.sum_agent", agent=label), game_summary(game)]
    except Exception:  # noqa: BLE001 - a hook never raises
        return []


def plot_answer(exercise_id: str, answer):
    try:
        spec = load_spec(exercise_id, "pyramid_game")
        game = Game.from_dict(spec, answer)
        return plot_game(spec, game.rounds(), spec.rounds)
    except Exception:  # noqa: BLE001
        return None


def class_picture(exercise_id: str, answers: dict):
    try:
        spec = load_spec(exercise_id, "pyramid_game")
        games = [Game.from_dict(spec, a) for a in (answers or {}).values() if isinstance(a, dict)]
        games = [g for g in games if g.levels]
        if not games:
            return None, [t("pyramid_game.class_none")]
        lines = [t("pyramid_game.class_n", n=len(games))]
        for agent in spec.agents:
            mine = [g for g in games if g.agent.key == agent.key]
            if mine:
                totals = [g.totals() for g in mine]
                rate = sum(c for c, p, _, _ in totals) / sum(p for _, p, _, _ in totals)
                lines.append(t("pyramid_game.class_agent", agent=agent.label, n=len(mine), rate=round(100 * rate),
                               cost=f"{sum(c for _, _, c, _ in totals) / len(mine):.1f}".replace(".", ",")))
        return None, lines
    except Exception:  # noqa: BLE001
        return None, []


def demo_answer(exercise_id: str, rng) -> dict:
    """A game for the demo class: a random type, mostly tit-for-tat with some
    impatient jumps, sometimes stopped half-way."""
    spec = load_spec(exercise_id, "pyramid_game")
    keys = [a.key for a in spec.agents] + [HIDDEN]
    game = Game(spec, keys[int(rng.integers(len(keys)))], draw=int(rng.integers(0, 4)))
    rounds = spec.rounds if rng.random() < 0.8 else int(rng.integers(1, spec.rounds))
    n = len(spec.levels)
    for _ in range(rounds):
        played = game.rounds()
        level = 1 if not played or played[-1].complied else min(played[-1].level + 1, n)
        if rng.random() < 0.2:
            level = min(n, level + int(rng.integers(1, 3)))
        game.choose(level)
    return game.to_dict()


# -- view -------------------------------------------------------------------------------------------

class GameView(ExerciseFrame):
    def __init__(self, spec: GameSpec, workbook: Workbook | None = None):
        super().__init__(spec.exercise_id, spec.title, workbook, intro=spec.intro)
        self.spec = spec
        self.game = Game.from_dict(spec, self.saved())
        options = [(a.label, a.key) for a in spec.agents] + [(t("pyramid_game.hidden"), HIDDEN)]
        self.agent_dd = widgets.Dropdown(options=options, value=self.game.agent_key,
                                         description=t("pyramid_game.field_agent"),
                                         tooltip=t("pyramid_game.agent_tip"), style={"description_width": "initial"},
                                         layout=widgets.Layout(width="28em"))
        self.agent_dd.observe(self.guard(lambda change: self._on_agent(change["new"])), names="value")
        self.agent_info = widgets.HTML()
        self.level = widgets.ToggleButtons(options=[(f"{lv.level} · {lv.label}", lv.level) for lv in spec.levels],
                                           value=1, description=t("pyramid_game.field_level"),
                                           tooltips=[t("pyramid_game.level_tip", cost=f"{lv.cost:g}")
                                                     for lv in spec.levels],
                                           style={"description_width": "initial", "button_width": "auto"})
        self.next_button = widgets.Button(description=t("pyramid_game.next"), icon="play", button_style="primary",
                                          tooltip=t("pyramid_game.next_tip"), layout=widgets.Layout(width="auto"))
        self.next_button.on_click(self.guard(lambda _b: self._on_next()))
        self.restart_button = widgets.Button(description=t("pyramid_game.restart"), icon="refresh",
                                             tooltip=t("pyramid_game.restart_tip"), layout=widgets.Layout(width="auto"))
        self.restart_button.on_click(self.guard(lambda _b: self._on_restart()))
        self.figure = FigureBox()
        self.rounds_log = widgets.HTML()
        self._redraw()
        self.set_body(widgets.HTML(f"<p style='color:#6b5200'><b>{esc(t('pyramid_game.illustrative'))}</b></p>"),
                      self.agent_dd, self.agent_info, self.level,
                      widgets.HBox([self.next_button, self.restart_button]), self.figure, self.rounds_log)

    def _on_agent(self, key) -> None:
        self.game.set_agent(key)
        self.save(self.game.to_dict())
        self._redraw()

    def _on_next(self) -> None:
        self.game.choose(self.level.value)
        self.save(self.game.to_dict())
        self._redraw()

    def _on_restart(self) -> None:
        self.game.restart()
        self.save(self.game.to_dict())
        self._redraw()

    def _redraw(self) -> None:
        game = self.game
        if game.agent_key == HIDDEN and not game.finished:
            self.agent_info.value = f"<small>{esc(t('pyramid_game.hidden_info'))}</small>"
        else:
            self.agent_info.value = f"<small>{esc(game.agent.description)}</small>"
        self.next_button.disabled = game.finished
        rounds = game.rounds()
        self.figure.show(plot_game(self.spec, rounds, self.spec.rounds), alt=t("pyramid_game.alt"),
                         caption=game_summary(game))
        items = "".join(
            f"<li>{esc(t('pyramid_game.log_line', n=i + 1, level=r.level, label=self.spec.levels[r.level - 1].label, chance=round(100 * r.chance), outcome=t('pyramid_game.complied' if r.complied else 'pyramid_game.violated')))}"
            + (f" <i>{esc(t('pyramid_game.over', n=r.level - r.proportionate))}</i>" if r.level > r.proportionate else "")
            + "</li>" for i, r in enumerate(rounds))
        self.rounds_log.value = f"<ol style='margin-top:0;padding-left:0;list-style:none'>{items}</ol>" if items else ""


def pyramid_game(exercise_id: str = "m4.piramidespel", workbook: Workbook | None = None):
    """E4.3 as a widget."""
    return build_view(lambda: GameView(load_spec(exercise_id, "pyramid_game"), workbook))

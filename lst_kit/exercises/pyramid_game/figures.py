"""The responsive-pyramid game, drawn: the rounds as steps with their
outcomes and trust, and the plain-text reading beside it. Pure functions of
the game; nothing here changes it."""

from __future__ import annotations

import itertools

from ...figures import svgplot
from ...figures.style import PALETTE, style_axes
from ...i18n import number, t
from .model import HIDDEN, Game, GameSpec, Round

__all__ = ["GAME_SIZE", "game_summary", "log_lines", "plot_game"]

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


def _key(style: dict) -> dict:
    """A plot style as the arguments of a legend key (no drawstyle)."""
    return {k: v for k, v in style.items() if k != "drawstyle"}


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
    ax2.set_yticks([0, 0.5, 1], [number(0), number(0.5), number(1)])
    ax2.set_ylabel(t("pyramid_game.axis_trust"), fontsize=8)
    ax2.set_xlabel(t("pyramid_game.axis_round"))
    ax.set_title(t("pyramid_game.plot_title"))
    for a in (ax, ax2):
        style_axes(a)
    styles = _styles(total_rounds)
    top = [svgplot.Line2D([], [], label=t("pyramid_game.plot_proportionate"), **_key(styles["proportionate"])),
           svgplot.Line2D([], [], label=t("pyramid_game.plot_level"), **_key(styles["level"])),
           svgplot.Line2D([], [], label=t("pyramid_game.plot_complied"), **_key(styles["complied"])),
           svgplot.Line2D([], [], label=t("pyramid_game.plot_violated"), **_key(styles["violated"]))]
    ax.legend(handles=top, fontsize=7.5)
    bottom = [svgplot.Line2D([], [], label=t("pyramid_game.plot_trust"), **_key(styles["trust"])),
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


def game_summary(game: Game) -> str:
    """The caption of the picture: rounds complied, costs and trust, and the
    hidden type once the game is over."""
    complied, played, cost, trust = game.totals()
    if not played:
        return t("pyramid_game.summary_empty", n=game.spec.rounds)
    text = t("pyramid_game.summary", complied=complied, played=played, cost=f"{cost:g}", trust=number(trust, 2))
    if game.finished and game.agent_key == HIDDEN:
        text += " " + t("pyramid_game.reveal", agent=game.agent.label)
    return text


def log_lines(game: Game) -> list[tuple[str, str]]:
    """Per round played: (what happened, a note when the level was heavier
    than tit-for-tat, else "")."""
    spec = game.spec
    out = []
    for i, r in enumerate(game.rounds()):
        line = t("pyramid_game.log_line", n=i + 1, level=r.level, label=spec.levels[r.level - 1].label,
                 chance=round(100 * r.chance),
                 outcome=t("pyramid_game.complied" if r.complied else "pyramid_game.violated"))
        over = t("pyramid_game.over", n=r.level - r.proportionate) if r.level > r.proportionate else ""
        out.append((line, over))
    return out

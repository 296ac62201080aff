"""What the portfolio and the class overview read from a pyramid game."""

from __future__ import annotations

import random

from ...i18n import number, t
from ...registry import ExerciseType
from .figures import game_summary, plot_game
from .model import Game, GameSpec, parse_spec

__all__ = ["TYPE", "PyramidGameType"]


class PyramidGameType(ExerciseType):
    name = "pyramid_game"

    def parse_spec(self, root, exercise_id):
        return parse_spec(root, exercise_id)

    def summarize(self, spec: GameSpec, answer) -> list[str]:
        game = Game.from_dict(spec, answer)
        label = t("pyramid_game.hidden") if game.hidden else game.agent.label
        return [t("pyramid_game.sum_agent", agent=label), game_summary(game)]

    def plot_answer(self, spec: GameSpec, answer):
        game = Game.from_dict(spec, answer)
        return plot_game(spec, game.rounds(), spec.rounds)

    def class_picture(self, spec: GameSpec, answers: dict):
        """Text only: per type, how often the class's regulatees complied and
        what the games cost on average."""
        games = [Game.from_dict(spec, a) for a in (answers or {}).values() if isinstance(a, dict)]
        games = [g for g in games if g.levels]
        if not games:
            return None, [t("pyramid_game.class_none")]
        lines = [t("pyramid_game.class_n", n=len(games))]
        for agent in spec.agents:
            totals = [g.totals() for g in games if g.agent.key == agent.key]
            if totals:
                rate = sum(c for c, _, _, _ in totals) / sum(p for _, p, _, _ in totals)
                lines.append(t("pyramid_game.class_agent", agent=agent.label, n=len(totals), rate=round(100 * rate),
                               cost=number(sum(c for _, _, c, _ in totals) / len(totals), 1)))
        return None, lines

    def demo_answer(self, spec: GameSpec, rng: random.Random) -> dict:
        """A game for the demo class: a random type, mostly tit-for-tat with
        some impatient jumps, sometimes stopped half-way."""
        game = Game(spec, rng.choice(spec.agent_keys), draw=rng.randint(0, 3))
        rounds = spec.rounds if rng.random() < 0.8 or spec.rounds < 2 else rng.randint(1, spec.rounds - 1)
        n = len(spec.levels)
        for _ in range(rounds):
            played = game.rounds()
            level = 1 if not played or played[-1].complied else min(played[-1].level + 1, n)
            if rng.random() < 0.2:
                level = min(n, level + rng.randint(1, 2))
            game.choose(level)
        return game.to_dict()


TYPE = PyramidGameType()

"""The responsive-pyramid game, pure: spec, the seeded simulation and the
game state with its answer format.

Each round the participant picks a level of the enforcement pyramid; a
simulated regulatee of a chosen (or hidden) type complies with a probability
that depends on its type, the level and a trust variable. Trust drops when
the participant escalates further than tit-for-tat would (one level up after
non-compliance, back to the base after compliance) and recovers slowly after
proportionate responses. The randomness is fixed per draw: the same choices
give the same outcome. The dice are :class:`random.Random` generators seeded
with strings (stable across runs and platforms; no numpy, so the kit runs in
the browser).

Saved answer::

    {"agent": "calculerend" | "verborgen", "draw": 0, "levels": [1, 2, 3, ...]}
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ...content import Field
from ...errors import InputError
from ...i18n import t

__all__ = ["HIDDEN", "Agent", "Game", "GameLevel", "GameSpec", "Round", "hidden_agent", "parse_spec", "play",
           "roll"]

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

    @property
    def agent_keys(self) -> list[str]:
        """Every type a participant may choose, the hidden one last."""
        return [a.key for a in self.agents] + [HIDDEN]


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


# -- simulation ---------------------------------------------------------------------------------

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
    return spec.agents[random.Random(f"{spec.seed}/{draw}/hidden").randrange(len(spec.agents))]


def roll(spec: GameSpec, draw: int, agent: Agent, round_index: int) -> float:
    """The die of one round, in [0, 1): the same for the same seed, draw,
    type and round, whatever was played before."""
    return random.Random(f"{spec.seed}/{draw}/{agent.key}/{round_index}").random()


def play(spec: GameSpec, agent: Agent, draw: int, levels: list[int]) -> list[Round]:
    """Replay a game: the rounds that follow from these choices."""
    trust, proportionate = 1.0, 1
    out = []
    for i, level in enumerate(levels):
        over = max(0, level - proportionate)
        trust = max(0.0, trust - spec.trust_drop * over) if over else min(1.0, trust + spec.trust_gain)
        chance = agent.compliance[level - 1] * (1 - agent.trust_weight * (1 - trust))
        complied = roll(spec, draw, agent, i) < chance
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
        if self.agent_key not in self.spec.agent_keys:
            self.agent_key = self.spec.agents[0].key

    @property
    def agent(self) -> Agent:
        return hidden_agent(self.spec, self.draw) if self.agent_key == HIDDEN else self.spec.agent(self.agent_key)

    @property
    def hidden(self) -> bool:
        """Whether the participant does not (yet) know the type."""
        return self.agent_key == HIDDEN and not self.finished

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
        if key not in self.spec.agent_keys:
            raise InputError(t("pyramid_game.field_agent"), ", ".join(self.spec.agent_keys), key)
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
        """Rebuild from a saved answer; odd values are left out, and the
        levels stop at the first one the game refuses."""
        game = cls(spec)
        data = data if isinstance(data, dict) else {}
        if data.get("agent") in spec.agent_keys:
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

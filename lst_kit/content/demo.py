"""Invented prose for the demo class (``lst-kit demo-class``): ``data/demo/``.

Demo answers let a teacher try the class overview before a class has written
anything. Their texts are course content like any other, so they live in
YAML a teacher can edit: ``namen.yaml`` (participant names), ``teksten.yaml``
(sentences for free-text answers) and ``<exercise type>.yaml`` for a type
that writes prose of its own (parsed by that type's
:meth:`~lst_kit.registry.ExerciseType.parse_demo`).

A demo file is optional: without it a type's demo answers fall back to
generic text (the parser gets an empty mapping), so a course without
``data/demo/`` still gets a demo class. A file that is there is validated:
a mistake is a :class:`ContentError` naming the file and the field.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from ..i18n import language, t
from ..paths import data_dir
from .fields import ContentError, Field, load_yaml, rel_path

__all__ = [
    "NAMES",
    "SENTENCES",
    "SHARED_DEMO_FILES",
    "DemoNames",
    "DemoSentences",
    "check_demo_file",
    "demo_names",
    "demo_path",
    "demo_sentences",
    "load_demo",
    "parse_names",
    "parse_sentences",
]

T = TypeVar("T")

#: ``data/demo/namen.yaml``: invented participant names.
NAMES = "namen"
#: ``data/demo/teksten.yaml``: sentences for free-text demo answers.
SENTENCES = "teksten"

_LOADED: dict[tuple, object] = {}


def demo_path(name: str) -> Path:
    """``namen`` -> ``data/demo/namen.yaml``; ``sparrow_canvas`` -> ``data/demo/sparrow_canvas.yaml``."""
    return data_dir() / "demo" / f"{name}.yaml"


def load_demo(name: str | Path, parse: Callable[[Field], T]) -> T:
    """``data/demo/<name>.yaml`` (or the file at a path), parsed by ``parse``.

    A missing file is parsed as an empty mapping (the caller's generic
    fallback); a broken one raises ContentError naming file and field. The
    result is kept until the file (or the language) changes."""
    path = name if isinstance(name, Path) else demo_path(name)
    try:
        stat = path.stat()
        stamp: tuple | None = (stat.st_mtime_ns, stat.st_size)
    except FileNotFoundError:
        stamp = None
    key = (str(path), stamp, parse, language())
    if key not in _LOADED:
        data = load_yaml(path) if stamp is not None else {}
        _LOADED[key] = parse(Field({} if data is None else data, rel_path(path)))
    return _LOADED[key]  # type: ignore[return-value]


def check_demo_file(path: Path, parse: Callable[[Field], object]) -> list[str]:
    """The problems ``lst-kit check`` reports for one demo file."""
    if not path.is_file():
        return [str(ContentError(rel_path(path), "", t("content.allowed_existing_file"), t("content.missing")))]
    try:
        load_demo(path, parse)
    except (ContentError, ValueError) as exc:
        return [str(exc)]
    return []


# -- names --------------------------------------------------------------------------------

#: Letters, with a single space, hyphen or apostrophe between parts ("El Amrani", "Ismaël").
_NAME = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")


@dataclass(frozen=True)
class DemoNames:
    """Invented first and last names (``namen.yaml``)."""

    first: tuple[str, ...] = ()
    last: tuple[str, ...] = ()

    def name(self, rng: random.Random, taken: set[str]) -> str:
        """A made-up participant name such as ``anna.de-vries``, not in ``taken``
        (then added to it); ``deelnemer``, ``deelnemer-2``, ... without names."""
        parts = [rng.choice(self.first)] if self.first else []
        parts += [rng.choice(self.last)] if self.last else []
        base = ".".join(parts).lower().replace(" ", "-") if parts else t("demo.participant")
        name, n = base, 2
        while name in taken:
            name = f"{base}-{n}"
            n += 1
        taken.add(name)
        return name


def _names(root: Field, key: str) -> tuple[str, ...]:
    names = root.texts(key, default=[], max_len=500)
    for index, name in enumerate(names):
        if len(name) > 40 or not _NAME.fullmatch(name):
            raise ContentError(root.file, f"{key}[{index}]", t("content.allowed_demo_name"), name)
    return tuple(names)


def parse_names(root: Field) -> DemoNames:
    """``first_names`` and ``last_names``: lists of names (each optional)."""
    return DemoNames(_names(root, "first_names"), _names(root, "last_names"))


# -- sentences ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DemoSentences:
    """Building blocks of a short paragraph (``teksten.yaml``): an opener and
    a claim make a sentence ("Bij ons team merk ik dat" + "..."), a follow-up
    is a sentence of its own."""

    openers: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()

    def paragraph(self, rng: random.Random, sentences: tuple[int, int] = (2, 5)) -> str:
        """A short, plausible paragraph of ``sentences`` sentences (invented);
        no sentence twice while the lists last. Without openers or claims:
        the catalogue's generic demo text."""
        if not (self.openers and self.claims):
            return t("demo.text")
        n = rng.randint(sentences[0], sentences[1])
        openers = rng.sample(self.openers, len(self.openers))
        claims = rng.sample(self.claims, len(self.claims))
        follow = rng.sample(self.follow_ups, len(self.follow_ups))
        parts = []
        for i in range(n):
            if i % 2 == 1 and follow and rng.random() < 0.6:
                parts.append(follow.pop())
                continue
            if not openers:  # a short list: start again
                openers = rng.sample(self.openers, len(self.openers))
            if not claims:
                claims = rng.sample(self.claims, len(self.claims))
            parts.append(f"{openers.pop()} {claims.pop()}.")
        return " ".join(parts)


def parse_sentences(root: Field) -> DemoSentences:
    """``openers``, ``claims`` (each needs the other) and ``follow_ups``."""
    openers = tuple(root.texts("openers", default=[]))
    claims = tuple(root.texts("claims", default=[], min_len=1 if openers else 0))
    if claims and not openers:
        root.texts("openers", min_len=1)  # raises: claims without openers make no sentence
    return DemoSentences(openers, claims, tuple(root.texts("follow_ups", default=[])))


#: The demo files every type may use -> their parser (``lst-kit check`` validates them so).
SHARED_DEMO_FILES: dict[str, Callable[[Field], object]] = {NAMES: parse_names, SENTENCES: parse_sentences}


def demo_names() -> DemoNames:
    """``data/demo/namen.yaml`` (no names when it is missing)."""
    return load_demo(NAMES, parse_names)


def demo_sentences() -> DemoSentences:
    """``data/demo/teksten.yaml`` (the generic text when it is missing)."""
    return load_demo(SENTENCES, parse_sentences)

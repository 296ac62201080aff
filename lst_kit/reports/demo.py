"""Building blocks for demo answers (``lst-kit demo-class``): invented
participant names and short, plausible Dutch texts.

Everything here is made up for trying out the class overview; nothing is a
real participant or a real statement of an inspectorate.
"""

from __future__ import annotations

import random

FIRST_NAMES = (
    "Anna", "Bram", "Chantal", "Daan", "Eline", "Fatima", "Gijs", "Hanneke", "Ismaël", "Joost", "Karin",
    "Lotte", "Mohamed", "Noor", "Özlem", "Pieter", "Quinten", "Renée", "Sjoerd", "Tessa", "Umut", "Vera",
    "Willem", "Yara", "Zoë", "Anouk", "Bas", "Chloë", "Dirk", "Esra",
)
LAST_NAMES = (
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
    "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yılmaz", "El Amrani",
)

_OPENERS = (
    "In mijn inspectie zie ik dat",
    "Bij ons team merk ik dat",
    "Als ik kijk naar het afgelopen jaar, dan valt op dat",
    "Eerlijk gezegd denk ik dat",
    "Wat mij betreft geldt nog steeds dat",
    "In de praktijk van ons domein blijkt dat",
    "Uit gesprekken met collega’s in het veld haal ik dat",
)
_CLAIMS = (
    "de nadruk nog vaak op naleving van regels ligt",
    "we steeds meer vanuit publieke belangen redeneren",
    "het ministerie graag meeleest voordat we publiceren",
    "signalen uit het veld lang blijven liggen voordat beleid erop reageert",
    "onze capaciteit de keuzes bepaalt, meer dan het risico",
    "de relatie met het departement goed is, maar de rollen niet altijd helder zijn",
    "effectmeting nog in de kinderschoenen staat",
    "we te weinig vertellen wat we bewust laten liggen",
    "de risico-regelreflex na elk incident weer opduikt",
    "reflectieve rapporten wél gelezen worden door de Kamer",
)
_FOLLOW_UPS = (
    "Dat zie je terug in het jaarplan.",
    "Een voorbeeld is de laatste rapportage over ons toezichtsdomein.",
    "Daar zou ik in de groepsbijeenkomst graag over doorpraten.",
    "Dat vraagt om een gesprek met onze directie.",
    "Ik twijfel of dat een bewuste keuze is.",
    "Hier ligt volgens mij een taak voor de Inspectieraad.",
    "Dat schuurt met het principe van publieke verantwoording.",
    "Het helpt als we vooraf afspraken maken over publicatie – zwart op wit.",
)


def demo_name(rng: random.Random, taken: set[str]) -> str:
    """A made-up, unique participant name such as ``anna.de-vries``."""
    while True:
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        base = f"{first}.{last}".lower().replace(" ", "-")
        name = base
        n = 2
        while name in taken:
            name = f"{base}-{n}"
            n += 1
        taken.add(name)
        return name


def demo_text(rng: random.Random, sentences: tuple[int, int] = (2, 5)) -> str:
    """A short, plausible Dutch paragraph (invented); no sentence twice."""
    n = rng.randint(sentences[0], sentences[1])
    openers = rng.sample(_OPENERS, len(_OPENERS))
    claims = rng.sample(_CLAIMS, len(_CLAIMS))
    follow = rng.sample(_FOLLOW_UPS, len(_FOLLOW_UPS))
    parts = []
    for i in range(n):
        if i % 2 == 1 and follow and rng.random() < 0.6:
            parts.append(follow.pop())
        else:
            parts.append(f"{openers.pop()} {claims.pop()}.")
    return " ".join(parts)

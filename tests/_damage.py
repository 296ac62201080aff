"""Damaged answers for the restore tests: what a hand-edited or old
workbook may hold."""

#: Values that fit no field of any exercise.
JUNK = [None, 0, -1, 7, 3.5, True, "", "x", "  ", [], {}, ["a"], {"a": 1}]


def damaged(obj, rng, junk=JUNK):
    """``obj`` with keys dropped, values swapped for junk, lists shuffled
    (``rng`` a random.Random, so each test's damage is repeatable)."""
    if isinstance(obj, dict):
        return {k: (rng.choice(junk) if rng.random() < 0.1 else damaged(v, rng, junk)) for k, v in obj.items()
                if rng.random() > 0.05}
    if isinstance(obj, list):
        out = [damaged(x, rng, junk) for x in obj if rng.random() > 0.05] + (
            [rng.choice(junk)] if rng.random() < 0.1 else [])
        rng.shuffle(out)
        return out
    return rng.choice(junk) if rng.random() < 0.05 else obj

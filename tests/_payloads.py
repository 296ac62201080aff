"""Fixture workbooks for the export and collect tests: a script payload in
every text field a participant (or a foreign file) can fill, and unicode."""

from lst_kit.content import load_spec

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert("
UNICODE = "Zoë’s «toezicht» — één ✓ 😀"


def payload_answers() -> dict:
    """Answers for every Module 1 and Module 6 exercise, plus a removed exercise,
    with the payload wherever text can go."""
    tijdlijn = load_spec("m1.tijdlijn")
    dilemmas = load_spec("m6.dilemmas")
    principles = load_spec("m1.principes")
    ratings = load_spec("m1.wrr_nadrukken")
    card = dilemmas.cards[0]
    return {
        "m1.reflectie_wrr": {"text": f"{SCRIPT}\n\n{UNICODE}"},
        "m1.reflectie_logica": {"text": SCRIPT},
        "m1.reflectie_spanningen": {"text": f"Eerste regel\n{SCRIPT}"},
        "m1.reflectie_paradox": {"text": UNICODE},
        "m1.definitie": {"choice": 0, "option": SCRIPT, "correct": True},
        "m1.kaderstellende_visies": {"choice": 0, "option": load_spec("m1.kaderstellende_visies").options[0].text,
                                     "correct": True},
        "m1.wrr_nadrukken": {"ratings": {ratings.items[0].key: 4, SCRIPT: 2}},
        "m1.tijdlijn": {"tags": {tijdlijn.events[0].key: tijdlijn.logics[1].key, tijdlijn.events[1].key: SCRIPT}},
        "m1.principes": {"scores": {principles.moments[0].key: {principles.principles[0].key: 2, SCRIPT: 1}}},
        "m1.paradox": {"parameters": {"a": 0.45, SCRIPT: 1}, "draw": 1},
        "m6.dilemmas": {"choices": {card.key: card.options[1].key, SCRIPT: SCRIPT}},
        "m6.wat_neem_je_mee": {
            "fields": {"leerdoelen": SCRIPT, "volgende_stappen": f"{UNICODE}\n{SCRIPT}", SCRIPT: SCRIPT},
            "prefill": {"grens": {"label": SCRIPT, "lines": [SCRIPT, UNICODE], "filled": True}},
        },
        "m6.reflectie_meenemen": {"text": SCRIPT},
        "m9.vreemd": {
            SCRIPT: {"genest": [SCRIPT, 1, 2.5, True, None]},
            "rijen": [{"wie": SCRIPT, "score": 3}, {"wie": UNICODE, "score": 4}],
            "tekst": f"{SCRIPT}\n\ntweede alinea",
        },
    }


def write_payload_workbook(folder, participant="zoë-ünal"):
    from lst_kit.workbook import open_workbook

    wb = open_workbook(participant, folder)
    for exercise_id, answer in payload_answers().items():
        wb.save_answer(exercise_id, answer)
    return wb


def snapshot(folder) -> dict:
    """Every file under folder with its bytes and modification time."""
    from pathlib import Path

    out = {}
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            st = path.stat()
            out[str(path.relative_to(folder))] = (path.read_bytes(), st.st_mtime_ns, st.st_size)
    return out

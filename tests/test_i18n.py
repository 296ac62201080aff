"""One catalogue, Dutch by default, with a complete English version."""

import re
import string
from pathlib import Path

import pytest

from lst_kit import i18n
from lst_kit.errors import MAX_SHOWN
from lst_kit.i18n import catalogue, language, localized, t

PACKAGE = Path(i18n.__file__).parent


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_english_catalogue_is_complete_and_matches_placeholders():
    nl, en = catalogue("nl"), catalogue("en")
    assert set(nl) == set(en)
    for key in nl:
        assert placeholders(nl[key]) == placeholders(en[key]), key
        assert en[key].strip(), key


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""", path.read_text(encoding="utf-8")))
    used |= {f"saved.{state}" for state in ("empty", "loaded", "pending", "saved", "failed")}
    used |= {"workbook.recovered_from_backup", "workbook.recovered_empty"}
    flat = catalogue("nl")
    missing = sorted(k for k in used - set(flat) if f"{k}.other" not in flat)  # a plural key has .one/.other
    assert not missing
    assert len(used) > 60


def test_dutch_is_the_default(monkeypatch):
    monkeypatch.delenv("LST_LANG", raising=False)
    assert language() == "nl"
    assert t("saved.saved") == "✓ Opgeslagen in je werkboek"


@pytest.mark.parametrize("value, expected", [("en", "en"), ("EN", "en"), ("en_GB.UTF-8", "en"), ("fr", "nl"), ("", "nl")])
def test_lst_lang_switches(monkeypatch, value, expected):
    monkeypatch.setenv("LST_LANG", value)
    assert language() == expected


def test_english_texts_and_content_fields(monkeypatch):
    monkeypatch.setenv("LST_LANG", "en")
    assert t("saved.saved") == "✓ Saved in your workbook"
    assert t("rating.progress", done=2, total=3) == "2 of 3 statements rated."
    assert localized({"nl": "toezicht", "en": "supervision"}) == "supervision"
    assert localized({"nl": "alleen Nederlands"}) == "alleen Nederlands"
    monkeypatch.setenv("LST_LANG", "nl")
    assert localized({"nl": "toezicht", "en": "supervision"}) == "toezicht"
    assert localized("gewoon") == "gewoon"


def test_numbers_follow_the_language(monkeypatch):
    """Dutch: decimal comma and thousands point; English: never a decimal comma."""
    from lst_kit.exercises.risk_matrix.model import format_number
    from lst_kit.i18n import money, number, percent

    assert (number(2.5), number(1234.56, 2), number(0.5, 2, strip=True), number(-0.01)) == ("2,5", "1.234,56", "0,5", "0,0")
    assert (money(12500), percent(0.125, 1), format_number(1e6), format_number(70.5)) == ("€\u00a012.500", "12,5%", "1.000.000", "70,5")
    monkeypatch.setenv("LST_LANG", "en")
    assert (number(2.5), number(1234.56, 2), money(12500), percent(0.125, 1)) == ("2.5", "1,234.56", "€12,500", "12.5%")
    assert (format_number(1e6), format_number(70.5), format_number(float("inf"))) == ("1,000,000", "70.5", "∞")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_plural_key_has_both_forms(lang):
    flat = catalogue(lang)
    plurals = {k.rsplit(".", 1)[0] for k in flat if k.endswith(".one")}
    assert {"cli.check_ok", "cli.check_problems", "classroom.read"} <= plurals
    for key in plurals:
        assert f"{key}.one" in flat and f"{key}.other" in flat, key
        assert "{n}" in flat[f"{key}.one"] and "{n}" in flat[f"{key}.other"], key


def test_plural_forms_are_picked_by_n(monkeypatch):
    monkeypatch.setenv("LST_LANG", "nl")
    assert t("cli.check_problems", n=1) == "1 probleem gevonden."
    assert t("cli.check_problems", n=3) == "3 problemen gevonden."
    assert t("cli.check_ok", n=1) == "Alles in orde: 1 bestand gecontroleerd."
    assert t("cli.check_ok", n=0) == "Alles in orde: 0 bestanden gecontroleerd."
    monkeypatch.setenv("LST_LANG", "en")
    assert t("cli.check_ok", n=1) == "All good: 1 file checked."


@pytest.mark.parametrize("lang,text,value", [
    ("nl", "0,1", 0.1), ("nl", "0.1", 0.1), ("nl", " 0,05 ", 0.05), ("nl", "20.000", 20000.0),
    ("nl", "1.234,5", 1234.5), ("nl", "€ 4.000", 4000.0), ("nl", "0.125", 0.125), ("nl", "-2,5", -2.5),
    ("en", "0,1", 0.1), ("en", "0.1", 0.1), ("en", "20,000", 20000.0), ("en", "1,234.5", 1234.5),
    ("en", "1.5", 1.5),
])
def test_parse_number_reads_a_decimal_comma_and_point(monkeypatch, lang, text, value):
    from lst_kit.i18n import parse_number

    monkeypatch.setenv("LST_LANG", lang)
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "1..2", "0,1,2", "--1", "1e5x"])
def test_parse_number_refuses_what_is_no_number(text):
    from lst_kit.i18n import parse_number

    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_number_input_reads_back_as_the_same_value(monkeypatch, lang):
    from lst_kit.i18n import number_input, parse_number

    monkeypatch.setenv("LST_LANG", lang)
    for x in (0.02, 0.1, 4, 20000, 1e7, 123456.789, 0.000125):
        assert parse_number(number_input(x)) == pytest.approx(x)


def test_refused_input_is_echoed_short_and_readable(monkeypatch):
    from lst_kit.errors import InputError

    monkeypatch.setenv("LST_LANG", "nl")
    assert "ingevuld was: (niets)." in str(InputError("Naam", "iets", ""))
    long = str(InputError("Naam", "iets", "a" * 300))
    assert "a" * 300 not in long and "a" * (MAX_SHOWN - 1) + "…" in long
    assert "ingevuld was: 500." in str(InputError("Band", "iets", 500.0))
    assert "ingevuld was: 0,5." in str(InputError("Band", "iets", 0.5))
    monkeypatch.setenv("LST_LANG", "en")
    assert "entered was: 1,500.5." in str(InputError("Band", "x", 1500.5))

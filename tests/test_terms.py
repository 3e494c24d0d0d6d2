"""The terminology check (terms.yml): each refused form is reported at its line and column
with the preferred form, correct usage passes, quotes' original words are left alone, and
terms.yml's own mistakes are reported at their lines. The rules are the real glossary's; the
expected messages are written out here."""
from __future__ import annotations

import pytest

from hbsite.terms import compile_pattern
from tests.gate_helpers import RECORD, line_col, make_gate_repo, project_text, run_gate, write
from tests.hb_fixtures import KEYS

PLAIN = {
    "name": {"fi": "Esimerkkihanke", "sv": "Exempelprojekt", "selko": "Hyvä hanke"},
    "short_name": {"fi": "Esimerkki", "sv": "Exempel", "selko": "Hanke"},
    "summary": {"fi": "Hanke kokeili uutta tapaa.", "sv": "Projektet prövade ett nytt sätt.", "selko": "Hanke kokeili uutta tapaa."},
    "aims": {"fi": "Tavoite oli hyvä.", "sv": "Målet var gott.", "selko": "Ihminen päättää itse."},
}
BUDGETERING = "the practice (fi budjetointi) is personlig budgetering; personlig budget is the budget itself (fi budjetti)"
SELKO_TERM = ("selkosuomi uses one name for the key term on every page; inflect it as the sentence needs "
              "(henkilökohtaisen budjetin, henkilökohtaisesta budjetista)")
ESSOTE_SV = "in 2020–2021 Essote was a samkommun; the välfärdsområden began only in 2023"


def glossary_line(refuse: str) -> int:
    """The line of the rule ('- refuse: …') in the real terms.yml."""
    from tests.gate_helpers import ROOT

    lines = (ROOT / "terms.yml").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if refuse in line:
            while not lines[number - 1].lstrip().startswith("- refuse:"):
                number -= 1
            return number
    raise AssertionError(refuse)


@pytest.fixture
def root(tmp_path):
    return make_gate_repo(tmp_path / "repo")


def term_problems(root, key: str, aims: str, extra: str = "") -> tuple[str, list[str]]:
    texts = {field: dict(values) for field, values in PLAIN.items()}
    texts["aims"][key] = aims
    text = project_text(root, texts, extra=extra)
    write(root, RECORD, text)
    return text, [str(p) for p in run_gate(root).problems if "(rule: terms.yml:" in p.message]


REFUSED = [
    # (variant, text, refused words as found, preferred form shown, why, the rule's refuse pattern)
    ("sv", "Det var ett försöksprojekt med personlig budget i Vanda.", "försöksprojekt med personlig budget",
     "försöksprojekt(et) med personlig budgetering", BUDGETERING, "'försöksprojekt(et)? med personlig budget'"),
    ("sv", "I försöksprojektet med personlig budget deltog tio.", "försöksprojektet med personlig budget",
     "försöksprojekt(et) med personlig budgetering", BUDGETERING, "'försöksprojekt(et)? med personlig budget'"),
    ("sv", "Målet var att ordna personlig budget för alla.", "ordna personlig budget",
     "ordna personlig budgetering", BUDGETERING, "'ordna personlig budget'"),
    ("sv", "Projektet byggde en modell för personlig budget.", "modell för personlig budget",
     "(verksamhets)modell för personlig budgetering", "a model for the practice (fi budjetointi): personlig budgetering", "'(verksamhets)?modell(en)? för personlig budget'"),
    ("sv", "Det gäller verksamhetsmodellen för personlig budget.", "verksamhetsmodellen för personlig budget",
     "(verksamhets)modell för personlig budgetering", "a model for the practice (fi budjetointi): personlig budgetering", "'(verksamhets)?modell(en)? för personlig budget'"),
    ("sv", "Personlig budget för personer med funktionsnedsättning prövades.", "Personlig budget för personer med funktionsnedsättning",
     "Personlig budgetering för personer med funktionsnedsättning", BUDGETERING, "'personlig budget för personer med funktionsnedsättning'"),
    ("sv", "Piloten pågick i två år.", "Piloten", "Pilotförsöket", "'piloten' is an aviator", "'piloten'"),
    ("sv", "Under hela piloten fick de stöd.", "piloten", "pilotförsöket", "'piloten' is an aviator", "'piloten'"),
    ("sv", "Med var också Karviaisen perusturvakuntayhtymä.", "Karviaisen perusturvakuntayhtymä",
     "vård- och omsorgssamkommunen Karviainen", "its Swedish name; the Finnish genitive does not belong in a Swedish text", "'Karviaisen perusturvakuntayhtymä"),
    ("sv", "Projektet administrerades av Södra Savolax välfärdsområde.", "Södra Savolax välfärdsområde",
     "samkommunen för social- och hälsovårdstjänster i Södra Savolax Essote", ESSOTE_SV, "'Södra Savolax välfärdsområde"),
    ("sv", "Studenterna skrev ett lärdomsprov om projektet.", "lärdomsprov",
     "examensarbete", "a thesis at a university of applied sciences is an examensarbete", "'lärdomsprov"),
    ("fi", "Hanketta hallinnoi Etelä-Savon hyvinvointialue.", "Etelä-Savon hyvinvointialue",
     "Etelä-Savon sosiaali- ja terveyspalvelujen kuntayhtymä Essote", "in 2020–2021 Essote was a kuntayhtymä; the hyvinvointialueet began only in 2023", "'Etelä-Savon hyvinvointialue"),
    ("selko", "Ihminen saa oman budjetin.", "oman budjetin", "henkilökohtainen budjetti", SELKO_TERM, "(henkilön )?(oma|"),
    ("selko", "Henkilön oma budjetti on rahaa.", "Henkilön oma budjetti", "Henkilökohtainen budjetti", SELKO_TERM, "(henkilön )?(oma|"),
    ("selko", "Hanke oli Läntinen Uusimaa.", "Läntinen Uusimaa", "Länsi-Uusimaa", "the region's name that readers know", "'Läntinen Uusimaa'"),
    ("selko", "Hanke oli Läntisen Uudenmaan hanke.", "Läntisen Uudenmaan", "Länsi-Uudenmaan", "the region's name that readers know", "'Läntisen Uudenmaan'"),
]


@pytest.mark.parametrize("key, aims, found, use, why, refuse", REFUSED, ids=[r[2] for r in REFUSED])
def test_a_refused_form_is_reported_at_its_place_with_the_preferred_form(root, key, aims, found, use, why, refuse):
    text, problems = term_problems(root, key, aims)
    line, column = line_col(text, f"{key}: {aims}")
    column += len(f"{key}: ") + aims.index(found)
    assert problems == [f"{RECORD}:{line}:{column}: '{found}': write '{use}' — {why} (rule: terms.yml:{glossary_line(refuse)})"]


CORRECT = [
    ("sv", "Deltagaren fick en personlig budget och bestämde själv."),  # the budget itself (fi budjetti)
    ("sv", "Försöket med personlig budgetering pågick i två år."),
    ("sv", "Målet var att ordna personlig budgetering för alla."),
    ("sv", "Projektet byggde en verksamhetsmodell för personlig budgetering."),
    ("sv", "Ett försöksprojekt med personlig budgetering för personer med funktionsnedsättning."),
    ("sv", "Pilotförsöket pågick i två år, och piloter deltog inte."),
    ("sv", "Med var också vård- och omsorgssamkommunen Karviainen."),
    ("sv", "Sedan 2023 ordnar Södra Savolax välfärdsområde tjänsterna."),  # an exception: 2023 or later
    ("sv", "Studenterna skrev ett examensarbete."),
    ("fi", "Vuodesta 2023 palvelut on järjestänyt Etelä-Savon hyvinvointialue."),
    ("fi", "Henkilökohtainen budjetti ja henkilökohtainen budjetointi ovat eri asioita."),
    ("selko", "Ihminen saa henkilökohtaisen budjetin."),
    ("selko", "Hanke oli Länsi-Uudellamaalla."),
]


@pytest.mark.parametrize("key, aims", CORRECT, ids=[c[1][:30] for c in CORRECT])
def test_correct_usage_passes(root, key, aims):
    _, problems = term_problems(root, key, aims)
    assert problems == []


def test_a_phrase_folded_over_two_lines_is_reported_where_it_starts(root):
    text, problems = term_problems(root, "sv", "Målet var att ordna personlig\n    budget för alla.")
    line, column = line_col(text, "ordna personlig")
    assert problems == [f"{RECORD}:{line}:{column}: 'ordna personlig budget': write 'ordna personlig budgetering' — {BUDGETERING} (rule: terms.yml:{glossary_line('ordna personlig budget')})"]


def test_a_quotes_original_words_are_left_alone_but_its_translation_is_checked(root):
    quote = ("quotes:\n"
             "  - text: Piloten var viktig.\n"
             "    lang: sv\n"
             "    translations:\n"
             "      fi: Kokeilu oli tärkeä.\n"
             "      selko: Kokeilu oli tärkeä.\n"
             + "".join(f"      {k}: Det var viktigt.\n" for k in KEYS if k not in ("fi", "sv", "selko"))
             + "    source: {" + ", ".join(f"{k}: {dict(fi='Ote', sv='Utdrag', selko='Ote').get(k, 'Utdrag')}" for k in KEYS) + "}\n")
    text, problems = term_problems(root, "sv", "Målet var gott.", extra=quote)
    assert problems == []
    quote = quote.replace("lang: sv", "lang: fi").replace("text: Piloten var viktig.", "text: Pilotti oli tärkeä.").replace(
        "      fi: Kokeilu oli tärkeä.\n", "      sv: Piloten var viktig.\n")
    text, problems = term_problems(root, "sv", "Målet var gott.", extra=quote)
    line, column = line_col(text, "sv: Piloten var")
    assert problems == [f"{RECORD}:{line}:{column + 4}: 'Piloten': write 'Pilotförsöket' — 'piloten' is an aviator (rule: terms.yml:{glossary_line(chr(39) + 'piloten' + chr(39))})"]


def test_a_hand_written_page_is_checked_at_its_line_and_column(tmp_path):
    page = "# Startsida\n\nPiloten pågick i två år.\nPå [sidan]({{ link_to('x.md') }}) finns mer om att ordna personlig budget.\n"
    root = make_gate_repo(tmp_path / "repo", pages={"docs/sv/index.md": page})
    write(root, RECORD, project_text(root, PLAIN))
    problems = [str(p) for p in run_gate(root).problems]
    assert problems == [
        f"docs/sv/index.md:3:1: 'Piloten': write 'Pilotförsöket' — 'piloten' is an aviator (rule: terms.yml:{glossary_line(chr(39) + 'piloten' + chr(39))})",
        f"docs/sv/index.md:4:{page.splitlines()[3].index('ordna') + 1}: 'ordna personlig budget': write 'ordna personlig budgetering' — {BUDGETERING} (rule: terms.yml:{glossary_line('ordna personlig budget')})",
    ]


GLOSSARY_MISTAKES = [
    ("terms:\n  en:\n    - refuse: x\n      use: y\n", 2, 3, "'en' is not a variant in mkdocs.yml: use one of " + ", ".join(KEYS)),
    ("terms:\n  sv:\n    - refuse: 'ordna (personlig budget'\n      use: y\n", 3, 7, "this pattern cannot be read (missing ), unterminated subpattern): check the brackets and the backslashes"),
    ("terms:\n  sv:\n    - refuse: 'x'\n", 3, 7, "this rule has no 'use:' — write the right form"),
    ("terms:\n  sv:\n    - refuse: '(x)?'\n      use: y\n", 3, 7, "this pattern matches an empty text, so it would refuse every text"),
    ("terms:\n  sv:\n    - refuse: x\n      use: y\n      becuse: z\n", 5, 7, "'becuse' is not a setting of a rule: use refuse, use, why, exceptions, match_case"),
    ("termit:\n  sv: []\n", 1, 1, "terms.yml has two parts, 'terms:' and 'abbreviations:' — 'termit' is not one of them"),
]


@pytest.mark.parametrize("glossary, line, column, message", GLOSSARY_MISTAKES, ids=[m[3][:30] for m in GLOSSARY_MISTAKES])
def test_a_mistake_in_terms_yml_is_reported_at_its_line(tmp_path, glossary, line, column, message):
    root = make_gate_repo(tmp_path / "repo", terms=glossary)
    write(root, RECORD, project_text(root, PLAIN))
    problems = [p for p in run_gate(root).problems if p.file == "terms.yml"]
    assert [(p.line, p.column) for p in problems] == [(line, column)], [str(p) for p in problems]
    assert problems[0].message.startswith(message), str(problems[0])


def test_editors_add_a_rule_without_code(tmp_path):
    glossary = ("terms:\n  fi:\n    - refuse: 'HB-kokeilu\\w*'\n      use: henkilökohtaisen budjetoinnin kokeilu\n"
                "      match_case: true\n      why: readers do not know the abbreviation\n")
    root = make_gate_repo(tmp_path / "repo", terms=glossary)
    texts = {field: dict(values) for field, values in PLAIN.items()}
    texts["aims"]["fi"] = "Hanke kuului HB-kokeiluun. Sana hb-kokeilu pienillä kirjaimilla ei osu."
    text = project_text(root, texts)
    write(root, RECORD, text)
    problems = [str(p) for p in run_gate(root).problems]
    line, column = line_col(text, "HB-kokeiluun")
    # match_case: true — only the form with capitals is refused
    assert problems == [f"{RECORD}:{line}:{column}: 'HB-kokeiluun': write 'henkilökohtaisen budjetoinnin kokeilu' — readers do not know the abbreviation (rule: terms.yml:3)"]


def test_patterns_match_whole_words_and_any_space():
    pattern = compile_pattern("personlig budget")
    assert pattern.search("en personlig budget.")
    assert pattern.search("en personlig\n    budget.")
    assert pattern.search("en personlig\u00a0budget.")  # a no-break space is a space
    assert not pattern.search("personlig budgetering")
    assert not pattern.search("opersonlig budget")


def test_the_glossary_matches_its_json_schema():
    import json

    import jsonschema
    import yaml

    from tests.gate_helpers import ROOT

    schema = json.loads((ROOT / "schemas" / "terms.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load((ROOT / "terms.yml").read_text(encoding="utf-8")), schema)
    assert (ROOT / "terms.yml").read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=schemas/terms.schema.json"

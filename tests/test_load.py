"""The strict YAML loader: what it accepts, and one clear file:line:col message for each
kind of broken file an editor can save."""
from __future__ import annotations

import pytest

from hbsite.load import load_file, load_text

FILE = "projects/hb-kokeilu-2020-2021/esimerkki.yml"


def only_problem(text: str):
    document, problems = load_text(text, FILE)
    assert len(problems) == 1, [str(p) for p in problems]
    return document, problems[0]


# ── what is accepted, and how values are typed ──────────────────────────────────────────────
def test_plain_words_that_yaml_1_1_reads_as_booleans_stay_text():
    words = ["on", "off", "yes", "no", "y", "n", "On", "OFF", "Yes", "NO", "Y", "N"]
    text = "".join(f"w{i}: {w}\n" for i, w in enumerate(words))
    document, problems = load_text(text, FILE)
    assert problems == []
    assert list(document.data.values()) == words


def test_numbers_with_leading_zeros_dates_and_times_stay_as_written():
    document, problems = load_text("postcode: 00100\noctal: 0o17\nstart: 2020-01-08\nat: 12:30\nhex: 0x1F\nexp: 1e3\n", FILE)
    assert problems == []
    assert document.data == {"postcode": "00100", "octal": "0o17", "start": "2020-01-08", "at": "12:30", "hex": "0x1F", "exp": "1e3"}


def test_only_true_false_plain_integers_and_decimals_are_typed():
    document, problems = load_text("a: true\nb: false\nc: 16\nd: -2\ne: 1.5\nf: ~\ng:\nh: \"16\"\ni: 'true'\n", FILE)
    assert problems == []
    assert document.data == {"a": True, "b": False, "c": 16, "d": -2, "e": 1.5, "f": None, "g": None, "h": "16", "i": "true"}


def test_a_utf8_bom_and_crlf_line_ends_are_accepted(tmp_path):
    path = tmp_path / "bom.yml"
    path.write_bytes(b"\xef\xbb\xbfkind: project\r\nname:\r\n  fi: on\r\n  sv: |\r\n    rad ett\r\n    rad tv\xc3\xa5\r\n")
    document, problems = load_file(path, "bom.yml")
    assert problems == []
    assert document.data == {"kind": "project", "name": {"fi": "on", "sv": "rad ett\nrad två\n"}}
    assert document.position(("name", "sv")) == (4, 3)


def test_positions_of_keys_and_list_items():
    text = "kind: project\norganisers:\n  - name:\n      fi: A\n    role: partner\n  - name:\n      fi: B\n"
    document, problems = load_text(text, FILE)
    assert problems == []
    assert document.position(("organisers",)) == (2, 1)
    assert document.position(("organisers", 1)) == (6, 5)
    assert document.position(("organisers", 0, "role")) == (5, 5)
    assert document.position(("organisers", 1, "name", "sv")) == (6, 5), "a missing key points at its block"


# ── every kind of broken file: (text, line, column, words of the message) ───────────────────
BROKEN = {
    "duplicate top-level key": (
        "kind: project\nsource: A\nsource: B\n", 3, 1, "'source' appears twice in the same block (first on line 2): keep one and delete the other"),
    "duplicate nested key": (
        "name:\n  fi: A\n  sv: B\n  fi: C\n", 4, 3, "'fi' appears twice in the same block (first on line 2)"),
    "tab as indentation": (
        "name:\n\tfi: A\n", 2, 1, "a tab character: indent with spaces only (2 spaces per level)"),
    "tab after spaces": (
        "name:\n  fi: A\n  \tsv: B\n", 3, 3, "a tab character: indent with spaces only"),
    "tab inside a line": (
        "source: A\tB\n", 1, 10, "a tab character inside the line: replace it with a space"),
    "key indented more than the one above": (
        "name:\n  fi: A\n   sv: B\n", 3, 4, "this line is indented more than the key above it: line it up with the other keys of the same block"),
    "top-level key indented": (
        "kind: project\n  name: A\n", 2, 3, "this line is indented more than the key above it"),
    "key indented less than its block": (
        "name:\n  fi: A\n sv: B\n", 3, 2, "the indentation is wrong: line this key up with the other keys of the same block (2 spaces per level)"),
    "list item key out of line": (
        "organisers:\n  - name: A\n   role: partner\n", 3, 4, "the indentation is wrong"),
    "list and keys mixed": (
        "pilots:\n  - A\n  fi: B\n", 3, 3, "a list and 'key: value' lines are mixed in one block: every item of a list starts with '- '"),
    "key without a colon": (
        "name\nkind: project\n", 1, 1, "'name' is missing its ':' — write 'name:'"),
    "colon and space inside unquoted text": (
        "source: Tavoite: parempi elämä\n", 1, 16, "unexpected ': ' inside a text: put the whole text in quotes"),
    "unclosed double quote": (
        'kind: project\nsource: "Alueelliset hankkeet\nname: x\n', 2, 9, 'the quotation mark " that starts here is never closed'),
    "unclosed single quote": (
        "source: 'Alueelliset\n", 1, 9, "the quotation mark ' that starts here is never closed: end the text with ' (write a ' inside the text twice ('')"),
    "text after the closing quote": (
        'source: "Hanke" Sopiva\n', 1, 17, "text continues after the closing quotation mark: put the whole text in single quotes"),
    "unclosed brace": (
        "name: {fi: A, sv: B\nkind: project\n", 1, 7, "the '{' that starts here is not closed with '}' on the same line"),
    "unclosed bracket": (
        "pilots: [A, B\n", 1, 9, "the '[' that starts here is not closed with ']' on the same line"),
    "text starting with @": (
        "source: @thl\n", 1, 9, "a text cannot start with '@' without quotes: put the whole text in quotes"),
    "text starting with a backtick": (
        "source: `koodi`\n", 1, 9, "a text cannot start with '`' without quotes"),
    "text starting with *": (
        "source: * tähti\n", 1, 9, "a text starting with '*' must be in quotes"),
    "anchor": (
        "name: &nimi\n  fi: A\nshort_name: B\n", 1, 7, "'&nimi' is a YAML anchor, not used in these files"),
    "alias": (
        "short_name: *nimi\n", 1, 13, "'*nimi' is a YAML alias, not used in these files: write the value out in full"),
    "merge key": (
        "name:\n  <<: {fi: A}\n  sv: B\n", 2, 3, "merge keys ('<<') are not used in these files"),
    "type tag": (
        "year: !!int '2019'\n", 1, 7, "the tag '!!int' is not used in these files: remove it"),
    "custom tag": (
        "source: !lahde THL\n", 1, 9, "the tag '!lahde' is not used in these files"),
    "control character": (
        "source: THL\x07\n", 1, 12, "an invisible control character (U+0007) is in the text here: delete it"),
    "empty file": (
        "", 1, 1, "the file is empty: a record needs at least 'kind:' and its fields"),
    "only comments and blank lines": (
        "# yaml-language-server: $schema=../../schemas/record.schema.json\n\n   \n# luonnos\n", 1, 1, "the file is empty"),
    "a list instead of a mapping": (
        "- kind: project\n- name: A\n", 1, 1, "the file must be a set of 'key: value' lines (a mapping), not a list"),
    "a single text instead of a mapping": (
        "# kommentti\nHeBu-Vantaa\n", 2, 1, "the file must be a set of 'key: value' lines (a mapping), not a single value"),
    "two documents": (
        "kind: project\n---\nkind: project\n", 3, 1, "a second document ('---') in the file: put one record in each file"),
}


@pytest.mark.parametrize("text, line, column, message", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_file_gives_one_message_at_its_line_and_column(text, line, column, message):
    _, problem = only_problem(text)
    assert (problem.file, problem.line, problem.column) == (FILE, line, column), str(problem)
    assert message in problem.message, str(problem)
    assert str(problem).startswith(f"{FILE}:{line}:{column}: ")


def test_every_tab_indented_line_is_reported():
    _, problems = load_text("name:\n\tfi: A\n\tsv: B\n  selko: C\n", FILE)
    assert [(p.line, p.column) for p in problems] == [(2, 1), (3, 1)]


def test_several_duplicate_keys_are_all_reported():
    document, problems = load_text("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", FILE)
    assert [(p.line, p.column) for p in problems] == [(4, 3), (5, 1)]
    assert document.data == {"a": 1, "b": {"c": 1}}, "the first value is kept, never silently replaced"


@pytest.mark.parametrize(
    "raw, line, column",
    [
        ("kind: project\nsource: Sein\xe4joki\n".encode("latin-1"), 2, 13),
        ("kind: project\nname:\n  fi: \xc4\xe4nekoski\n".encode("latin-1"), 3, 7),
        ("kind: project\nsource: Sein\xe4joki \u2013 Vaasa\n".encode("cp1252"), 2, 13),
    ],
    ids=["latin-1 ä", "latin-1 Ä at line start of value", "windows-1252"],
)
def test_a_file_that_is_not_utf8_is_reported_at_the_first_bad_byte(tmp_path, raw, line, column):
    path = tmp_path / "latin.yml"
    path.write_bytes(raw)
    document, problems = load_file(path, FILE)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{FILE}:{line}:{column}: the file is not UTF-8 text: save it as UTF-8 in your editor (VS Code: click the encoding in the status bar → 'Save with Encoding' → UTF-8)"
    ]


def test_an_alias_bomb_is_refused_without_expanding_it():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    document, problems = load_text(bomb, FILE)
    assert document is None
    assert problems[0].line == 1 and "anchor" in problems[0].message


def test_a_utf16_file_is_named_as_such(tmp_path):
    path = tmp_path / "u16.yml"
    path.write_bytes("kind: project\n".encode("utf-16"))
    document, problems = load_file(path, FILE)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{FILE}:1:1: the file is saved as UTF-16, not UTF-8: save it as UTF-8 in your editor (VS Code: click 'UTF-16' in the status bar → 'Save with Encoding' → UTF-8)"
    ]


def test_an_absurdly_big_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.yml"
    path.write_bytes(b"kind: project\nsource: " + b"a" * 600_000 + b"\n")
    document, problems = load_file(path, FILE)
    assert document is None
    assert [str(p) for p in problems] == [
        f"{FILE}:1:1: the file is 600 KB: a record or a page is a few KB, at most 500 KB — a file this big cannot be reviewed; split it or remove what does not belong"
    ]


# ── an unclosed quote is reported where it opens ──────────────────────────────────────────
UNCLOSED = {
    # The editor trial's case: a quote opened on one line is closed by the next quotation mark
    # in the file, many lines below, where YAML stumbles ("text continues after …").
    "double quote closed by a quote further down": (
        'kind: project\nname:\n  fi: "HeBu-Vantaa\n  sv: HeBu-Vanda\n  selko: HeBu-Vantaa\nsummary:\n  fi: Hanke kokeili "uutta" tapaa.\n', 3, 7, '"'),
    "double quote closed by the next text's opening quote": (
        'kind: project\nname:\n  fi: "HeBu-Vantaa\n  sv: "HeBu-Vanda"\n', 3, 7, '"'),
    "single quote closed by an apostrophe further down": (
        "kind: project\nname:\n  fi: 'HeBu-Vantaa\n  sv: Vandas stads projekt\naims:\n  fi: Asiakkaan 'oma' ääni\n", 3, 7, "'"),
}


@pytest.mark.parametrize("text, line, column, quote", UNCLOSED.values(), ids=UNCLOSED.keys())
def test_an_unclosed_quote_is_reported_where_it_opens(text, line, column, quote):
    _, problem = only_problem(text)
    inner = "write a ' inside the text twice ('')" if quote == "'" else 'write a " inside the text as \\"'
    assert str(problem) == f"{FILE}:{line}:{column}: the quotation mark {quote} that starts here is never closed: end the text with {quote} ({inner})"


def test_text_after_a_closing_quote_on_one_line_keeps_its_own_advice():
    _, problem = only_problem('source: "Hanke" Sopiva\n')
    assert (problem.line, problem.column) == (1, 17)
    assert problem.message.startswith("text continues after the closing quotation mark")


# ── what a reviewer cannot see ─────────────────────────────────────────────────────────────
HIDDEN = {
    "right-to-left override (Trojan Source)": (
        "kind: project\nname:\n  fi: Hanke \u202eakkin\n", 3, 13,
        "a text-direction control character (U+202E RIGHT-TO-LEFT OVERRIDE) is here: it can make the text show in another order than the file says (the 'Trojan Source' trick) — delete it"),
    "left-to-right isolate": (
        "name:\n  fi: A\u2066B\n", 2, 8, "a text-direction control character (U+2066 LEFT-TO-RIGHT ISOLATE)"),
    "zero-width space": (
        "name:\n  fi: Vant\u200baa\n", 2, 11,
        "an invisible character (U+200B ZERO WIDTH SPACE) is here: it does not show, but it splits or hides words from the checks and from search — delete it (retype the word around it)"),
    "zero-width joiner": (
        "name:\n  fi: ab\u200dc\n", 2, 9, "an invisible character (U+200D ZERO WIDTH JOINER)"),
    "soft hyphen": (
        "name:\n  fi: budje\u00adtointi\n", 2, 12, "an invisible character (U+00AD SOFT HYPHEN)"),
    "BOM inside the text": (
        "name:\n  fi: a\ufeffb\n", 2, 8, "an invisible character (U+FEFF ZERO WIDTH NO-BREAK SPACE)"),
    "line separator": (
        "name:\n  fi: a\u2028b\n", 2, 8, "an unusual line-break character (U+2028 LINE SEPARATOR)"),
    "em space": (
        "name:\n  fi: a\u2003b\n", 2, 8, "an unusual space character (U+2003 EM SPACE) is here, pasted from another program: replace it with an ordinary space"),
    "private-use character": (
        "name:\n  fi: a\ue000b\n", 2, 8, "a character with no meaning of its own (U+E000, a private-use or tag character)"),
    "tag character": (
        "name:\n  fi: a\U000e0041b\n", 2, 8, "a character with no meaning of its own (U+E0041, a private-use or tag character)"),
    "Cyrillic letter in a Latin word": (
        "name:\n  fi: Hanke K\u0435la\n", 2, 14,
        "the word 'K\u0435la' mixes letters of different alphabets (Latin, Cyrillic): its '\u0435' (U+0435 CYRILLIC SMALL LETTER IE) only looks like a Latin letter — retype the word with the keyboard"),
    "Greek letter in a Latin word": (
        "name:\n  fi: \u03bfma\n", 2, 7, "the word '\u03bfma' mixes letters of different alphabets (Greek, Latin)"),
}


@pytest.mark.parametrize("text, line, column, message", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_character_a_reviewer_cannot_see_is_refused_at_its_place(text, line, column, message):
    _, problem = only_problem(text)
    assert (problem.file, problem.line, problem.column) == (FILE, line, column), str(problem)
    assert problem.message.startswith(message), str(problem)


def test_typographic_spaces_in_numbers_are_allowed():
    # "535 952 €" with a no-break space, a narrow no-break space or a thin space: Finnish and
    # Swedish typography; they show as spaces, and every check reads them as spaces.
    document, problems = load_text("grant:\n  fi: 535\u00a0952\u00a0€, 2\u202f926\u202f400 € ja 1\u2009000 €\n", FILE)
    assert problems == []
    assert document.data["grant"]["fi"] == "535\u00a0952\u00a0€, 2\u202f926\u202f400 € ja 1\u2009000 €"


def test_many_hidden_characters_are_summed_up_after_the_first_twenty():
    _, problems = load_text("name:\n  fi: " + "a\u200b" * 25 + "\n", FILE)
    assert len(problems) == 21
    assert str(problems[-1]) == f"{FILE}:1:1: 5 more hidden characters in this file (shown: the first 20): delete them all — VS Code shows them with 'Render Control Characters' and the 'Unicode highlight' settings"


# ── a place inside a text ─────────────────────────────────────────────────────────────────
LOCATE = (
    "kind: project\n"
    "plain:\n"
    "  fi: Ensimmäinen rivi jatkuu\n"
    "    toisella rivillä ja loppuu.\n"
    "quoted: \"Sano \\\"hei\\\" ja 'moi' nyt\"\n"
    "single: 'Se on ''hyvä'' niin'\n"
    "block: |\n"
    "  Eka rivi.\n"
    "  Toka rivi.\n"
)


@pytest.mark.parametrize("path, word, line, column", [
    (("plain", "fi"), "Ensimmäinen", 3, 7),
    (("plain", "fi"), "jatkuu", 3, 24),
    (("plain", "fi"), "toisella", 4, 5),
    (("plain", "fi"), "loppuu", 4, 25),
    (("quoted",), "hei", 5, 17),
    (("quoted",), "moi", 5, 27),
    (("quoted",), "nyt", 5, 32),
    (("single",), "hyvä", 6, 18),
    (("single",), "niin", 6, 25),
    (("block",), "Eka", 8, 3),
    (("block",), "Toka", 9, 3),
])
def test_a_word_inside_a_text_is_located_at_its_line_and_column(path, word, line, column):
    document, problems = load_text(LOCATE, FILE)
    assert problems == []
    value = document.value(path)
    assert document.locate(path, value.index(word)) == (line, column)
    assert LOCATE.splitlines()[line - 1][column - 1 : column - 1 + len(word)] == word

"""The terminology check: the site's key terms per variant, from the glossary `terms.yml`.

In the manner of Vale's substitution rules: each rule of a variant has refused forms (regular
expressions, whole words, case-insensitive unless `match_case: true`), the preferred form, a
reason, and optional exceptions (a sentence that also matches one is left alone). Every text
of the variant in every record, and every hand-written page of the variant, is searched;
each match is a problem at its line and column that names the preferred form. Editors extend
the glossary without touching code; `terms.yml` itself is checked like a record (a rule with
a broken pattern or an unknown variant is a problem at its line).

`abbreviations:` in the same file gives, per variant, the written-out form of abbreviations;
the readability check (hbsite/report.py) uses it for its advice and to recognise the
abbreviations with a full stop ("esim.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .load import Document, load_text, read_text
from .messages import N_, _
from .problems import Problem
from .variants import Variant

GLOSSARY = "terms.yml"
SCHEMA_LINE = "# yaml-language-server: $schema=schemas/terms.schema.json"
RULE_KEYS = ("refuse", "use", "why", "exceptions", "match_case")

TERM = N_("'{found}': write '{use}' — {why} (rule: {glossary}:{line})")
TERM_NO_WHY = N_("'{found}': write '{use}' (rule: {glossary}:{line})")
NO_GLOSSARY = N_("terms.yml is missing: it holds the site's key terms per variant (restore it from git)")
TOP_LEVEL = N_("terms.yml has two parts, 'terms:' and 'abbreviations:' — '{key}' is not one of them")
NOT_A_BLOCK = N_("'{key}:' must be a block of variant keys ({keys}), each with its rules below it")
UNKNOWN_VARIANT = N_("'{key}' is not a variant in mkdocs.yml: use one of {keys}")
NOT_A_LIST = N_("the rules of '{key}' must be a list: start each rule with '- refuse:'")
RULE_NOT_A_BLOCK = N_("a rule is a block of 'refuse:', 'use:' and 'why:' lines")
RULE_UNKNOWN_KEY = N_("'{key}' is not a setting of a rule: use {allowed}")
RULE_MISSING_REFUSE = N_("this rule has no 'refuse:' — write the wrong form, for example refuse: 'ordna personlig budget'")
RULE_MISSING_USE = N_("this rule has no 'use:' — write the right form, for example use: ordna personlig budgetering")
RULE_REFUSE_TYPE = N_("'refuse:' is one pattern in quotes, or a list of them (each on its own line starting with '- ')")
RULE_TEXT_TYPE = N_("'{key}:' must be a text")
RULE_BOOL = N_("'match_case:' is true or false")
BAD_PATTERN = N_("this pattern cannot be read ({error}): check the brackets and the backslashes (a literal '.', '(' or '?' is written '\\.', '\\(' or '\\?')")
EMPTY_MATCH = N_("this pattern matches an empty text, so it would refuse every text: make it match at least one letter")
ABBREVIATION_TYPE = N_("an abbreviation is written 'esim.: esimerkiksi' — the abbreviation, ':' and its written-out form")


@dataclass(frozen=True)
class Rule:
    variant: str
    pattern: re.Pattern
    use: str
    why: str
    exceptions: tuple[re.Pattern, ...]
    line: int  # of the rule in terms.yml


@dataclass
class Glossary:
    rules: dict[str, list[Rule]] = field(default_factory=dict)
    abbreviations: dict[str, dict[str, str]] = field(default_factory=dict)


def compile_pattern(pattern: str, match_case: bool = False) -> re.Pattern:
    """A refused form as editors write it → a regex: whole words only, any space matches any
    run of spaces or line breaks (a text may fold a phrase over two lines)."""
    body = re.sub(r"(?<!\\) +", r"\\s+", pattern)
    flags = 0 if match_case else re.IGNORECASE
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w])", flags)


def load_glossary(root: Path, variants: tuple[Variant, ...]) -> tuple[Glossary, list[Problem]]:
    path = root / GLOSSARY
    if not path.exists():
        return Glossary(), [Problem(GLOSSARY, 1, 1, _(NO_GLOSSARY))]
    text, problems = read_text(path, GLOSSARY)
    if text is None:
        return Glossary(), problems
    document, problems = load_text(text, GLOSSARY)
    if document is None:
        return Glossary(), problems
    glossary = Glossary()
    keys = [v.key for v in variants]
    listed = ", ".join(keys)
    for key, value in document.data.items():
        if key not in ("terms", "abbreviations"):
            problems.append(document.problem((key,), _(TOP_LEVEL).format(key=key)))
            continue
        if value is None:
            continue
        if not isinstance(value, dict):
            problems.append(document.problem((key,), _(NOT_A_BLOCK).format(key=key, keys=listed)))
            continue
        for variant, items in value.items():
            if variant not in keys:
                problems.append(document.problem((key, variant), _(UNKNOWN_VARIANT).format(key=variant, keys=listed)))
                continue
            if key == "terms":
                rules, found = _rules(document, variant, items)
                glossary.rules[variant] = rules
            else:
                abbreviations, found = _abbreviations(document, variant, items)
                glossary.abbreviations[variant] = abbreviations
            problems += found
    return glossary, problems


def _pattern(document: Document, where: tuple, pattern, match_case: bool) -> tuple[re.Pattern | None, list[Problem]]:
    if not isinstance(pattern, str) or not pattern.strip():
        return None, [document.problem(where, _(RULE_REFUSE_TYPE))]
    try:
        compiled = compile_pattern(pattern, match_case)
    except re.error as error:
        return None, [document.problem(where, _(BAD_PATTERN).format(error=error.msg))]
    if compiled.fullmatch(""):
        return None, [document.problem(where, _(EMPTY_MATCH))]
    return compiled, []


def _rules(document: Document, variant: str, items) -> tuple[list[Rule], list[Problem]]:
    base = ("terms", variant)
    if items is None:
        return [], []
    if not isinstance(items, list):
        return [], [document.problem(base, _(NOT_A_LIST).format(key=variant))]
    rules, problems = [], []
    for index, item in enumerate(items):
        at = base + (index,)
        if not isinstance(item, dict):
            problems.append(document.problem(at, _(RULE_NOT_A_BLOCK)))
            continue
        unknown = [k for k in item if k not in RULE_KEYS]
        for key in unknown:
            problems.append(document.problem(at + (key,), _(RULE_UNKNOWN_KEY).format(key=key, allowed=", ".join(RULE_KEYS))))
        if "refuse" not in item:
            problems.append(document.problem(at, _(RULE_MISSING_REFUSE)))
            continue
        if not isinstance(item.get("use"), str) or not item["use"].strip():
            problems.append(document.problem(at + ("use",), _(RULE_MISSING_USE)))
            continue
        for key in ("why",):
            if key in item and not isinstance(item[key], str):
                problems.append(document.problem(at + (key,), _(RULE_TEXT_TYPE).format(key=key)))
        match_case = item.get("match_case", False)
        if not isinstance(match_case, bool):
            problems.append(document.problem(at + ("match_case",), _(RULE_BOOL)))
            match_case = False
        refused = item["refuse"] if isinstance(item["refuse"], list) else [item["refuse"]]
        where = [at + ("refuse", i) for i in range(len(refused))] if isinstance(item["refuse"], list) else [at + ("refuse",)]
        exceptions = []
        raw_exceptions = item.get("exceptions") or []
        if not isinstance(raw_exceptions, list):
            raw_exceptions = [raw_exceptions]
        for i, pattern in enumerate(raw_exceptions):
            compiled, found = _pattern(document, at + ("exceptions", i), pattern, False)
            problems += found
            if compiled is not None:
                exceptions.append(re.compile(pattern, re.IGNORECASE))
        line = document.position(at)[0]
        for pattern, place in zip(refused, where):
            compiled, found = _pattern(document, place, pattern, match_case)
            problems += found
            if compiled is not None:
                rules.append(Rule(variant, compiled, item["use"].strip(), str(item.get("why") or "").strip(), tuple(exceptions), line))
    return rules, problems


def _abbreviations(document: Document, variant: str, items) -> tuple[dict[str, str], list[Problem]]:
    base = ("abbreviations", variant)
    if items is None:
        return {}, []
    if not isinstance(items, dict):
        return {}, [document.problem(base, _(ABBREVIATION_TYPE))]
    out, problems = {}, []
    for form, full in items.items():
        if not isinstance(full, str) or not full.strip():
            problems.append(document.problem(base + (form,), _(ABBREVIATION_TYPE)))
            continue
        out[str(form)] = full.strip()
    return out, problems


_SENTENCE_START = re.compile(r"(^|[.!?:]\s+|\n\s*|[-*#>]\s+)$")


def _preferred(use: str, found: str, before: str) -> str:
    """The preferred form, capitalised when the refused one starts a sentence with a capital
    ("Piloten …" → "Pilotförsöket …"); a name inside a sentence keeps the form as written."""
    if found[:1].isupper() and use[:1].islower() and _SENTENCE_START.search(before[-20:]):
        return use[:1].upper() + use[1:]
    return use


def term_problems_in(passage, rules: list[Rule]) -> list[Problem]:
    """Every refused form in one text, once per place (the first rule that matches wins)."""
    from .readability import sentence_spans

    text = passage.text
    taken: list[tuple[int, int]] = []
    problems = []
    spans = None
    for rule in rules:
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if rule.exceptions:
                spans = spans if spans is not None else sentence_spans(text)
                sentence = next((text[a:b] for a, b in spans if a <= start < b), text)
                if any(e.search(sentence) for e in rule.exceptions):
                    continue
            taken.append((start, end))
            found = " ".join(match.group(0).split())
            use = _preferred(rule.use, found, text[:start])
            message = _(TERM).format(found=found, use=use, why=rule.why, glossary=GLOSSARY, line=rule.line) if rule.why else _(TERM_NO_WHY).format(found=found, use=use, glossary=GLOSSARY, line=rule.line)
            problems.append(passage.problem(start, message))
    return problems


def term_problems(content, glossary: Glossary) -> list[Problem]:
    """Every text of every variant that has rules: records (names too; quotes' and titles'
    original words are someone else's and are left alone) and hand-written pages."""
    from .report import pages_of

    problems = []
    for variant in content.variants:
        rules = glossary.rules.get(variant.key)
        if not rules:
            continue
        for _file, passages in pages_of(content, variant):
            for passage in passages:
                problems += term_problems_in(passage, rules)
    return problems

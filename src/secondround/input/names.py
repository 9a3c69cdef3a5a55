"""People's names as letters write them: reading order, name case, titles and greetings."""

from __future__ import annotations

import re

from secondround.input.profile import Tone
from secondround.input.text import clean_line, is_email

__all__ = ["default_salutation", "first_name", "in_name_case", "written_name"]


# Titles and ranks a name may start with: "Dr. Ana Ruiz", "Capt. Jane Hook", "Cllr Priya Das".
_HONORIFICS = frozenset(
    {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "rev"}
    | {"reverend", "father", "fr", "rabbi", "imam", "pastor", "judge"}
    | {"captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "maj", "colonel", "col"}
    | {"gen", "commander", "cmdr", "admiral", "adm", "detective", "det", "inspector", "insp"}
    | {"councillor", "councilor", "cllr", "senator", "sen", "mayor"}
)


# Short forms that are also given names ("Gen Hoshino", "Sen Gupta", "Col" for Colin) count
# as titles only with their period. ("Justice", "Major" and "General" are left out: names too.)
_TITLE_NEEDS_PERIOD = frozenset({"gen", "sen", "col", "maj", "det", "adm", "insp"})


def _is_title(word: str) -> bool:
    key = word.rstrip(".").lower()
    return key in _HONORIFICS and (key not in _TITLE_NEEDS_PERIOD or word.endswith("."))


def first_name(full: str) -> str:
    """The first given name in a full name, skipping a leading honorific such as "Dr."."""
    words = clean_line(full).split(" ")
    while len(words) > 1 and _is_title(words[0]):
        words = words[1:]
    return words[0]


_FORMAL_HONORIFIC = {
    "dr": "Dr.",
    "mr": "Mr.",
    "mrs": "Mrs.",
    "ms": "Ms.",
    "mx": "Mx.",
    "miss": "Miss",
    "prof": "Professor",
    "rev": "Reverend",
    "fr": "Father",
    "capt": "Captain",
    "lt": "Lieutenant",
    "sgt": "Sergeant",
    "maj": "Major",
    "col": "Colonel",
    "gen": "General",
    "cmdr": "Commander",
    "adm": "Admiral",
    "det": "Detective",
    "insp": "Inspector",
    "cllr": "Councillor",
    "sen": "Senator",
}


# Words inside a name that stay in lower case when a name typed all in one case is mended.
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "das", "di", "del", "della", "du", "la", "le"}
    | {"bin", "binti", "ibn", "al", "el", "y", "e", "wa", "ter", "ten", "zu"}
)


def in_name_case(name: str) -> str:
    """A name as names are written: "john smith" or "JOHN SMITH" becomes "John Smith"."""
    return " ".join(_in_name_case(clean_line(name).split(" ")))


def _in_name_case(words: list[str]) -> list[str]:
    """A name typed all in lower or all in upper case ("john smith", "JOHN SMITH"), with
    capitals as names have them; a name with any mix of cases is the reader's own."""
    letters = [ch for ch in "".join(words) if ch.isalpha()]
    cased = [ch for ch in letters if ch.islower() or ch.isupper()]
    one_case = all(ch.islower() for ch in cased) or all(ch.isupper() for ch in cased)
    if len(cased) < 2 or not one_case:
        return words
    mended = []
    for i, word in enumerate(words):
        low = "".join(_one_char(ch.lower(), ch) for ch in word)
        if i and low in _PARTICLES:
            mended.append(low)
        else:
            # "o'brien" -> "O'Brien", "jean-luc" -> "Jean-Luc".
            mended.append(
                re.sub(r"(^|[-'’])(\w)", lambda m: m[1] + _one_char(m[2].upper(), m[2]), low)
            )
    return mended


def _one_char(changed: str, ch: str) -> str:
    # "ß" upper is "SS" and "İ" lower is two characters: those letters stay as typed.
    return changed if len(changed) == 1 else ch


# Letters after a name, set off by a comma: "Jane Doe, MD", "John Smith, Jr.".
_AFTER_NAME = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "cpa", "rn", "esq", "dds", "pe", "pmp"}
    | {"cfa", "obe", "mbe", "cbe", "qc", "kc", "msc", "bsc", "ma", "ba", "llb", "llm", "jd"}
    | {"edd", "dphil", "frcs", "mrcp", "facs", "np", "pa", "lcsw", "ceng", "fca", "aca"}
    | {"inc", "ltd", "llc", "plc", "co", "corp"}
)


def written_name(typed: str) -> str:
    """A person's name as a sentence or a signature writes it: in reading order, without what a
    directory adds, in name case ("smith, john (HR)" is "John Smith"); "" for no name."""
    return in_name_case(_name_alone(typed))


def _name_alone(typed: str) -> str:
    """The name a greeting is made from, without what a directory adds around it: "Smith, John"
    is "John Smith"; "(she/her)", "(HR)", " - Head of HR", ", Recruiter" and ", MD" go; an
    address is no name."""
    name = clean_line(typed)
    if is_email(name):
        return ""
    name = clean_line(re.sub(r"[(\[][^)\]]*[)\]]", " ", name))
    name = re.split(r"\s+[-–—|/]\s+", name)[0]
    parts = [part.strip() for part in name.split(",")]
    while len(parts) > 1 and _words_of(parts[-1]) <= _AFTER_NAME:
        parts.pop()  # ", PhD", ", Jr."
    if len(parts) == 2 and parts[1]:
        if _words_of(parts[1]) & _JOB_WORDS:
            parts.pop()  # "Jane Doe, Head of Talent"
        else:
            parts = [parts[1], parts[0]]  # "Smith, John" and "García López, María José"
    return " ".join(part for part in parts if part) if len(parts) <= 2 else name


def _words_of(text: str) -> set[str]:
    return {word.strip(".").lower() for word in text.split()}


# Words of a job title, not of a name: "Jane Doe, Head of Talent", "Doe, Senior Recruiter".
_JOB_WORDS = frozenset(
    {"of", "and", "at", "for", "head", "manager", "director", "recruiter", "lead", "officer"}
    | {"partner", "president", "vp", "ceo", "cto", "cfo", "coo", "chief", "hr", "talent"}
    | {"team", "senior", "principal", "coordinator", "specialist", "supervisor", "engineer"}
    | {"analyst", "consultant", "associate", "assistant", "administrator", "owner", "founder"}
    | {"chair", "dean", "executive", "acquisition", "people", "hiring", "recruitment", "staff"}
)


def default_salutation(name: str, tone: Tone) -> str:
    """How a note addresses someone unless the reader says otherwise; "" without a name.

    Relaxed: the first given name ("Helen"). Formal: the full name, or, after an
    honorific, the honorific and the rest of the name ("Dr. Helen Cho" becomes
    "Dr. Cho"; "Sir" and "Dame" go with the given name). Names are parsed no further:
    the reader sees this default in the form and can change it.
    """
    name = written_name(name)
    if not any(ch.isalnum() for ch in name):
        return ""
    words = name.split(" ")
    key = words[0].rstrip(".").lower()
    titled = len(words) > 1 and _is_title(words[0])
    # Relaxed: the given name, unless a title comes with one name only ("Hi Dr. Smith", not
    # "Hi Smith"); "Hi Captain" would take the rank for a name.
    given = first_name(" ".join(words))
    initial = len(given.rstrip(".")) <= 1 and len(words) > 1  # "J. Smith": no name to say
    if tone == "relaxed" and not (titled and len(words) == 2) and not initial:
        return given
    if not titled:
        return " ".join(words)
    if key in ("sir", "dame"):
        return f"{key.capitalize()} {words[1]}"
    rest = words[2:] if len(words) > 2 else words[1:]
    honorific = _FORMAL_HONORIFIC.get(key, key.capitalize() if len(key) > 3 else words[0])
    return f"{honorific} {' '.join(rest)}"

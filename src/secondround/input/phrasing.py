"""Fitting what the reader typed into our sentences: shapes, lists, ends and word counts."""

from __future__ import annotations

import re
from typing import Literal

from secondround.input.text import clean_line

__all__ = [
    "Shape",
    "as_item",
    "organization",
    "phrase",
    "shape_of",
    "topic_item",
]

Shape = Literal["phrase", "clause"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A period that belongs to the last word ("Acme, Inc.", "Jones & Co.", "U.S.") is kept.
_ABBREVIATION = re.compile(
    r"(?:\b(?:inc|ltd|co|corp|llc|plc|bros|st|jr|sr|dr|no|etc|esq|assn|dept|univ)"
    r"|\b[a-z](?:\.[a-z])+|\b[a-z])\.$",
    flags=re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s,;:!?…]+$|(?<![.])\.+$")
_LEADING = re.compile(r"^(?:[-–—•*·>]+\s*|\d+[.)]\s+)")
_QUOTES = "\"'“”‘’«»"


def phrase(text: str) -> str:
    """One typed line ready to sit mid-sentence: tidy spaces, no bullet, no closing punctuation.

    A period that ends an abbreviation stays ("Acme, Inc."), as do the reader's own
    capitals; wrapping quotes around the whole line go.
    """
    text = _LEADING.sub("", clean_line(text))
    if not any(ch.isalnum() for ch in text):
        return ""  # punctuation alone says nothing a sentence could carry
    if len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    while True:
        if _ABBREVIATION.search(text):
            return text
        cut = _TRAILING.sub("", text)
        if cut == text:
            return text
        text = cut


# Words that open a clause with its own subject: "I closed $2M", "we are moving to X".
_SUBJECTS = _words(
    "i i'm i've i'd i'll im ive we we're we've we'd we'll you you're you've they they're "
    "they've he she he's she's it's there's"
)
# A résumé line starts with a past-tense verb and no subject: "Led a team of five".
_RESUME_VERBS = _words(
    "led built grew ran won wrote taught drove made cut sold brought began set kept held took "
    "gave spent found oversaw rebuilt launched managed delivered closed created designed "
    "developed earned established helped improved increased introduced mentored opened "
    "organized organised raised reduced saved shipped started supervised trained turned "
    "worked completed achieved negotiated handled coordinated published passed"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def _first_word(text: str) -> str:
    words = text.split(" ", 1)
    return words[0].translate(_APOSTROPHES).strip(_QUOTES + ",;:").lower()


def shape_of(text: str) -> Shape:
    """Whether a typed item reads as a clause with a subject (or a résumé line) or a phrase."""
    first = _first_word(text)
    if first in _SUBJECTS or first in _RESUME_VERBS:
        return "clause"
    # "My team grew revenue 40%": a possessive subject, then a verb in the past.
    words = text.lower().split(" ")
    if first in ("my", "our") and any(w in _RESUME_VERBS for w in words[1:4]):
        return "clause"
    return "phrase"


# Openers the reader may type before the actual topic: "We talked about their on-call rota".
_TOPIC_LEAD = re.compile(
    r"^(?:(?:we|i|you and i)\s+(?:talked|spoke|chatted|discussed|went over|covered)"
    r"(?:\s+(?:about|through|over))?|(?:talked|spoke|chatted)\s+about|discussed|about|re:)\s+",
    flags=re.IGNORECASE,
)

# Ordinary words that a phrase typed at the start of a field capitalizes only for that reason.
_COMMON_OPENERS = _words(
    "a an the this that these those my our your their his her its one two three four five six "
    "seven eight nine ten eleven twelve fifteen twenty thirty several many some over more "
    "most nearly almost about around strong deep solid broad wide proven extensive hands-on "
    "fluent excellent good great clear calm patient years experience knowledge background "
    "expertise how what why where when whether which who plans plan recent new current long "
    "we they she he it there you"
)
# Nouns a topic or a skill often opens with ("Budget planning", "Staffing on nights"). These can
# also start a name ("Grant Thornton", "Sales Cloud"), so they lose their capital only when the
# next word has none: the reader wrote a phrase in sentence case, not a name.
_TOPIC_NOUNS = _words(
    "budget budgets staffing staff team teams hiring roster rota rotas schedule schedules "
    "scheduling shift shifts night nights weekend weekends workload training onboarding "
    "culture strategy roadmap customer customers client clients patient patients safety "
    "quality process processes project projects product products sales research data design "
    "service services support operations expansion launch migration pipeline backlog targets "
    "goals priorities challenges opportunities career development mentoring funding grant "
    "grants policy policies partnership partnerships community students pupils curriculum "
    "menu menus kitchen ward wards department site sites store stores branch warehouse fleet "
    "deadline deadlines growth revenue costs cost pricing reporting reports dashboards "
    "inventory stock deliveries recruitment retention morale communication feedback "
    "performance security compliance audit audits testing maintenance equipment tools"
)


def _lower_opener(text: str) -> str:
    # "Six years of SQL" mid-sentence reads "six years of SQL"; "Python", "SQL", "NHS" keep theirs.
    word = text.split(" ", 1)[0]
    plain = word.strip(_QUOTES + ",;:")
    if not plain or not plain[0].isupper() or (not plain[1:].islower() and len(plain) > 1):
        return text
    low = plain.lower()
    common = low in _COMMON_OPENERS or low in _ADJECTIVES or low.endswith("ing")
    if common or low in _RESUME_VERBS or (low in _TOPIC_NOUNS and _next_in_lower_case(text)):
        return text[: text.index(plain[0])] + plain[0].lower() + text[text.index(plain[0]) + 1 :]
    return text


def _next_in_lower_case(text: str) -> bool:
    words = text.split(" ")
    return len(words) > 1 and words[1][:1].islower()


# Adjectives a qualification may start with ("fluent in Spanish", "calm under pressure"):
# such a line reads as "I am ...".
_ADJECTIVES = _words(
    "calm fluent comfortable confident able skilled experienced familiar proficient certified "
    "licensed bilingual trilingual multilingual organized organised reliable patient detail- "
    "oriented passionate good great meticulous adaptable flexible available eager keen "
    "qualified registered responsible dependable hardworking hard-working creative curious "
    "methodical approachable punctual admitted"
)
_PREPOSITIONS = _words("in with at under to on about for around across")
# Words that make a title of the noun after them: "a certified welder", "an accredited mediator".
# ("Trained" is left out: "Trained staff on the new tills" is a résumé line.)
_CREDENTIALS = _words(
    "certified licensed registered chartered accredited qualified experienced board-certified"
)
# Words ending in -ing that name a field or a thing rather than an action.
_ING_NOUNS = _words(
    "engineering marketing accounting nursing training programming banking consulting "
    "manufacturing catering plumbing housekeeping bookkeeping networking publishing "
    "advertising computing lighting funding understanding reasoning learning clothing wiring "
    "welding tutoring coaching recruiting auditing nothing something everything anything "
    "morning evening spring string king ring thing wedding"
)
# After a field word, these make it a noun phrase: "teaching experience", "building permits".
_NOUN_FOLLOWERS = _words(
    "skills skill experience background expertise degree certificate certification knowledge "
    "qualifications qualification license licence licenses management leadership team teams "
    "department industry sector and or"
)
_OBJECT_STARTS = _words("a an the my our their his her its your this that these those")


def _gerund(words: list[str]) -> bool:
    first = words[0].lower()
    if not first.endswith("ing") or len(first) < 5:
        return False
    second = words[1].lower() if len(words) > 1 else ""
    if second in _NOUN_FOLLOWERS:
        return False
    return first not in _ING_NOUNS or second in _OBJECT_STARTS


def _credential(words: list[str]) -> bool:
    # "Licensed electrician", "Certified Scrum Master": a title, one person ("nurses" is not).
    if len(words) < 2 or words[0].lower() not in _CREDENTIALS:
        return False
    second = words[1].lower()
    plural = second.endswith("s") and not second.endswith("ss")
    return not (
        plural or second[:1].isdigit() or second in _PREPOSITIONS or second in _OBJECT_STARTS
    )


# A degree, licence or card is one thing one holds: typed bare ("PhD in molecular biology",
# "forklift licence", "CSCS card"), it takes "a" or "an" mid-sentence.
_DEGREES = _words(
    "phd ph.d. dphil mphil mba msc bsc ma ba beng meng llb llm jd md edd mres pgce hnd hnc nvq "
    "btec ged cdl doctorate master's masters bachelor's bachelors master bachelor associate's "
    "diploma degree certificate licence license apprenticeship"
)
_HELD = _words("degree diploma certificate licence license card permit ticket apprenticeship")
_GROUP_ENDS = _words("in with at under to on about for around across from of and or")
# Said with a vowel sound though written with a consonant, or the reverse: "an MSc", "a UK".
_AN_LETTERS = "aefhilmnorsx"
# Degrees said letter by letter though not in capitals: "a PhD", "an MSc".
_SPELLED_OUT = frozenset(("PhD", "MSc", "BSc", "MPhil", "DPhil", "BEng", "MEng", "MRes", "EdD"))
_AN_WORDS = ("honour", "honor", "hour", "heir")
_A_WORDS = ("uni", "use", "usu", "eu", "one", "once")


def _indefinite(word: str) -> str:
    low = word.lower()
    letters = "".join(ch for ch in word if ch.isalpha())
    spelled = len(letters) > 1 and (letters.isupper() or letters in _SPELLED_OUT)
    if spelled:
        return "an" if letters[0].lower() in _AN_LETTERS else "a"
    if low.startswith(_AN_WORDS):
        return "an"
    if low.startswith(_A_WORDS):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


def _held_alone(words: list[str]) -> bool:
    """One degree, licence or card, typed without "a", "my" or a number before it."""
    first = words[0].lower().strip(_QUOTES + ",;:()")
    if first in _OBJECT_STARTS or first[:1].isdigit() or first in ("two", "three", "several"):
        return False
    if first in _DEGREES:
        return True
    # The head of the first noun group: "forklift licence" in "forklift licence (counterbalance)".
    head = []
    for word in words:
        if word.lower() in _GROUP_ENDS or word.startswith("("):
            break
        head.append(word)
    return bool(head) and head[-1].lower().strip(_QUOTES + ",;:") in _HELD


def _lower_held(words: list[str]) -> str:
    # "Bachelor's degree in nursing" reads "a bachelor's degree in nursing"; "Master of Science"
    # and "Red Seal certificate" are names, and keep their capitals.
    def titled(word: str) -> bool:
        return len(word) > 1 and word[0].isupper() and word[1:].islower()

    first = words[0]
    if first.lower() in _DEGREES and titled(first) and not any(titled(w) for w in words[1:]):
        return " ".join([first.lower(), *words[1:]])
    return _lower_opener(" ".join(words))


def as_item(text: str, *, action_as_experience: bool = True) -> tuple[Shape, str]:
    """A typed qualification as a list item: its shape, and its words as they read mid-sentence.

    A résumé line becomes a clause ("Led a team" -> "I led a team"), as does an adjective
    ("fluent in Spanish" -> "I am fluent in Spanish") or a title ("licensed electrician" ->
    "I am a licensed electrician"); an action becomes a thing one has ("leading a team" ->
    "experience leading a team") unless `action_as_experience` is off; "i" becomes "I".
    """
    item = phrase(text)
    if not item:
        return "phrase", ""
    shape = shape_of(item)
    first = _first_word(item)
    words = item.split(" ")
    if _credential(words):
        # "Registered Nurse" typed as a title stays one; "Certified welder" reads mid-sentence.
        titled = words[1][:1].isupper() and words[1][1:].islower()
        return "clause", f"I am {'an' if first[0] in 'aeiou' else 'a'} " + (
            item if titled else _lower_opener(item)
        )
    if shape == "clause" and first in _RESUME_VERBS:
        return "clause", "I " + _lower_opener(item)
    if shape == "clause":
        # "I" keeps its capital; "My team grew..." and "We cut..." read on after a colon.
        return "clause", "I" + item[1:] if first[:1] == "i" else _lower_opener(item)
    if first in _ADJECTIVES and (len(words) == 1 or words[1].lower() in _PREPOSITIONS):
        return "clause", "I am " + _lower_opener(item)
    if action_as_experience and _gerund(words):
        return "phrase", "experience " + _lower_opener(item)
    if action_as_experience and _held_alone(words):
        return "phrase", f"{_indefinite(words[0])} {_lower_held(words)}"
    return "phrase", _lower_opener(item)


_TO_YOU = {"is": "are", "was": "were", "has": "have", "'s": "'re"}


def _to_you(item: str) -> str:
    # The note goes to the person the reader wrote "she described ..." about: "you described".
    words = item.split(" ")
    if words[0].translate(_APOSTROPHES).lower() in ("she's", "he's") and len(words) > 1:
        return " ".join(["you're", *words[1:]])
    if len(words) < 2 or words[0].lower() not in ("she", "he"):
        return item
    verb = words[1]
    if verb.lower() in _TO_YOU:
        return " ".join(["you", _TO_YOU[verb.lower()], *words[2:]])
    low = verb.lower()
    past = low in _RESUME_VERBS or low in ("told", "said", "showed", "gave", "took", "saw")
    if past or (low.endswith("ed") and low not in _ADJECTIVES):
        return " ".join(["you", *words[1:]])
    return item


def topic_item(text: str) -> tuple[Shape, str]:
    """What the reader discussed with one person, without a "we talked about" they typed first."""
    item = phrase(text)
    stripped = _TOPIC_LEAD.sub("", item)
    if stripped and stripped != item:
        item = stripped
    # "Staffing the night shift" was talked about, not a skill the reader claims.
    return as_item(_to_you(item), action_as_experience=False)


# Bodies named "<kind> of <place or field>" take "the" in a sentence: "at the University of
# Leeds", "to the City of Cape Town", "with the Massachusetts Institute of Technology". "Bank"
# is left out on purpose: "Bank of America" goes without one, "the Bank of England" with.
_INSTITUTION_OF = re.compile(
    r"^(?:[\w'’.&-]+\s+){0,3}?"
    r"(?:university|universities|college|school|institute|institutes|academy|society|museum"
    r"|library|city|town|county|borough|municipality|province|state|district|republic"
    r"|department|ministry|office|bureau|agency|commission|government|council|board|chamber"
    r"|court|port|church|diocese|archdiocese|hospital|federation|association)\s+of\s",
    flags=re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s", flags=re.IGNORECASE)


def organization(text: str) -> str:
    """An employer's name as it reads after "at", "with" or "join": "the" where English puts one."""
    name = phrase(text)
    if _INSTITUTION_OF.match(name) and not _ARTICLE.match(name):
        return "the " + name
    return name

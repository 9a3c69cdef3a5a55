"""The candidate's profile as typed in the form: plain data, bounds, cleaning and validation."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from secondround.form import FormField, ask, declared
from secondround.public_holidays import holiday_calendar

__all__ = [
    "DECISION_HORIZON_DAYS",
    "MAX_INTERVIEWERS",
    "PERSON_TEXT",
    "ROLES",
    "Interviewer",
    "Profile",
    "Role",
    "Tone",
    "clean_line",
    "clip",
    "clip_block",
    "coordinator_of",
    "default_salutation",
    "field_spec",
    "field_value",
    "first_name",
    "form_paths",
    "format_date",
    "in_name_case",
    "is_email",
    "is_https_url",
    "left_out",
    "next_person_id",
    "parse_date",
    "text_fields",
    "validate",
    "without_contact",
    "written_name",
]

Tone = Literal["formal", "relaxed"]
# Each person's part in the hiring: it decides what their notes thank them for.
Role = Literal["hiring_manager", "panel", "recruiter", "assistant"]
ROLES: tuple[Role, ...] = ("hiring_manager", "panel", "recruiter", "assistant")

# Limits: generous enough for real names and long job titles, small enough that a bookmark of a
# full profile stays short and a draft stays readable.
_NAME_CHARS = 120
_EMAIL_CHARS = 254  # RFC 5321's limit on a forward path
_DATE_CHARS = 10


@dataclass(frozen=True)
class Interviewer:
    """One person who interviewed the candidate; each gets their own notes.

    `salutation` is how the notes address them ("Dr. Cho", "Helen"); empty means
    the default worked out from the name and tone. `topics` is what the candidate
    talked about with this person in particular.
    """

    name: str = field(default="", metadata=ask("Name", _NAME_CHARS))
    title: str = field(default="", metadata=ask("Job title", 120))
    email: str = field(
        default="",
        metadata=ask(
            "Email",
            _EMAIL_CHARS,
            input="email",
            private=True,
            invalid="Check this email address: it should look like dana@example.com, or leave "
            "it empty.",
        ),
    )
    tone: Tone = "formal"
    salutation: str = field(
        default="",
        metadata=ask(
            "How to address them",
            80,
            hint="As in “Dear …” or “Hi …”. Leave empty to use the name as shown.",
        ),
    )
    role: Role = "hiring_manager"
    topics: str = field(
        default="",
        metadata=ask(
            "What you talked about with them",
            300,
            input="textarea",
            hint="A phrase reads best, for example “their plan to open a second kitchen”. "
            "Something different for each person keeps the notes personal.",
            placeholder="the plan to open a second kitchen",
        ),
    )
    # Stable within a profile ("p1", "p2", ...): ticks are kept by person, not by position.
    id: str = "p1"


@dataclass(frozen=True)
class Profile:
    """Everything the drafts and the schedule need, kept as the raw text the user typed."""

    name: str = field(
        default="",
        metadata=ask(
            "Your name",
            _NAME_CHARS,
            section="you",
            missing="Enter your name as you want to sign the notes.",
            autocomplete="name",
            private=True,
        ),
    )
    email: str = field(
        default="",
        metadata=ask(
            "Your email",
            _EMAIL_CHARS,
            section="you",
            input="email",
            missing="Enter your email address, for example sam@example.com.",
            invalid="Check your email address: it should look like sam@example.com.",
            autocomplete="email",
            private=True,
        ),
    )
    phone: str = field(
        default="",
        metadata=ask(
            "Your phone",
            40,
            section="you",
            input="tel",
            autocomplete="tel",
            hint="Used in the voicemail and your signature.",
            invalid="Check your phone number: use digits, spaces, +, - or brackets, "
            "for example +1 555 010 0199.",
            private=True,
        ),
    )
    company: str = field(
        default="",
        metadata=ask(
            "Company",
            _NAME_CHARS,
            section="job",
            missing="Enter the company you interviewed with.",
            autocomplete="organization",
        ),
    )
    position: str = field(
        default="",
        metadata=ask(
            "Position",
            _NAME_CHARS,
            section="job",
            missing="Enter the position you interviewed for.",
        ),
    )
    interviewers: tuple[Interviewer, ...] = (Interviewer(),)
    interview_date: str = field(
        default="",
        metadata=ask(
            "Date of the second interview",
            _DATE_CHARS,
            section="job",
            input="date",
            missing="Enter the date of your second interview.",
        ),
    )
    # Each one a phrase that finishes "I would bring …"; the first two are needed.
    qualifications: tuple[str, str, str] = field(
        default=("", "", ""), metadata=ask("Qualification", 200, section="why")
    )
    decision_date: str = field(
        default="",
        metadata=ask(
            "Decision date they gave",
            _DATE_CHARS,
            section="job",
            input="date",
            hint="If they said when they would decide. Leave empty if they did not.",
        ),
    )
    # When the candidate can take a call, said in the voicemail ("weekdays after 2 pm").
    # Empty means a generic promise.
    availability: str = field(
        default="",
        metadata=ask(
            "When you can take a call",
            120,
            section="you",
            hint="For the voicemail, for example “weekdays after 2 pm”.",
        ),
    )
    # Whose public holidays the dates skip: "US", "US-CA", "GB-SCT"; "" counts weekends only.
    # Codes such as "BR-São Paulo Capital": the table's longest is 20 characters.
    region: str = field(
        default="", metadata=ask("State, province or region", 32, section="holidays")
    )
    # The interview was by video: the card needs an address asked for, and more time in the post.
    remote: bool = False
    # The reader would rather not phone: the first check-in is an email instead of a call.
    prefer_email: bool = False

    def __post_init__(self) -> None:
        # Ids are unique within a profile: ticks are kept under them. A person built without
        # one (every Interviewer() is "p1") gets the next free id.
        seen: list[Interviewer] = []
        for person in self.interviewers:
            if any(other.id == person.id for other in seen):
                person = replace(person, id=next_person_id(tuple(seen)))
            seen.append(person)
        if tuple(seen) != self.interviewers:
            object.__setattr__(self, "interviewers", tuple(seen))

    # The index of the person who coordinates the decision: they get the call, and the
    # replies about the outcome. -1 (or an index past the list) means the hiring manager.
    coordinator: int = -1


# A decision promised further out than this is taken for a typo in the year: a hiring decision
# half a year away is rare, and a plan built around one would leave the reader waiting silently.
DECISION_HORIZON_DAYS = 183
MAX_INTERVIEWERS = 6

# Explicit bidi embeddings, overrides and isolates: one left unbalanced would
# reorder the rest of a letter, so they go; marks such as U+200F stay.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _drop(ch: str, keep_newline: bool) -> bool:
    code = ord(ch)
    if ch == "\n":
        return not keep_newline
    # C0, DEL and C1 controls, lone surrogates (they cannot be encoded as UTF-8).
    return code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or ch in _BIDI_CONTROLS


_NEEDS_CLEANING = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]", flags=re.UNICODE
)


def _strip_controls(text: str, keep_newline: bool) -> str:
    if not _NEEDS_CLEANING.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not keep_newline:
        # A pasted line break or tab in a one-line field reads as a space.
        text = text.replace("\n", " ").replace("\t", " ")
    else:
        text = text.replace("\t", " ")
    return "".join(ch for ch in text if not _drop(ch, keep_newline))


def text_fields(owner: type[Profile] = Profile) -> tuple[str, ...]:
    """The profile's declared one-text fields, by name (the qualifications are a list of three)."""
    return tuple(name for name, _ in declared(owner) if name != "qualifications")


# Each interviewer's declared fields, as "interviewers.<index>.<name>" in the form.
PERSON_TEXT: tuple[str, ...] = tuple(name for name, _ in declared(Interviewer))


def form_paths(person: int = 0, qualifications: int = 3) -> tuple[str, ...]:
    """Every path of the form's text fields, in the form's order, for one person's fields."""
    return (
        *text_fields(),
        *(f"qualifications.{i}" for i in range(qualifications)),
        *(f"interviewers.{person}.{name}" for name in PERSON_TEXT),
    )


def field_spec(path: str, owner: type[Profile] = Profile) -> FormField:
    """The declaration behind a form path such as "interviewers.2.email" or "qualifications.1"."""
    parts = path.split(".")
    if parts[0] == "interviewers" and len(parts) == 3:
        table = dict(declared(Interviewer))
        name = parts[2]
    else:
        table = dict(declared(owner))
        name = parts[0]
    if name not in table or (len(parts) == 2) != (name == "qualifications"):
        raise ValueError(f"Unknown form field: {path!r}")
    return table[name]


def next_person_id(people: tuple[Interviewer, ...]) -> str:
    """An id no one in `people` has: one past the highest "pN" (never reused while listed)."""
    numbers = [int(x.id[1:]) for x in people if x.id[:1] == "p" and x.id[1:].isdigit()]
    return f"p{max(numbers, default=0) + 1}"


def _private(owner: type) -> dict[str, Any]:
    return {name: "" for name, spec in declared(owner) if spec.private}


def without_contact(profile: Profile) -> Profile:
    """The profile to share for feedback: every field declared private left out (the reader's
    name and how to reach them, and their interviewers')."""
    people = tuple(replace(person, **_private(Interviewer)) for person in profile.interviewers)
    return replace(profile, **_private(type(profile)), interviewers=people)


def _what(label: str) -> str:
    """A label as words in a sentence: "Your name" -> "name", "LinkedIn profile" as it is."""
    words = label.removeprefix("Your ")
    return words if words[1:2].isupper() else words[:1].lower() + words[1:]


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def left_out(whose: str = "your", owner: type[Profile] = Profile) -> str:
    """What a link shared for feedback leaves out, from the declarations: "your name, email and
    phone, and your interviewers' emails"."""
    own = [_what(spec.label) for _, spec in declared(owner) if spec.private]
    theirs = [_what(spec.label) + "s" for _, spec in declared(Interviewer) if spec.private]
    parts = [f"{whose} {_listed(own)}"] if own else []
    if theirs:
        parts.append(f"{whose} interviewers' {_listed(theirs)}")
    return ", and ".join(parts)


def field_value(profile: Profile, path: str) -> str:
    """What the form field at `path` holds; "" for a path past the last interviewer."""
    parts = path.split(".")
    if parts[0] == "qualifications":
        return profile.qualifications[int(parts[1])]
    if parts[0] == "interviewers":
        index = int(parts[1])
        if index >= len(profile.interviewers):
            return ""
        value: str = getattr(profile.interviewers[index], parts[2])
        return value
    text: str = getattr(profile, path)
    return text


def clip_block(text: str, limit: int) -> str:
    """A block of free text (a rewritten draft): control characters out, line breaks kept."""
    return _strip_controls(text, True)[:limit]


def clip(path: str, text: str, owner: type[Profile] = Profile) -> str:
    """Bound what the user typed in a field: drop control characters and cut at its limit.

    Leading and trailing spaces are kept on purpose: this runs on every keystroke
    and trimming would eat the space between "Sam" and "Rivera" as it is typed.
    """
    spec = field_spec(path, owner)
    return _strip_controls(text, spec.multiline)[: spec.limit]


_SPACES = re.compile(r"\s+")


def clean_line(text: str) -> str:
    """One tidy line for a letter: no control characters, single spaces, no edges."""
    return _SPACES.sub(" ", _strip_controls(text, keep_newline=False)).strip()


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def parse_date(s: str) -> date | None:
    """A calendar date from the YYYY-MM-DD text a date input produces, or None."""
    m = _ISO_DATE.fullmatch(s.strip())
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(d: date, *, weekday: bool = True, year: bool = False, short: bool = False) -> str:
    """English words for a date, "Tuesday, November 24" ("Tue, Nov 24" short), in any locale."""
    width = 3 if short else None
    text = f"{_MONTHS[d.month - 1][:width]} {d.day}"
    if weekday:
        text = f"{_WEEKDAYS[d.weekday()][:width]}, {text}"
    if year:
        text = f"{text}, {d.year}"
    return text


# Deliberately loose: one @, something before it, a dotted domain after it and
# no spaces. Any Unicode is fine (internationalized addresses exist); the real
# test is whether mail arrives, which no pattern can tell.
_EMAIL = re.compile(r"[^\s@]+@[^\s@.]+(\.[^\s@.]+)+")


def is_email(text: str) -> bool:
    """Whether text looks like one email address."""
    return _EMAIL.fullmatch(text.strip()) is not None


# An https address with a dotted host and no spaces: what a profile or portfolio link is.
_HTTPS_URL = re.compile(r"https://[^\s/?#@]+\.[^\s/?#@.]+(?::[0-9]{1,5})?(?:[/?#]\S*)?", re.I)


def is_https_url(text: str) -> bool:
    """Whether text looks like one https:// address."""
    return _HTTPS_URL.fullmatch(text.strip()) is not None


def _is_phone(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return _PHONE_CHARS.fullmatch(text) is not None and 5 <= digits <= 20


_PHONE_CHARS = re.compile(r"[0-9+()\-. /]+(\s*(x|ext\.?)\s*[0-9]+)?", flags=re.IGNORECASE)
# What each input kind's text must look like, once typed (dates have their own messages).
_SHAPES: dict[str, Callable[[str], bool]] = {
    "email": is_email,
    "tel": _is_phone,
    "url": is_https_url,
}
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


def coordinator_of(p: Profile) -> int:
    """The index of the person the decision goes through: the one marked, else the first
    hiring manager, else the first interviewer."""
    if 0 <= p.coordinator < len(p.interviewers):
        return p.coordinator
    for i, person in enumerate(p.interviewers):
        if person.role == "hiring_manager":
            return i
    return 0


def _too_long(path: str, text: str, owner: type[Profile] = Profile) -> str | None:
    limit = field_spec(path, owner).limit
    if len(text) > limit:
        return f"Keep this to {limit} characters or fewer (it has {len(text)})."
    return None


def _misshapen(spec: FormField, text: str) -> str | None:
    """The field's message when its text does not have its input's shape; None when it does."""
    text = clean_line(text)
    fits = _SHAPES.get(spec.input)
    if not text or fits is None or not spec.invalid or fits(text):
        return None
    return spec.invalid


def validate(p: Profile) -> dict[str, list[str]]:
    """Every problem with the profile at once, keyed by form field path; empty when all is well.

    Required: your name and email, the company, the position, the interview date,
    the first interviewer's name and two qualifications. The phone number is
    optional because the emails and card work without it; the call script and
    voicemail then give the email address instead.
    """
    errors: dict[str, list[str]] = {}

    def add(path: str, message: str | None) -> None:
        if message is not None:
            errors.setdefault(path, []).append(message)

    # What every declared field asks: filled in when it must be, within its limit, and in
    # its input's shape.
    owner = type(p)
    for name, spec in declared(owner):
        text = getattr(p, name)
        if not isinstance(text, str):
            continue
        if spec.required and not clean_line(text):
            add(name, spec.missing)
        add(name, _too_long(name, text, owner))
        add(name, _misshapen(spec, text))

    interview = parse_date(p.interview_date)
    if p.interview_date.strip() and interview is None:
        add("interview_date", "Enter the interview date as a real date, for example 2026-11-24.")

    if p.decision_date.strip():
        decision = parse_date(p.decision_date)
        if decision is None:
            add(
                "decision_date",
                "Enter the decision date as a real date, for example 2026-12-04, "
                "or leave it empty.",
            )
        elif interview is not None and decision < interview:
            add(
                "decision_date",
                "The decision date is before the interview date: check it. Until it is fixed, "
                "the checklist plans as if no date was given.",
            )
        elif interview is not None and (decision - interview).days > DECISION_HORIZON_DAYS:
            add(
                "decision_date",
                "The decision date is more than six months after the interview: check the "
                "year. Until it is fixed, the checklist plans as if no date was given.",
            )

    filled = [q for q in p.qualifications if clean_line(q)]
    if len(filled) < 2:
        add(
            "qualifications",
            "Add at least two qualifications." if not filled else "Add one more qualification.",
        )
    for i, q in enumerate(p.qualifications):
        add(f"qualifications.{i}", _too_long(f"qualifications.{i}", q))

    if p.region and not holiday_calendar(p.region).known:
        add(
            "region",
            f"The kit does not know the public holidays of “{clean_line(p.region)}”, so it "
            "counts weekends only. Choose a country from the list.",
        )

    if not p.interviewers:
        add("interviewers", "Add the person who interviewed you.")
    elif len(p.interviewers) > MAX_INTERVIEWERS:
        add(
            "interviewers",
            f"List at most {MAX_INTERVIEWERS} interviewers: the people you spoke with most.",
        )
    for i, person in enumerate(p.interviewers):
        at = f"interviewers.{i}"
        if not clean_line(person.name):
            add(
                f"{at}.name",
                "Enter the name of the person who interviewed you."
                if i == 0
                else "Enter this interviewer's name, or remove them from the list.",
            )
        for name, spec in declared(Interviewer):
            add(f"{at}.{name}", _too_long(f"{at}.{name}", getattr(person, name)))
            add(f"{at}.{name}", _misshapen(spec, getattr(person, name)))
        if person.tone not in ("formal", "relaxed"):
            add(f"{at}.tone", "Choose a formal or a relaxed tone.")
        if person.role not in ROLES:
            add(f"{at}.role", "Choose this person's part in the hiring.")
    return errors

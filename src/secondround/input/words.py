"""English words the layers above share: a date, a list, a sentence's end, a word count."""

from __future__ import annotations

from datetime import date

__all__ = ["count_words", "end", "format_date", "join_items", "upper_first"]


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


def join_items(items: list[str], last: str = "and") -> str:
    """An English list; semicolons between items when an item has commas of its own."""
    if len(items) <= 1:
        return "".join(items)
    sep = "; " if any("," in item for item in items) else ", "
    if len(items) == 2:
        # "GCSE and A level and a license" reads as one list: set the second item apart.
        if last == "and" and " and " in items[0]:
            return f"{items[0]}, as well as {items[1]}"
        return f"{items[0]} {last} {items[1]}"
    return sep.join(items[:-1]) + f"{sep.rstrip()} {last} {items[-1]}"


def end(sentence: str) -> str:
    """The sentence with one closing mark: none added after "Inc." or a "?" the reader typed."""
    sentence = sentence.rstrip()
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def upper_first(text: str) -> str:
    """The text with its first letter in capitals, as a sentence starts."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


def count_words(text: str) -> int:
    """Words as a word processor counts them: runs of characters between spaces."""
    return len(text.split())

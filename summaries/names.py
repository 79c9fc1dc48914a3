"""First names, for text that does not capitalise them ("i'll ask priya").

The list (data/first_names.txt, built by bench/first_names.py) holds first names that are no
English word, each with the gender it is used for; "mark", "will" or "grace" are left out
because in lower-case text they are words far more often than people.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    text = files(__package__).joinpath("data", "first_names.txt").read_text(encoding="utf-8")
    return dict(line.split() for line in text.splitlines() if line and not line.startswith("#"))


def gender_of(name: str) -> str | None:
    """"m", "f" or "mf" for a first name in the list (any case, first word), None otherwise."""
    return _first_names().get(name.split()[0].lower()) if name.strip() else None


def fits_pronoun(name: str, pronoun: str) -> bool:
    """Can `pronoun` ("him", "her") stand for `name`? Yes unless the list says otherwise."""
    gender = gender_of(name)
    wanted = {"him": "m", "he": "m", "his": "m", "her": "f", "she": "f", "hers": "f"}.get(pronoun.lower())
    return gender is None or wanted is None or wanted in gender

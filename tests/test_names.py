"""The list of first names that lets lower-case speech name people."""
from __future__ import annotations

import pytest

from summaries.names import fits_pronoun, gender_of


@pytest.mark.parametrize("name, gender", [("priya", "f"), ("Yusuf", "m"), ("Kwabena Mensah", "m"), ("alex", "mf")])
def test_a_listed_name_has_its_gender(name: str, gender: str) -> None:
    assert gender_of(name) == gender


@pytest.mark.parametrize("word", ["mark", "will", "grace", "dean", "the", "report", "", "theres", "arent"])
def test_english_words_are_not_names(word: str) -> None:
    """Nor contractions as recognisers write them: "theres one tractor"."""
    assert gender_of(word) is None


def test_a_pronoun_fits_a_name_unless_its_gender_says_otherwise() -> None:
    assert fits_pronoun("Priya", "her") and not fits_pronoun("Priya", "him")
    assert fits_pronoun("Alex", "him") and fits_pronoun("Alex", "her")
    assert fits_pronoun("Okonkwo", "him") and fits_pronoun("Okonkwo", "her")  # unknown: either

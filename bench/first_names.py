"""Build summaries/data/first_names.txt: first names that are no English word, with gender.

    pip install faker && apt-get download wamerican && dpkg-deb -x wamerican_*.deb wa
    python bench/first_names.py wa/usr/share/dict/american-english > summaries/data/first_names.txt

Speech recognisers and people typing fast write names in lower case ("i'll ask priya"); to
know that "priya" is a person the extractor needs a list. Names come from Faker's person
providers (MIT licence; all locales, folded to ASCII), minus every word that the SCOWL
American English word list (wamerican; permissive licence, see its copyright) spells in lower
case, so that "mark", "will", "grace" or "dean" stay words. Each line: the name, then m, f or
mf (used for men, women, both), from the locale's male and female lists.
"""
from __future__ import annotations

import importlib
from importlib import metadata
import pkgutil
import re
import sys
import unicodedata


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.strip().lower()) if not unicodedata.combining(c))


def main(words_file: str) -> None:
    import faker.providers.person as people

    lines = [line.strip() for line in open(words_file, encoding="utf-8") if line[:1].islower()]
    # "there's" keeps "there" and, as speech recognisers write it, "theres"
    words = {line.split("'")[0] for line in lines} | {line.replace("'", "") for line in lines}
    genders: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        for attribute, gender in (("first_names_male", "m"), ("first_names_female", "f"), ("first_names", "")):
            names = provider.__dict__.get(attribute)
            if not isinstance(names, (tuple, list, dict)):
                continue
            for name in names:
                folded = _fold(name)
                if len(folded) >= 3 and re.fullmatch(r"[a-z]+(?:-[a-z]+)?", folded) and folded not in words:
                    genders.setdefault(folded, set()).add(gender)
    print("# First names from Faker's person providers that are no lower-case word of SCOWL's American")
    print("# English list, with the gender they are used for (m, f, mf); built by bench/first_names.py.")
    print("# Faker's licence, which covers these names:")
    for line in metadata.distribution("faker").read_text("licenses/LICENSE.txt").strip().splitlines():
        print(f"# {line}".rstrip())
    for name in sorted(genders):
        known = "".join(sorted(genders[name] - {""}, reverse=True))
        print(f"{name} {known or 'mf'}")


if __name__ == "__main__":
    main(sys.argv[1])

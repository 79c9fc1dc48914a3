"""Masking personal data said in a call before a recap leaves the machine.

People read out phone numbers, email addresses and, now and then, a card or bank account
number during a call; the transcript keeps them, and the recap quotes the transcript. The
session page shows them to the two participants only, but an email is copied to servers
and mailboxes: there, ``redact`` replaces them with a label ("[phone number]").

Plain rules, no model: an email address by its shape, an IBAN and a card number by their
shape *and* their checksum (mod 97, Luhn), a phone number as a run of 7 to 15 digits
(E.164's longest) in groups. Numbers people say for other reasons look like phone numbers
too, so a candidate is kept only when it is none of them: a date (2026-11-20,
20.11.2026), a time (10:00), an amount ($1,200, 1 200 000 euros, 12.5 %), a year
(2025 2026), a version or an IP address (3.11.4, 10.2.13.4, 192.168.1.10). The rules miss
rather than over-mask where the two conflict ("123 456 789" reads as a number).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

LABELS: Final = {"email": "[email address]", "iban": "[bank account]",
                 "card": "[card number]", "phone": "[phone number]"}
"""What each kind of finding is replaced with."""

_EMAIL = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}(?![\w-])")
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\w])")
_CARD = re.compile(r"(?<![\w.,/:+-])\d(?:[ -]?\d){12,18}(?![\w/:%]|[.,-]\d)")
_PHONE = re.compile(r"(?<![\w.,/:+$€£¥-])(?:\+ ?)?\(?\d[\d ().-]{5,22}\d(?![\w@/:%]|[.,-]\d)")
_GROUP_SEPARATORS = re.compile(r"[ ().-]+")
_DATE = re.compile(r"\d{4}([-./])\d{1,2}\1\d{1,2}|\d{1,2}([-./])\d{1,2}\2\d{2,4}")
_CURRENCY_BEFORE = re.compile(r"[$€£¥]\s?$|\b(?:USD|EUR|GBP|CHF|JPY|CAD|AUD)\s?$")
_AMOUNT_AFTER = re.compile(
    r"^\s?(?:%|percent|per ?cent|[$€£¥]|k\b|m\b|bn\b|(?:thousand|million|billion)\b|"
    r"(?:dollars?|euros?|pounds?|yen|francs?|USD|EUR|GBP|CHF)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    """Personal data in a text: its kind (a key of ``LABELS``) and where it is."""

    kind: str
    start: int
    end: int


def find(text: str) -> list[Finding]:
    """Every piece of personal data the rules recognise, in order, never overlapping."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern, accept in (("email", _EMAIL, None), ("iban", _IBAN, _iban_valid),
                                  ("card", _CARD, _card_valid), ("phone", _PHONE, None)):
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "phone" and text[start] == "(" and text.count(")", start, end) == 0:
                start += 1  # "(555-123-4567": the bracket opens the aside, not an area code
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            if kind == "phone" and not _phone_like(text, start, end):
                continue
            if accept is not None and not accept(match.group()):
                continue
            taken.append((start, end))
            found.append(Finding(kind, start, end))
    return sorted(found, key=lambda f: f.start)


def redact(text: str) -> str:
    """``text`` with each finding replaced by its label."""
    parts, last = [], 0
    for finding in find(text):
        parts += [text[last:finding.start], LABELS[finding.kind]]
        last = finding.end
    parts.append(text[last:])
    return "".join(parts)


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def _card_valid(value: str) -> bool:
    """The Luhn check every payment card number passes (and 9 in 10 other numbers fail)."""
    digits = [int(c) for c in _digits(value)]
    if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _iban_valid(value: str) -> bool:
    """ISO 13616: the country code and check digits moved to the end, mod 97 is 1."""
    compact = value.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _phone_like(text: str, start: int, end: int) -> bool:
    """Whether a run of grouped digits is a phone number rather than another number."""
    value = text[start:end]
    digits = _digits(value)
    if not 7 <= len(digits) <= 15 or value.count("(") != value.count(")"):
        return False
    if _DATE.fullmatch(value) or _CURRENCY_BEFORE.search(text[max(0, start - 4):start]):
        return False
    if _AMOUNT_AFTER.match(text[end:end + 10]):
        return False
    international = value.startswith(("+", "00"))
    groups = [g for g in _GROUP_SEPARATORS.split(value.lstrip("+")) if g]
    separators = set(_GROUP_SEPARATORS.findall(value))
    if len(groups) == 1:  # no separators: only an unmistakable number
        return international or len(digits) >= 10 or (digits[0] == "0" and len(digits) >= 9)
    if separators == {"."} and not international:
        # 3.11.4, 10.2.13.4, 192.168.1.10: versions and addresses have short groups
        return len(groups) == 3 and all(len(g) >= 3 for g in groups)
    if "." in value and value.rindex(".") > max(value.rfind(" "), value.rfind("-")) \
            and len(groups[-1]) <= 2:
        return False  # 12 500.50: a decimal amount
    if not international and all(len(g) == 4 and g[:2] in ("19", "20") for g in groups):
        return False  # 2025 2026: years
    if not international and separators == {" "} and len(groups[0]) <= 3 \
            and digits[0] != "0" and all(len(g) == 3 for g in groups[1:]):
        return False  # 1 200 000: thousands
    return True

"""Masking personal data in recap emails (companion.redact): what must be masked, and the
numbers people say for other reasons, which must not be."""
from __future__ import annotations

import pytest

from companion.redact import LABELS, find, redact


@pytest.mark.parametrize(("said", "masked"), [
    ("call me on +44 20 7946 0958 tonight", "call me on [phone number] tonight"),
    ("my number is (555) 123-4567.", "my number is [phone number]."),
    ("it's 555-123-4567, the office", "it's [phone number], the office"),
    ("try 555.123.4567", "try [phone number]"),
    ("text 07700 900123 if late", "text [phone number] if late"),
    ("+1 (555) 123-4567 is the desk", "[phone number] is the desk"),
    ("ring 01 23 45 67 89 in Paris", "ring [phone number] in Paris"),
    ("or +33 1 23 45 67 89", "or [phone number]"),
    ("Berlin 0049 30 1234567", "Berlin [phone number]"),
    ("WhatsApp +15551234567", "WhatsApp [phone number]"),
    ("mobile 07700900123", "mobile [phone number]"),
    ("Maria (555-123-4567) knows", "Maria ([phone number]) knows"),
])
def test_phone_numbers_are_masked(said: str, masked: str) -> None:
    assert redact(said) == masked


@pytest.mark.parametrize(("said", "masked"), [
    ("write to sam.okafor@gmail.com today", "write to [email address] today"),
    ("Sam.O+work@mail.example.co.uk.", "[email address]."),
    ("(dana_reyes@uni-example.edu)", "([email address])"),
])
def test_email_addresses_are_masked(said: str, masked: str) -> None:
    assert redact(said) == masked


@pytest.mark.parametrize(("said", "masked"), [
    ("the card was 4111 1111 1111 1111 I think", "the card was [card number] I think"),
    ("4111-1111-1111-1111", "[card number]"),
    ("amex 378282246310005 expired", "amex [card number] expired"),
    ("pay GB82 WEST 1234 5698 7654 32 by Friday", "pay [bank account] by Friday"),
    ("DE89370400440532013000", "[bank account]"),
])
def test_card_and_account_numbers_with_valid_checksums_are_masked(said: str,
                                                                 masked: str) -> None:
    assert redact(said) == masked


@pytest.mark.parametrize("said", [
    "We meet on 2026-11-20 at 10:00.",
    "Next check-in 2026-12-04T10:00, then 20.11.2026 or 20/11/2026.",
    "From 10:00-11:30, or 10.30 11.45 if that suits.",
    "The budget is $1,200.50, maybe 1,000,000 later.",
    "They quoted 1 200 000 euros and then € 2 500.",
    "It grew 12.5% in 2025, and 12 500 000 percent is a joke.",
    "Between 2025 2026 and 1999.",
    "Upgrade from Python 3.11.4 to version 10.2.13.4.",
    "The server is 192.168.1.10 on the VPN.",
    "ISO 8601, page 42, 3-4 weeks, 9 to 5, chapter 12.",
    "A test card 4111 1111 1111 1112 fails its check.",
    "GB82WEST12345698765433 has a wrong check digit.",
    "Order 1234567 arrived; it cost 12 500.50 in total.",
    "Ping @dana on Slack, or write to the team at example dot org.",
])
def test_other_numbers_are_left_alone(said: str) -> None:
    assert find(said) == [] and redact(said) == said


def test_several_findings_in_one_quote_are_masked_in_order() -> None:
    said = "Email maria@finance.example.org or call +44 20 7946 0958; card 4111111111111111."
    assert [f.kind for f in find(said)] == ["email", "phone", "card"]
    assert redact(said) == (f"Email {LABELS['email']} or call {LABELS['phone']}; "
                            f"card {LABELS['card']}.")

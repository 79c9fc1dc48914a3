"""Personal link tokens: how a participant proves who they are without an account.

A token is 256 random bits (``secrets.token_urlsafe(32)``, drawn again when it would start
with "-", which a command line reads as an option). Only its SHA-256 digest is
stored, so a copy of the database grants nobody access. The digest needs no salt or slow
hash: salts and key stretching protect low-entropy passwords from guessing, and 256
random bits cannot be guessed. Looking a token up by its digest also means the plaintext
is never compared byte by byte, so there is no timing side channel to mind.

These functions work inside a caller's transaction (an ``AsyncSession``); ``Store`` wraps
each in one.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from companion.models import ROLES, AccessToken, Mentorship, utcnow

TOKEN_BYTES = 32
_MAX_TOKEN_LENGTH = 128
"""Longer strings are refused before hashing: no real token is that long."""


@dataclass(frozen=True)
class Participant:
    """Who a valid token belongs to; store queries are scoped by its mentorship."""

    mentorship_id: str
    role: str  # mentor | mentee
    name: str
    email: str
    token_id: str


def new_token() -> str:
    """A new token. Never one that starts with "-": on a command line (`companion live --token
    T`) it would read as an option."""
    while True:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        if not token.startswith("-"):
            return token


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


async def issue_token(db: AsyncSession, mentorship_id: str, role: str) -> str:
    """Create one token for ``role`` and return its plaintext (shown once, never stored)."""
    token = new_token()
    db.add(AccessToken(mentorship_id=mentorship_id, role=role, token_hash=hash_token(token)))
    await db.flush()
    return token


async def issue_tokens(db: AsyncSession, mentorship_id: str) -> dict[str, str]:
    """One fresh token per role: ``{"mentor": plaintext, "mentee": plaintext}``."""
    return {role: await issue_token(db, mentorship_id, role) for role in ROLES}


async def authenticate(db: AsyncSession, token: str) -> Participant | None:
    """The participant a live (unrevoked) token belongs to, or None."""
    if not isinstance(token, str) or not token or len(token) > _MAX_TOKEN_LENGTH:
        return None
    row = (await db.execute(
        select(AccessToken, Mentorship)
        .join(Mentorship, Mentorship.id == AccessToken.mentorship_id)
        .where(AccessToken.token_hash == hash_token(token), AccessToken.revoked_at.is_(None))
    )).one_or_none()
    if row is None:
        return None
    access, mentorship = row
    name, email = ((mentorship.mentor_name, mentorship.mentor_email) if access.role == "mentor"
                   else (mentorship.mentee_name, mentorship.mentee_email))
    return Participant(mentorship_id=mentorship.id, role=access.role, name=name, email=email,
                       token_id=access.id)


async def revoke(db: AsyncSession, mentorship_id: str, role: str) -> int:
    """Revoke every live token of ``role`` in the mentorship; returns how many."""
    result = await db.execute(
        update(AccessToken)
        .where(AccessToken.mentorship_id == mentorship_id, AccessToken.role == role,
               AccessToken.revoked_at.is_(None))
        .values(revoked_at=utcnow()))
    return result.rowcount


async def rotate(db: AsyncSession, mentorship_id: str, role: str) -> str:
    """Revoke the role's tokens and issue a new one, so an old link stops working."""
    await revoke(db, mentorship_id, role)
    return await issue_token(db, mentorship_id, role)

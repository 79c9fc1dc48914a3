"""Sending recap emails: the mailer loop, its two transports, and sending each one once.

The mailer runs in the service's process (like the worker) and in ``companion recap
--send``. It claims due deliveries one at a time (``DeliveryStore.claim_next``), renders
the recipient's recap (companion/recap.py), hands it to a transport and records the
outcome. Transports: SMTP (``COMPANION_SMTP_URL``), or by default an outbox of standard
.eml files in the data directory, which needs no server at all.

**Exactly once per finalisation.** The deliveries are created with the finalisation, in
its transaction (companion/deliveries.py), so there is exactly one per recipient to send.
Sending one is three steps: (1) the row goes to "sending" (committed), (2) the transport
sends, (3) the row goes to "sent", "failed" or back to "pending" (committed). A crash
between (1) and (3) leaves a "sending" row, and nobody can ask an SMTP server whether it
took a message, so such a row is never sent again blindly: once it has been "sending"
for longer than any live attempt can last (``STALE_SENDING``), it is marked failed with an
"outcome unknown" reason, which the session page shows with a resend button. This is
at-most-once for that window; the residual risk is a *lost* email (the crash came before
the server took it), never a duplicate. The email's Message-ID is fixed at the first
attempt and reused by every retry, so even a duplicate would be recognisable as one.

Failures: an attempt that provably did not hand the message over (no connection, a
greeting or login that failed, a 4xx reply, including to the message itself) is retried
with exponential back-off (``RetryPolicy``), up to a bounded number of attempts; a 5xx
reply (an address refused, a message rejected) fails at once with the server's reason.
A connection lost or timed out *while the message was being transferred* is the crash
case above in miniature: the server may have taken it, so it fails as "outcome unknown"
rather than being sent again. The outbox writes each email atomically under a name
derived from its delivery, so writing it twice leaves one file.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Final, Protocol

import aiosmtplib
from sqlalchemy.exc import SQLAlchemyError

from companion import recap
from companion.deliveries import LINK_LIFETIME, Claim, DeliveryStore
from companion.events import EventHub, SessionEvent
from companion.models import Delivery, utcnow
from companion.recap import RecapSource
from companion.settings import Settings, SmtpServer
from companion.store import InvalidState, RecordNotFound

log = logging.getLogger(__name__)

SMTP_TIMEOUT: Final = 30.0
"""Seconds any one SMTP step (connecting, a command, the message) may take."""
STALE_SENDING: Final = timedelta(minutes=10)
"""A delivery "sending" for longer than this was abandoned by a mailer that stopped: no
live attempt lasts that long (a handful of SMTP steps of at most ``SMTP_TIMEOUT``)."""
POLL_SECONDS: Final = 2.0
"""How often the idle mailer looks for due deliveries (a request that queues one wakes it)."""
ABANDONED: Final = ("outcome unknown: the mailer stopped while sending this email, which may "
                    "have arrived; resend it if it did not")
INTERRUPTED: Final = ("outcome unknown: the connection broke while the email was being handed "
                      "over, so it may have arrived; resend it if it did not")


@dataclass(frozen=True)
class RetryPolicy:
    """Back-off between attempts: ``first``, doubling up to ``longest``; after
    ``attempts`` attempts the delivery fails (8: about four hours of trying)."""

    first: timedelta = timedelta(minutes=1)
    longest: timedelta = timedelta(hours=1)
    attempts: int = 8

    def delay(self, attempt: int) -> timedelta:
        """The wait after failed attempt number ``attempt`` (1-based)."""
        return min(self.longest, self.first * 2 ** (attempt - 1))


class DeliveryError(Exception):
    """An attempt did not deliver; the message is the one-line reason people see."""

    def __init__(self, reason: str, *, permanent: bool = False, unknown: bool = False) -> None:
        super().__init__(reason)
        self.permanent = permanent
        """Trying again cannot help (the server refused the address or the message)."""
        self.unknown = unknown
        """The message may have been delivered (see the module docstring)."""


@dataclass(frozen=True)
class Envelope:
    delivery_id: str
    sender: str
    recipient: str


class Transport(Protocol):
    """Hands one email over; raises ``DeliveryError`` when it did not."""

    channel: str
    """"smtp" or "outbox", recorded on the delivery."""
    where: str
    """Where emails go, for people (no password)."""

    async def send(self, message: EmailMessage, envelope: Envelope) -> None: ...


class SmtpTransport:
    """One connection per email: recaps are few, and a fresh connection has no state to
    go stale between them."""

    channel = "smtp"

    def __init__(self, server: SmtpServer, *, timeout: float = SMTP_TIMEOUT) -> None:
        self.server = server
        self.where = str(server)
        self._timeout = timeout

    async def send(self, message: EmailMessage, envelope: Envelope) -> None:
        client = aiosmtplib.SMTP(hostname=self.server.host, port=self.server.port,
                                 use_tls=self.server.security == "tls",
                                 start_tls=self.server.security == "starttls",
                                 timeout=self._timeout)
        try:
            await client.connect()
            if self.server.username:
                await client.login(self.server.username, self.server.password or "")
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"cannot reach {self.server}: {_why(exc)}") from exc
        try:
            try:
                await client.mail(envelope.sender)
                await client.rcpt(_ascii_address(envelope.recipient))
            except aiosmtplib.SMTPResponseException as exc:
                raise _refused(exc) from exc
            except (aiosmtplib.SMTPException, OSError) as exc:
                raise DeliveryError(f"{self.server} went away: {_why(exc)}") from exc
            try:
                await client.data(message.as_bytes(policy=policy.SMTP))
            except aiosmtplib.SMTPResponseException as exc:
                raise _refused(exc) from exc
            except (aiosmtplib.SMTPException, OSError) as exc:
                raise DeliveryError(f"{INTERRUPTED} ({_why(exc)})", unknown=True) from exc
        finally:
            with contextlib.suppress(aiosmtplib.SMTPException, OSError):
                await client.quit()
            client.close()


class OutboxTransport:
    """Standard .eml files (RFC 5322, CRLF line ends) in a folder, one per delivery."""

    channel = "outbox"

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.where = str(directory)

    def path(self, delivery_id: str) -> Path:
        return self.directory / f"{delivery_id}.eml"

    async def send(self, message: EmailMessage, envelope: Envelope) -> None:
        data = message.as_bytes(policy=policy.SMTP)
        try:
            await asyncio.to_thread(self._write, data, self.path(envelope.delivery_id))
        except OSError as exc:
            raise DeliveryError(f"cannot write to the outbox {self.directory}: "
                                f"{exc.strerror or exc}") from exc

    @staticmethod
    def _write(data: bytes, path: Path) -> None:
        """Whole or not at all: written beside, flushed to disk, then renamed."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        with partial.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)


def transport_for(settings: Settings) -> SmtpTransport | OutboxTransport:
    smtp = settings.smtp
    return SmtpTransport(smtp) if smtp is not None else OutboxTransport(settings.outbox_dir)


class Mailer:
    """Sends due deliveries until ``stop``; ``run_once`` sends what is due now."""

    def __init__(self, deliveries: DeliveryStore, settings: Settings, *,
                 transport: Transport | None = None, events: EventHub | None = None,
                 clock: Callable[[], datetime] = utcnow,
                 retry: RetryPolicy = RetryPolicy()) -> None:
        self._deliveries = deliveries
        self._settings = settings
        self.transport: Transport = transport or transport_for(settings)
        self._events = events
        self._clock = clock
        self._retry = retry
        self._wakeup = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self._failure: str | None = None
        self.last_error: str | None = None
        """The latest delivery failure's reason (shown by /healthz), None after a success."""

    # -- lifecycle --------------------------------------------------------------------

    async def start(self) -> None:
        self._stopping = False
        self._task = asyncio.create_task(self._loop(), name="mailer")

    async def stop(self) -> None:
        """Finish the email being sent (each SMTP step is bounded), then stop."""
        self._stopping = True
        self._wakeup.set()
        if self._task is not None:
            await self._task

    def wake(self) -> None:
        """A delivery is due now: look at once rather than at the next poll."""
        self._wakeup.set()

    def health(self) -> dict[str, str | None]:
        if self._failure is not None:
            status = self._failure
        elif self._task is None or self._task.done():
            status = "stopped"
        else:
            status = "ok"
        return {"status": status, "channel": self.transport.channel,
                "to": self.transport.where, "last_error": self.last_error}

    async def _loop(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            try:
                await self.run_once()
                self._failure = None
            except (SQLAlchemyError, OSError) as exc:
                log.warning("cannot send recaps: %s", exc)
                self._failure = f"cannot reach the database: {type(exc).__name__}"
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), POLL_SECONDS)

    # -- sending ----------------------------------------------------------------------

    async def run_once(self, only: Collection[str] | None = None) -> list[Delivery]:
        """Give up on abandoned attempts, then send every due delivery (among ``only``,
        when given); returns the deliveries attempted, as they ended."""
        abandoned = await self._deliveries.abandon_stale(self._clock() - STALE_SENDING,
                                                         ABANDONED)
        if abandoned:
            log.warning("%d recap email(s) were being sent when the mailer stopped: "
                        "marked failed, outcome unknown", abandoned)
        ended = []
        while not self._stopping:
            claim = await self._deliveries.claim_next(self._clock(), only=only,
                                                      message_domain=self._domain)
            if claim is None:
                break
            delivery = await self._deliver(claim)
            if delivery is not None:
                ended.append(delivery)
        return ended

    @property
    def _domain(self) -> str:
        return self._settings.sender.rpartition("@")[2]

    async def _deliver(self, claim: Claim) -> Delivery | None:
        delivery = claim.delivery
        try:
            source = await self._deliveries.source(delivery.session_id,
                                                   zone=self._settings.zone)
        except RecordNotFound:
            return None  # the session was deleted meanwhile, and its deliveries with it
        except InvalidState as exc:
            return await self._end(claim, None, "failed", error=str(exc))
        try:
            message = self.message(claim, source)
        except Exception as exc:  # a bug in rendering: fail this one, keep sending others
            log.exception("recap %s could not be rendered", delivery.id)
            return await self._end(claim, source, "failed", error=f"internal error "
                                   f"({type(exc).__name__}): the details are in the log")
        envelope = Envelope(delivery.id, self._settings.sender, delivery.address)
        try:
            await self.transport.send(message, envelope)
        except DeliveryError as exc:
            self.last_error = f"{delivery.address}: {exc}"
            if exc.unknown or exc.permanent:
                return await self._end(claim, source, "failed", error=str(exc))
            if delivery.attempts >= self._retry.attempts:
                return await self._end(claim, source, "failed", error=f"gave up after "
                                       f"{delivery.attempts} attempts: {exc}")
            return await self._end(claim, source, "pending", error=str(exc),
                                   retry_at=self._clock() + self._retry.delay(delivery.attempts))
        self.last_error = None
        return await self._end(claim, source, "sent", channel=self.transport.channel)

    def message(self, claim: Claim, source: RecapSource) -> EmailMessage:
        """The email a claimed delivery sends: its recipient's recap, their link."""
        delivery, base = claim.delivery, self._settings.public_url
        email = recap.compose(source, delivery.role, link=f"{base}/recap/{claim.link_token}",
                              page_url=f"{base}/sessions/{delivery.session_id}",
                              zone=self._settings.zone, link_days=LINK_LIFETIME.days)
        assert delivery.message_id is not None, "claim_next sets it"
        return recap.to_message(email, sender=self._settings.sender, address=delivery.address,
                                message_id=delivery.message_id, date=self._clock())

    async def _end(self, claim: Claim, source: RecapSource | None, status: str, *,
                   error: str | None = None, retry_at: datetime | None = None,
                   channel: str | None = None) -> Delivery | None:
        """Record the attempt's outcome and tell the session's open pages."""
        delivery = await self._deliveries.finish(claim, status, now=self._clock(), error=error,
                                                 retry_at=retry_at, channel=channel)
        if delivery is not None and source is not None and self._events is not None:
            self._events.publish(SessionEvent("recap", delivery.session_id, source.mentorship_id,
                                              {"delivery": delivery.id, "role": delivery.role,
                                               "status": delivery.status}))
        return delivery


def _why(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _refused(exc: aiosmtplib.SMTPResponseException) -> DeliveryError:
    reason = f"the server answered {exc.code} {exc.message}".splitlines()[0]
    return DeliveryError(reason, permanent=500 <= exc.code < 600)


def _ascii_address(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local}@{domain.encode('idna').decode('ascii')}"

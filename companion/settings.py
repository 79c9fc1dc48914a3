"""The service's configuration: one table of settings, read from the environment in one place.

``SETTINGS`` (after Datasette's) is the single source of truth: ``Settings.load`` reads it
from ``COMPANION_*`` variables and command-line overrides, ``companion serve --help`` prints
its help texts and defaults, and docs/API.md lists it. Adding a setting is adding one row
and one field. Every value is parsed and checked here, so a typo in the environment is a
one-line ``SettingsError`` at start-up, never a crash halfway through a request.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import timedelta
from email.headerregistry import Address
from pathlib import Path
from typing import Any, Final
from urllib.parse import parse_qs, quote, unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from companion.db import DatabaseURLError, normalise_url

ENGINES: Final = ("faster-whisper", "openai-whisper")


class SettingsError(ValueError):
    """A setting has a value that cannot be used; the message is one line naming it."""


@dataclass(frozen=True)
class Setting:
    """One row of the table: a ``Settings`` field, its default and what it is for."""

    name: str
    default: Any
    help: str
    parse: Callable[[str], Any]
    flag: bool = False
    """Also a ``companion serve --<name>`` option (CONTRACT.md's four)."""
    default_text: str | None = None
    """How to describe the default when it is computed (shown in help and docs)."""

    @property
    def shown_default(self) -> str:
        if self.default_text is not None:
            return self.default_text
        return f"{self.default:g}" if isinstance(self.default, float) else str(self.default)

    @property
    def env(self) -> str:
        return f"COMPANION_{self.name.upper()}"

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


def _text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError("must be a whole number") from None


def _port(value: str) -> int:
    port = _int(value)
    if not 0 <= port <= 65535:
        raise ValueError("must be a port number from 0 to 65535")
    return port


def _positive_int(value: str) -> int:
    number = _int(value)
    if number < 1:
        raise ValueError("must be a whole number of at least 1")
    return number


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError("must be a number") from None
    if not 0 < number < float("inf"):
        raise ValueError("must be a number above 0")
    return number


def _url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("must be an http:// or https:// URL")
    return value.strip().rstrip("/")


def _database_url(value: str) -> str:
    try:
        normalise_url(value.strip())
    except DatabaseURLError as exc:
        raise ValueError(str(exc)) from exc
    return value.strip()


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("is not a time zone name such as Europe/Paris or UTC") from None
    return value


def _non_negative_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError("must be a number") from None
    if not 0 <= number < float("inf"):
        raise ValueError("must be a number of at least 0")
    return number


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError("must be true or false (or 1 / 0, yes / no)")


def _smtp_url(value: str) -> str:
    SmtpServer.parse(value.strip())
    return value.strip()


def _mail_from(value: str) -> str:
    value = value.strip()
    try:
        address = Address(addr_spec=value)
    except (ValueError, IndexError):
        address = None
    if address is None or not address.username or "." not in address.domain \
            or address.addr_spec != value:
        raise ValueError("must be one address such as companion@example.org") from None
    return value


@dataclass(frozen=True)
class SmtpServer:
    """Where recap emails go, from ``COMPANION_SMTP_URL``.

    ``smtp://HOST:PORT`` speaks plain SMTP (port 25 by default), ``?starttls=1`` upgrades
    it with STARTTLS before anything else is said (587), and ``smtps://`` is TLS from the
    first byte (465). ``USER:PASS@`` logs in; both are percent-decoded, so a password may
    hold any character.
    """

    host: str
    port: int
    security: str
    """"plain", "starttls" or "tls"."""
    username: str | None = None
    password: str | None = field(default=None, repr=False)

    @classmethod
    def parse(cls, url: str) -> SmtpServer:
        """The server a URL names; ``ValueError`` with a one-line reason otherwise."""
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("must be smtp://[USER:PASS@]HOST[:PORT][?starttls=1] or smtps://...")
        query = parse_qs(parts.query)
        unknown = set(query) - {"starttls"}
        if unknown:
            raise ValueError(f"unknown option {sorted(unknown)[0]!r} (only starttls=1)")
        starttls = query.get("starttls", ["0"])[-1]
        if starttls not in ("0", "1"):
            raise ValueError("starttls must be 0 or 1")
        if parts.scheme == "smtps" and starttls == "1":
            raise ValueError("smtps:// is TLS already: drop starttls=1")
        security = "tls" if parts.scheme == "smtps" else "starttls" if starttls == "1" \
            else "plain"
        try:
            port = parts.port
        except ValueError:
            raise ValueError("has a port that is not a number from 0 to 65535") from None
        return cls(host=parts.hostname,
                   port=port or {"tls": 465, "starttls": 587, "plain": 25}[security],
                   security=security,
                   username=unquote(parts.username) if parts.username else None,
                   password=unquote(parts.password) if parts.password else None)

    def __str__(self) -> str:
        """The server without its password, for logs and /healthz."""
        scheme = "smtps" if self.security == "tls" else "smtp"
        user = f"{quote(self.username, safe='')}@" if self.username else ""
        query = "?starttls=1" if self.security == "starttls" else ""
        return f"{scheme}://{user}{self.host}:{self.port}{query}"


def _engine(value: str) -> str:
    if value not in ENGINES:
        raise ValueError(f"must be one of {', '.join(ENGINES)}")
    return value


SETTINGS: Final[tuple[Setting, ...]] = (
    Setting("host", "127.0.0.1", "interface to listen on", _text, flag=True),
    Setting("port", 8080, "TCP port to listen on (0: any free port)", _port, flag=True),
    Setting("data_dir", "./data", "directory for the database, recordings and outbox",
            _text, flag=True),
    Setting("database_url", None,
            "sqlite:///PATH or postgresql://USER@HOST/DB", _database_url, flag=True,
            default_text="SQLite file companion.db in the data dir"),
    Setting("base_url", None,
            "public URL used in personal links and emails", _url,
            default_text="http://HOST:PORT"),
    Setting("engine", "faster-whisper", "speech engine: faster-whisper or openai-whisper",
            _engine),
    Setting("model", None, "Whisper model name or local path", _text,
            default_text="the bundled tiny.en"),
    Setting("max_upload_mb", 500.0, "largest accepted recording upload, in megabytes",
            _positive_float),
    Setting("max_duration_min", 240.0, "longest accepted recording, in minutes",
            _positive_float),
    Setting("timezone", "UTC",
            "IANA time zone of session times given without an offset, and of the dates "
            "that extraction resolves ('by Friday')", _timezone),
    Setting("workers", 1, "processes transcribing recordings in parallel", _positive_int),
    Setting("admin_token", None,
            "when set, creating a mentorship needs it as 'Authorization: Bearer TOKEN'",
            _text, default_text="unset: anyone who reaches the service may create one"),
    Setting("smtp_url", None,
            "SMTP server for recap emails: smtp://USER:PASS@HOST:PORT, ?starttls=1 for "
            "STARTTLS, smtps:// for TLS", _smtp_url,
            default_text="unset: emails are written as .eml files to outbox/ in the data dir"),
    Setting("mail_from", None, "sender address of recap emails", _mail_from,
            default_text="companion@ the host of the base URL"),
    Setting("recap_hold_min", 0.0,
            "minutes a recap waits before it is sent, for the participants to review or "
            "release it (0: sent at once)", _non_negative_float),
    # the check-in rhythm and retention (companion/scheduler.py, companion/retention.py)
    Setting("reminder_lead_h", 24.0,
            "hours before a check-in that both participants get a reminder email",
            _positive_float),
    Setting("default_cadence_days", None,
            "check-in cadence in days for a mentorship whose agreement sets none", _positive_int,
            default_text="unset: no missed-cadence nudges without an agreed cadence"),
    Setting("cadence_grace_days", 3.0,
            "days after the cadence before a missed check-in nudges both participants",
            _non_negative_float),
    Setting("retention_days", None,
            "recordings older than this many days are deleted (file and row)", _positive_int,
            default_text="unset: recordings are kept"),
    Setting("retention_keep_transcripts", True,
            "whether a recording deleted by retention keeps its transcript (false: the "
            "transcript and the quotes taken from it go too; the summary stays)", _bool,
            default_text="true"),
    Setting("scheduler_interval_s", 60.0,
            "seconds between the scheduler's rounds (reminders, nudges, retention)",
            _positive_float),
)


@dataclass(frozen=True)
class Settings:
    """The service's configuration, fully parsed; build it with ``Settings.load``."""

    host: str = "127.0.0.1"
    port: int = 8080
    data_dir: Path = Path("data")
    database_url: str = ""
    base_url: str | None = None
    engine: str = "faster-whisper"
    model: str | None = None
    max_upload_mb: float = 500.0
    max_duration_min: float = 240.0
    timezone: str = "UTC"
    workers: int = 1
    admin_token: str | None = None
    smtp_url: str | None = None
    mail_from: str | None = None
    recap_hold_min: float = 0.0
    reminder_lead_h: float = 24.0
    default_cadence_days: int | None = None
    cadence_grace_days: float = 3.0
    retention_days: int | None = None
    retention_keep_transcripts: bool = True
    scheduler_interval_s: float = 60.0

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None,
             overrides: Mapping[str, Any] | None = None) -> Settings:
        """Defaults, then ``COMPANION_*`` variables, then ``overrides`` (command-line
        options; None means "not given"). Raises ``SettingsError`` on the first bad value."""
        environ = os.environ if environ is None else environ
        overrides = overrides or {}
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            raw, source = overrides.get(setting.name), setting.option
            if raw is None:
                raw, source = environ.get(setting.env) or None, setting.env
            if raw is None:
                values[setting.name] = setting.default
                continue
            try:
                values[setting.name] = setting.parse(str(raw))
            except ValueError as exc:
                raise SettingsError(f"{source}={raw!r}: {exc}") from None
        data_dir = Path(values["data_dir"]).expanduser()
        values["data_dir"] = data_dir
        values["database_url"] = (values["database_url"]
                                  or f"sqlite:///{data_dir.resolve() / 'companion.db'}")
        return cls(**values)

    @property
    def public_url(self) -> str:
        """Where participants reach the service: ``base_url``, or the listening address."""
        return self.base_url or f"http://{self.host}:{self.port}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / "recordings"

    @property
    def smtp(self) -> SmtpServer | None:
        """The SMTP server recaps go to; None: they go to ``outbox_dir``."""
        return SmtpServer.parse(self.smtp_url) if self.smtp_url else None

    @property
    def outbox_dir(self) -> Path:
        """Where recap emails are written as .eml files when no SMTP server is set."""
        return self.data_dir / "outbox"

    @property
    def sender(self) -> str:
        """The From address of recap emails: ``mail_from``, or companion@ the public host
        ("localhost" when that host is an IP address)."""
        if self.mail_from:
            return self.mail_from
        host = urlsplit(self.public_url).hostname or ""
        named = "." in host and not host.replace(".", "").isdigit() and ":" not in host
        return f"companion@{host if named else 'localhost'}"

    @property
    def recap_hold(self) -> timedelta:
        return timedelta(minutes=self.recap_hold_min)

    @property
    def reminder_lead(self) -> timedelta:
        return timedelta(hours=self.reminder_lead_h)

    @property
    def cadence_grace(self) -> timedelta:
        return timedelta(days=self.cadence_grace_days)

    @property
    def uploads_dir(self) -> Path:
        """Uploads in progress: on the same file system as ``recordings_dir``, so that an
        accepted upload moves there with an atomic rename."""
        return self.data_dir / "uploads"


def markdown_table() -> str:
    """The settings as the Markdown table of docs/API.md (a test keeps the two equal)."""
    rows = ["| variable | flag | default | what |", "|---|---|---|---|"]
    rows += [f"| `{s.env}` | {f'`{s.option}`' if s.flag else ''} | {s.shown_default} | "
             f"{s.help} |" for s in SETTINGS]
    return "\n".join(rows) + "\n"


def _check_table() -> None:
    """The table and the dataclass must name the same settings, in the same order."""
    names = [s.name for s in SETTINGS]
    if names != [f.name for f in fields(Settings)]:
        raise RuntimeError("SETTINGS and Settings disagree")


_check_table()

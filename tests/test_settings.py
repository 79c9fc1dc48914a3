"""Configuration: one table read from the environment, flags over variables, one-line
errors (exit 2 from `companion serve`)."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from companion.cli import main
from companion.settings import SETTINGS, Settings, SettingsError, markdown_table


def test_embedded_defaults() -> None:
    settings = Settings.load(environ={})
    assert (settings.host, settings.port, settings.data_dir) == ("127.0.0.1", 8080, Path("data"))
    assert settings.database_url == f"sqlite:///{Path('data').resolve() / 'companion.db'}"
    assert settings.public_url == "http://127.0.0.1:8080"
    assert (settings.engine, settings.model, settings.workers) == ("faster-whisper", None, 1)
    assert settings.max_upload_bytes == 500 * 1024 * 1024
    assert settings.admin_token is None and settings.timezone == "UTC"
    assert settings.recordings_dir == Path("data") / "recordings"


def test_environment_then_flags() -> None:
    environ = {"COMPANION_HOST": "0.0.0.0", "COMPANION_PORT": "9000",
               "COMPANION_DATA_DIR": "/srv/companion", "COMPANION_WORKERS": "2",
               "COMPANION_BASE_URL": "https://mentoring.example.org/",
               "COMPANION_MAX_UPLOAD_MB": "0.5", "COMPANION_ADMIN_TOKEN": "t0ken",
               "COMPANION_ENGINE": "openai-whisper", "COMPANION_MODEL": "small.en",
               "COMPANION_TIMEZONE": "Europe/Paris",
               "COMPANION_DATABASE_URL": "postgresql://companion@db/companion"}
    settings = Settings.load(environ=environ, overrides={"port": "9001", "host": None})
    assert (settings.host, settings.port) == ("0.0.0.0", 9001)
    assert settings.data_dir == Path("/srv/companion") and settings.workers == 2
    assert settings.public_url == "https://mentoring.example.org"
    assert settings.max_upload_bytes == 512 * 1024
    assert settings.database_url == "postgresql://companion@db/companion"
    assert (settings.engine, settings.model) == ("openai-whisper", "small.en")
    assert settings.zone.key == "Europe/Paris" and settings.admin_token == "t0ken"


@pytest.mark.parametrize("environ, message", [
    ({"COMPANION_PORT": "eighty"}, "COMPANION_PORT='eighty': must be a whole number"),
    ({"COMPANION_PORT": "70000"}, "must be a port number from 0 to 65535"),
    ({"COMPANION_WORKERS": "0"}, "COMPANION_WORKERS='0': must be a whole number of at least 1"),
    ({"COMPANION_MAX_UPLOAD_MB": "-1"}, "must be a number above 0"),
    ({"COMPANION_MAX_UPLOAD_MB": "nan"}, "must be a number above 0"),
    ({"COMPANION_ENGINE": "whisper.cpp"}, "must be one of faster-whisper, openai-whisper"),
    ({"COMPANION_BASE_URL": "mentoring.example.org"}, "must be an http:// or https:// URL"),
    ({"COMPANION_DATABASE_URL": "mysql://x/y"}, "unsupported database 'mysql'"),
    ({"COMPANION_TIMEZONE": "Mars/Olympus"}, "is not a time zone name"),
])
def test_bad_values_are_one_line_errors(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as error:
        Settings.load(environ=environ)
    assert message in str(error.value) and "\n" not in str(error.value)


def test_the_table_documents_every_setting() -> None:
    assert [s.name for s in SETTINGS] == [f.name for f in fields(Settings)]
    defaults = Settings()
    for setting in SETTINGS:
        assert setting.help and setting.env == f"COMPANION_{setting.name.upper()}"
        if setting.default is not None and setting.name != "data_dir":
            assert getattr(defaults, setting.name) == setting.default, setting.name
    api_doc = (Path(__file__).resolve().parents[1] / "docs" / "API.md").read_text()
    assert markdown_table() in api_doc, "regenerate the table in docs/API.md"


def test_serve_help_lists_every_variable() -> None:
    result = subprocess.run([sys.executable, "-m", "companion.cli", "serve", "--help"],
                            capture_output=True, text=True, check=True)
    for setting in SETTINGS:
        assert setting.env in result.stdout
    for flag in ("--host", "--port", "--data-dir", "--database-url", "--no-demo"):
        assert flag in result.stdout


def test_serve_refuses_bad_settings_with_exit_2(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COMPANION_WORKERS", "many")
    assert main(["serve", "--port", "8123"]) == 2
    err = capsys.readouterr().err
    assert err == "companion: COMPANION_WORKERS='many': must be a whole number\n"
    monkeypatch.delenv("COMPANION_WORKERS")
    assert main(["serve", "--port", "-5"]) == 2
    assert capsys.readouterr().err == ("companion: --port='-5': must be a port number "
                                       "from 0 to 65535\n")

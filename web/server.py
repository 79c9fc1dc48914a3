"""Running the service until it is told to stop: what ``companion serve`` does.

The listening socket is bound before the app is built, so that ``--port 0`` works: the
port the system picked is then known, and the personal links printed and mailed carry it.
"""
from __future__ import annotations

import asyncio
import logging
import signal
import socket
import sys
from dataclasses import replace
from typing import TextIO

from aiohttp import web

from companion import demo
from companion.settings import Settings
from web.app import create_app
from web.typedefs import STORE


def bind(settings: Settings) -> socket.socket:
    """A listening socket on the configured address; raises OSError (port in use...)."""
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    return socket.create_server((settings.host, settings.port), family=family)


async def serve(settings: Settings, *, with_demo: bool = True,
                out: TextIO = sys.stdout) -> None:
    """Serve until SIGINT or SIGTERM; on an empty data directory, create the demo first."""
    stop = _stop_on_signals()  # before anything is printed: a signal then means "stop"
    fresh = demo.is_empty(settings.data_dir)
    sock = bind(settings)
    settings = replace(settings, port=sock.getsockname()[1])
    app = create_app(settings)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    try:
        if with_demo and fresh:
            made = await demo.create_demo(app[STORE], settings)
            print("Demo mentorship created; the sample call is being transcribed. "
                  "Personal links:", file=out)
            for role, link in made.links.items():
                print(f"  {role} ({made.names[role]}): {link}", file=out)
        await web.SockSite(runner, sock).start()
        print(f"Companion is listening on http://{settings.host}:{settings.port} "
              f"(links use {settings.public_url}); Ctrl+C stops it.", file=out, flush=True)
        await stop.wait()
        logging.getLogger(__name__).info("stopping")
    finally:
        await runner.cleanup()


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    return stop

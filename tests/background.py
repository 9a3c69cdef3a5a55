"""Long runs under Node (the core suite inside Pyodide, the trimmed-library drives, Harper) start
once the session has collected its tests, on threads of their own (one at a time beside the
browser tests, two at a time without them), and run beside the rest of the suite; each test
then waits for its own run's result and checks it as before.

A test module declares a run with `@background.run` on a function that returns the command; the
test calls `.result()`. Started early (by tests/conftest.py) or not, the checks are the same: a
run nobody started yet starts when its test asks for it.
"""

from __future__ import annotations

import os
import queue
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Command", "Run", "has_runs", "run", "start_runs_of", "stop"]

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Command:
    args: list[str]
    timeout: float
    # Variables set for this run on top of the session's own.
    env: dict[str, str] | None = None


class Run:
    """One command, run at most once per session, whose result any test can wait for."""

    def __init__(self, make: Callable[[Path], Command]) -> None:
        self.make = make
        self.module = make.__module__
        self.name = f"{make.__module__}.{make.__name__}"
        self._lock = threading.Lock()
        self._queued = False
        self._done = threading.Event()
        self._result: subprocess.CompletedProcess[str] | None = None
        self._error: BaseException | None = None
        self._process: subprocess.Popen[str] | None = None
        self._command: Command | None = None

    def start(self) -> None:
        """Prepare the run here and queue it (once): the background threads take queued runs in
        turn, and only wait on their processes. Preparing runs Python (building zips, parsing
        source) in the caller's thread: CPython 3.11's parser is not safe beside a test that
        parses too ("AST constructor recursion depth mismatch"), and under the GIL a thread
        would not make it sooner."""
        with self._lock:
            if self._queued:
                return
            self._queued = True
        try:
            self._command = self.make(Path(tempfile.mkdtemp(prefix="secondround-run-")))
        except BaseException as error:  # handed to the test that waits for the result
            self._error = error
            self._done.set()
            return
        _start_thread()
        _queue.put(self)

    def result(self) -> subprocess.CompletedProcess[str]:
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def execute(self) -> None:
        try:
            if _stopped.is_set():
                raise RuntimeError("the session ended before this run started")
            command = self._command
            assert command is not None, "a run is queued only once prepared"
            with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
                env = None if command.env is None else {**os.environ, **command.env}
                self._process = subprocess.Popen(
                    command.args, cwd=ROOT, stdout=out, stderr=err, text=True, env=env
                )
                try:
                    code = self._process.wait(timeout=command.timeout)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
                    raise
                out.seek(0)
                err.seek(0)
                self._result = subprocess.CompletedProcess(
                    command.args, code, out.read(), err.read()
                )
        except BaseException as error:  # handed to the test that waits for the result
            self._error = error
        finally:
            self._done.set()

    def kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()


_runs: list[Run] = []
_queue: queue.Queue[Run] = queue.Queue()
# How many runs at once: start_runs_of sets it (one beside the browser tests, which keep the
# other core busy; two when no browser runs).
WORKERS = 1
_threads: list[threading.Thread] = []
_thread_lock = threading.Lock()
_stopped = threading.Event()


def _work() -> None:
    while True:
        _queue.get().execute()


def _start_thread() -> None:
    with _thread_lock:
        while len(_threads) < WORKERS:
            _threads.append(threading.Thread(target=_work, name="background-run", daemon=True))
            _threads[-1].start()


def run(make: Callable[[Path], Command]) -> Run:
    """Declare a background run: `make(work_dir)` prepares what it needs and returns the command."""
    declared = Run(make)
    _runs.append(declared)
    return declared


def has_runs(module: str | None) -> bool:
    return any(declared.module == module for declared in _runs)


def start_runs_of(modules: set[str | None], workers: int = 1) -> None:
    """Start, in the order they were declared, the runs of the modules whose tests will run."""
    global WORKERS
    WORKERS = workers
    for declared in _runs:
        if declared.module in modules:
            declared.start()


def stop() -> None:
    """Kill whatever is still running, and start nothing more (the session is over)."""
    _stopped.set()
    for declared in _runs:
        declared.kill()

"""A program in a pseudo-terminal of a fixed size, with everything it writes recorded and timed.

The benchmark counts what a dashboard writes to its terminal, so the harness reads the pty
master itself (no `script`, no tmux in between): a reader thread timestamps every chunk the
moment `read()` returns it. A VT emulator (pyte) replays the chunks on demand, so "the screen
shows X" can be decided from the real screen contents, not from byte patterns that cursor
addressing breaks up.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import threading
import time
from dataclasses import dataclass

import pyte

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Chunk:
    """Bytes returned by one read() of the pty master, and when (time.monotonic())."""

    at: float
    data: bytes


def _become_terminal_owner() -> None:
    """Runs in the child after setsid(): makes the pty (already on fd 0) its controlling tty."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtySession:
    """One program running in its own pty of `cols` x `rows`."""

    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 120, rows: int = 40, cwd: str | None = None):
        self.argv = argv
        self.cols = cols
        self.rows = rows
        self._chunks: list[Chunk] = []
        self._lock = threading.Lock()
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.master = master
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd, close_fds=True,
            start_new_session=True, preexec_fn=_become_terminal_owner)
        os.close(slave)
        self._closed = threading.Event()
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        # The emulator replays chunks lazily: `_fed` chunks went into it so far.
        self._screen = pyte.Screen(cols, rows)
        self._stream = pyte.ByteStream(self._screen)
        self._fed = 0

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read_loop(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.5)
                if not ready:
                    if self.process.poll() is not None:
                        break
                    continue
                data = os.read(self.master, 65536)
            except OSError:
                break  # EIO: the child closed the slave side
            if not data:
                break
            at = time.monotonic()
            with self._lock:
                self._chunks.append(Chunk(at, data))
        self._closed.set()

    # MARK: Input

    def write(self, data: bytes) -> float:
        """Writes keys to the program; returns the time just before the write."""
        at = time.monotonic()
        os.write(self.master, data)
        return at

    # MARK: Output

    def chunks(self) -> list[Chunk]:
        with self._lock:
            return list(self._chunks)

    def bytes_between(self, start: float, end: float) -> int:
        return sum(len(c.data) for c in self.chunks() if start <= c.at < end)

    def first_chunk_after(self, at: float, timeout: float) -> Chunk | None:
        """The first chunk read after `at`, waiting up to `timeout` seconds for it."""
        deadline = time.monotonic() + timeout
        while True:
            found = None
            with self._lock:
                for chunk in reversed(self._chunks):  # newest first, back to the first after `at`
                    if chunk.at <= at:
                        break
                    found = chunk
            if found is not None:
                return found
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.0002)

    def wait_quiet(self, quiet: float = 0.25, timeout: float = 5.0) -> bool:
        """Waits until nothing was written for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            chunks = self.chunks()
            last = chunks[-1].at if chunks else self.started_at
            if time.monotonic() - last >= quiet:
                return True
            time.sleep(0.02)
        return False

    def screen_when(self, predicate, timeout: float) -> float | None:
        """Replays output into the emulator until `predicate(display_lines)` holds; returns the
        time of the chunk that made it true (None on timeout). Chunks already replayed count."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                pending = self._chunks[self._fed:]
            for chunk in pending:
                self._stream.feed(chunk.data)
                self._fed += 1
                if predicate(self._screen.display):
                    return chunk.at
            if time.monotonic() >= deadline or self._closed.is_set() and not pending:
                return None
            time.sleep(0.002)

    def display(self) -> list[str]:
        """The screen as text lines, after everything read so far."""
        with self._lock:
            pending = self._chunks[self._fed:]
        for chunk in pending:
            self._stream.feed(chunk.data)
            self._fed += 1
        return list(self._screen.display)

    # MARK: The process

    def cpu_seconds(self) -> float:
        """User plus system CPU time of the process (all its threads) so far, in clock ticks
        (10 ms): over a 10 s window one tick is 0.06 s/min. See `cpu_sample` for the exact one."""
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        # After the command name: field 3 is index 0, so utime (14) and stime (15) are 11 and 12.
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def cpu_sample(self) -> tuple[frozenset[str], float]:
        """The live threads and their summed run time in seconds, to the nanosecond
        (/proc/PID/task/*/schedstat, first field). Exact, but a thread that ends takes its time
        with it, so two samples compare only when the thread sets are equal."""
        tasks = frozenset(os.listdir(f"/proc/{self.pid}/task"))
        total = 0
        for task in tasks:
            try:
                with open(f"/proc/{self.pid}/task/{task}/schedstat") as f:
                    total += int(f.read().split()[0])
            except (OSError, ValueError, IndexError):
                return frozenset(), float("nan")
        return tasks, total / 1e9

    def memory_kib(self) -> dict[str, int]:
        """VmHWM (peak resident set) and VmRSS, in KiB."""
        result = {}
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmHWM", "VmRSS"):
                    result[key] = int(value.split()[0])
        return result

    def is_running(self) -> bool:
        return self.process.poll() is None

    def stop(self, quit_keys: bytes | None = None, timeout: float = 5.0) -> int | None:
        """Ends the program: its quit key first when given, then SIGTERM, then SIGKILL."""
        if quit_keys and self.is_running():
            try:
                self.write(quit_keys)
                self.process.wait(timeout=timeout)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if not self.is_running():
                break
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                continue
        self._closed.wait(timeout=2)
        try:
            os.close(self.master)
        except OSError:
            pass
        return self.process.returncode

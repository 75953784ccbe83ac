"""The standalone simulator (`envtop simulate`) in its own process, and the calls the benchmark
makes to it: the Work API (to stop one item) and the admin calls (faults, request counts)."""

from __future__ import annotations

import json
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request

# Keys of `GET /_sim/requests` (the simulator's route names, `SimulatorRoute` in Swift).
STATS_ROUTE = "GET /v1/environments/{environment_id}/work/stats"
LIST_ROUTE = "GET /v1/environments/{environment_id}/work"

# The simulator accepts any non-empty credential when started without keys.
ENVIRONMENT_KEY = "sim-environment-key"
API_KEY = "sim-api-key"
API_HEADERS = {
    "Authorization": f"Bearer {ENVIRONMENT_KEY}",
    "anthropic-version": "2026-10-21",
    "anthropic-beta": "managed-agents-2026-04-01",
    "content-type": "application/json",
}


class Simulator:
    """`envtop simulate --port 0 ...`, started and parsed: base URL and environment ids."""

    def __init__(self, binary: str, seed: int = 7, items: int = 40, workers: int = 0, arrival_rate: float = 0,
                 environments: int = 1, startup_timeout: float = 120):
        self.argv = [binary, "simulate", "--port", "0", "--seed", str(seed), "--environments", str(environments),
                     "--workers", str(workers), "--arrival-rate", str(arrival_rate), "--items", str(items)]
        started = time.monotonic()
        self.process = subprocess.Popen(
            self.argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)
        self.base_url, self.environment_ids = self._read_banner(startup_timeout)
        self.startup_seconds = time.monotonic() - started
        # Keep draining its output so it never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()

    def _read_banner(self, timeout: float) -> tuple[str, list[str]]:
        deadline = time.monotonic() + timeout
        base_url, envs, seen_envs = None, [], False
        lines: list[str] = []
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline().decode(errors="replace")
            if not line:
                break
            lines.append(line.rstrip())
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if match:
                base_url = match.group(1)
            if line.startswith("environments:"):
                seen_envs = True
            elif seen_envs and line.startswith("  env_"):
                envs.append(line.strip())
            elif seen_envs and envs:
                return base_url, envs
        self.stop()
        raise RuntimeError("the simulator did not print its URL and environments:\n" + "\n".join(lines[-20:]))

    def _drain(self) -> None:
        assert self.process.stdout is not None
        while self.process.stdout.read(4096):
            pass

    @property
    def environment_id(self) -> str:
        return self.environment_ids[0]

    def client_environment(self) -> dict[str, str]:
        """What envtop needs in its environment to watch this simulator."""
        return {
            "ANTHROPIC_BASE_URL": self.base_url,
            "ANTHROPIC_ENVIRONMENT_KEY": ENVIRONMENT_KEY,
            "ANTHROPIC_API_KEY": API_KEY,
        }

    # MARK: HTTP

    def _call(self, method: str, path: str, body: object | None = None, headers: dict | None = None,
              timeout: float = 30) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method, headers=headers or {})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read() or b"null")

    def api(self, method: str, path: str, body: object | None = None) -> object:
        """A Work API call under /v1/environments/{env}, with the environment key."""
        joiner = "&" if "?" in path else "?"
        return self._call(method, f"/v1/environments/{self.environment_id}{path}{joiner}beta=true", body, API_HEADERS)

    def list_first_page(self, limit: int = 100) -> list[dict]:
        return self.api("GET", f"/work?limit={limit}")["data"]

    def stop_work(self, work_id: str, force: bool) -> dict:
        return self.api("POST", f"/work/{work_id}/stop", {"force": force})

    def set_faults(self, faults: dict) -> None:
        self._call("POST", "/_sim/faults", faults)

    def request_counts(self) -> dict[str, int] | None:
        """Requests received so far by route template, or None when this simulator has no
        `GET /_sim/requests`."""
        try:
            answer = self._call("GET", "/_sim/requests")
        except urllib.error.HTTPError:
            return None
        counts = answer.get("counts", answer) if isinstance(answer, dict) else None
        return {str(k): int(v) for k, v in counts.items()} if isinstance(counts, dict) else None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def request_delta(before: dict[str, int] | None, after: dict[str, int] | None) -> dict[str, int] | None:
    """Requests made between two `request_counts()` readings, admin calls left out."""
    if before is None or after is None:
        return None
    return {k: after.get(k, 0) - before.get(k, 0) for k in after if "/_sim/" not in k and after.get(k, 0) != before.get(k, 0)}


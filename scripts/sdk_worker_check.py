#!/usr/bin/env python3
"""Wire-fidelity check: the official `anthropic` SDK's own worker code against a Work API.

Points the SDK (2.10.0) at BASE_URL and lets its real code claim, ack, heartbeat and stop
every queued item of ENVIRONMENT_ID, in the two shapes the SDK ships:

1. the worker shape of `EnvironmentWorker.run`: `aiter_work(auto_stop=False, drain=...)` with the
   environment key, then per item the SDK's `_heartbeat_loop` on a sub-client holding the item's
   sessions token (taken from the poll's `secret` by the SDK's own `_sessions_token_from_secret`)
   and the worker's final `stop(force=True)` with that token. Every few items an operator
   stops the item gracefully mid-session (API key); the SDK's heartbeat loop must see `stopping`.
2. the poller shape `client.beta.environments.work.poller(drain=True)` with `auto_stop=True`:
   the poller stops each item gracefully after the loop body, while the item's heartbeat loop,
   still running, sees `stopping` and force-stops it, as a worker would.

No session runs (the SDK's session runner needs the real sessions API); everything on the
work-item wire is the SDK's own code. Exits 0 only when the queue is drained (depth 0,
pending 0) and every item listed (through the SDK's own cursor pagination) is `stopped`.

Usage: sdk_worker_check.py BASE_URL ENVIRONMENT_ID [--expect N]
Credentials: ANTHROPIC_ENVIRONMENT_KEY (worker), ANTHROPIC_API_KEY (operator calls).
Never prints a credential or a secret.
"""

from __future__ import annotations

import os
import sys
import asyncio
import argparse
import logging

import anyio

try:
    import anthropic
    from anthropic import AsyncAnthropic, APIStatusError
    from anthropic.lib.environments._poller import aiter_work
    from anthropic.lib.environments._worker import (
        _Lease,
        _LeaseEndReason,
        _heartbeat_loop,
        _sessions_token_from_secret,
    )
    from anthropic.lib._scoped_client import _copy_client_with_bearer_auth
except ImportError as error:  # pragma: no cover - reported to the Swift test
    print(f"cannot import the anthropic SDK ({error}); pip install anthropic==2.10.0", file=sys.stderr)
    sys.exit(3)

EXPECTED_SDK = "2.10.0"
# Each item's "session" lasts this many successful heartbeats in the worker shape.
BEATS_PER_SESSION = 2


class Check:
    def __init__(self, base_url: str, environment_id: str, env_key: str, api_key: str) -> None:
        self.environment_id = environment_id
        self.env_key = env_key
        # The operator's client (API key) and the parent client the SDK's helpers copy from.
        self.client = AsyncAnthropic(base_url=base_url, api_key=api_key, max_retries=2)
        self.handled: dict[str, str] = {}
        self.failures: list[str] = []

    def fail(self, message: str) -> None:
        self.failures.append(message)
        print(f"FAIL: {message}", file=sys.stderr)

    async def serve(self, item, *, operator_stop: bool) -> _Lease:
        """The SDK worker's per-item flow (`EnvironmentWorker._handle_item`) without a session."""
        token = _sessions_token_from_secret(getattr(item, "secret", None))
        if token is None:
            self.fail(f"{item.id}: the poll's secret carried no sessions_token")
            token = self.env_key
        worker_client = _copy_client_with_bearer_auth(self.client, auth_token=token, helper="environments-worker")
        work = worker_client.beta.environments.work
        lease = _Lease()
        ttls: list[float] = []

        async def heartbeat() -> None:
            await _heartbeat_loop(
                work,
                work_id=item.id,
                environment_id=item.environment_id,
                lease=lease,
                on_lease_ttl=ttls.append,
            )

        async def session() -> None:
            with anyio.fail_after(30):
                while len(ttls) < (1 if operator_stop else BEATS_PER_SESSION) and not lease.ended:
                    await anyio.sleep(0.05)
                if lease.ended:
                    return  # the SDK ended the lease itself; the caller reports why
                if operator_stop:
                    # The operator's graceful stop, with the API key; the heartbeat must notice it.
                    await self.client.beta.environments.work.stop(
                        item.id, environment_id=item.environment_id, force=False
                    )
                    await lease.wait_ended()
                else:
                    lease.finish(_LeaseEndReason.RUNNER_DONE)

        try:
            async with anyio.create_task_group() as tg:
                tg.start_soon(heartbeat)
                await session()
        finally:
            with anyio.CancelScope(shield=True):
                await self.force_stop(work, item, lease)
        return lease

    async def force_stop(self, work, item, lease: _Lease) -> None:
        """The worker's final stop: force, with the item credential, unless the lease was lost."""
        if lease.lost:
            self.fail(f"{item.id}: the SDK considered its lease lost ({lease._end_reason})")
            return
        try:
            await work.stop(item.id, environment_id=item.environment_id, force=True)
        except APIStatusError as error:
            if error.status_code != 409:
                self.fail(f"{item.id}: final force stop failed with {error.status_code}")

    async def worker_shape(self, count: int) -> None:
        """`EnvironmentWorker.run`: poll/ack with the environment key, no auto-stop."""
        poll_client = _copy_client_with_bearer_auth(
            self.client, auth_token=self.env_key, helper="environments-work-poller"
        )
        served = 0
        async for item in aiter_work(
            poll_client.beta.environments.work,
            environment_id=self.environment_id,
            auto_stop=False,
            drain=True,
        ):
            # The poller yields the polled item; the ack it made must show on the server.
            acked = await self.client.beta.environments.work.retrieve(item.id, environment_id=self.environment_id)
            if acked.state != "starting" or acked.acknowledged_at is None:
                self.fail(f"{item.id}: after the SDK's ack the item is {acked.state}, expected starting")
            operator_stop = served % 3 == 1
            lease = await self.serve(item, operator_stop=operator_stop)
            expected = _LeaseEndReason.HEARTBEAT_STOP if operator_stop else _LeaseEndReason.RUNNER_DONE
            if lease._end_reason is not expected:
                self.fail(f"{item.id}: lease ended with {lease._end_reason}, expected {expected}")
            self.handled[item.id] = "worker+operator-stop" if operator_stop else "worker"
            served += 1
            if served >= count:
                break

    async def poller_shape(self) -> None:
        """`work.poller(drain=True)` with auto-stop: the poller owns the graceful stop."""
        pending: list[asyncio.Task] = []
        async for item in self.client.beta.environments.work.poller(
            environment_id=self.environment_id,
            environment_key=self.env_key,
            drain=True,
        ):

            async def run(item=item) -> None:
                token = _sessions_token_from_secret(getattr(item, "secret", None)) or self.env_key
                worker_client = _copy_client_with_bearer_auth(
                    self.client, auth_token=token, helper="environments-worker"
                )
                work = worker_client.beta.environments.work
                lease = _Lease()
                await _heartbeat_loop(work, work_id=item.id, environment_id=item.environment_id, lease=lease)
                await self.force_stop(work, item, lease)
                if lease._end_reason is not _LeaseEndReason.HEARTBEAT_STOP:
                    self.fail(f"{item.id}: auto-stopped lease ended with {lease._end_reason}")

            task = asyncio.create_task(run())
            # Let the first heartbeat land before the body returns and the poller stops the item.
            for _ in range(200):
                await asyncio.sleep(0.02)
                got = await self.client.beta.environments.work.retrieve(item.id, environment_id=self.environment_id)
                if got.state == "active":
                    break
            self.handled[item.id] = "poller+auto-stop"
            pending.append(task)
        for task in pending:
            await asyncio.wait_for(task, timeout=30)

    async def verify(self, expect: int | None) -> None:
        """Drained, and every item stopped, as the operator's calls see it."""
        env_client = _copy_client_with_bearer_auth(self.client, auth_token=self.env_key, helper="environments-work-poller")
        stats = await env_client.beta.environments.work.stats(self.environment_id)
        if stats.depth != 0 or stats.pending != 0:
            self.fail(f"queue not drained: depth={stats.depth} pending={stats.pending}")
        items = [w async for w in env_client.beta.environments.work.list(self.environment_id, limit=3)]
        ids = [w.id for w in items]
        if len(ids) != len(set(ids)):
            self.fail("the list repeated an item across pages")
        not_stopped = [f"{w.id}={w.state}" for w in items if w.state != "stopped"]
        if not_stopped:
            self.fail(f"items not stopped: {', '.join(not_stopped)}")
        missing = set(self.handled) - set(ids)
        if missing:
            self.fail(f"handled items missing from the list: {sorted(missing)}")
        if expect is not None and len(self.handled) != expect:
            self.fail(f"handled {len(self.handled)} items, expected {expect}")
        if items:
            # The operator's metadata edit: a merge patch with the API key.
            first = items[0]
            await self.client.beta.environments.work.update(
                first.id, environment_id=self.environment_id, metadata={"checked_by": "sdk_worker_check"}
            )
            got = await self.client.beta.environments.work.retrieve(first.id, environment_id=self.environment_id)
            if got.metadata.get("checked_by") != "sdk_worker_check":
                self.fail("metadata update did not show on retrieve")
        print(
            f"handled={len(self.handled)} listed={len(items)} "
            + " ".join(f"{k}:{v}" for k, v in sorted(self.handled.items())),
        )


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("environment_id")
    parser.add_argument("--expect", type=int, default=None, help="how many queued items there are")
    parser.add_argument("--timeout", type=float, default=90, help="seconds before giving up")
    args = parser.parse_args()
    if anthropic.__version__ != EXPECTED_SDK:
        print(f"note: anthropic {anthropic.__version__} installed; this check was written for {EXPECTED_SDK}")
    env_key = os.environ.get("ANTHROPIC_ENVIRONMENT_KEY")
    api_key = os.environ.get("ANTHROPIC_API_KEY")
    if not env_key or not api_key:
        print("set ANTHROPIC_ENVIRONMENT_KEY and ANTHROPIC_API_KEY", file=sys.stderr)
        return 2
    logging.basicConfig(level=os.environ.get("SDK_CHECK_LOG", "WARNING"))
    check = Check(args.base_url, args.environment_id, env_key, api_key)
    worker_share = (args.expect + 1) // 2 if args.expect else 3
    with anyio.fail_after(args.timeout):
        await check.worker_shape(worker_share)
        await check.poller_shape()
        await check.verify(args.expect)
    if check.failures:
        print(f"{len(check.failures)} problem(s)", file=sys.stderr)
        return 1
    print("ok: the SDK's worker loop drained the queue and every item is stopped")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))

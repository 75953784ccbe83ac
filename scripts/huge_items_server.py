#!/usr/bin/env python3
"""A fake Work API whose items are huge: long ids and many long metadata values.

    scripts/huge_items_server.py PORT [ITEMS] [ID_CHARS] [KEYS] [VALUE_CHARS]

Defaults: 100 items, 20,000-character ids, 100 metadata keys of 2,000 characters (about 22 MB
a page). For measuring what rendering and memory cost when the API sends text far wider than
the screen (RELIABILITY.md). Serves GET /v1/environments/ENV/work, .../work/stats and
GET /v1/environments/ENV; anything else is 404.
"""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port = int(sys.argv[1])
count, id_chars, keys, value_chars = (int(a) for a in (sys.argv[2:6] + ["100", "20000", "100", "2000"][len(sys.argv[2:6]):]))
ENV = "env_huge"
items = []
for n in range(count):
    items.append({
        "type": "work", "environment_id": ENV,
        "id": f"work_{n:05d}_" + "x" * (id_chars - 11),
        "data": {"type": "session", "id": f"session_{n:05d}"},
        "state": "active" if n % 3 else "queued",
        "secret": None, "created_at": "2026-12-07T00:00:00Z", "acknowledged_at": None,
        "started_at": None, "latest_heartbeat_at": None, "stop_requested_at": None, "stopped_at": None,
        "metadata": {f"key_{k:03d}": chr(ord("a") + k % 26) * value_chars for k in range(keys)},
    })
page = json.dumps({"data": items, "next_page": None}).encode()
stats = json.dumps({"type": "work_queue_stats", "depth": count // 3, "pending": 0,
                    "oldest_queued_at": "2026-12-07T00:00:00Z", "workers_polling": 1}).encode()
environment = json.dumps({"type": "environment", "id": ENV, "name": "huge"}).encode()

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0]
        body = {f"/v1/environments/{ENV}/work": page, f"/v1/environments/{ENV}/work/stats": stats,
                f"/v1/environments/{ENV}": environment}.get(path)
        self.send_response(200 if body else 404)
        body = body or b'{"type":"error","error":{"type":"not_found_error","message":"no"}}'
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

print(f"huge items on http://127.0.0.1:{port}, {len(page)} bytes a page", flush=True)
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()

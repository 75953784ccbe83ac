/// The example responses of the Work API reference (summarised in docs/API.md),
/// copied verbatim: one per endpoint section.
///
/// They are generated placeholders: every string holds its own field's name, timestamps included
/// (`"created_at": "created_at"`), although the reference defines those fields as RFC 3339.
enum ReferenceExamples {
    /// Get, poll, ack, stop and update all answer this same work item.
    static let workItem = #"""
        {
          "id": "id",
          "acknowledged_at": "acknowledged_at",
          "created_at": "created_at",
          "data": {
            "id": "id",
            "type": "session"
          },
          "environment_id": "environment_id",
          "latest_heartbeat_at": "latest_heartbeat_at",
          "metadata": {
            "foo": "string"
          },
          "started_at": "started_at",
          "state": "queued",
          "stop_requested_at": "stop_requested_at",
          "stopped_at": "stopped_at",
          "type": "work"
        }
        """#

    static let heartbeat = #"""
        {
          "last_heartbeat": "last_heartbeat",
          "lease_extended": true,
          "state": "queued",
          "ttl_seconds": 0,
          "type": "work_heartbeat"
        }
        """#

    static let list = #"""
        {
          "data": [
            {
              "id": "id",
              "acknowledged_at": "acknowledged_at",
              "created_at": "created_at",
              "data": {
                "id": "id",
                "type": "session"
              },
              "environment_id": "environment_id",
              "latest_heartbeat_at": "latest_heartbeat_at",
              "metadata": {
                "foo": "string"
              },
              "started_at": "started_at",
              "state": "queued",
              "stop_requested_at": "stop_requested_at",
              "stopped_at": "stopped_at",
              "type": "work"
            }
          ],
          "next_page": "next_page"
        }
        """#

    static let stats = #"""
        {
          "depth": 0,
          "oldest_queued_at": "oldest_queued_at",
          "pending": 0,
          "type": "work_queue_stats",
          "workers_polling": 0
        }
        """#

    /// The timestamp fields whose example value is a placeholder rather than a timestamp.
    static let timestampFields = [
        "acknowledged_at", "created_at", "latest_heartbeat_at", "started_at", "stop_requested_at", "stopped_at",
        "oldest_queued_at",
    ]

    /// The example with each timestamp placeholder replaced by a real RFC 3339 value, one per field
    /// so a mix-up between fields would show.
    static func withTimestamps(_ json: String) -> String {
        var text = json
        for (index, field) in timestampFields.enumerated() {
            text = text.replacingOccurrences(
                of: "\"\(field)\": \"\(field)\"", with: "\"\(field)\": \"\(timestamp(index))\"")
        }
        return text
    }

    static func timestamp(_ index: Int) -> String { "2026-04-01T12:00:0\(index).250Z" }
}

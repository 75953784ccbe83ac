#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An environment the credentials can see (`GET /v1/environments`).
public struct Environment: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var description: String?
    /// `self_hosted` for the environments envtop watches; other kinds are listed but not watched.
    public var configType: String
    public var metadata: [String: String]
    public var createdAt: Date?
    public var updatedAt: Date?
    public var archivedAt: Date?
    public var scope: String?

    public init(
        id: String, name: String, description: String? = nil, configType: String = "self_hosted",
        metadata: [String: String] = [:], createdAt: Date? = nil, updatedAt: Date? = nil,
        archivedAt: Date? = nil, scope: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.configType = configType
        self.metadata = metadata
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.archivedAt = archivedAt
        self.scope = scope
    }

    public var isSelfHosted: Bool { configType == "self_hosted" }

    enum CodingKeys: String, CodingKey {
        case id, name, description, config, metadata, scope, type
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case archivedAt = "archived_at"
    }

    struct Config: Codable { var type: String }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? id
        description = try c.decodeIfPresent(String.self, forKey: .description)
        configType = (try c.decodeIfPresent(Config.self, forKey: .config))?.type ?? "unknown"
        metadata = try c.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:]
        createdAt = try c.decodeTimestampIfPresent(forKey: .createdAt)
        updatedAt = try c.decodeTimestampIfPresent(forKey: .updatedAt)
        archivedAt = try c.decodeTimestampIfPresent(forKey: .archivedAt)
        // `scope` is an object or a string depending on the API version; keep a readable form.
        if let s = try? c.decodeIfPresent(String.self, forKey: .scope) {
            scope = s
        } else if let v = try? c.decodeIfPresent(JSONValue.self, forKey: .scope), v != .null {
            scope = v["type"]?.stringValue ?? "object"
        } else {
            scope = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode("environment", forKey: .type)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(Config(type: configType), forKey: .config)
        try c.encode(metadata, forKey: .metadata)
        try c.encodeTimestamp(createdAt, forKey: .createdAt)
        try c.encodeTimestamp(updatedAt, forKey: .updatedAt)
        try c.encodeTimestamp(archivedAt, forKey: .archivedAt)
        try c.encode(scope, forKey: .scope)
    }
}

/// One page of `GET /v1/environments`.
public struct EnvironmentPage: Sendable, Hashable, Codable {
    public var data: [Environment]
    public var nextPage: String?

    public init(data: [Environment], nextPage: String?) {
        self.data = data
        self.nextPage = nextPage
    }

    enum CodingKeys: String, CodingKey {
        case data
        case nextPage = "next_page"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(data, forKey: .data)
        if let nextPage { try c.encode(nextPage, forKey: .nextPage) } else { try c.encodeNil(forKey: .nextPage) }
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The settings a run uses, after the one precedence rule: command line, then config file,
/// then the built-in default.
public struct EnvtopSettings: Sendable, Hashable {
    public var environment: String?
    /// nil: the public API (`APIConstants.defaultBaseURL`).
    public var baseURL: String?
    /// nil: no `anthropic-workspace-id` header.
    public var workspace: String?
    public var refresh: Double
    public var readOnly: Bool
    /// nil: the default theme (or mono under `NO_COLOR`).
    public var theme: String?
    /// nil: the default log file.
    public var logFile: String?
    public var thresholds: AttentionThresholds
    public var bell: Bool
    public var batchStopsPerSecond: Double
    public var audit: Bool
    public var mouse: Bool

    /// The refresh interval when neither the command line nor the config sets one.
    public static let defaultRefresh = 2.0

    /// Applies the precedence rule field by field.
    ///
    /// `environment` holds the process environment: `ANTHROPIC_BASE_URL` and
    /// `ANTHROPIC_WORKSPACE_ID` sit between the command line and the config file, as
    /// environment variables conventionally do, so a shell that points the SDKs somewhere
    /// points envtop there too.
    public static func merge(
        commandLine: EnvtopConfig, file: EnvtopConfig, environment: [String: String] = [:]
    ) -> EnvtopSettings {
        let defaults = AttentionThresholds()
        let thresholds = AttentionThresholds(
            leaseTTLSeconds: commandLine.leaseTTLSeconds ?? file.leaseTTLSeconds ?? defaults.leaseTTLSeconds,
            stoppingGraceSeconds: commandLine.stoppingGraceSeconds ?? file.stoppingGraceSeconds
                ?? AttentionThresholds.drainGrace(leaseTTL: commandLine.leaseTTLSeconds ?? file.leaseTTLSeconds ?? defaults.leaseTTLSeconds),
            startingGraceSeconds: commandLine.startingGraceSeconds ?? file.startingGraceSeconds ?? defaults.startingGraceSeconds,
            queuedGraceSeconds: commandLine.queuedGraceSeconds ?? file.queuedGraceSeconds ?? defaults.queuedGraceSeconds)
        func variable(_ name: String) -> String? {
            guard let value = environment[name]?.trimmed(), !value.isEmpty else {
                return nil
            }
            return value
        }
        return EnvtopSettings(
            environment: commandLine.environment ?? file.environment,
            baseURL: commandLine.baseURL ?? variable("ANTHROPIC_BASE_URL") ?? file.baseURL,
            workspace: commandLine.workspace ?? variable("ANTHROPIC_WORKSPACE_ID") ?? file.workspace,
            refresh: commandLine.refresh ?? file.refresh ?? defaultRefresh,
            readOnly: commandLine.readOnly ?? file.readOnly ?? false,
            theme: commandLine.theme ?? file.theme,
            logFile: commandLine.logFile ?? file.logFile,
            thresholds: thresholds,
            bell: commandLine.bell ?? file.bell ?? true,
            batchStopsPerSecond: commandLine.batchStopsPerSecond ?? file.batchStopsPerSecond ?? 5,
            audit: commandLine.audit ?? file.audit ?? true,
            mouse: commandLine.mouse ?? file.mouse ?? true)
    }
}

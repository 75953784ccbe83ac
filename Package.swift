// swift-tools-version:6.1
import PackageDescription

/// envtop: a terminal dashboard for the work queue of a self-hosted Anthropic environment.
///
/// Module graph (only `EnvtopTerminal` and the executable know curses exists):
///
///     EnvtopModels  <- EnvtopClient    (AsyncHTTPClient)
///                   <- EnvtopSimulator (Hummingbird)
///     EnvtopModels, CLibYAML <- EnvtopCore (pure: state, reducer, keys, config, layout; never a view)
///     EnvtopCore    <- EnvtopUI        (cell grid, widgets, themes, wording)
///     CNcurses, EnvtopUI <- EnvtopTerminal (turns a cell grid into ncurses calls)
///     EnvtopUI, EnvtopClient <- EnvtopRuntime (the live loop; no terminal library)
///     EnvtopRuntime <- EnvtopTesting   (a fake API and a recording screen, for tests only)
///     envtop (executable) wires them all together.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "envtop",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "envtop", targets: ["envtop"]),
        .library(name: "EnvtopClient", targets: ["EnvtopClient"]),
        .library(name: "EnvtopSimulator", targets: ["EnvtopSimulator"]),
        .library(name: "EnvtopRuntime", targets: ["EnvtopRuntime"]),
        // Test support (a scriptable fake API, a screen that records), like HummingbirdTesting.
        .library(name: "EnvtopTesting", targets: ["EnvtopTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        // No default traits: "FullFoundation" would link all of Foundation (and ICU) into envtop.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]
        ),
        // libyaml for the config and theme files: a YAML wrapper package would bring all of
        // Foundation into the static binary (docs/ARCHITECTURE.md, "Binary size").
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "EnvtopModels", swiftSettings: strict),
        .target(
            name: "EnvtopClient",
            dependencies: [
                "EnvtopModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "EnvtopSimulator",
            dependencies: [
                "EnvtopModels",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "EnvtopCore",
            dependencies: ["EnvtopModels", "CLibYAML"],
            swiftSettings: strict
        ),
        .target(
            name: "EnvtopUI",
            dependencies: ["EnvtopCore", "EnvtopModels"],
            swiftSettings: strict
        ),
        .target(
            name: "EnvtopTerminal",
            dependencies: ["CNcurses", "EnvtopCore", "EnvtopUI"],
            swiftSettings: strict
        ),
        .target(
            name: "EnvtopRuntime",
            dependencies: [
                "EnvtopCore", "EnvtopUI", "EnvtopModels", "EnvtopClient",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "EnvtopExporter",
            dependencies: [
                "EnvtopRuntime", "EnvtopCore", "EnvtopModels", "EnvtopClient",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "EnvtopTesting",
            dependencies: ["EnvtopRuntime", "EnvtopCore", "EnvtopUI", "EnvtopModels", "EnvtopClient"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "envtop",
            dependencies: [
                "EnvtopModels", "EnvtopClient", "EnvtopSimulator", "EnvtopCore", "EnvtopUI", "EnvtopTerminal", "EnvtopRuntime",
                "EnvtopExporter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "EnvtopModelsTests", dependencies: ["EnvtopModels"], swiftSettings: strict),
        .testTarget(
            name: "EnvtopClientTests",
            dependencies: ["EnvtopClient", "EnvtopSimulator", "EnvtopModels"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EnvtopSimulatorTests",
            dependencies: ["EnvtopSimulator", "EnvtopModels"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EnvtopCoreTests", dependencies: ["EnvtopCore", "EnvtopUI", "EnvtopModels"],
            exclude: ["Views/Golden"], swiftSettings: strict
        ),
        .testTarget(name: "EnvtopTerminalTests", dependencies: ["EnvtopTerminal", "EnvtopCore", "EnvtopUI"], swiftSettings: strict),
        .testTarget(
            name: "EnvtopRuntimeTests",
            dependencies: [
                "EnvtopRuntime", "EnvtopTesting", "EnvtopCore", "EnvtopUI", "EnvtopModels", "EnvtopClient",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EnvtopExporterTests",
            dependencies: [
                "EnvtopExporter", "EnvtopTesting", "EnvtopRuntime", "EnvtopCore", "EnvtopModels", "EnvtopClient",
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EnvtopEndToEndTests",
            dependencies: [
                "EnvtopSimulator", "EnvtopClient", "EnvtopModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
    ]
)

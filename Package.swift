// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Schemata",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SchemataJSON", targets: ["SchemataJSON"]),
        .library(name: "SchemataRegex", targets: ["SchemataRegex"]),
        .library(name: "SchemataValidator", targets: ["SchemataValidator"]),
        .library(name: "SchemataResponses", targets: ["SchemataResponses"]),
        .library(name: "SchemataRepair", targets: ["SchemataRepair"]),
        .library(name: "SchemataLint", targets: ["SchemataLint"]),
        .library(name: "SchemataCLI", targets: ["SchemataCLI"]),
        .executable(name: "schemata", targets: ["schemata"]),
        .executable(name: "schemata-bench", targets: ["SchemataBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The yajl C library (Debian `libyajl-dev`, Homebrew `yajl`).
        .systemLibrary(
            name: "CYajl",
            pkgConfig: "yajl",
            providers: [.apt(["libyajl-dev"]), .brew(["yajl"])]
        ),
        // The JSON core every other module builds on: values, exact numbers,
        // the yajl-backed parsers, the tape, source maps, serializer, JSON Pointer.
        .target(name: "SchemataJSON", dependencies: ["CYajl"]),
        // ECMA-262 regular expressions: linear-time NFA for the regular
        // subset, budgeted backtracking for backreferences and lookaround.
        .target(name: "SchemataRegex"),
        // JSON Schema drafts 4–2020-12: registry, compiler, evaluator, formats.
        .target(name: "SchemataValidator", dependencies: ["SchemataJSON", "SchemataRegex"]),
        // Model responses: chat completions, SSE transcripts, checking them.
        .target(name: "SchemataResponses", dependencies: ["SchemataJSON", "SchemataValidator"]),
        // Schema hygiene and provider-compatibility rules, with fixes.
        .target(name: "SchemataLint", dependencies: ["SchemataJSON", "SchemataRegex", "SchemataValidator"]),
        // Repairing damaged JSON from models.
        .target(name: "SchemataRepair", dependencies: ["SchemataJSON", "SchemataRegex", "SchemataValidator"]),
        // The `schemata` command line, as a library so that it can be embedded and tested.
        .target(
            name: "SchemataCLI",
            dependencies: [
                "SchemataJSON",
                "SchemataValidator",
                "SchemataResponses",
                "SchemataRepair",
                "SchemataLint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "schemata", dependencies: ["SchemataCLI"]),
        .executableTarget(
            name: "SchemataBench",
            dependencies: ["SchemataJSON", "SchemataRegex", "SchemataRepair"],
            path: "Benchmarks/SchemataBench"
        ),
        // What several test targets share (a seeded generator for property tests).
        .target(name: "SchemataTestSupport", path: "Tests/SchemataTestSupport"),
        .testTarget(name: "SchemataJSONTests", dependencies: ["SchemataJSON", "SchemataTestSupport"]),
        .testTarget(name: "SchemataRegexTests", dependencies: ["SchemataRegex", "SchemataTestSupport"]),
        .testTarget(
            name: "SchemataValidatorTests", dependencies: ["SchemataValidator", "SchemataJSON", "SchemataTestSupport"]),
        .testTarget(name: "SchemataResponsesTests", dependencies: ["SchemataResponses", "SchemataJSON"]),
        .testTarget(name: "SchemataRepairTests", dependencies: ["SchemataRepair", "SchemataJSON", "SchemataValidator"]),
        .testTarget(name: "SchemataLintTests", dependencies: ["SchemataLint", "SchemataJSON", "SchemataRepair"]),
        .testTarget(name: "SchemataCLITests", dependencies: ["SchemataCLI", "SchemataJSON"]),
    ],
    swiftLanguageModes: [.v6]
)

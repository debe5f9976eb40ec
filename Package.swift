// swift-tools-version: 6.1
import PackageDescription

// Dependencies point inward: Core has none; capability modules import Core;
// only the web layer, the CLI and the benchmark see concrete stores.
let package = Package(
    name: "Oversight",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "oversight", targets: ["oversight"]),
        .executable(name: "oversight-bench", targets: ["oversight-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        .target(name: "OversightCore"),
        .target(name: "OversightInterchange", dependencies: ["OversightCore", "OversightStorage"]),
        .target(name: "OversightStorage", dependencies: ["OversightCore"]),
        .target(
            name: "OversightStorageSQLite",
            dependencies: [
                "OversightCore", "OversightStorage",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "OversightStoragePostgres",
            dependencies: ["OversightCore", "OversightStorage", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(
            name: "OversightMeasures", dependencies: ["OversightCore", "OversightStorage"],
            resources: [.embedInCode("Resources/comparators.json")]
        ),
        // The DfE validation rules for the CIN census and the SSDA903, over the interchange readers' records.
        .target(
            name: "OversightValidation", dependencies: ["OversightCore", "OversightInterchange"],
            // The DfE's local authority numbers, for CIN rule 1530.
            resources: [.embedInCode("Resources/la-numbers.txt")]
        ),
        .target(name: "OversightTrackers", dependencies: ["OversightCore", "OversightStorage", "OversightMeasures"]),
        .target(name: "OversightSynthetic", dependencies: ["OversightCore", "OversightInterchange", "OversightValidation"]),
        // Workforce register, caseloads from allocation history, the weekly caseload report and the retention what-if.
        .target(name: "OversightWorkforce", dependencies: ["OversightCore", "OversightStorage", "OversightMeasures"]),
        .target(
            name: "OversightImprovement",
            dependencies: [
                "OversightCore", "OversightStorage", "OversightMeasures", .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The default QA audit templates (issue 8), one file per version: a shipped version never changes.
            resources: [
                .embedInCode("Resources/case-file-audit-v1.json"), .embedInCode("Resources/thematic-dip-sample-v1.json"),
                .embedInCode("Resources/supervision-observation-v1.json"),
            ]
        ),
        .target(
            name: "OversightWeb",
            dependencies: [
                "OversightCore", "OversightStorage", "OversightMeasures", "OversightInterchange", "OversightImprovement",
                "OversightWorkforce", "OversightTrackers", "OversightValidation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .executableTarget(
            name: "oversight",
            dependencies: [
                "OversightCore", "OversightInterchange", "OversightStorage", "OversightStorageSQLite",
                "OversightStoragePostgres", "OversightSynthetic", "OversightMeasures", "OversightWeb", "OversightImprovement",
                "OversightValidation", "OversightWorkforce", "OversightTrackers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            // The 2022 post-Ofsted action plan (a published council document, no personal data), for the demo.
            resources: [.embedInCode("Resources/demo-plan.json")]
        ),
        .executableTarget(
            name: "oversight-bench",
            dependencies: [
                "OversightCore", "OversightInterchange", "OversightStorage", "OversightStorageSQLite",
                "OversightSynthetic", "OversightMeasures", "OversightValidation", "OversightWorkforce",
            ]
        ),
        .testTarget(name: "OversightCoreTests", dependencies: ["OversightCore"]),
        .testTarget(
            name: "OversightImprovementTests",
            dependencies: ["OversightImprovement", "OversightCore", "OversightMeasures", "OversightInterchange", "OversightStorage"]
        ),
        .testTarget(
            name: "OversightInterchangeTests",
            dependencies: ["OversightCore", "OversightInterchange", "OversightStorage", "OversightStorageSQLite"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "OversightStorageTests",
            dependencies: [
                "OversightCore", "OversightStorage", "OversightStorageSQLite", "OversightStoragePostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "OversightMeasuresTests", dependencies: ["OversightCore", "OversightStorage", "OversightMeasures"]),
        .testTarget(
            name: "OversightValidationTests",
            dependencies: [
                "OversightValidation", "OversightCore", "OversightInterchange", "OversightSynthetic", "OversightStorage",
                "OversightStorageSQLite", "OversightStoragePostgres",
            ]
        ),
        .testTarget(
            name: "OversightWorkforceTests",
            dependencies: [
                "OversightWorkforce", "OversightCore", "OversightStorage", "OversightMeasures", "OversightInterchange",
                "OversightStorageSQLite", "OversightStoragePostgres",
            ]
        ),
        .testTarget(name: "OversightTrackersTests", dependencies: ["OversightTrackers", "OversightCore", "OversightStorage", "OversightStorageSQLite", "OversightStoragePostgres"]),
        .testTarget(name: "OversightSyntheticTests", dependencies: ["OversightCore", "OversightInterchange", "OversightSynthetic"]),
        .testTarget(
            name: "OversightCLITests",
            dependencies: ["oversight", "OversightStorage", "OversightStorageSQLite", "OversightStoragePostgres"]
        ),
        .testTarget(
            name: "OversightWebTests",
            dependencies: [
                "OversightWeb", "OversightCore", "OversightStorage", "OversightStorageSQLite", "OversightStoragePostgres",
                "OversightMeasures", "OversightInterchange", "OversightSynthetic", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

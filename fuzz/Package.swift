// swift-tools-version: 6.1
// The fuzzing package: FlexPlan's readers under libFuzzer (`fuzz/run`). A separate package so
// that `-sanitize=fuzzer` builds stay out of the main build. Build and run with fuzz/run.
import Foundation
import PackageDescription

// A path dependency's identity is the folder's name, which is whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let flexPlan = root.lastPathComponent

let package = Package(
    name: "FlexPlanFuzz",
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        // One libFuzzer target for every reader; FUZZ_READER picks which one runs.
        .executableTarget(
            name: "fuzz-readers",
            dependencies: [
                .product(name: "SchoolModel", package: flexPlan),
                .product(name: "Interchange", package: flexPlan),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v6]
)

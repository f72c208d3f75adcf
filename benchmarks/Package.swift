// swift-tools-version: 6.1
// The benchmark package: a separate package so that benchmark code and its dependencies stay
// out of FlexPlan's own package graph. Build it with
//     swift build -c release --package-path benchmarks
// (`benchmarks/run` does this for you).
import Foundation
import PackageDescription

// A path dependency's identity is the folder's name, which is whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let flexPlan = root.lastPathComponent

let package = Package(
    name: "FlexPlanBenchmarks",
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        .executableTarget(
            name: "lpbench",
            dependencies: [
                .product(name: "LinearProgramming", package: flexPlan),
                .product(name: "SchoolModel", package: flexPlan),
                .product(name: "Timetabling", package: flexPlan),
                .product(name: "Interchange", package: flexPlan),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)

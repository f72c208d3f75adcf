// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "FlexPlan",
    products: [
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "SchoolModel", targets: ["SchoolModel"]),
        .library(name: "Timetabling", targets: ["Timetabling"]),
        .library(name: "Interchange", targets: ["Interchange"]),
        .library(name: "Reports", targets: ["Reports"]),
        .executable(name: "flexplan", targets: ["flexplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        // GLPK from Debian's libglpk-dev. Debian ships no pkg-config file, so the module map
        // names the library itself.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // Every fallible GLPK call, wrapped in setjmp/longjmp around glp_error_hook.
        .target(
            name: "CGLPKGuard",
            dependencies: ["CGLPK"]
        ),
        .target(
            name: "LinearProgramming",
            dependencies: ["CGLPK", "CGLPKGuard"]
        ),
        // The school and its plans as data: records, validation, the independent checkers and
        // plan metrics, the generator. No solver: the checkers cannot call one.
        .target(
            name: "SchoolModel"
        ),
        // The engines: formulations, the search, the master schedule, loading, flex assignment,
        // cover planning, the relaxation search. The only module above GLPK's modeling layer.
        .target(
            name: "Timetabling",
            dependencies: ["SchoolModel", "LinearProgramming"]
        ),
        .target(
            name: "Interchange",
            dependencies: [
                "SchoolModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/school.schema.json")]
        ),
        // What people read: HTML reports (Plot), iCalendar, CSV schedules, terminal tables.
        .target(
            name: "Reports",
            dependencies: [
                "SchoolModel",
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        .executableTarget(
            name: "flexplan",
            dependencies: [
                "LinearProgramming",
                "SchoolModel",
                "Timetabling",
                "Interchange",
                "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: ["LinearProgramming"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SchoolModelTests",
            dependencies: ["SchoolModel"]
        ),
        .testTarget(
            name: "TimetablingTests",
            dependencies: ["Timetabling", "SchoolModel"]
        ),
        .testTarget(
            name: "InterchangeTests",
            dependencies: [
                "Interchange", "SchoolModel", "Timetabling", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "SchoolModel"]
        ),
        .testTarget(
            name: "flexplanTests",
            dependencies: ["flexplan", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

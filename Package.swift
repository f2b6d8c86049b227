// swift-tools-version: 6.1
import PackageDescription

/// Modules, lowest first. A module may import only modules above it in this
/// list (see docs/architecture.md): the scheduling math and the deck format
/// never learn about SQLite or curses.
let package = Package(
    name: "jatta",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jatta", targets: ["jatta"]),
        .executable(name: "jatta-bench", targets: ["jatta-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "KazakhText"),
        .target(name: "DeckFormat", dependencies: ["KazakhText"]),
        .target(name: "DeckIndex", dependencies: ["DeckFormat"]),
        .target(name: "FSRS"),
        .target(
            name: "ReviewStore",
            dependencies: ["FSRS", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "Lectures", dependencies: ["DeckFormat", "KazakhText"]),
        .target(name: "Study", dependencies: ["DeckFormat", "FSRS", "KazakhText"]),
        // Anki packages are zips (ZIPFoundation) whose newest layout holds a
        // zstd-compressed collection (the system's libzstd, like CNcursesw);
        // the collection inside is SQLite, which only ReviewStore talks to.
        .systemLibrary(name: "CZstd"),
        // zlib, read directly so an entry is inflated within its own
        // compressed size (ZIPFoundation still writes packages).
        .systemLibrary(name: "CInflate"),
        .target(
            name: "Interchange",
            dependencies: [
                "DeckFormat", "ReviewStore", "CZstd", "CInflate", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // No pkgConfig: all `pkg-config ncursesw` adds is -D_DEFAULT_SOURCE
        // and -D_XOPEN_SOURCE=600, which SwiftPM refuses with a "prohibited
        // flag(s)" warning anyway; shim.h defines what the header needs and
        // the module map links the library (scripts/lib/deps.sh installs it).
        .systemLibrary(name: "CNcursesw"),
        .target(name: "TerminalUI", dependencies: ["Study", "CNcursesw", "KazakhText"]),
        // libpq's header only: ClassStore opens the library with dlopen when
        // a class command runs, so `jatta study` starts without it (shim.h).
        .systemLibrary(name: "CLibPQ"),
        // glibc's mallopt, for the executable's allocator settings.
        .systemLibrary(name: "CMalloc"),
        .target(name: "ClassStore", dependencies: ["CLibPQ", "ReviewStore", "FSRS"]),
        .executableTarget(
            name: "jatta",
            dependencies: [
                "KazakhText", "DeckFormat", "DeckIndex", "FSRS", "ReviewStore", "Lectures", "Study", "TerminalUI",
                "Interchange", "ClassStore", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildStamp"]
        ),
        // Bakes the git commit into the executable for `jatta --version`.
        .plugin(name: "BuildStamp", capability: .buildTool()),
        .executableTarget(
            name: "jatta-bench",
            dependencies: ["DeckFormat", "DeckIndex", "FSRS", "ReviewStore", "Study", "TerminalUI"]
        ),
        .testTarget(name: "KazakhTextTests", dependencies: ["KazakhText", "FSRS"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DeckFormatTests", dependencies: ["DeckFormat", "DeckIndex", "FSRS"]),
        .testTarget(name: "FSRSTests", dependencies: ["FSRS"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReviewStoreTests", dependencies: ["ReviewStore", "FSRS"]),
        .testTarget(name: "LecturesTests", dependencies: ["Lectures", "DeckFormat", "KazakhText", "FSRS"]),
        .testTarget(name: "StudyTests", dependencies: ["Study", "DeckFormat", "FSRS"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Study", "DeckFormat", "FSRS"]),
        .testTarget(name: "InterchangeTests", dependencies: ["Interchange", "DeckFormat", "FSRS", "ReviewStore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "JattaTests", dependencies: ["jatta"]),
        .testTarget(name: "ClassStoreTests", dependencies: ["ClassStore", "ReviewStore", "FSRS"]),
    ]
)

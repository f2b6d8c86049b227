import CMalloc

/// The allocator settings of the jatta process, made before any other
/// thread starts.
///
/// Every command runs on a worker thread of the concurrency runtime
/// (`AsyncParsableCommand`), and glibc gives such a thread an arena of its
/// own, grown with one `mprotect` call per step and without the padding
/// the main arena's growth has: at 200,000 cards a fifth of a quiz's CPU
/// time went to growing it. jatta allocates from one thread at a time, so
/// the one main arena loses nothing. (A larger growth padding, tried too,
/// saved little more and kept 3 MB more resident.)
enum AllocatorSetup {
    static func apply() {
        _ = mallopt(M_ARENA_MAX, 1)
    }
}

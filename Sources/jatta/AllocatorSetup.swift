import CMalloc
import Glibc
import Synchronization

/// The allocator settings of the jatta process, made before any other
/// thread starts.
///
/// Every command runs on a worker thread of the concurrency runtime
/// (`AsyncParsableCommand`), and glibc gives such a thread an arena of its
/// own, grown with one `mprotect` call per step and without the padding
/// the main arena's growth has: at 200,000 cards a fifth of a quiz's CPU
/// time went to growing it. jatta allocates from one thread at a time, so
/// the one main arena loses nothing. (A larger growth padding alone,
/// tried too, saved little more and kept 3 MB more resident.)
///
/// The arena's memory is asked for in huge pages once a command meets a
/// large collection (`useHugePages()`): at 100,000 cards a start touches
/// about 50 MB of fresh memory, and the kernel's work for it, a fault and
/// a zeroed page per 4 KiB, was a third of the start's CPU time (17 of
/// 49 ms; 7–9 ms in 2 MiB pages). A small collection's start is left as
/// it was: 2 MiB pages would only hold more memory.
enum AllocatorSetup {
    static func apply() {
        _ = mallopt(M_ARENA_MAX, 1)
    }

    /// How much the arena grows by at once, and keeps when memory is
    /// freed, once huge pages are asked for: about the memory a start at
    /// 100,000 cards holds, so that it is one range of the address space.
    /// Only what is touched is resident.
    static let heapReach = 64 << 20

    /// Whether `useHugePages` has run.
    private static let hugePagesAsked = Mutex(false)

    /// Grows the main arena by `heapReach` bytes and asks the kernel to
    /// back that range with huge pages (`MADV_HUGEPAGE`, what glibc's own
    /// `glibc.malloc.hugetlb=1` tunable does, which a process can only be
    /// given from outside); the pages touched from then on are 2 MiB each.
    /// Blocks below 32 MiB (the most glibc allows) come from the arena from
    /// then on rather than a mapping of their own (by default every block
    /// of 128 KiB or more: the tables of 100,000 cards), so that they
    /// share its pages. Once per process, from any thread. Where the
    /// kernel gives no huge pages (switched off, or no 2 MiB of free memory
    /// in one piece) the range is plain memory, as before.
    static func useHugePages() {
        guard hugePagesAsked.withLock({ asked in defer { asked = true }; return !asked }) else { return }
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TOP_PAD, Int32(heapReach))
        _ = mallopt(M_TRIM_THRESHOLD, Int32(2 * heapReach))
        // One block past what the arena holds makes it grow, by the block
        // and the padding; freed, the block leaves its space in the arena,
        // where the range asked for begins.
        guard let block = malloc(1 << 20) else { return }
        free(block)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0, let end = sbrk(0), end != UnsafeMutableRawPointer(bitPattern: -1) else { return }
        let from = (Int(bitPattern: block) / page) * page
        let to = Int(bitPattern: end)
        guard to > from, let start = UnsafeMutableRawPointer(bitPattern: from) else { return }
        _ = madvise(start, to - from, MADV_HUGEPAGE)
    }

    /// Deck files (or kept schedules) of this many bytes make a collection
    /// large enough for huge pages (`useHugePages`): about 10,000 cards'
    /// decks; the bundled decks are 0.1 MB.
    static let hugePagesFrom = 1 << 20
}

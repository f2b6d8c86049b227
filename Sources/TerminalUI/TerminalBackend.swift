/// What the trainer's loop needs from a terminal: draw a frame, read a key.
///
/// The ncurses backend implements it for real terminals; anything that can
/// show a `Screen` and produce `Key`s (a test, a recorder) can stand in.
public protocol TerminalBackend: AnyObject {
    /// The terminal's current size.
    var size: TerminalSize { get }
    /// Shows `screen`, redrawing only what changed since the last frame.
    func draw(_ screen: Screen)
    /// Waits up to `timeoutMilliseconds` for a key; nil on timeout (so the
    /// loop can notice signals and the clock).
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Hands the terminal back (before running an editor or on Ctrl-Z).
    func suspend()
    /// Takes the terminal again and redraws everything on the next `draw`.
    func resume()
    /// Restores the terminal for good.
    func end()
}

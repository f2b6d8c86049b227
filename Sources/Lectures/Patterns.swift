/// The regular expressions of the finders, built once: a regex literal
/// used inside a function is parsed again on every call.
enum Patterns {
    nonisolated(unsafe) static let levelLabel = /^\s*[1-3]\s*[–—-]\s*деңгейлік/.ignoresCase()
    nonisolated(unsafe) static let bareLevel = /^\s*[1-3]\s*[–—-]\s+\S/
    nonisolated(unsafe) static let task = /^\s*(ОБӨЖ|БӨЖ|СӨЖ|СОӨЖ|СРО|СРСП)(\s|:)/
    nonisolated(unsafe) static let bullet = /^\s*[•▪●◦■]/
    nonisolated(unsafe) static let colonHead = /^(\p{Lu}[^:.!?,;()«»]{1,60}?):\s+\S/
    nonisolated(unsafe) static let dashHead = /^(\p{Lu}[^–—.!?,;:()«»]{1,60}?)\s[–—-]\s+\S/
    nonisolated(unsafe) static let levelItem =
        /^\s*([1-3])\s*[–—-]\s*деңгейлік(?:\s+(?:сұрақ|тапсырма)\p{L}*)?\s*[.:]?\s*(.+)$/.ignoresCase()
    nonisolated(unsafe) static let bareLevelItem = /^\s*([1-3])\s*[–—-]\s+(.+)$/
    nonisolated(unsafe) static let taskItem = /^\s*(ОБӨЖ|БӨЖ|СӨЖ|СОӨЖ|СРО|СРСП)(?:\s+тапсырма\p{L}*)?\s*[:.]?\s*(.+)$/
    nonisolated(unsafe) static let spaceBeforePunctuation = /\s+([?.!,;:])/
    nonisolated(unsafe) static let doubledQuestionMark = /(\.\?|\?\.|\?\?)/
    nonisolated(unsafe) static let degenimiz = /^(?:(.*)[,;:]\s*)?([^,;:]+?)\s+дегеніміз\s*[–—-]?\s*(.+)$/
    nonisolated(unsafe) static let colonEntry = /^(\p{Lu}[^:.!?,;()«»–—]{1,60}?)\s*:\s+(.+)$/
    nonisolated(unsafe) static let dashEntry = /^(\p{Lu}[^–—.!?,;:()«»]{1,60}?)\s[–—-]\s+(.+)$/
    nonisolated(unsafe) static let pageMarker = /[0-9З]\s*\/\s*[0-9]+\s*-?\s*бет\s*\//
}

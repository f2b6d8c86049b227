/// The regular expressions of the finders, built once: a regex literal
/// used inside a function is parsed again on every call.
enum Patterns {
    /// `1–деңгейлік сұрақ.`, `III деңгей:`, `1-ші деңгей`, `Бірінші деңгей
    /// сұрақтары:`: the level, the «сұрақ» word, the final mark, the rest.
    /// A dash between the label and the rest (`1 деңгейлік сұрақ – …`)
    /// separates, like the final mark, and is no part of the rest.
    nonisolated(unsafe) static let levelNumberFirst =
        /\s*(III|II|I|ІІІ|ІІ|І|[1-3](?:\s*-?\s*(?:інші|ыншы|ші|шы))?|бірінші|екінші|үшінші)\s*[–—-]?\s*деңгей(?:лік|лі)?(\s+(?:сұрақ|тапсырма)\p{L}*)?(?!\p{L})\s*([.:)]?)\s*(?:[–—-]\s*)?(.*)/
        .ignoresCase()
    /// `Деңгей 1.`, `Деңгей II`: the level, the final mark, the rest.
    nonisolated(unsafe) static let levelNumberAfter =
        /\s*деңгей\s*[–—-]?\s*(III|II|I|ІІІ|ІІ|І|[1-3])(?![\p{L}\p{N}])\s*([.:)]?)\s*(?:[–—-]\s*)?(.*)/.ignoresCase()
    nonisolated(unsafe) static let bareLevel = /^\s*[1-3]\s*[–—-]\s+\S/
    nonisolated(unsafe) static let task = /^\s*(ОБӨЖ|БӨЖ|СӨЖ|СОӨЖ|СРО|СРСП)(\s|:)/
    nonisolated(unsafe) static let bullet = /^\s*[•▪●◦■]/
    nonisolated(unsafe) static let colonHead = /^(\p{Lu}[^:.!?,;()«»]{1,60}?)(?:\s*\([^()]{1,80}\))?:\s+\S/
    /// A head may stand in quotes and be followed by a gloss in brackets:
    /// «Мультилатерализм (multilateralism) – …», «"Ұжымдық қауіпсіздік" – …».
    nonisolated(unsafe) static let dashHead =
        /^[«"“]?(\p{Lu}[^–—.!?,;:()«»"“”]{1,60}?)[»"”]?(?:\s*\([^()]{1,80}\))?\s[–—-]\s+\S/
    /// An item of a list (see `ListMark`): its number after `№` (`№1`,
    /// `№ 1.`), before `.`/`)` or «сұрақ»/«тапсырма» (`1.`, `2)`,
    /// `1-сұрақ.`, `2 тапсырма:`), after «Сұрақ»/«Тапсырма» (`Сұрақ 1.`,
    /// `ТАПСЫРМА №2`); a Roman numeral (`IV.`); or a bullet; then its text.
    nonisolated(unsafe) static let listItem =
        /^\s*(?:[0-9]{1,2}\.([0-9]{1,2})[.)]|№\s*([0-9]{1,2})\s*[.):]?|([0-9]{1,2})\s*(?:[.)]|[–—-]?\s*(?i:сұрақ|тапсырма)\s*[.:)]?)|(?i:сұрақ|тапсырма)\s*№?\s*([0-9]{1,2})\s*[.:)]?|([IVXІ]{1,6})\s*[.)]|([•▪●◦■*·–—-]))\s+(\S.*)$/
    /// A list item's opening anywhere in a line whose breaks were lost: a
    /// space, a number with `.` or `)`, a space and a capital or a quote.
    nonisolated(unsafe) static let inlineNumberedItem = /(?:^|\s)([0-9]{1,2})[.)]\s+(?=[\p{Lu}«"])/
    nonisolated(unsafe) static let bareLevelItem = /^\s*([1-3])\s*[–—-]\s+(.+)$/
    nonisolated(unsafe) static let taskItem = /^\s*(ОБӨЖ|БӨЖ|СӨЖ|СОӨЖ|СРО|СРСП)(?:\s+тапсырма\p{L}*)?\s*[:.]?\s*(.+)$/
    nonisolated(unsafe) static let spaceBeforePunctuation = /\s+([?.!,;:])/
    nonisolated(unsafe) static let doubledQuestionMark = /(\.\?|\?\.|\?\?)/
    nonisolated(unsafe) static let degenimiz = /^(?:(.*)[,;:]\s*)?([^,;:]+?)\s+дегеніміз\s*[–—-]?\s*(.+)$/
    nonisolated(unsafe) static let colonEntry = /^(\p{Lu}[^:.!?,;()«»–—]{1,60}?)(?:\s*\([^()]{1,80}\))?\s*:\s+(.+)$/
    nonisolated(unsafe) static let dashEntry =
        /^[«"“]?(\p{Lu}[^–—.!?,;:()«»"“”]{1,60}?)[»"”]?(?:\s*\([^()]{1,80}\))?\s[–—-]\s+(.+)$/
    /// The term a candidate's reason names: `term «Режим», dash shape`.
    nonisolated(unsafe) static let quotedTerm = /«(.+?)»/
    nonisolated(unsafe) static let pageMarker = /[0-9З]\s*\/\s*[0-9]+\s*-?\s*бет\s*\//
}

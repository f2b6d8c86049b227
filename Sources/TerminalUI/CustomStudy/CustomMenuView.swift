import Study

/// The custom-study menu over the home screen: the choices with how many
/// faces each would ask in the selected row and filters, and practice.
enum CustomMenuView {
    static func draw(_ menu: CustomMenu, state: TrainerState, into screen: inout Screen, strings s: Strings) {
        let w = CustomStudyStrings(language: s.code)
        TrainerView.bar(&screen, row: 0, left: s.appTitle + " · " + w.customTitle, right: "")
        TrainerView.hints(&screen, w.customKeys)
        let width = screen.width - 4
        let filter = Trainer.selectedFilter(state)
        let scope = filter.deckFiles.flatMap { files in state.catalog.decks.first { files.contains($0.file) }?.displayName }
        let level = state.home.level.map(String.init) ?? s.anyValue
        let line = (scope ?? s.allDecks) + " · \(s.levelLabel): \(level) · \(s.tagLabel): \(state.home.tag ?? s.anyValue)"
        screen.put(TextWrap.truncate(TerminalText.visible(line), width: width), row: 2, column: 2, style: .accent)
        var row = 4
        // The choices that fit, from the first one down, but always the
        // one selected: Enter starts it, so it is never off the screen (at
        // 40×10 two rows fit, and ↓ went on to choices not drawn).
        let fitting = max(1, screen.height - 4 - row)
        let first = max(0, menu.selection - fitting + 1)
        let choices = CustomMenu.Choice.allCases
        let counts = CustomStudy.counts(
            of: choices.map { choice in
                var option = menu
                option.selection = choice.rawValue
                return option.study
            }, catalog: state.catalog, filter: filter, now: state.now, dayEnd: state.dayEnd)
        for choice in choices.dropFirst(first) where row < screen.height - 4 {
            let count = counts[choice.rawValue]
            let selected = choice.rawValue == menu.selection
            let text = "\(choice.rawValue + 1)  " + w.choice(choice, menu: menu, count: count)
            if selected {
                screen.fill(row: row, column: 1, count: screen.width - 2, style: .reverse)
                screen.put("›", row: row, column: 1, style: .reverse)
            }
            screen.put(TextWrap.truncate(text, width: width - 1), row: row, column: 3, style: selected ? .reverse : [])
            row += 1
        }
        row += 1
        if row < screen.height - 3 {
            screen.put(TextWrap.truncate("p  " + w.practice(menu.practice), width: width), row: row, column: 3, style: .bold)
            row += 1
        }
        for line in TextWrap.lines(w.practiceNote, width: width - 1).prefix(2) where row < screen.height - 2 {
            screen.put(line, row: row, column: 3, style: .dim)
            row += 1
        }
    }
}

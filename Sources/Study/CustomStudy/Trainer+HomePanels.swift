import Foundation

/// The panels over the home screen: search, card info, custom study.
extension Trainer {
    static func updatePanel(_ s: inout TrainerState, _ action: TrainerAction, now: Date, effects: inout [TrainerEffect]) {
        switch s.home.panel {
        case .search(var search)?:
            updateSearch(&s, &search, action, now: now, effects: &effects)
        case .cardInfo(var info)?:
            updateCardInfo(&s, &info, action, now: now, effects: &effects)
        case .custom(var menu)?:
            updateCustomMenu(&s, &menu, action, now: now, effects: &effects)
        case nil:
            break
        }
    }

    /// The filter of the home screen's selected row and filters.
    public static func selectedFilter(_ s: TrainerState) -> StudyFilter {
        homeFilter(s, decks: selectedDecks(s))
    }

    static func updateSearch(
        _ s: inout TrainerState, _ search: inout SearchPanel, _ action: TrainerAction, now: Date,
        effects: inout [TrainerEffect]
    ) {
        s.home.panel = .search(search)
        defer { if case .search? = s.home.panel { s.home.panel = .search(search) } }
        switch action {
        case .back:
            if search.editing, search.searched {
                search.editing = false
            } else {
                s.home.panel = nil
            }
        case .type(let ch) where search.editing:
            search.query.append(ch)
        case .deleteBackward where search.editing:
            if !search.query.isEmpty { search.query.removeLast() }
        case .reveal where search.editing, .start where search.editing:
            // Every deck, whatever the home row and filters: a word is looked
            // for everywhere.
            search.matches = CardSearch.matches(search.query, in: s.catalog)
            search.selection = 0
            search.searched = true
            search.editing = search.matches.isEmpty
        case .openSearch:
            search.editing = true
        case .moveSelection(let delta) where !search.editing:
            search.selection = clamp(search.selection + delta, count: search.matches.count)
        case .showInfo where !search.editing, .start where !search.editing, .reveal where !search.editing:
            guard let match = search.selected else { return }
            s.home.panel = .cardInfo(CardInfoPanel(search: search, match: match))
            effects.append(.loadHistory(keys: match.faces.map(\.key)))
        case .studyFound(let practice) where !search.editing:
            let keys = search.matches.flatMap { $0.faces.map(\.key) }
            startFound(&s, keys: keys, practice: practice, now: now)
        default:
            break
        }
    }

    static func updateCardInfo(
        _ s: inout TrainerState, _ info: inout CardInfoPanel, _ action: TrainerAction, now: Date,
        effects: inout [TrainerEffect]
    ) {
        switch action {
        case .back, .reveal, .start:
            // Back to the matches, their faces as they stand now.
            var search = info.search
            search.matches = search.matches.map { SearchMatch(card: $0.card, deckFile: $0.deckFile, progress: s.catalog.progress) }
            s.home.panel = .search(search)
        case .unsuspend:
            let keys = info.match.suspendedKeys
            guard !keys.isEmpty else {
                s.notice = .notSuspended
                return
            }
            for key in keys {
                s.catalog.progress.suspended.remove(key)
                effects.append(.unsuspend(key: key))
            }
            info.match = SearchMatch(card: info.match.card, deckFile: info.match.deckFile, progress: s.catalog.progress)
            // A face back from suspension counts in its exam's plan again.
            refreshExams(&s, now: now)
            effects.append(.loadHistory(keys: info.match.faces.map(\.key)))
            s.home.panel = .cardInfo(info)
            s.notice = .unsuspended
        case .studyFound(let practice):
            startFound(&s, keys: info.match.faces.map(\.key), practice: practice, now: now)
        default:
            break
        }
    }

    /// Files the store's history under the card info it was asked for.
    static func receiveHistory(_ s: inout TrainerState, keys: [String], _ entries: [CardHistoryEntry]) {
        guard case .cardInfo(var info)? = s.home.panel, info.match.faces.map(\.key) == keys else { return }
        info.history = entries
        s.home.panel = .cardInfo(info)
    }

    /// A session on found faces; the panel closes when it starts, and stays
    /// with a notice when none of them can be asked (all suspended).
    static func startFound(_ s: inout TrainerState, keys: [String], practice: Bool, now: Date) {
        let panel = s.home.panel
        s.home.panel = nil
        start(&s, filter: .all, now: now, custom: CustomStudy(.faces(keys), practice: practice))
        if case .home = s.mode { s.home.panel = panel }
    }

    static func updateCustomMenu(
        _ s: inout TrainerState, _ menu: inout CustomMenu, _ action: TrainerAction, now: Date,
        effects: inout [TrainerEffect]
    ) {
        let count = CustomMenu.Choice.allCases.count
        switch action {
        case .back:
            s.home.panel = nil
            return
        case .moveSelection(let delta):
            menu.selection = clamp(menu.selection + delta, count: count)
        case .pickOption(let n) where (1...count).contains(n):
            menu.selection = n - 1
        case .togglePractice:
            menu.practice.toggle()
        case .adjust(let delta):
            switch CustomMenu.Choice(rawValue: menu.selection) {
            case .ahead?: menu.aheadDays = min(max(1, menu.aheadDays + delta), 365)
            case .extraNew?: menu.extraNew = min(max(1, menu.extraNew + delta * 5), 1000)
            default: break
            }
        case .start, .reveal, .acceptRating:
            s.home.panel = nil
            effects += start(&s, filter: selectedFilter(s), now: now, custom: menu.study)
            if case .home = s.mode { s.home.panel = .custom(menu) }
            return
        default:
            break
        }
        s.home.panel = .custom(menu)
    }
}

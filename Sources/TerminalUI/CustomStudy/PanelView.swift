import Study

/// Draws the panel open over the home screen.
enum PanelView {
    static func draw(_ state: TrainerState, into screen: inout Screen, strings: Strings) {
        switch state.home.panel {
        case .search(let panel)?: SearchView.draw(panel, state: state, into: &screen, strings: strings)
        case .cardInfo(let panel)?: CardInfoView.draw(panel, state: state, into: &screen, strings: strings)
        case .custom(let menu)?: CustomMenuView.draw(menu, state: state, into: &screen, strings: strings)
        case nil: break
        }
        // The notice of the last action (unsuspended, nothing to study).
        if let notice = state.notice {
            let line = TextWrap.truncate(TrainerView.text(notice, strings), width: screen.width - 4)
            screen.put(line, row: screen.height - 2, column: 2, style: .bold)
        }
    }
}

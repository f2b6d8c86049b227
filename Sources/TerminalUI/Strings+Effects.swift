import Study

extension Strings {
    /// The notice for an effect that did not go as asked.
    public func effectFailed(_ outcome: EffectOutcome) -> String {
        let kazakh = code == "kk"
        switch outcome {
        case .editorNotFound(let command):
            return kazakh
                ? "Редактор табылмады: \(command) ($VISUAL не $EDITOR орнатыңыз) — десте өзгерген жоқ"
                : "Editor not found: \(command) (set $VISUAL or $EDITOR) — the deck is unchanged"
        case .editorFailed(let command, let status?):
            return kazakh
                ? "Редактор \(command) қатемен аяқталды (код \(status)) — десте қайта оқылмады"
                : "Editor \(command) failed (status \(status)) — the deck was not reloaded"
        case .editorFailed(let command, nil):
            return kazakh
                ? "Редакторды іске қосу мүмкін болмады: «\(command)» — десте қайта оқылмады"
                : "Could not start the editor «\(command)» — the deck was not reloaded"
        case .undoRefused:
            return kazakh
                ? "Болдырмау мүмкін емес: карта басқа сессияда өзгерді; жауап сақталып тұр"
                : "Cannot undo: another session changed the card since; the answer stays recorded"
        case .statisticsUnavailable(let reason):
            return kazakh ? "Статистиканы оқу мүмкін болмады: \(reason)" : "Could not read the statistics: \(reason)"
        }
    }
}

/// An exam date set from the home screen, as the executable reports it back
/// to the trainer once it has checked and stored it.
public enum ExamUpdate: Hashable, Sendable {
    /// Stored: the new outlooks, the exam day of every face, the new faces
    /// a day the plans now allow, and the faces first answered today (the
    /// review log's, which the outlooks counted).
    case set(
        date: String, outlooks: [ExamOutlook], examDays: ExamDays, newPerDay: Int, introducedToday: Set<String>)
    /// Not a real date ahead; nothing changed.
    case refused(String)
}

/// The home screen's notice after setting an exam date.
public enum ExamNotice: Hashable, Sendable {
    /// The exam was set for this date.
    case set(String)
    /// This text is not a date after today.
    case refused(String)
}

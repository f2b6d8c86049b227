import FSRS

/// The FSRS scheduler is what real sessions grade with.
extension Scheduler: StudyScheduler {}

import Foundation
import GRDB

extension StoreError {
    /// Maps an SQLite failure (or anything else thrown under the store) to a
    /// store error with a message for the student.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let unfit = error as? ReviewShape.Unfit {
            // Not SQLite's code 19, which opening retries as a race.
            let what = "log entry \(unfit.entry): a kind, rating, state, step or suspended flag jatta never writes"
            return StoreError(.corruptValue(key: unfit.key, what: what), path: path)
        }
        guard let error = error as? DatabaseError else {
            return StoreError(.ioError, path: path, detail: "\(error)")
        }
        let detail = error.message ?? "\(error)"
        switch error.resultCode {
        case .SQLITE_NOTADB: return StoreError(.notADatabase, path: path, detail: detail)
        case .SQLITE_CORRUPT: return StoreError(.corrupt, path: path, detail: detail)
        case .SQLITE_READONLY: return StoreError(.readOnly, path: path, detail: detail)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return StoreError(.cannotOpen, path: path, detail: detail)
        case .SQLITE_FULL: return StoreError(.diskFull, path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError(.busy, path: path, detail: detail)
        case .SQLITE_IOERR:
            // SQLite reports a write that met ENOSPC as a generic I/O error
            // (SQLITE_IOERR_WRITE, _FSYNC, _TRUNCATE…); the student needs to
            // hear that the disk is full.
            return StoreError(isDiskFull(near: path) ? .diskFull : .ioError, path: path, detail: detail)
        default: return StoreError(.sqlite(code: error.resultCode.primaryResultCode.rawValue), path: path, detail: detail)
        }
    }

    /// Whether the file system holding `path` has no block left for us.
    static func isDiskFull(near path: String) -> Bool {
        guard path != ":memory:" else { return false }
        let folder = (path as NSString).deletingLastPathComponent
        var info = statvfs()
        guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
        return info.f_bavail == 0
    }
}

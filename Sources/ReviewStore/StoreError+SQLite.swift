import GRDB

extension StoreError {
    /// Maps an SQLite failure (or anything else thrown under the store) to a
    /// store error with a message for the student.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
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
        case .SQLITE_IOERR: return StoreError(.ioError, path: path, detail: detail)
        default: return StoreError(.sqlite(code: error.resultCode.primaryResultCode.rawValue), path: path, detail: detail)
        }
    }
}

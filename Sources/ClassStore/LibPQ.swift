import CLibPQ
import Glibc

/// libpq's functions, looked up in `libpq.so.5` when a class command first
/// needs them. Nothing else in jatta loads the library (see `shim.h`).
struct LibPQ {
    /// PQconnectdb.
    let connectdb: jatta_pq_connectdb
    /// PQstatus.
    let status: jatta_pq_status
    /// PQerrorMessage.
    let errorMessage: jatta_pq_error_message
    /// PQfinish.
    let finish: jatta_pq_finish
    /// PQexecParams: the only way statements are sent, so values always
    /// travel apart from the SQL text.
    let execParams: jatta_pq_exec_params
    /// PQexec, for the migrations' fixed scripts only (several statements,
    /// no values).
    let exec: jatta_pq_exec
    /// PQresultStatus.
    let resultStatus: jatta_pq_result_status
    /// PQresultErrorField.
    let resultErrorField: jatta_pq_result_error_field
    /// PQresultErrorMessage.
    let resultErrorMessage: jatta_pq_result_error_message
    /// PQntuples.
    let ntuples: jatta_pq_ntuples
    /// PQnfields.
    let nfields: jatta_pq_nfields
    /// PQgetvalue.
    let getvalue: jatta_pq_getvalue
    /// PQgetisnull.
    let getisnull: jatta_pq_getisnull
    /// PQclear.
    let clear: jatta_pq_clear
    /// PQsetNoticeProcessor.
    let setNoticeProcessor: jatta_pq_set_notice_processor
    /// PQconninfoParse.
    let conninfoParse: jatta_pq_conninfo_parse
    /// PQconninfoFree.
    let conninfoFree: jatta_pq_conninfo_free

    /// The names tried, newest soname first.
    private static let libraryNames = ["libpq.so.5", "libpq.so"]

    /// Opens libpq and finds every function, or says it is not installed.
    static func load() throws(ClassError) -> LibPQ {
        var handle: UnsafeMutableRawPointer?
        for name in libraryNames where handle == nil {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
        }
        guard let handle else {
            throw ClassError(.libraryMissing, detail: dlerror().map { String(cString: $0) } ?? "")
        }
        func find<F>(_ name: String, _ type: F.Type) throws(ClassError) -> F {
            guard let symbol = dlsym(handle, name) else { throw ClassError(.libraryMissing, detail: "\(name) missing") }
            return unsafeBitCast(symbol, to: F.self)
        }
        // The typedefs import as optional function pointers; each is unwrapped
        // once here so callers never meet a nil.
        func required<F>(_ value: F?, _ name: String) throws(ClassError) -> F {
            guard let value else { throw ClassError(.libraryMissing, detail: "\(name) missing") }
            return value
        }
        return LibPQ(
            connectdb: try required(try find("PQconnectdb", jatta_pq_connectdb?.self), "PQconnectdb"),
            status: try required(try find("PQstatus", jatta_pq_status?.self), "PQstatus"),
            errorMessage: try required(try find("PQerrorMessage", jatta_pq_error_message?.self), "PQerrorMessage"),
            finish: try required(try find("PQfinish", jatta_pq_finish?.self), "PQfinish"),
            execParams: try required(try find("PQexecParams", jatta_pq_exec_params?.self), "PQexecParams"),
            exec: try required(try find("PQexec", jatta_pq_exec?.self), "PQexec"),
            resultStatus: try required(try find("PQresultStatus", jatta_pq_result_status?.self), "PQresultStatus"),
            resultErrorField: try required(
                try find("PQresultErrorField", jatta_pq_result_error_field?.self), "PQresultErrorField"),
            resultErrorMessage: try required(
                try find("PQresultErrorMessage", jatta_pq_result_error_message?.self), "PQresultErrorMessage"),
            ntuples: try required(try find("PQntuples", jatta_pq_ntuples?.self), "PQntuples"),
            nfields: try required(try find("PQnfields", jatta_pq_nfields?.self), "PQnfields"),
            getvalue: try required(try find("PQgetvalue", jatta_pq_getvalue?.self), "PQgetvalue"),
            getisnull: try required(try find("PQgetisnull", jatta_pq_getisnull?.self), "PQgetisnull"),
            clear: try required(try find("PQclear", jatta_pq_clear?.self), "PQclear"),
            setNoticeProcessor: try required(
                try find("PQsetNoticeProcessor", jatta_pq_set_notice_processor?.self), "PQsetNoticeProcessor"),
            conninfoParse: try required(try find("PQconninfoParse", jatta_pq_conninfo_parse?.self), "PQconninfoParse"),
            conninfoFree: try required(try find("PQconninfoFree", jatta_pq_conninfo_free?.self), "PQconninfoFree"))
    }
}

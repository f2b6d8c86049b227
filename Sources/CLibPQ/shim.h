#ifndef JATTA_CLIBPQ_SHIM_H
#define JATTA_CLIBPQ_SHIM_H

// libpq's declarations, for their types only: the module map links nothing.
// ClassStore opens libpq.so.5 with dlopen when a class command runs and
// looks the functions up by name, so `jatta study` neither loads libpq nor
// the two dozen libraries it pulls in (TLS, Kerberos, LDAP), which cost
// about 10 ms of CPU at every start. Calling a PQ function directly from
// Swift fails at link time, which keeps it that way.
#include <postgresql/libpq-fe.h>

// The function types, for casting what dlsym returns.
typedef __typeof__(&PQconnectdb) jatta_pq_connectdb;
typedef __typeof__(&PQstatus) jatta_pq_status;
typedef __typeof__(&PQerrorMessage) jatta_pq_error_message;
typedef __typeof__(&PQfinish) jatta_pq_finish;
typedef __typeof__(&PQexecParams) jatta_pq_exec_params;
typedef __typeof__(&PQexec) jatta_pq_exec;
typedef __typeof__(&PQresultStatus) jatta_pq_result_status;
typedef __typeof__(&PQresultErrorField) jatta_pq_result_error_field;
typedef __typeof__(&PQresultErrorMessage) jatta_pq_result_error_message;
typedef __typeof__(&PQntuples) jatta_pq_ntuples;
typedef __typeof__(&PQnfields) jatta_pq_nfields;
typedef __typeof__(&PQgetvalue) jatta_pq_getvalue;
typedef __typeof__(&PQgetisnull) jatta_pq_getisnull;
typedef __typeof__(&PQclear) jatta_pq_clear;
typedef __typeof__(&PQsetNoticeProcessor) jatta_pq_set_notice_processor;
typedef __typeof__(&PQconninfoParse) jatta_pq_conninfo_parse;
typedef __typeof__(&PQconninfoFree) jatta_pq_conninfo_free;
typedef __typeof__(&PQfreemem) jatta_pq_freemem;

// Notices ("relation already exists, skipping") would go to standard
// error; the class commands say what happened in their own words.
static inline void jatta_pq_ignore_notice(void *arg, const char *message) { (void)arg; (void)message; }

#endif

// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/statement.h"

#include "storage/sqlerror.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace Realm::Storage {

Statement::Statement(Handle handle, const char *sql)
    : m_db(handle.m_db)
{
    if (!m_db || sqlite3_prepare_v2(m_db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_stmt = nullptr;
        m_failed = true;
    }
}

Statement::Statement(Handle handle, const QString &sql)
    : Statement(handle, sql.toUtf8().constData())
{
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Error Statement::error(const QString &whatFailed) const
{
    if (!m_db)
        return Error::database(whatFailed + QStringLiteral(": ") + QCoreApplication::translate("Realm::Storage", "no database connection") + QLatin1Char('.'));
    return sqliteError(whatFailed, QString::fromUtf8(sqlite3_errmsg(m_db)), sqlite3_errcode(m_db));
}

QString Statement::sqliteMessage() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

bool Statement::isUniqueViolation() const
{
    return m_lastResult == SQLITE_CONSTRAINT_UNIQUE || m_lastResult == SQLITE_CONSTRAINT_PRIMARYKEY;
}

void Statement::bindInt64(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }

void Statement::bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }

void Statement::bind(int index, const QByteArray &blob)
{
    static const char empty = 0;
    sqlite3_bind_blob(m_stmt, index, blob.isEmpty() ? &empty : blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
}

void Statement::bind(int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bindText(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void Statement::bindBlob(int index, const QByteArray &bytes)
{
    // A zero-length blob must still be a blob, not NULL.
    static const char empty = 0;
    sqlite3_bind_blob(m_stmt, index, bytes.isEmpty() ? &empty : bytes.constData(), int(bytes.size()), SQLITE_STATIC);
}

void Statement::bindNull(int index) { sqlite3_bind_null(m_stmt, index); }

bool Statement::next()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    m_lastResult = rc == SQLITE_ROW || rc == SQLITE_DONE ? rc : sqlite3_extended_errcode(m_db);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_failed = true;
    return false;
}

Result<void> Statement::exec(const QString &whatFailed)
{
    if (!m_stmt)
        return error(whatFailed);
    const int rc = sqlite3_step(m_stmt);
    m_lastResult = rc == SQLITE_ROW || rc == SQLITE_DONE ? rc : sqlite3_extended_errcode(m_db);
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    Error failure = ok ? Error{} : error(whatFailed);
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    if (!ok)
        return failure;
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_failed = false;
}

qint64 Statement::columnInt(int index) const { return sqlite3_column_int64(m_stmt, index); }

double Statement::columnDouble(int index) const
{
    return sqlite3_column_double(m_stmt, index);
}

QString Statement::columnText(int index) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, index));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, index));
}

QByteArray Statement::columnBlob(int index) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, index));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, index));
}

bool Statement::columnIsNull(int index) const { return sqlite3_column_type(m_stmt, index) == SQLITE_NULL; }

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

int Statement::changes() const { return sqlite3_changes(m_db); }

qint64 Statement::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

Result<void> execScript(Handle db, const QByteArray &sql, const QString &what)
{
    char *message = nullptr;
    if (sqlite3_exec(db.m_db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(db.m_db));
        sqlite3_free(message);
        return sqliteError(what, text, sqlite3_errcode(db.m_db));
    }
    return {};
}

} // namespace Realm::Storage

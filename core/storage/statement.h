// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Realm::Storage {

// A prepared SQLite statement on a connection's handle, for the hot paths
// (bulk import, search candidate scans) where QtSql's per-row overhead and
// UTF-16 round trips show up in profiles. Everything else uses QtSql.
class Statement final {
public:
    Statement(Handle db, const char *sql);
    ~Statement();
    Q_DISABLE_COPY_MOVE(Statement)

    bool isValid() const { return m_stmt != nullptr; }
    Error error(const QString &whatFailed) const;

    void bind(int index, qint64 value);
    void bind(int index, const QString &text);
    void bindText(int index, const QByteArray &utf8); // not copied: keep it alive until step()
    void bindBlob(int index, const QByteArray &bytes); // not copied either
    void bindNull(int index);

    // True while rows come; false at the end or on error (see failed()).
    bool next();
    // Runs a statement that returns no rows.
    Result<void> exec(const QString &whatFailed);
    bool failed() const { return m_failed; }
    void reset();

    qint64 columnInt(int index) const;
    double columnDouble(int index) const;
    QString columnText(int index) const;
    QByteArray columnBlob(int index) const;
    bool columnIsNull(int index) const;

    int changes() const;
    qint64 lastInsertRowId() const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
};

} // namespace Realm::Storage

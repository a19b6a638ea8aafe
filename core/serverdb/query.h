// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <concepts>
#include <optional>

namespace Realm::ServerDb {

// One SQL statement on the calling thread's server connection, with `?`
// placeholders bound in order. The same SQL runs on SQLite and PostgreSQL,
// so stores write it once. On SQLite the statement is prepared; on
// PostgreSQL the values are quoted by the driver (libpq's escaping) into the
// text, which costs one round trip where QPSQL's PREPARE/EXECUTE/DEALLOCATE
// would cost three.
//
//     Query q(db, "SELECT name FROM users WHERE id = ?");
//     q.bindAll(id);
//     if (Result<void> ran = q.exec(tr("Cannot look up the user")); !ran) return ran.error();
//     if (q.next()) name = q.text(0);
class Query final {
public:
    Query(const QSqlDatabase &db, const char *sql);
    Q_DISABLE_COPY_MOVE(Query)

    // Times are integers (UTC milliseconds), flags 0/1. A null QString binds
    // '' — text columns are NOT NULL unless they say otherwise; bind an empty
    // optional for NULL.
    template<std::integral T>
    void bind(T value) { addValue(QVariant::fromValue(qint64(value))); }
    void bind(const QString &text);
    void bind(const QByteArray &bytes) { addValue(bytes); }
    void bind(std::nullopt_t);
    void bind(const std::optional<QString> &text);
    void bind(const std::optional<qint64> &number);
    template<typename... Values>
    Query &bindAll(const Values &...values)
    {
        (bind(values), ...);
        return *this;
    }

    // `whatFailed` opens the error message ("Cannot add the user").
    Result<void> exec(const QString &whatFailed);
    bool next() { return m_query.next(); }

    qint64 integer(int column) const { return m_query.value(column).toLongLong(); }
    std::optional<qint64> optionalInteger(int column) const;
    QString text(int column) const { return m_query.value(column).toString(); }
    QByteArray bytes(int column) const { return m_query.value(column).toByteArray(); }
    bool isNull(int column) const { return m_query.isNull(column); }
    int rowsAffected() const { return m_query.numRowsAffected(); }

    // The last exec() failed on a UNIQUE or PRIMARY KEY constraint.
    bool isUniqueViolation() const;

private:
    void addValue(const QVariant &value);
    QString inlinedSql() const;
    qsizetype placeholderCount() const;

    QSqlDatabase m_db;
    QSqlQuery m_query;
    QString m_sql;
    bool m_inlineValues = false;
    bool m_prepared = false;
    QVariantList m_values;
};

} // namespace Realm::ServerDb

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <concepts>
#include <optional>
#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace Realm::Storage {

// A prepared SQLite statement on a connection's handle: the one way modules
// read and write the workspace. Parameters are bound by position (1-based),
// or all at once in order with bindAll().
//
//     Statement q(handle, "SELECT name FROM projects WHERE id = ?");
//     q.bindAll(id);
//     if (q.next()) name = q.columnText(0);
//     else if (q.failed()) return q.error(tr("Cannot look up the project"));
class Statement final {
public:
    Statement(Handle db, const char *sql);
    Statement(Handle db, const QString &sql); // for SQL assembled at run time
    ~Statement();
    Q_DISABLE_COPY_MOVE(Statement)

    bool isValid() const { return m_stmt != nullptr; }
    Error error(const QString &whatFailed) const;
    // What SQLite said about the last failure, for a message of one's own.
    QString sqliteMessage() const;
    // Whether the last step failed on a UNIQUE or PRIMARY KEY constraint
    // (a name already taken).
    bool isUniqueViolation() const;

    // Values are copied unless the name says otherwise. A QString is text
    // even when null (''); bind std::nullopt, or an empty optional, for NULL.
    template<std::integral T>
    void bind(int index, T value) { bindInt64(index, qint64(value)); }
    void bind(int index, double value);
    void bind(int index, const QString &text);
    void bind(int index, const QByteArray &blob);
    void bind(int index, std::nullopt_t) { bindNull(index); }
    template<typename T>
    void bind(int index, const std::optional<T> &value)
    {
        if (value)
            bind(index, *value);
        else
            bindNull(index);
    }
    template<typename... Values>
    Statement &bindAll(const Values &...values)
    {
        int index = 1;
        (bind(index++, values), ...);
        return *this;
    }
    // For SQL assembled at run time, whose parameters depend on a filter.
    using Value = std::variant<qint64, QString>;
    Statement &bindList(const QList<Value> &values)
    {
        for (int index = 0; index < values.size(); ++index)
            std::visit([this, index](const auto &value) { bind(index + 1, value); }, values.at(index));
        return *this;
    }
    void bindInt64(int index, qint64 value);
    void bindText(int index, const QByteArray &utf8); // not copied: keep it alive until step()
    void bindBlob(int index, const QByteArray &bytes); // not copied either
    void bindNull(int index);

    // True while rows come; false at the end or on error (see failed()).
    bool next();
    // Runs a statement that returns no rows, then resets it for new values.
    Result<void> exec(const QString &whatFailed);
    bool failed() const { return m_failed; }
    void reset();

    qint64 columnInt(int index) const;
    double columnDouble(int index) const;
    QString columnText(int index) const;
    QByteArray columnBlob(int index) const;
    bool columnIsNull(int index) const;
    int columnCount() const;

    // Rows the last exec() changed.
    int changes() const;
    qint64 lastInsertRowId() const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
    int m_lastResult = 0;
};

// Runs SQL that may hold many statements (a migration, triggers, a pragma
// list); `what` names the work for the error message.
Result<void> execScript(Handle db, const QByteArray &sql, const QString &what);

// NULL for an empty text: optional references (a parent message, a project).
inline std::optional<QString> nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
}

} // namespace Realm::Storage

// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverdb/query.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>

namespace Realm::ServerDb {

Query::Query(const QSqlDatabase &db, const char *sql)
    : m_db(db)
    , m_query(db)
    , m_sql(QString::fromUtf8(sql))
    , m_inlineValues(db.driver()->dbmsType() == QSqlDriver::PostgreSQL)
{
    m_query.setForwardOnly(true);
    if (!m_inlineValues)
        m_prepared = m_query.prepare(m_sql);
}

void Query::addValue(const QVariant &value)
{
    if (m_inlineValues)
        m_values.append(value);
    else
        m_query.addBindValue(value);
}

qsizetype Query::placeholderCount() const
{
    qsizetype count = 0;
    bool quoted = false;
    for (const QChar c : m_sql) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        else if (c == QLatin1Char('?') && !quoted)
            ++count;
    }
    return count;
}

QString Query::inlinedSql() const
{
    QString sql;
    sql.reserve(m_sql.size() + 32 * m_values.size());
    qsizetype next = 0;
    bool quoted = false;
    for (const QChar c : m_sql) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        if (c == QLatin1Char('?') && !quoted && next < m_values.size()) {
            const QVariant &value = m_values.at(next++);
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            sql += m_db.driver()->formatValue(field);
        } else {
            sql += c;
        }
    }
    return sql;
}

void Query::bind(const QString &text)
{
    addValue(text.isNull() ? QStringLiteral("") : text);
}

void Query::bind(std::nullopt_t)
{
    addValue(QVariant(QMetaType::fromType<QString>()));
}

void Query::bind(const std::optional<QString> &text)
{
    if (text)
        bind(*text);
    else
        bind(std::nullopt);
}

void Query::bind(const std::optional<qint64> &number)
{
    if (number)
        bind(*number);
    else
        addValue(QVariant(QMetaType::fromType<qint64>()));
}

Result<void> Query::exec(const QString &whatFailed)
{
    if (m_inlineValues) {
        // libpq's strings end at a NUL: a value holding one would be cut.
        for (const QVariant &value : std::as_const(m_values)) {
            if (value.metaType().id() == QMetaType::QString && value.toString().contains(QChar(0)))
                return Error::invalidInput(QCoreApplication::translate("Realm::ServerDb", "%1: the text holds a NUL character, which is not allowed.").arg(whatFailed));
        }
        if (placeholderCount() != m_values.size())
            return Error::failed(QStringLiteral("%1: %2 values for %3 placeholders in \"%4\".").arg(whatFailed).arg(m_values.size()).arg(placeholderCount()).arg(m_sql));
    }
    if (m_inlineValues ? m_query.exec(inlinedSql()) : (m_prepared && m_query.exec()))
        return {};
    const QSqlError error = m_query.lastError();
    // The database's own words matter to an operator (a full disk, a lost
    // connection, a missing table after a bad restore).
    return Error::database(QCoreApplication::translate("Realm::ServerDb", "%1: the database said \"%2\".")
                               .arg(whatFailed, error.text().trimmed()));
}

std::optional<qint64> Query::optionalInteger(int column) const
{
    if (m_query.isNull(column))
        return std::nullopt;
    return m_query.value(column).toLongLong();
}

bool Query::isUniqueViolation() const
{
    const QString code = m_query.lastError().nativeErrorCode();
    // SQLite: SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555);
    // PostgreSQL: SQLSTATE 23505.
    return code == QLatin1String("2067") || code == QLatin1String("1555") || code == QLatin1String("23505");
}

} // namespace Realm::ServerDb

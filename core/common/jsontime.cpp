// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/jsontime.h"

#include <QDateTime>
#include <QRegularExpression>

namespace Realm::Json {

QString time(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<qint64> timeFrom(const QString &text)
{
    // Qt's ISO parser also takes local times and week dates; RFC 3339 is
    // stricter, and an offset is what makes a time mean one instant.
    static const QRegularExpression rfc3339(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)"));
    if (!rfc3339.match(text).hasMatch())
        return std::nullopt;
    QString normalized = text;
    normalized[10] = QLatin1Char('T');
    if (normalized.endsWith(QLatin1Char('z')))
        normalized.back() = QLatin1Char('Z');
    const QDateTime parsed = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toMSecsSinceEpoch();
}

std::optional<qint64> timeFrom(const QJsonValue &value)
{
    return value.isString() ? timeFrom(value.toString()) : std::nullopt;
}

} // namespace Realm::Json

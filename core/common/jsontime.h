// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace Realm::Json {

// Every JSON REALM writes (the CLI's --json, exports, the server's API)
// gives times as RFC 3339 in UTC with milliseconds, e.g.
// "2026-12-04T13:34:42.120Z", so a time read back is the time written.

QString time(qint64 utcMs);

// Reads an RFC 3339 time (any offset; "Z" or "+01:00"; fractions optional)
// as UTC milliseconds. Empty for anything else, including a time without
// an offset, whose meaning would depend on the reader's time zone.
std::optional<qint64> timeFrom(const QJsonValue &value);
std::optional<qint64> timeFrom(const QString &text);

} // namespace Realm::Json

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Realm::ServerDb {

// The statements of a migration file. A statement ends with a semicolon at
// the end of a line; `--` comments and blank lines go. (SQLite's driver runs
// one statement per call, so both backends get them one by one. Migrations
// therefore hold no triggers or functions with inner semicolons at a line's
// end.)
QStringList splitSqlScript(const QString &script);

} // namespace Realm::ServerDb

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/database.h"

#include <QList>
#include <QString>

namespace Realm::SyncClient {

// Conflict copies: when two members' edits of a file overlap, the server
// keeps the first under its name and the later one beside it as
// "name (conflict, Bob, 2026-12-06).ext", on every machine. Resolving one
// is a local change like any other: the next sync sends it to everyone.
namespace Conflicts {

struct Copy {
    QString path;     // the file: what arrived first, as the team has it ("theirs")
    QString copyPath; // the later change ("mine" on the machine that made it)
    QString who;      // whose change the copy keeps
    QString day;      // yyyy-MM-dd
};

// The project's conflict copies whose file is still there, by path.
Result<QList<Copy>> list(const Storage::DatabasePtr &db, const QString &projectId);

enum class Keep {
    Mine,   // the copy's content goes under the file's name; the copy goes
    Theirs, // the file stays as it is; the copy goes
    Both,   // both stay: the copy is renamed "name (Bob, 2026-12-06).ext"
};
// `path` names the file or the copy. In the project and in its folder at
// once (an edit made in the folder and not refreshed yet stops it: refresh
// first). Returns what was done, for a person to read.
Result<QString> resolve(const Storage::DatabasePtr &db, const QString &projectId, const QString &path, Keep keep);

} // namespace Conflicts
} // namespace Realm::SyncClient

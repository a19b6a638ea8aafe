// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "storage/database.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace Realm::Projects {

struct GitExportOptions {
    QString branch = QStringLiteral("main");
    QString authorName = QStringLiteral("REALM");
    QString authorEmail = QStringLiteral("realm@localhost");
    // The first lines of each commit message; {project}, {number}, {kind}
    // (import or refresh), {added}, {changed}, {removed}, {commit} (the
    // source's Git commit) and {author} (the teammate who made a version of
    // a shared project) are filled in. Empty: "{project}: {kind}
    // (version {number})" and the counts. REALM's trailers follow.
    QString messageTemplate;
};

struct GitExportReport {
    QString repository;
    int commitsWritten = 0; // this time
    int versions = 0;       // in the project's history
    QString head;           // the branch's commit, hex
    QStringList warnings;   // e.g. a work tree that could not be updated
};

// A project's history into a Git repository (libgit2): one commit per REALM
// version (import, each changing refresh), dated when the version was made,
// with the contents and modes of that version. The repository at `path` is
// created if missing; exporting again adds only versions made since — a
// trailer (Realm-Project / Realm-Version) on each commit says which. A branch
// that has commits REALM did not make on top is left alone (an error says
// so). The work tree is updated to the new commit where it was clean.
// Blocking: run it on a worker or from the CLI.
Result<GitExportReport> exportToGit(const Storage::DatabasePtr &db, const QString &projectId, const QString &path,
                                    const GitExportOptions &options = {}, const CancellationToken *cancel = nullptr,
                                    const std::function<void(int done, int total)> &progress = {});

} // namespace Realm::Projects

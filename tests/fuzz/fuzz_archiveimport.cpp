// SPDX-License-Identifier: GPL-3.0-or-later
//
// Protects archive import (ProjectImporter over ArchiveSource: libarchive's
// ZIP and tar readers under every compression filter, entry names, symlinks,
// the size and ratio limits), which reads any file a user was sent: no input
// crashes it or corrupts the workspace; every path it stores is one
// normalizeEntryPath() accepts unchanged; and a failed import leaves nothing
// behind.
//
// Input: the archive file itself, unchanged, so real archives are seeds.
// Its last byte picks the file name's suffix (libarchive sniffs the format
// from the contents anyway; the suffix only names the project). Each input
// is imported as a new project into one workspace, then trashed and purged;
// every few thousand inputs the workspace starts afresh so purged rows do
// not pile up. The workspace lives under $TMPDIR (scripts/fuzz points it at
// /dev/shm when it can: SQLite syncs every commit).

#include "fuzzsupport.h"
#include "projects/pathsafety.h"
#include "projects/projectimporter.h"
#include "projects/projectstore.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace Realm;
using namespace Realm::Projects;

namespace {

constexpr qint64 kInputsPerWorkspace = 5000;

struct Workspace {
    std::unique_ptr<QTemporaryDir> dir;
    Storage::DatabasePtr db;
    qint64 inputs = 0;
};

Workspace *theWorkspace = nullptr;

// Closes the workspace and removes its folder at exit. Registered after
// the first workspace was opened, so it runs before QtSql's own globals
// (created by that first open) are destroyed; a static Workspace would be
// destroyed after them and crash.
void closeWorkspace()
{
    theWorkspace->db.reset();
    theWorkspace->dir.reset();
}

Workspace &workspace()
{
    if (!theWorkspace)
        theWorkspace = new Workspace;
    Workspace &ws = *theWorkspace;
    if (ws.db && ws.inputs < kInputsPerWorkspace)
        return ws;
    const bool first = !ws.dir;
    ws.db.reset(); // closes its connections before the folder goes
    ws.dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/realm-fuzz-archive-XXXXXX"));
    REALM_FUZZ_CHECK(ws.dir->isValid(), QStringLiteral("cannot create a temporary folder: %1").arg(ws.dir->errorString()));
    Result<Storage::DatabasePtr> db = Workspace::open(ws.dir->filePath(QStringLiteral("workspace.realm")));
    REALM_FUZZ_CHECK(db.ok(), db.error().message);
    ws.db = *db;
    ws.inputs = 0;
    if (first)
        std::atexit(closeWorkspace);
    return ws;
}

qint64 scalar(const Storage::DatabasePtr &db, const QString &sql)
{
    QSqlQuery q(db->connection());
    REALM_FUZZ_CHECK(q.exec(sql) && q.next(), QStringLiteral("cannot run %1").arg(sql));
    return q.value(0).toLongLong();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::ensureCoreApplication();
    static qint64 counter = 0;
    ++counter;
    Workspace &ws = workspace();
    ++ws.inputs;

    static const char *const kSuffixes[] = {".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar.zst", ""};
    const size_t pick = size == 0 ? 0 : data[size - 1] % (sizeof kSuffixes / sizeof kSuffixes[0]);
    const QString archive = ws.dir->filePath(QStringLiteral("input") + QLatin1String(kSuffixes[pick]));
    {
        QFile file(archive);
        REALM_FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate), file.errorString());
        REALM_FUZZ_CHECK(file.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size), file.errorString());
    }

    ImportOptions options;
    options.name = QStringLiteral("fuzz-%1").arg(counter);
    ProjectImporter importer(ws.db);
    Result<ImportReport> report = importer.importProject(archive, options);
    QFile::remove(archive);

    ProjectStore store(ws.db);
    if (report) {
        const QString id = report->project.id;
        Result<QList<ProjectFile>> files = store.files(id);
        REALM_FUZZ_CHECK(files.ok(), files.error().message);
        REALM_FUZZ_CHECK(files->size() == report->files,
                         QStringLiteral("the report counts %1 files, the project holds %2").arg(report->files).arg(files->size()));
        for (const ProjectFile &file : *files) {
            const Result<QString> normalized = normalizeEntryPath(file.path);
            REALM_FUZZ_CHECK(normalized.ok() && *normalized == file.path,
                             QStringLiteral("the import stored the path \"%1\", which is not canonical (%2)")
                                 .arg(file.path, normalized ? *normalized : normalized.error().message));
        }
        const Result<void> trashed = store.moveToTrash(id);
        REALM_FUZZ_CHECK(trashed.ok(), trashed.error().message);
        const Result<int> purged = store.emptyTrash();
        REALM_FUZZ_CHECK(purged.ok(), purged.error().message);
    }

    // Whether the import succeeded (and was purged) or failed (and cleaned
    // up after itself), nothing of it may remain.
    const qint64 left = scalar(ws.db, QStringLiteral("SELECT (SELECT count(*) FROM projects WHERE state <> 'purged') "
                                                     "+ (SELECT count(*) FROM files) + (SELECT count(*) FROM blobs)"));
    REALM_FUZZ_CHECK(left == 0, QStringLiteral("%1 rows (projects not purged, files, blobs) remain after the %2 import: %3")
                                    .arg(left)
                                    .arg(report ? QStringLiteral("purged") : QStringLiteral("failed"),
                                         report ? QString() : report.error().message));
    return 0;
}

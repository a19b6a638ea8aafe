// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "projects/filerows.h"
#include "projects/projecthistory.h"
#include "storage/handle.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Realm::Projects {

// What sync reads from a project and writes into it, inside the caller's
// transaction (sync keeps its own state in its own tables, and commits a
// pulled page with its cursor). Writes made here come from the server: they
// are not local changes, and leave nothing pending in `changes`.
namespace Replica {

struct FileState {
    QString id;
    QString path;
    bool deleted = false;
    QByteArray sha256; // raw
    qint64 size = 0;
    int mode = 0644;
};

// The project's own metadata that syncs. Its name does not: each workspace
// names its copy (two projects here cannot share a name, and a clone may
// need another), and the server's project has its own.
struct Info {
    QString description;
    QStringList tags;
    bool operator==(const Info &) const = default;
};

Result<std::optional<Info>> info(Storage::Handle db, const QString &projectId);
Result<void> setInfo(Storage::Handle db, const QString &projectId, const Info &info);

// Local changes recorded by change capture and not yet taken by sync.
Result<bool> infoPending(Storage::Handle db, const QString &projectId);
Result<QList<FileState>> pendingFiles(Storage::Handle db, const QString &projectId);
// Whether a local change of the file at `path` waits to be sent.
Result<bool> filePending(Storage::Handle db, const QString &projectId, const QString &path);
// Takes the project's pending changes (its row and files) out of
// `changes`, but for the files in `keepFileIds` (which stay pending).
Result<void> takePending(Storage::Handle db, const QString &projectId, const QStringList &keepFileIds = {});
// Records the project and every live file as changed: what sharing sends,
// and what a restored server is sent again.
Result<void> markAllPending(Storage::Handle db, const QString &projectId);
Result<void> markFilePending(Storage::Handle db, const QString &projectId, const QString &path);

Result<QList<FileState>> liveFiles(Storage::Handle db, const QString &projectId);
Result<std::optional<FileState>> liveFile(Storage::Handle db, const QString &projectId, const QString &path);
Result<bool> hasContent(Storage::Handle db, const QByteArray &sha256);
// A stored content's bytes; nullopt when this workspace does not hold it.
Result<std::optional<QByteArray>> content(Storage::Handle db, const QByteArray &sha256);
// Whether any content of the project (its files' or its history's) is
// not downloaded.
Result<bool> hasAbsent(Storage::Handle db, const QString &projectId);
// Whether any of the project's live files' contents is not downloaded.
Result<bool> hasAbsentFiles(Storage::Handle db, const QString &projectId);
// How many of the project's live files' contents are not downloaded.
Result<qint64> absentFileCount(Storage::Handle db, const QString &projectId);
// The same for every project that has any: project id → count.
Result<QHash<QString, qint64>> absentFileCounts(Storage::Handle db);
// The project's live files whose contents are not downloaded, by path.
Result<QList<FileState>> absentFiles(Storage::Handle db, const QString &projectId);
// Contents of the project's earlier versions not downloaded that no live
// file has (each once, under a path that had it): what a Git export of its
// history needs besides absentFiles.
Result<QList<FileState>> absentHistory(Storage::Handle db, const QString &projectId);
// Stores downloaded contents of files written without them (each checked
// against its hash by the caller), indexes their text and finds the files'
// language again from their first bytes; the projects that have them get a
// new revision, so their code indexes and statistics take them in.
Result<void> fillContents(Storage::Handle db, const QList<QByteArray> &contents);

// Writes files into one project: what the server sent (no local change
// left behind), or a change made here for sync to send (resolving a
// conflict).
class Writer final {
public:
    enum class Origin { Server, Local };
    Writer(Storage::Handle db, QString projectId, Origin origin = Origin::Server);
    Q_DISABLE_COPY_MOVE(Writer)

    bool isValid() const { return m_rows.isValid(); }
    // `version`: the teammate's version the server says the change belongs
    // to; the change goes into it when accepted (acceptVersions), else into
    // the writer's own.
    Result<void> write(const QString &path, QByteArray content, int mode, const QString &version = {});
    // The file as the server has it, without its bytes (a project that
    // downloads contents when needed): `sha256` raw, `size` the server's.
    Result<void> writeAbsent(const QString &path, const QByteArray &sha256, qint64 size, int mode, const QString &version = {});
    Result<void> remove(const QString &path, const QString &version = {});
    // The writes go into this version of the project's history (a pull's
    // groups share one), made by finish() when `*versionId` is empty.
    // Without it, each writer that changes files makes a version.
    void addToVersion(QString *versionId) { m_versionId = versionId; }
    // The teammates' versions a change may go into (those the pull brought:
    // a version this copy had is finished); without, none.
    void acceptVersions(const QSet<QString> *versionIds) { m_teammatesVersions = versionIds; }
    // Indexes the text, records the writes as a version of the project
    // (kind "sync" for the server's, "resolve" for a local one), counts the
    // project's files again and drops the contents the writes replaced that
    // nothing uses any more (when any file was written or removed): call
    // before the transaction commits.
    Result<void> finish();

private:
    Result<void> store(PreparedFile file, const QString &version);
    Result<void> forgetCaptured(const QString &fileId);

    Storage::Handle m_db;
    QString m_projectId;
    Origin m_origin;
    FileRows m_rows;
    bool m_changedFiles = false;
    QSet<QByteArray> m_replaced; // contents files held before this writer's writes
    Result<void> recordVersions();

    struct Written {
        QList<VersionChange> changes;
        ProjectHistory::ChangeCounts counts;
    };
    Written m_own;
    QHash<QString, Written> m_intoVersions; // by a teammate's version id
    QString *m_versionId = nullptr;
    const QSet<QString> *m_teammatesVersions = nullptr;
};

} // namespace Replica
} // namespace Realm::Projects

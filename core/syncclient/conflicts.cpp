// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/conflicts.h"

#include "projects/replica.h"
#include "projects/sourcefolder.h"
#include "storage/transaction.h"
#include "syncclient/syncsession.h"
#include "sync/syncprotocol.h"

#include <QCoreApplication>
#include <QSet>

namespace Realm::SyncClient::Conflicts {

namespace Replica = Projects::Replica;

namespace {

// The name a kept copy gets: the conflict's without "conflict, ", free
// in the project and in its folder.
Result<QString> keptName(Storage::Handle db, const QString &projectId, const std::optional<Projects::SourceFolder> &folder, const Copy &copy)
{
    const qsizetype slash = copy.copyPath.lastIndexOf(QLatin1Char('/'));
    const QString marker = QStringLiteral(" (conflict, ");
    const qsizetype at = copy.copyPath.lastIndexOf(marker);
    if (at <= slash)
        return Error::failed(QCoreApplication::translate("Realm::SyncClient", "%1 is not a conflict copy.").arg(copy.copyPath));
    const QString base = copy.copyPath.left(at) + QStringLiteral(" (") + copy.copyPath.mid(at + marker.size());
    QString candidate = base;
    for (int attempt = 2; attempt < 100; ++attempt) {
        Result<std::optional<Replica::FileState>> taken = Replica::liveFile(db, projectId, candidate);
        if (!taken)
            return taken.error();
        if (!*taken && !(folder && folder->holds(candidate)))
            return candidate;
        const qsizetype dot = base.lastIndexOf(QLatin1Char('.'));
        candidate = dot > slash + 1 ? QString(base.left(dot) + QStringLiteral(" %1").arg(attempt) + base.mid(dot)) : QString(base + QStringLiteral(" %1").arg(attempt));
    }
    return Error::conflict(QCoreApplication::translate("Realm::SyncClient", "Too many files are named like %1.").arg(base));
}

// The project's content of a file (raw SHA-256; empty: none).
Result<QByteArray> storedHash(Storage::Handle db, const QString &projectId, const QString &path)
{
    Result<std::optional<Replica::FileState>> stored = Replica::liveFile(db, projectId, path);
    if (!stored)
        return stored.error();
    return *stored ? (*stored)->sha256 : QByteArray();
}

// Files of the project and of its folder changed together, each checked
// first (check()), so that nothing is changed when anything would fail.
class Change final {
public:
    Change(Storage::Handle db, const QString &projectId, std::optional<Projects::SourceFolder> folder)
        : m_db(db), m_projectId(projectId), m_folder(std::move(folder)), m_writer(db, projectId, Replica::Writer::Origin::Local)
    {
    }

    // The folder still has what the project has at `path`.
    Result<void> check(const QString &path) const
    {
        if (!m_folder)
            return {};
        if (!m_folder->exists())
            return Error::io(QCoreApplication::translate("Realm::SyncClient", "The folder of this project, %1, is missing: reconnect it (or move it back) and resolve again.")
                                 .arg(m_folder->root()));
        Result<QByteArray> stored = storedHash(m_db, m_projectId, path);
        if (!stored)
            return stored.error();
        Result<bool> holds = m_folder->holdsStored(path, *stored);
        if (!holds)
            return holds.error();
        if (!*holds)
            return Error::conflict(QCoreApplication::translate("Realm::SyncClient", "%1 in %2 is not what the project last read (edited, removed, or something else is in the way): "
                                                               "run `realm-cli project refresh` first, then resolve again.")
                                       .arg(path, m_folder->root()));
        return {};
    }

    Result<void> write(const QString &path, const QByteArray &content, int mode)
    {
        if (m_folder) {
            Result<QByteArray> stored = storedHash(m_db, m_projectId, path);
            if (!stored)
                return stored.error();
            if (Result<bool> written = m_folder->write(path, *stored, content, mode); !written || !*written)
                return written ? folderChanged(path) : Result<void>(written.error());
        }
        return m_writer.write(path, content, mode);
    }

    Result<void> remove(const QString &path)
    {
        if (m_folder) {
            Result<QByteArray> stored = storedHash(m_db, m_projectId, path);
            if (!stored)
                return stored.error();
            if (Result<bool> removed = m_folder->remove(path, *stored); !removed || !*removed)
                return removed ? folderChanged(path) : Result<void>(removed.error());
        }
        return m_writer.remove(path);
    }

    Result<void> finish() { return m_writer.finish(); }

private:
    // Checked a moment ago: changed meanwhile.
    Result<void> folderChanged(const QString &path) const
    {
        return Error::conflict(QCoreApplication::translate("Realm::SyncClient", "%1 changed in %2 while resolving: refresh the project and resolve again.")
                                   .arg(path, m_folder->root()));
    }

    Storage::Handle m_db;
    QString m_projectId;
    std::optional<Projects::SourceFolder> m_folder;
    Replica::Writer m_writer;
};

} // namespace

Result<QList<Copy>> list(const Storage::DatabasePtr &db, const QString &projectId)
{
    Result<QList<Replica::FileState>> files = Replica::liveFiles(db->handle(), projectId);
    if (!files)
        return files.error();
    QSet<QString> paths;
    for (const Replica::FileState &file : std::as_const(*files))
        paths.insert(file.path);
    QList<Copy> copies;
    for (const Replica::FileState &file : std::as_const(*files)) {
        const std::optional<Sync::ConflictCopyName> name = Sync::parseConflictCopyPath(file.path);
        if (name && paths.contains(name->original))
            copies.append(Copy{.path = name->original, .copyPath = file.path, .who = name->who, .day = name->day});
    }
    return copies;
}

Result<QString> resolve(const Storage::DatabasePtr &db, const QString &projectId, const QString &path, Keep keep)
{
    Storage::Handle handle = db->handle();
    Storage::Transaction transaction(handle);
    if (!transaction.isActive())
        return transaction.error();
    Result<QList<Copy>> copies = list(db, projectId);
    if (!copies)
        return copies.error();
    // A copy named by its own name; else the copies of the file named (a
    // copy of a copy is named as a copy, not as the file it copies).
    QList<Copy> matching;
    for (const Copy &copy : std::as_const(*copies))
        if (copy.copyPath == path)
            matching.append(copy);
    if (matching.isEmpty())
        for (const Copy &copy : std::as_const(*copies))
            if (copy.path == path)
                matching.append(copy);
    if (matching.isEmpty())
        return Error::notFound(QCoreApplication::translate("Realm::SyncClient", "%1 has no conflict copy (realm-cli project conflicts PROJECT lists them).").arg(path));
    if (matching.size() > 1)
        return Error::invalidInput(QCoreApplication::translate("Realm::SyncClient", "%1 has %2 conflict copies: name the copy to resolve.").arg(path).arg(matching.size()));
    const Copy &copy = matching.first();

    Result<std::optional<Projects::SourceFolder>> folder = Projects::SourceFolder::takingPullsOf(handle, projectId);
    if (!folder)
        return folder.error();
    Change change(handle, projectId, *folder);
    if (Result<void> checked = change.check(copy.copyPath); !checked)
        return checked.error();
    QString done;
    if (keep == Keep::Theirs) {
        if (Result<void> removed = change.remove(copy.copyPath); !removed)
            return removed.error();
        done = QCoreApplication::translate("Realm::SyncClient", "Kept %1 as it is; removed %2.").arg(copy.path, copy.copyPath);
    } else {
        Result<std::optional<Replica::FileState>> state = Replica::liveFile(handle, projectId, copy.copyPath);
        if (!state || !*state)
            return state ? Error::notFound(QCoreApplication::translate("Realm::SyncClient", "%1 is gone.").arg(copy.copyPath)) : state.error();
        Result<std::optional<QByteArray>> content = Replica::content(handle, (*state)->sha256);
        if (!content || !*content)
            return content ? Error::notFound(QCoreApplication::translate("Realm::SyncClient", "The content of %1 is not in this workspace.").arg(copy.copyPath)) : content.error();
        QString target = copy.path;
        int mode = (*state)->mode;
        if (keep == Keep::Both) {
            Result<QString> name = keptName(handle, projectId, *folder, copy);
            if (!name)
                return name.error();
            target = *name;
        } else {
            // The file's own change not sent yet (a merge made by hand, say)
            // is not overwritten: sync it first, or keep both.
            Result<bool> pending = Replica::filePending(handle, projectId, target);
            Result<QSet<QString>> outbox = Detail::outboxKeys(handle, projectId);
            if (!pending || !outbox)
                return pending ? outbox.error() : pending.error();
            if (*pending || outbox->contains(Detail::itemKey(Detail::kFiles, target)))
                return Error::conflict(QCoreApplication::translate("Realm::SyncClient", "%1 has a change made here that is not synced yet: sync first, or keep both.").arg(target));
            Result<std::optional<Replica::FileState>> file = Replica::liveFile(handle, projectId, target);
            if (!file)
                return file.error();
            if (*file)
                mode = (*file)->mode; // the file's own mode (executable or not) stays
        }
        if (Result<void> checked = change.check(target); !checked)
            return checked.error();
        if (Result<void> written = change.write(target, **content, mode); !written)
            return written.error();
        if (Result<void> removed = change.remove(copy.copyPath); !removed)
            return removed.error();
        done = keep == Keep::Mine ? QCoreApplication::translate("Realm::SyncClient", "%1 now has the content of %2, which is removed.").arg(copy.path, copy.copyPath)
                                  : QCoreApplication::translate("Realm::SyncClient", "Kept both: %1, and %2 (renamed from %3).").arg(copy.path, target, copy.copyPath);
    }
    if (Result<void> finished = change.finish(); !finished)
        return finished.error();
    if (Result<void> committed = transaction.commit(QCoreApplication::translate("Realm::SyncClient", "Cannot save the resolved conflict")); !committed)
        return committed.error();
    return QString(done + QLatin1Char(' ') + QCoreApplication::translate("Realm::SyncClient", "The next sync sends it to the team."));
}

} // namespace Realm::SyncClient::Conflicts

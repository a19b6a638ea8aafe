// SPDX-License-Identifier: GPL-3.0-or-later
// Downloading the contents a project that downloads them when needed has
// not downloaded yet: before a file is opened, exported or documented, or
// all at once (`realm-cli project fetch`).
#include "syncclient/syncsession.h"

#include "projects/replica.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QSet>

namespace Realm::SyncClient::Detail {

namespace Replica = Projects::Replica;

namespace {

// What one transaction stores: memory held, and work lost to a cancel.
constexpr qint64 kBytesPerStep = 32LL * 1024 * 1024;

} // namespace

Result<void> fetchContents(Session &s, const QStringList &paths, FetchReach reach)
{
    Storage::Handle db = s.db->handle();
    for (const QString &path : paths) {
        Result<std::optional<Replica::FileState>> file = Replica::liveFile(db, s.link.projectId, path);
        if (!file)
            return file.error();
        if (!*file)
            return Error::notFound(QCoreApplication::translate("Realm::SyncClient", "The project has no file %1.").arg(path));
    }
    Result<QList<Replica::FileState>> absent = Replica::absentFiles(db, s.link.projectId);
    if (!absent)
        return absent.error();
    // The history's contents too (a Git export needs them).
    if (paths.isEmpty() && reach == FetchReach::WithHistory) {
        Result<QList<Replica::FileState>> history = Replica::absentHistory(db, s.link.projectId);
        if (!history)
            return history.error();
        absent->append(*history);
    }
    const QSet<QString> only(paths.cbegin(), paths.cend());
    QList<WantedContent> wanted;
    QSet<QByteArray> listed;
    qint64 totalBytes = 0;
    for (const Replica::FileState &file : std::as_const(*absent)) {
        if ((!only.isEmpty() && (file.deleted || !only.contains(file.path))) || listed.contains(file.sha256))
            continue;
        listed.insert(file.sha256);
        wanted.append({QString::fromLatin1(file.sha256.toHex()), file.path, file.size});
        totalBytes += file.size;
    }
    qint64 doneBytes = 0;
    for (qsizetype from = 0; from < wanted.size();) {
        if (s.cancelled())
            return Error::cancelled();
        QList<WantedContent> step;
        qint64 stepBytes = 0;
        for (; from < wanted.size() && (step.isEmpty() || stepBytes + wanted.at(from).size <= kBytesPerStep); ++from) {
            step.append(wanted.at(from));
            stepBytes += wanted.at(from).size;
        }
        s.say(totalBytes > 0 ? double(doneBytes) / double(totalBytes) : 0.0,
              QCoreApplication::translate("Realm::SyncClient", "Downloading %n file(s)…", nullptr, int(wanted.size() - from + step.size())));
        Result<QHash<QString, QByteArray>> contents = downloadContents(s, step);
        if (!contents)
            return contents.error();
        Storage::Transaction transaction(db);
        if (!transaction.isActive())
            return transaction.error();
        if (Result<void> filled = Replica::fillContents(db, contents->values()); !filled)
            return filled;
        if (Result<void> committed = transaction.commit(QCoreApplication::translate("Realm::SyncClient", "Cannot store the downloaded contents")); !committed)
            return committed;
        s.report.fetched += step.size();
        doneBytes += stepBytes;
    }
    return {};
}

} // namespace Realm::SyncClient::Detail

// SPDX-License-Identifier: GPL-3.0-or-later
// Applying what changed on the server: pages, contents, resets.
#include "syncclient/syncsession.h"

#include "projects/pathsafety.h"
#include "projects/projecthistory.h"
#include "projects/replica.h"
#include "projects/folderbaseline.h"
#include "projects/sourcefolder.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrlQuery>

#include <limits>

namespace Realm::SyncClient::Detail {

using Sync::Change;
using Sync::ChangePage;
namespace Replica = Projects::Replica;

namespace {

constexpr int kChangesPerPage = 1000;
// Applied (and committed with their cursor) in groups of at most this many
// changes or bytes of downloaded content.
constexpr int kChangesPerGroup = 500;
constexpr qint64 kBytesPerGroup = 64LL * 1024 * 1024;

// The version of the project's history a file's change belongs to.
QString versionOf(const Change &change)
{
    return change.data.value(QStringLiteral("version")).toString();
}

// What must be written before a change: a file's version, a message's
// conversation.
QList<Storage::RowRef> referencesOf(const Change &change)
{
    if (isFile(change)) {
        const QString version = versionOf(change);
        return version.isEmpty() ? QList<Storage::RowRef>() : QList<Storage::RowRef>{{QLatin1String(Sync::Tables::kVersions), version}};
    }
    const RowModule *module = rowModuleFor(change.table);
    return module ? module->references(change.table, change.data) : QList<Storage::RowRef>();
}

// A path a server (or whoever answers as one) sends must be one this
// workspace would store: no "..", no absolute path, no ".git".
bool isSafePath(const QString &path)
{
    Result<QString> normalized = Projects::normalizeEntryPath(path);
    return normalized && *normalized == path;
}

// A message's conversation or parent can come after it in the server's
// order (an item's seq is its last change's): those are moved before it.
// Moving a change earlier is safe: a group commits with its cursor, and a
// change applied again is the same write.
QList<Change> dependenciesFirst(const QList<Change> &listed)
{
    // An item changed while the pages were listed is on two of them: its
    // newer version only, or the older could be moved after it.
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < listed.size(); ++i)
        at.insert(itemKey(listed.at(i).table, listed.at(i).key), i);
    QList<Change> changes;
    changes.reserve(at.size());
    for (qsizetype i = 0; i < listed.size(); ++i)
        if (at.value(itemKey(listed.at(i).table, listed.at(i).key)) == i)
            changes.append(listed.at(i));
    at.clear();
    for (qsizetype i = 0; i < changes.size(); ++i)
        at.insert(itemKey(changes.at(i).table, changes.at(i).key), i);
    QList<Change> ordered;
    ordered.reserve(changes.size());
    QList<bool> placed(changes.size(), false);
    // Depth first without recursion: a server could send a long chain.
    for (qsizetype start = 0; start < changes.size(); ++start) {
        QList<std::pair<qsizetype, bool>> stack{{start, false}}; // index, its references placed
        while (!stack.isEmpty()) {
            const auto [i, referencesPlaced] = stack.takeLast();
            if (referencesPlaced) {
                ordered.append(changes.at(i));
                continue;
            }
            if (placed.at(i))
                continue;
            placed[i] = true;
            stack.append({i, true});
            for (const Storage::RowRef &ref : referencesOf(changes.at(i)))
                if (const qsizetype j = at.value(itemKey(ref.first, ref.second), -1); j >= 0 && !placed.at(j))
                    stack.append({j, false});
        }
    }
    return ordered;
}

// One page of what changed on the server after `cursor`.
Result<ChangePage> fetchPage(Session &s, const QString &cursor, ChangePage::Listing listing)
{
    if (s.cancelled())
        return Error::cancelled();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("cursor"), cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(kChangesPerPage));
    // Else a list from the start longer than a page would start again at
    // each page whose cursor is older than the deletes the server keeps.
    if (listing == ChangePage::Listing::FromStart)
        query.addQueryItem(QStringLiteral("from_start"), QStringLiteral("true"));
    Result<QJsonObject> answer = s.transport->call("GET", s.apiPath(QStringLiteral("/sync/changes?%1").arg(query.toString(QUrl::FullyEncoded))), {});
    if (!answer)
        return answer.error();
    Result<ChangePage> page = ChangePage::fromJson(*answer);
    if (!page)
        return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The server's list of changes cannot be read: %1").arg(page.error().message));
    return page;
}

// A pull that would delete more than half of the project's files (two at
// least): a server emptied or reset by mistake must not empty this copy.
// Whether a pull of `changes` needs counting first: it deletes files, or
// is a restarted list (which deletes what it lacks).
bool mayMassDelete(const QList<Change> &changes, ChangePage::Reset reset, const SyncOptions &options)
{
    if (options.allowMassDelete || reset == ChangePage::Reset::Epoch)
        return false;
    return reset == ChangePage::Reset::Expired
           || std::any_of(changes.cbegin(), changes.cend(), [](const Change &change) { return isFile(change) && change.deleted; });
}

// `changes`: every change left to apply, to the end of the list;
// `resumed`: a restarted list that earlier pulls began applying.
Result<void> checkMassDelete(Session &s, const QList<Change> &changes, ChangePage::Reset reset, bool resumed, const SyncOptions &options,
                             const QSet<QString> &waiting)
{
    // Nothing deleted, nothing to count: the common pull costs no pass
    // over the project's files.
    if (!mayMassDelete(changes, reset, options))
        return {};
    Result<QList<Replica::FileState>> live = Replica::liveFiles(s.db->handle(), s.link.projectId);
    if (!live)
        return live.error();
    // What a pull may delete here: files the server had, with no local
    // change waiting (and, after an expired list, those it never took:
    // see removeNeverTaken).
    Result<QSet<QString>> known = SyncState::baseKeys(s.db->handle(), s.link.projectId, kFiles);
    if (!known)
        return known.error();
    Result<QList<Replica::FileState>> pendingFiles = Replica::pendingFiles(s.db->handle(), s.link.projectId);
    if (!pendingFiles)
        return pendingFiles.error();
    QSet<QString> pending;
    for (const Replica::FileState &file : std::as_const(*pendingFiles))
        pending.insert(file.path);
    QSet<QString> livePaths;
    for (const Replica::FileState &file : std::as_const(*live))
        if (known->contains(file.path) && !pending.contains(file.path) && !waiting.contains(itemKey(kFiles, file.path)))
            livePaths.insert(file.path);
    QSet<QString> deleted;
    for (const Change &change : changes) {
        if (!isFile(change) || !livePaths.contains(change.key))
            continue;
        if (change.deleted)
            deleted.insert(change.key);
        else
            deleted.remove(change.key);
    }
    if (reset == ChangePage::Reset::Expired) {
        // What the restarted list lacks is deleted here: of the files it
        // did not list before, when it resumes.
        QSet<QString> listed;
        for (const Change &change : changes)
            if (isFile(change) && !change.deleted)
                listed.insert(change.key);
        std::optional<QSet<QString>> unseen;
        if (resumed) {
            Result<QStringList> keys = SyncState::unseenKeys(s.db->handle(), s.link.projectId, kFiles);
            if (!keys)
                return keys.error();
            unseen = QSet<QString>(keys->cbegin(), keys->cend());
        }
        for (const QString &path : std::as_const(livePaths))
            if (!listed.contains(path) && (!unseen || unseen->contains(path)))
                deleted.insert(path);
        // Never taken (no base) and not listed: these go too. A resumed
        // list gave every one it listed before a base or a skipped change.
        Result<QSet<QString>> skipped = SyncState::skippedKeys(s.db->handle(), s.link.projectId, kFiles);
        if (!skipped)
            return skipped.error();
        for (const Replica::FileState &file : std::as_const(*live))
            if (!known->contains(file.path) && !pending.contains(file.path) && !waiting.contains(itemKey(kFiles, file.path))
                && !skipped->contains(file.path) && !listed.contains(file.path))
                deleted.insert(file.path);
    }
    if (deleted.size() >= 2 && deleted.size() * 2 > live->size() && deleted.size() > options.deletesAllowed) {
        s.report.deletesHeld = deleted.size();
        return Error{Error::Code::LimitExceeded,
                     QCoreApplication::translate("Realm::SyncClient", "The server's changes would delete %1 of the %2 files of \"%3\"; nothing was changed here. "
                        "If that is right, sync again allowing it (realm-cli sync --allow-mass-delete).")
                         .arg(deleted.size())
                         .arg(live->size())
                         .arg(s.report.projectName)};
    }
    return {};
}

class GroupApplier final {
public:
    GroupApplier(Session &s, Storage::Handle db, const QSet<QString> &outboxKeys, ChangePage::Reset reset, std::optional<Projects::SourceFolder> folder,
                 bool lazy)
        : m_s(s), m_db(db), m_outboxKeys(outboxKeys), m_reset(reset), m_writer(db, s.link.projectId), m_folder(std::move(folder)), m_lazy(lazy)
    {
    }

    Result<void> apply(const Change &change, const QHash<QString, QByteArray> &contents)
    {
        const RowModule *rowModule = rowModuleFor(change.table);
        if (!isFile(change) && change.table != kProject && !rowModule)
            return {}; // nothing this client knows
        // Listed: whatever is done with it, a restarted pull must not take
        // it for something the server lacks.
        if (m_reset != ChangePage::Reset::None)
            if (Result<void> seen = SyncState::markSeen(m_db, m_s.link.projectId, change.table, change.key); !seen)
                return seen;
        if (rowModule)
            return applyRow(*rowModule, change);
        if (!isFile(change))
            return change.key == kProject ? applyInfo(change) : Result<void>();
        if (!isSafePath(change.key))
            return {};
        Result<bool> pending = isPending(kFiles, change.key);
        if (!pending)
            return pending.error();
        if (*pending) // sent first; should the server keep this instead, the pull comes back for it
            return SyncState::recordSkipped(m_db, m_s.link.projectId, kFiles, change.key, change.seq);
        if (change.deleted) {
            if (m_reset == ChangePage::Reset::Epoch) // a restored server: send it again, delete nothing
                return sendAgain(change.key, change.seq);
            Result<std::optional<Replica::FileState>> here = Replica::liveFile(m_db, m_s.link.projectId, change.key);
            if (!here)
                return here.error();
            if (!*here) // gone here already (our own delete coming back): nothing received
                return SyncState::removeBase(m_db, m_s.link.projectId, kFiles, change.key);
            Result<bool> gone = remove(change.key, versionOf(change));
            if (!gone)
                return gone.error();
            ++m_s.report.received;
            // A file edited in the folder keeps its base: the refresh sends
            // the edit as made on it, and the edit beats the delete.
            return *gone ? SyncState::removeBase(m_db, m_s.link.projectId, kFiles, change.key)
                         : SyncState::recordSkipped(m_db, m_s.link.projectId, kFiles, change.key, change.seq);
        }
        const QString sha = shaOf(change);
        const int mode = change.data.value(QStringLiteral("mode")).toInt(0644);
        Result<std::optional<Replica::FileState>> held = Replica::liveFile(m_db, m_s.link.projectId, change.key);
        if (!held)
            return held.error();
        const QByteArray stored = *held ? (*held)->sha256 : QByteArray();
        // This copy has it already (our own change coming back): nothing to
        // write, nothing received; the base moves to it.
        if (*held && QString::fromLatin1(stored.toHex()) == sha && (*held)->mode == mode)
            return SyncState::setBase(m_db, m_s.link.projectId, kFiles, change.key, Base{.seq = change.seq, .sha256 = sha, .data = {}});
        // A server restored from an older backup may send an older version
        // of what is here: keep this one, and send it again (the server
        // merges it or keeps both).
        if (m_reset == ChangePage::Reset::Epoch && !stored.isEmpty() && QString::fromLatin1(stored.toHex()) != sha) {
            Result<bool> ours = Replica::hasContent(m_db, stored);
            if (!ours)
                return ours.error();
            // (Never downloaded here: nothing of ours to send; theirs is taken.)
            if (*ours)
                return sendAgain(change.key, change.seq);
        }
        std::optional<QByteArray> bytes = contents.contains(sha) ? std::optional<QByteArray>(contents.value(sha)) : std::nullopt;
        if (!bytes) {
            Result<std::optional<QByteArray>> content = Replica::content(m_db, QByteArray::fromHex(sha.toLatin1()));
            if (!content)
                return content.error();
            bytes = *content;
        }
        if (!bytes && m_lazy) {
            const qint64 size = change.data.value(QStringLiteral("size")).toInteger();
            if (Result<void> written = m_writer.writeAbsent(change.key, QByteArray::fromHex(sha.toLatin1()), size, mode, versionOf(change)); !written)
                return written;
            ++m_s.report.received;
            return SyncState::setBase(m_db, m_s.link.projectId, kFiles, change.key, Base{.seq = change.seq, .sha256 = sha, .data = {}});
        }
        if (!bytes)
            return Error::failed(QCoreApplication::translate("Realm::SyncClient", "The content of %1 did not arrive; sync again.").arg(change.key));
        bool inFolder = true;
        if (m_folder) {
            // The folder first: should this group not commit, the folder
            // holds what the server has, and a refresh finds it unchanged.
            Result<bool> written = m_folder->write(change.key, stored, *bytes, mode);
            if (!written)
                return written.error();
            inFolder = *written;
            if (inFolder)
                if (Result<void> took = Projects::FolderBaseline::tookPull(m_db, m_s.link.projectId, change.key); !took)
                    return took;
        }
        if (Result<void> written = m_writer.write(change.key, *bytes, mode, versionOf(change)); !written)
            return written;
        ++m_s.report.received;
        // Edited in the folder since: the base stays where the edit was
        // made, so the refresh sends it to be merged with this change (and
        // should the server keep both, the pull comes back for this one).
        if (!inFolder)
            return SyncState::recordSkipped(m_db, m_s.link.projectId, kFiles, change.key, change.seq);
        return SyncState::setBase(m_db, m_s.link.projectId, kFiles, change.key, Base{.seq = change.seq, .sha256 = sha, .data = {}});
    }

    // After the last group of a restarted pull.
    Result<void> finishReset()
    {
        const QString projectId = m_s.link.projectId;
        Result<QStringList> unseen = SyncState::unseenKeys(m_db, projectId, kFiles);
        if (!unseen)
            return unseen.error();
        for (const QString &path : std::as_const(*unseen)) {
            if (Result<void> removed = SyncState::removeBase(m_db, projectId, kFiles, path); !removed)
                return removed;
            Result<bool> pending = isPending(kFiles, path);
            if (!pending)
                return pending.error();
            if (*pending)
                continue;
            // Expired: the server deleted it long ago. Restored: it lacks it.
            if (m_reset == ChangePage::Reset::Expired) {
                if (Result<bool> removed = remove(path); !removed)
                    return removed.error();
            } else if (Result<void> again = sendAgain(path); !again) {
                return again;
            }
        }
        if (m_reset == ChangePage::Reset::Expired)
            if (Result<void> removed = removeNeverTaken(); !removed)
                return removed;
        // Rows (conversations, documents) are never deleted by a pull: a
        // removal travels in their data. After a restore, what the server
        // lacks is sent again.
        for (const RowModule &module : rowModules()) {
            Result<QList<Storage::RowRef>> rows = module.rows(m_db, projectId);
            if (!rows)
                return rows.error();
            QHash<QString, QSet<QString>> known;
            for (const Storage::RowRef &row : std::as_const(*rows)) {
                if (!known.contains(row.first)) {
                    Result<QStringList> unseenRows = SyncState::unseenKeys(m_db, projectId, row.first);
                    Result<QSet<QString>> keys = SyncState::baseKeys(m_db, projectId, row.first);
                    if (!unseenRows || !keys)
                        return unseenRows ? keys.error() : unseenRows.error();
                    for (const QString &key : std::as_const(*unseenRows))
                        if (Result<void> removed = SyncState::removeBase(m_db, projectId, row.first, key); !removed)
                            return removed;
                    known.insert(row.first, *keys - QSet<QString>(unseenRows->cbegin(), unseenRows->cend()));
                }
                if (m_reset == ChangePage::Reset::Epoch && !known.value(row.first).contains(row.second))
                    if (Result<void> again = Storage::recordChange(m_db, row.first, row.second); !again)
                        return again;
            }
        }
        if (m_reset == ChangePage::Reset::Epoch) {
            // Local files the restored server never had.
            Result<QList<Replica::FileState>> live = Replica::liveFiles(m_db, projectId);
            Result<QSet<QString>> known = SyncState::baseKeys(m_db, projectId, kFiles);
            if (!live || !known)
                return live ? known.error() : live.error();
            for (const Replica::FileState &file : std::as_const(*live))
                if (!known->contains(file.path))
                    if (Result<void> again = Replica::markFilePending(m_db, projectId, file.path); !again)
                        return again;
        }
        return {};
    }

    bool isValidWriter() const { return m_writer.isValid(); }
    void addToVersion(QString *versionId) { m_writer.addToVersion(versionId); }
    void acceptVersions(const QSet<QString> *versionIds) { m_writer.acceptVersions(versionIds); }
    // Whether this group brought a teammate's version.
    bool receivedVersion() const { return m_receivedVersion; }
    Result<void> finish() { return m_writer.finish(); }

private:
    Result<QByteArray> storedContent(const QString &path)
    {
        Result<std::optional<Replica::FileState>> stored = Replica::liveFile(m_db, m_s.link.projectId, path);
        if (!stored)
            return stored.error();
        return *stored ? (*stored)->sha256 : QByteArray();
    }

    // Whether the folder (if any) is without the file now.
    Result<bool> remove(const QString &path, const QString &version = {})
    {
        bool gone = true;
        if (m_folder) {
            Result<QByteArray> stored = storedContent(path);
            if (!stored)
                return stored.error();
            if (!stored->isEmpty()) {
                Result<bool> removed = m_folder->remove(path, *stored);
                if (!removed)
                    return removed.error();
                gone = *removed;
                if (gone)
                    if (Result<void> took = Projects::FolderBaseline::tookPull(m_db, m_s.link.projectId, path); !took)
                        return took.error();
            }
        }
        if (Result<void> removed = m_writer.remove(path, version); !removed)
            return removed.error();
        return gone;
    }

    // After an expired list: a file the server never took from this copy
    // (sent, and kept there as a conflict copy, but the pull that would
    // have brought the server's version failed) that the list did not
    // bring either. The server deleted it long ago; the copy holds what
    // was written here. What waits to be sent, or waits for a change
    // passed by, stays.
    Result<void> removeNeverTaken()
    {
        const QString projectId = m_s.link.projectId;
        Result<QList<Replica::FileState>> live = Replica::liveFiles(m_db, projectId);
        if (!live)
            return live.error();
        Result<QSet<QString>> known = SyncState::baseKeys(m_db, projectId, kFiles);
        if (!known)
            return known.error();
        Result<QSet<QString>> skipped = SyncState::skippedKeys(m_db, projectId, kFiles);
        if (!skipped)
            return skipped.error();
        for (const Replica::FileState &file : std::as_const(*live)) {
            if (known->contains(file.path) || skipped->contains(file.path))
                continue;
            Result<bool> pending = isPending(kFiles, file.path);
            if (!pending)
                return pending.error();
            if (*pending)
                continue;
            if (Result<bool> removed = remove(file.path); !removed)
                return removed.error();
        }
        return {};
    }

    Result<bool> isPending(const QString &table, const QString &key)
    {
        if (m_outboxKeys.contains(itemKey(table, key)))
            return true;
        if (table == kFiles)
            return Replica::filePending(m_db, m_s.link.projectId, key);
        if (rowModuleFor(table))
            return Storage::hasChange(m_db, table, key);
        // A refresh writes the project's row without changing what syncs.
        Result<std::optional<QJsonObject>> info = infoToSend(m_db, m_s.link.projectId);
        return info ? Result<bool>(info->has_value()) : Result<bool>(info.error());
    }

    // Keeps this machine's file and sends it again as new; `seq` is the
    // server's version passed by (should the server keep that one, the
    // next pull comes back for it).
    Result<void> sendAgain(const QString &path, qint64 seq = 0)
    {
        if (Result<void> removed = SyncState::removeBase(m_db, m_s.link.projectId, kFiles, path); !removed)
            return removed;
        Result<std::optional<Replica::FileState>> here = Replica::liveFile(m_db, m_s.link.projectId, path);
        if (!here || !*here)
            return here ? Result<void>() : Result<void>(here.error()); // nothing here to send
        // A content never downloaded here cannot be sent: the file stays as
        // it is, for the server to send again if it has it.
        Result<bool> held = Replica::hasContent(m_db, (*here)->sha256);
        if (!held || !*held)
            return held ? Result<void>() : Result<void>(held.error());
        if (seq > 0)
            if (Result<void> skipped = SyncState::recordSkipped(m_db, m_s.link.projectId, kFiles, path, seq); !skipped)
                return skipped;
        return Replica::markFilePending(m_db, m_s.link.projectId, path);
    }

    Result<void> applyRow(const RowModule &module, const Change &change)
    {
        const QString projectId = m_s.link.projectId;
        const Storage::RowRef row{change.table, change.key};
        Result<bool> pending = isPending(change.table, change.key);
        if (!pending)
            return pending.error();
        if (*pending && !m_outboxKeys.contains(itemKey(change.table, change.key))) {
            // A write that changed nothing that syncs (the profile a
            // conversation uses here, say) is no change to wait for.
            Result<std::optional<Base>> base = SyncState::base(m_db, projectId, change.table, change.key);
            Result<std::optional<QJsonObject>> here = module.itemData(m_s.db, projectId, row);
            if (!base || !here)
                return base ? here.error() : base.error();
            if (*base && *here && itemHash(change.table, **here) == (*base)->sha256)
                *pending = false;
        }
        if (*pending)
            return SyncState::recordSkipped(m_db, projectId, change.table, change.key, change.seq);
        const QString hash = itemHash(change.table, change.data);
        if (m_reset == ChangePage::Reset::Epoch) {
            // A server restored from an older backup may send an older
            // version of a row here: this one is kept, and the fields in
            // which it differs are sent again (the server merges them into
            // whatever teammates changed since the restore).
            Result<std::optional<QJsonObject>> here = module.itemData(m_s.db, projectId, row);
            if (!here)
                return here.error();
            if (*here && itemHash(change.table, **here) != hash) {
                if (Result<void> based = SyncState::setBase(m_db, projectId, change.table, change.key, Base{.seq = 0, .sha256 = hash, .data = change.data}); !based)
                    return based;
                if (Result<void> skipped = SyncState::recordSkipped(m_db, projectId, change.table, change.key, change.seq); !skipped)
                    return skipped;
                return Storage::recordChange(m_db, change.table, change.key);
            }
        }
        const bool isVersion = change.table == QLatin1String(Sync::Tables::kVersions);
        Result<bool> had = isVersion ? Projects::ProjectHistory::has(m_db, projectId, change.key) : Result<bool>(true);
        if (!had)
            return had.error();
        if (Result<void> applied = module.apply(m_db, projectId, change.table, change.key, change.data, change.deleted); !applied)
            return applied;
        if (isVersion && !*had) {
            // A teammate's version: this pull records its changes in it.
            Result<bool> added = Projects::ProjectHistory::has(m_db, projectId, change.key);
            if (!added)
                return added.error();
            if (*added) {
                m_s.receivedVersions.insert(change.key);
                m_receivedVersion = true;
            }
        }
        if (!module.recordsChanges)
            ++m_s.report.received;
        return SyncState::setBase(m_db, projectId, change.table, change.key, Base{.seq = change.seq, .sha256 = hash, .data = change.data});
    }

    Result<void> applyInfo(const Change &change)
    {
        Result<bool> pending = isPending(kProject, kProject);
        if (!pending)
            return pending.error();
        if (*pending)
            return SyncState::recordSkipped(m_db, m_s.link.projectId, kProject, kProject, change.seq);
        if (!change.deleted) {
            Replica::Info info;
            info.description = change.data.value(QStringLiteral("description")).toString();
            for (const QJsonValue &tag : change.data.value(QStringLiteral("tags")).toArray())
                info.tags.append(tag.toString());
            if (Result<void> set = Replica::setInfo(m_db, m_s.link.projectId, info); !set)
                return set;
        }
        ++m_s.report.received;
        return SyncState::setBase(m_db, m_s.link.projectId, kProject, kProject, Base{.seq = change.seq, .sha256 = itemHash(kProject, change.data), .data = {}});
    }

    Session &m_s;
    Storage::Handle m_db;
    const QSet<QString> &m_outboxKeys;
    ChangePage::Reset m_reset;
    Replica::Writer m_writer;
    std::optional<Projects::SourceFolder> m_folder;
    bool m_lazy = false; // contents not downloaded are written absent
    bool m_receivedVersion = false;
};

// One group of changes and the cursor after it, in one transaction.
Result<void> applyGroup(Session &s, const QList<Change> &group, const Sync::Cursor &cursor, bool startsReset, bool last,
                        const QSet<QString> &keys)
{
    Storage::Handle db = s.db->handle();
    Result<std::optional<Projects::SourceFolder>> folder = Projects::SourceFolder::takingPullsOf(db, s.link.projectId);
    if (!folder)
        return folder.error();
    // A folder that is gone (an unmounted disk) would take every change for
    // an edit made there: better to wait for it.
    if (*folder && !(*folder)->exists())
        return Error::io(QCoreApplication::translate("Realm::SyncClient", "The folder of this project, %1, is missing: reconnect it (or move it back) and sync again.")
                             .arg((*folder)->root()));
    // Contents wait until they are needed, but for a folder that takes the
    // pulls: it needs the bytes now.
    const bool lazy = s.link.contents == Link::Contents::Lazy && !*folder;
    Result<QHash<QString, QByteArray>> contents = lazy ? QHash<QString, QByteArray>() : download(s, group);
    if (!contents)
        return contents.error();
    Storage::Transaction transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (startsReset) {
        if (Result<void> marked = SyncState::markBasesUnseen(db, s.link.projectId); !marked)
            return marked;
        // After a restore the old seqs mean nothing: what is sent from now
        // on is merged on its content.
        if (s.link.reset == ChangePage::Reset::Epoch)
            if (Result<void> forgotten = SyncState::forgetBaseSeqs(db, s.link.projectId); !forgotten)
                return forgotten;
    }
    // A clone from before pulls were versions starts its history with
    // every file it holds, before this group changes any.
    if (Result<void> baseline = Projects::ProjectHistory::recordBaseline(db, s.link.projectId); !baseline)
        return baseline;
    GroupApplier applier(s, db, keys, s.link.reset, *folder, lazy);
    if (!applier.isValidWriter())
        return Error::database(QCoreApplication::translate("Realm::SyncClient", "Cannot open the workspace for writing."));
    // One version of its own for the pull (taken on only once this group
    // commits), and the teammates' versions it brings.
    QString versionId = s.pulledVersionId;
    applier.addToVersion(&versionId);
    applier.acceptVersions(&s.receivedVersions);
    for (const Change &change : group)
        if (Result<void> applied = applier.apply(change, *contents); !applied)
            return applied;
    // After a teammate's version, what is ours goes into a new one: replayed
    // in order, the history ends at what this copy has.
    if (applier.receivedVersion())
        versionId.clear();
    if (last && s.link.reset != ChangePage::Reset::None) {
        if (Result<void> finished = applier.finishReset(); !finished)
            return finished;
        s.link.reset = ChangePage::Reset::None;
    }
    if (Result<void> finished = applier.finish(); !finished)
        return finished;
    s.link.cursor = cursor.toText();
    if (Result<void> saved = SyncState::saveLink(db, s.link); !saved)
        return saved;
    if (Result<void> committed = transaction.commit(QCoreApplication::translate("Realm::SyncClient", "Cannot save the server's changes")); !committed)
        return committed;
    s.pulledVersionId = versionId;
    return {};
}

} // namespace

namespace {

// The changes listed and not applied yet, applied in groups, each committed
// with the cursor after it: a page's changes, with those of earlier pages
// that were waiting for a row still to come.
class PagePlan final {
public:
    explicit PagePlan(Session &s) : m_s(s)
    {
        const std::optional<Sync::Cursor> start = Sync::Cursor::fromText(s.link.cursor);
        m_fromSeq = start ? start->seq : 0;
        m_fromStart = !start || start->epoch.isEmpty();
    }

    void take(const ChangePage &page)
    {
        if (page.reset != ChangePage::Reset::None) {
            // Said on the first page of a restart only; a restart in the
            // middle starts the whole list again.
            m_listed.clear();
            m_startsReset = true;
            m_fromStart = true;
            m_pageReset = page.reset;
            m_fromSeq = 0;
        }
        m_listed.append(page.changes);
        m_cursor = page.cursor;
        m_lastSeq = page.lastSeq;
    }

    const QList<Change> &listed() const { return m_listed; }
    // The reset this list goes through: a restart the server began, unless
    // a restore's did not finish (it stays one: nothing is deleted), or
    // the one an earlier pull began and this one resumes.
    ChangePage::Reset reset() const
    {
        if (m_startsReset && m_s.link.reset != ChangePage::Reset::Epoch)
            return m_pageReset;
        return m_s.link.reset;
    }
    // A restart that groups applied before this list was taken: what they
    // listed is behind the cursor. (Within one pull an expired restart is
    // listed whole before its first group, so that is an earlier pull's.)
    bool resumesReset() const { return !m_startsReset && m_s.link.reset != ChangePage::Reset::None; }
    // How to ask for the next page. A list this pull began at the start (a
    // first pull, a restart) goes on from the start: its cursors may be
    // older than the deletes the server forgot. A resumed one follows the
    // log, so the server restarts it if a delete it listed was forgotten
    // meanwhile (it would never learn of it).
    ChangePage::Listing listing() const { return m_fromStart ? ChangePage::Listing::FromStart : ChangePage::Listing::Following; }
    // After the last page taken.
    const Sync::Cursor &cursor() const { return m_cursor; }

    // Applies what is listed: all of it when `final`, else what needs no
    // row that may still come (a reply whose message is on a later page).
    Result<void> apply(const QSet<QString> &outboxKeys, bool final)
    {
        if (m_startsReset)
            m_s.link.reset = reset();
        QList<Change> ready = dependenciesFirst(m_listed);
        QList<Change> waiting;
        if (!final) {
            Result<void> split = holdBack(ready, waiting);
            if (!split)
                return split;
        }
        // What a group's cursor may say: every change before the next
        // unapplied one (the least seq of those left, waiting ones too).
        qint64 leastWaiting = std::numeric_limits<qint64>::max();
        for (const Change &change : std::as_const(waiting))
            leastWaiting = qMin(leastWaiting, change.seq);
        QList<qint64> leastSeqFrom(ready.size() + 1, leastWaiting);
        for (qsizetype i = ready.size() - 1; i >= 0; --i)
            leastSeqFrom[i] = qMin(leastSeqFrom.at(i + 1), ready.at(i).seq);
        qsizetype from = 0;
        do {
            if (m_s.cancelled())
                return Error::cancelled();
            qsizetype to = from;
            qint64 bytes = 0;
            while (to < ready.size() && to - from < kChangesPerGroup && bytes < kBytesPerGroup) {
                bytes += ready.at(to).data.value(QStringLiteral("size")).toInteger();
                ++to;
            }
            const bool pageDone = to >= ready.size() && waiting.isEmpty();
            const Sync::Cursor cursor = pageDone ? m_cursor : Sync::Cursor{m_cursor.epoch, leastSeqFrom.at(to) - 1};
            if (Result<void> applied = applyGroup(m_s, ready.mid(from, to - from), cursor, m_startsReset, final && pageDone, outboxKeys); !applied)
                return applied;
            m_startsReset = false;
            m_applied += to - from;
            from = to;
            sayApplied(cursor.seq);
        } while (from < ready.size());
        m_listed = waiting;
        return {};
    }

private:
    // Moves to `waiting` the changes that refer to a row neither here nor
    // listed before them, and those that refer to a waiting one. (A file
    // never waits: a change of a version this copy lacks goes into the
    // pull's own.)
    Result<void> holdBack(QList<Change> &ready, QList<Change> &waiting) const
    {
        QSet<QString> listed;
        for (const Change &change : std::as_const(ready))
            listed.insert(itemKey(change.table, change.key));
        QSet<QString> held;
        QList<Change> kept;
        for (const Change &change : std::as_const(ready)) {
            bool waits = false;
            for (const Storage::RowRef &ref : isFile(change) ? QList<Storage::RowRef>() : referencesOf(change)) {
                const QString key = itemKey(ref.first, ref.second);
                if (held.contains(key)) {
                    waits = true;
                } else if (!listed.contains(key)) {
                    const RowModule *module = rowModuleFor(ref.first);
                    Result<std::optional<QJsonObject>> here = module ? module->itemData(m_s.db, m_s.link.projectId, ref) : std::optional<QJsonObject>(QJsonObject());
                    if (!here)
                        return here.error();
                    waits = !here->has_value();
                }
                if (waits)
                    break;
            }
            if (waits) {
                held.insert(itemKey(change.table, change.key));
                waiting.append(change);
            } else {
                kept.append(change);
            }
        }
        ready = kept;
        return {};
    }

    // How far through the server's list this pull is, when it said how long.
    void sayApplied(qint64 seq) const
    {
        const double fraction = m_lastSeq > m_fromSeq ? qBound(0.0, double(seq - m_fromSeq) / double(m_lastSeq - m_fromSeq), 1.0) : -1.0;
        m_s.say(fraction, QCoreApplication::translate("Realm::SyncClient", "Applied %n change(s)", nullptr, int(m_applied)));
    }

    Session &m_s;
    QList<Change> m_listed;
    Sync::Cursor m_cursor;
    ChangePage::Reset m_pageReset = ChangePage::Reset::None;
    bool m_startsReset = false;
    bool m_fromStart = false;
    qint64 m_fromSeq = 0;
    qint64 m_lastSeq = 0;
    qint64 m_applied = 0;
};

} // namespace

// Page by page: each page is applied (in groups, each committed with the
// cursor after it) before the next is asked for, so a pull of any size
// holds about a page and shows progress from the start.
Result<void> pull(Session &s, const SyncOptions &options)
{
    Result<QSet<QString>> keys = outboxKeys(s.db->handle(), s.link.projectId);
    if (!keys)
        return keys.error();
    PagePlan plan(s);
    QString cursor = s.link.cursor;
    for (;;) {
        Result<ChangePage> page = fetchPage(s, cursor, plan.listing());
        if (!page)
            return page.error();
        plan.take(*page);
        // A pull that deletes is counted before anything is deleted: the
        // rest of the list first (from its start again if the server
        // restarts it meanwhile).
        bool more = page->hasMore;
        while (more && mayMassDelete(plan.listed(), plan.reset(), options)) {
            s.say(-1, QCoreApplication::translate("Realm::SyncClient", "Received %n change(s)", nullptr, int(plan.listed().size())));
            Result<ChangePage> next = fetchPage(s, plan.cursor().toText(), plan.listing());
            if (!next)
                return next.error();
            plan.take(*next);
            more = next->hasMore;
        }
        if (Result<void> checked = checkMassDelete(s, plan.listed(), plan.reset(), plan.resumesReset(), options, *keys); !checked)
            return checked;
        if (Result<void> applied = plan.apply(*keys, !more); !applied)
            return applied;
        if (!more)
            return {};
        cursor = plan.cursor().toText();
    }
}

} // namespace Realm::SyncClient::Detail

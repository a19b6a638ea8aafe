// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "storage/database.h"
#include "sync/transport.h"
#include "syncclient/syncstate.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace Realm::Projects {
struct Project;
}

namespace Realm::SyncClient::Detail {
struct Session;
}

namespace Realm::SyncClient {

struct SyncOptions {
    // A pull that would delete more than half of a project's files stops
    // unless this is set (a server emptied by mistake deletes nothing here).
    bool allowMassDelete = false;
    // …or when it would delete no more than this many: the number a person
    // was shown and agreed to (more since is asked about again).
    qint64 deletesAllowed = 0;
};

// What a fetch of no named file downloads: the contents the project's
// live files lack (to export them as an archive, document them), or its
// history's too (a Git export of every version).
enum class FetchReach { LiveFiles, WithHistory };

// What one sync of one project did.
struct SyncReport {
    QString projectId;
    QString projectName;
    QString server;
    QString serverProjectId;
    Link::State state = Link::State::Shared;
    qint64 sent = 0;     // local changes the server answered
    qint64 received = 0; // the server's changes applied here
    qint64 uploadedBytes = 0;
    qint64 downloadedBytes = 0;
    qint64 fetched = 0;  // contents a fetch() downloaded
    QStringList conflicts; // conflict copies this sync's changes became (paths)
    // Files kept here because the server cannot take their path (not NFC,
    // too long, control characters): rename them.
    QStringList notSent;
    // Rows kept here because no push can carry them (over 8 MiB as JSON: a
    // message with huge context, say), as "table id".
    QStringList tooLarge;
    // Files the server's changes would have deleted here, held back by the
    // mass-delete check (with `error`): sync again allowing it, or keep them.
    qint64 deletesHeld = 0;
    qint64 pending = 0;    // local changes still waiting to be sent
    QString cursor;
    QString error; // set when this project's sync failed (the others went on)
    Error::Code errorCode = Error::Code::Failed; // with `error`

    QJsonObject toJson() const;
};

// Syncs local projects with their server projects through a Transport, on
// the calling thread (never a UI thread): first what changed here (file
// contents uploaded, then the changes numbered and pushed, answered once
// however often they are retried), then what changed there (pulled page by
// page, each applied with its cursor in one local transaction). A local
// change is never overwritten by a pull: it is sent, and the server merges
// it or keeps both sides.
class ProjectSyncer final {
public:
    using Progress = std::function<void(double fraction, const QString &text)>;

    ProjectSyncer(Storage::DatabasePtr db, Sync::Transport *transport, const CancellationToken *cancel = nullptr, Progress progress = {});

    Result<SyncReport> sync(const QString &projectId, const SyncOptions &options = {});
    // What the last sync() did, as far as it went; when it failed, why
    // (`error`) and what waits on the user (`deletesHeld`).
    const SyncReport &lastReport() const { return m_lastReport; }
    // Makes a project on the server in `org` (name or id) from a local one
    // and sends all of it. `server` is the transport's server, as stored.
    Result<SyncReport> share(const QString &projectId, const QString &server, const QString &org);
    // A local copy of a server project, named `localName` (else as there).
    // With a `checkout` folder (new or empty) the files are written there
    // too, and it becomes the project's source: a refresh picks up what is
    // edited there, and pulls keep it in step. `contents` Lazy leaves the
    // files' contents on the server until they are needed (not with a
    // checkout folder, which needs them all).
    Result<SyncReport> clone(const QString &server, const QString &serverProjectId, const QString &localName, const QString &checkout = {},
                             Link::Contents contents = Link::Contents::Eager);

    // Downloads the contents of the project's files at `paths` not
    // downloaded here (a project whose contents wait until they are
    // needed); when empty, every content its live files lack, and with
    // WithHistory its history's too (a Git export of the history needs
    // them). What it downloaded stays should it fail or be cancelled.
    Result<SyncReport> fetch(const QString &projectId, const QStringList &paths = {}, FetchReach reach = FetchReach::WithHistory);

    // Local changes of a linked project not yet sent (waiting, or refused
    // to a viewer). The versions of its history travel with the changes
    // they record and count as none, unless asked for (what a push sends).
    enum class Counting { Changes, WithHistory };
    static Result<qint64> pendingChanges(Storage::Handle db, const QString &projectId, Counting counting = Counting::Changes);

private:
    // What push, pull and fetch share, its report naming the project.
    Detail::Session sessionFor(const Link &link, const Projects::Project &project) const;
    // Takes the project's sync lock, then syncLocked().
    Result<SyncReport> lockAndSync(const QString &projectId, const SyncOptions &options);
    // A sync, its caller holding the project's sync lock.
    Result<SyncReport> syncLocked(const Projects::Project &project, const SyncOptions &options);

    Storage::DatabasePtr m_db;
    Sync::Transport *m_transport;
    const CancellationToken *m_cancel;
    Progress m_progress;
    SyncReport m_lastReport;
};

} // namespace Realm::SyncClient

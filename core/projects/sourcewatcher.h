// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "projects/importoptions.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <chrono>

namespace Realm::Projects {

class WatchWorker;

// Tells which of a project's paths changed in its folder on disk, so that a
// refresh reads just those (ProjectImporter::refreshProject with onlyPaths).
//
// Most editors save a file in place, and a watch on its folder does not see
// that: only a watch on the file itself does. So the project's folders are
// watched (for what is created, removed or renamed in them) and, while the
// system's budget of watches allows, each of its files too; beyond that
// budget only the folders, and watching() says so. Setting tens of
// thousands of watches takes a while, so they are set on a thread of the
// watcher's own, where the reports are put together too: one after a quiet
// moment, naming every path that changed since the last.
class SourceWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceWatcher)
public:
    struct Limits {
        // At most this many watches, folders and files together. 0: a quarter
        // of the system's (fs.inotify.max_user_watches), at most 50,000 —
        // other programs (editors, sync clients) need theirs.
        qsizetype maxWatches = 0;
        // A report waits until nothing has changed for quietPeriod, but no
        // longer than maxDelay after the first change it names.
        std::chrono::milliseconds quietPeriod{250};
        std::chrono::milliseconds maxDelay{2000};
    };

    explicit SourceWatcher(QObject *parent = nullptr) : SourceWatcher(Limits{}, parent) {}
    explicit SourceWatcher(Limits limits, QObject *parent = nullptr);
    ~SourceWatcher() override;

    // Watches `folder` and the project's `files` in it (paths relative to
    // it). A folder made later is watched at once (a file saved there is
    // seen before any refresh); a file made later once watch() is called
    // again with it among the project's files. Called again with the same
    // folder, it adds and drops only the watches that differ — a folder
    // with nothing of the project in it (build output the import leaves
    // out) is let go of, one still empty is kept; with another folder, it
    // starts over. What an import with `options` leaves out of the folder
    // (its excludes, what git ignores there: build output, dependencies)
    // is neither watched nor reported — but a file of the project there
    // (shared by a teammate) is reported when it goes.
    void watch(const QString &folder, const QStringList &files, const ImportOptions &options = {});
    void stop();

    // The budget `maxWatches = 0` stands for on this system.
    static qsizetype systemBudget();

    // Where the watching stands once the watches for a folder are set.
    struct State {
        QString folder;
        qsizetype folders = 0;      // watched
        qsizetype files = 0;        // watched: none when the project has more than the budget allows
        qsizetype projectFiles = 0; // named by watch()
        qsizetype missing = 0;      // of those, not in the folder now
        qsizetype budget = 0;

        bool filesLeftOut() const { return files == 0 && projectFiles > 0; }
    };

signals:
    // The watches for a folder are set. Without the files' own watches a
    // file written in place goes unseen until the next whole refresh.
    void watching(const Realm::Projects::SourceWatcher::State &state);
    // Paths relative to `folder` that changed on disk: files written,
    // created or removed, and folders created or removed (a refresh of a
    // folder reads all of it). `files`: those of them that are files on
    // disk now (written or made; reading them deletes nothing).
    // `projectFilesGone`: how many of the project's files the paths took
    // away — all of them when the folder itself is gone — for a caller to
    // think twice before a refresh deletes them.
    void changed(const QString &folder, const QStringList &paths, const QStringList &files, qsizetype projectFilesGone);

private:
    QThread m_thread;
    WatchWorker *m_worker; // lives on m_thread, deleted when it ends
};

} // namespace Realm::Projects

// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/sourcewatcher.h"

#include "projects/pathsafety.h"
#include "projects/sourcefilter.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace Realm::Projects {

namespace {

// What a folder's listing says of one entry: enough to tell that it was
// created, removed, replaced or written.
struct Stamp {
    bool folder = false;
    qint64 size = 0;
    qint64 modifiedMs = 0;

    bool operator==(const Stamp &) const = default;
};
using Listing = QHash<QString, Stamp>; // entry name → stamp

Listing listingOf(const QString &absoluteFolder)
{
    Listing listing;
    const QFileInfoList entries = QDir(absoluteFolder).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        // A folder's own time changes with every entry made or removed in
        // it, which its own watch reports: it counts only made or removed.
        if (entry.isDir() && !entry.isSymLink()) // a link is never followed, as an import does not
            listing.insert(entry.fileName(), {true, 0, 0});
        else
            listing.insert(entry.fileName(), {false, entry.size(), entry.lastModified().toMSecsSinceEpoch()});
    }
    return listing;
}

QString childOf(const QString &relativeFolder, const QString &name)
{
    return relativeFolder.isEmpty() ? name : relativeFolder + QLatin1Char('/') + name;
}

QString parentOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : relativePath.left(slash);
}

} // namespace

// Everything the watcher does, on its own thread: every member runs there.
class WatchWorker final : public QObject {
public:
    WatchWorker(SourceWatcher *owner, SourceWatcher::Limits limits) : m_owner(owner), m_limits(limits) {}

    void setUp()
    {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) { fileChanged(path); });
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this](const QString &path) { folderChanged(path); });
        m_quiet = new QTimer(this);
        m_quiet->setSingleShot(true);
        connect(m_quiet, &QTimer::timeout, this, [this] { report(); });
    }

    void watch(const QString &folder, const QStringList &files, const ImportOptions &options)
    {
        const QString root = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
        const bool anew = root != m_root;
        if (anew) {
            stop();
            m_root = root;
        }
        // Read again each time: the options or a .gitignore may have changed.
        m_filter = std::make_unique<SourceFilter>(root, options);
        m_projectFiles = QSet<QString>(files.cbegin(), files.cend());
        QSet<QString> folders{QString()};
        for (const QString &file : files) {
            for (QString dir = parentOf(file); !dir.isEmpty() && !folders.contains(dir); dir = parentOf(dir))
                folders.insert(dir);
        }
        m_projectFolders = folders;
        // A folder made since with nothing of the project in it (build
        // output, a dependency cache) is let go of once the refresh has left
        // it out; one still empty stays, for the file that may come.
        QStringList droppedFolders;
        for (auto it = m_listings.begin(); it != m_listings.end();) {
            if (folders.contains(it.key()) || it->isEmpty()) {
                ++it;
            } else {
                droppedFolders << absolute(it.key());
                it = m_listings.erase(it);
            }
        }
        if (!droppedFolders.isEmpty())
            m_watcher->removePaths(droppedFolders);
        m_budget = m_limits.maxWatches > 0 ? m_limits.maxWatches : SourceWatcher::systemBudget();
        m_withFiles = qsizetype(QSet<QString>(folders).unite(QSet<QString>(m_listings.keyBegin(), m_listings.keyEnd())).size()) + files.size() <= m_budget;
        const QSet<QString> wantedFiles = m_withFiles ? m_projectFiles : QSet<QString>();

        QStringList dropped;
        for (auto it = m_files.begin(); it != m_files.end();) {
            if (wantedFiles.contains(*it)) {
                ++it;
            } else {
                dropped << absolute(*it);
                it = m_files.erase(it);
            }
        }
        if (!dropped.isEmpty())
            m_watcher->removePaths(dropped);

        QStringList added;
        for (const QString &dir : std::as_const(folders)) {
            if (m_listings.contains(dir))
                continue;
            const Listing listing = listingOf(absolute(dir));
            m_listings.insert(dir, listing);
            added << absolute(dir);
            // Made since the refresh that brought the folder read it:
            // what the project does not have of it yet is reported.
            if (!anew)
                for (auto it = listing.cbegin(); it != listing.cend(); ++it)
                    if (const QString path = childOf(dir, it.key()); it->folder ? !folders.contains(path) : !m_projectFiles.contains(path))
                        note(path);
        }
        for (const QString &file : wantedFiles)
            if (!m_files.contains(file))
                added << absolute(file); // (Qt counts one it has already as failed)
        const QStringList failed = added.isEmpty() ? QStringList() : m_watcher->addPaths(added);
        m_files = wantedFiles;
        // Gone meanwhile (its folder's watch sees it come back), or the
        // system's watches ran out: not watched, and not counted so.
        for (const QString &path : failed) {
            const QString relativePath = relative(path);
            if (!m_files.remove(relativePath))
                m_listings.remove(relativePath);
        }

        qsizetype missing = 0; // of the project's files, not in the folder now
        for (const QString &file : files) {
            const auto listing = m_listings.constFind(parentOf(file));
            if (listing == m_listings.cend() || !listing->contains(file.mid(file.lastIndexOf(QLatin1Char('/')) + 1)))
                ++missing;
        }
        const SourceWatcher::State state{root, m_listings.size(), m_files.size(), files.size(), missing, m_budget};
        QMetaObject::invokeMethod(m_owner, [owner = m_owner, state] { emit owner->watching(state); });
    }

    void stop()
    {
        const QStringList watched = m_watcher->files() + m_watcher->directories();
        if (!watched.isEmpty())
            m_watcher->removePaths(watched);
        m_listings.clear();
        m_files.clear();
        m_projectFiles.clear();
        m_pending.clear();
        m_quiet->stop();
        m_root.clear();
        m_filter.reset();
    }

private:
    QString absolute(const QString &relative) const { return relative.isEmpty() ? m_root : m_root + QLatin1Char('/') + relative; }
    QString relative(const QString &absolutePath) const
    {
        return absolutePath == m_root ? QString() : absolutePath.mid(m_root.size() + 1);
    }

    void fileChanged(const QString &absolutePath)
    {
        const QString path = relative(absolutePath);
        if (!m_files.contains(path))
            return;
        note(path);
        // Saved by writing a new file and renaming it over the old one (as
        // many editors do), the watch went with the old file: watch anew.
        // Gone for now, its folder's listing brings it back (folderChanged).
        m_watcher->removePath(absolutePath);
        if (!QFileInfo(absolutePath).isFile() || !m_watcher->addPath(absolutePath))
            m_files.remove(path);
    }

    void folderChanged(const QString &absolutePath)
    {
        const QString folder = relative(absolutePath);
        const auto found = m_listings.find(folder);
        if (found == m_listings.end())
            return;
        if (!QFileInfo(absolutePath).isDir()) {
            // Gone with everything in it, or a file in its place (its
            // parent's watch says so too). The project's own folder gone:
            // what was in it is, which report() counts as all of it.
            if (!folder.isEmpty())
                note(folder);
            else
                for (auto it = found->cbegin(); it != found->cend(); ++it)
                    note(it.key());
            forgetFolder(folder);
            return;
        }
        // Removed and made again before this ran: its old watch went with it.
        if (!m_watcher->directories().contains(absolutePath))
            m_watcher->addPath(absolutePath);
        const Listing before = *found;
        const Listing now = listingOf(absolutePath);
        *found = now;
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            const auto old = before.constFind(it.key());
            // A file of the project whose watch went (it was away for a
            // moment) is watched again when its folder shows it.
            if (!it->folder && !m_files.contains(childOf(folder, it.key())))
                watchNew(childOf(folder, it.key()), false);
            if (old != before.cend() && *old == *it)
                continue;
            const QString path = childOf(folder, it.key());
            note(path);
            if (old != before.cend() && old->folder != it->folder)
                forget(path, old->folder);
            if (old == before.cend() || old->folder != it->folder)
                watchNew(path, it->folder);
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (now.contains(it.key()))
                continue;
            const QString path = childOf(folder, it.key());
            note(path);
            forget(path, it->folder);
        }
    }

    // A folder made in a watched one is watched at once, with what it
    // holds: `mkdir src/new` and, a while later, a file saved there. A
    // file is watched again when it is one of the project's (it was away
    // for a moment: a backup rename, a checkout).
    void watchNew(const QString &path, bool folder)
    {
        if (m_listings.size() + m_files.size() >= m_budget || !normalizeEntryPath(path)) // not git's own folder
            return;
        if (!folder) {
            if (m_withFiles && m_projectFiles.contains(path) && !m_files.contains(path) && m_watcher->addPath(absolute(path)))
                m_files.insert(path);
            return;
        }
        if (m_listings.contains(path) || (m_filter && m_filter->leavesOut(path, true)) || !m_watcher->addPath(absolute(path)))
            return;
        const Listing listing = listingOf(absolute(path));
        m_listings.insert(path, listing);
        for (auto it = listing.cbegin(); it != listing.cend(); ++it)
            watchNew(childOf(path, it.key()), it->folder);
    }

    void forget(const QString &path, bool folder)
    {
        if (folder) {
            forgetFolder(path);
        } else if (m_files.remove(path)) {
            m_watcher->removePath(absolute(path));
        }
    }

    // Lets go of a folder gone (or moved: its watches would follow it
    // under its old name) and of everything watched in it.
    void forgetFolder(const QString &folder)
    {
        const QString prefix = folder.isEmpty() ? QString() : folder + QLatin1Char('/');
        QStringList watched;
        for (auto it = m_listings.begin(); it != m_listings.end();) {
            if (it.key() == folder || it.key().startsWith(prefix)) {
                watched << absolute(it.key());
                it = m_listings.erase(it);
            } else {
                ++it;
            }
        }
        for (auto it = m_files.begin(); it != m_files.end();) {
            if (it->startsWith(prefix)) {
                watched << absolute(*it);
                it = m_files.erase(it);
            } else {
                ++it;
            }
        }
        if (!watched.isEmpty())
            m_watcher->removePaths(watched);
    }

    void note(const QString &path)
    {
        if (m_pending.isEmpty())
            m_firstPending.start();
        m_pending.insert(path);
        const auto waited = std::chrono::milliseconds(m_firstPending.elapsed());
        m_quiet->start(std::clamp(m_limits.maxDelay - waited, std::chrono::milliseconds(0), m_limits.quietPeriod));
    }

    void report()
    {
        if (m_pending.isEmpty())
            return;
        QStringList paths;
        QStringList files;
        QSet<QString> gone; // of the project's files
        for (const QString &path : std::as_const(m_pending)) {
            // What no project may hold (git's own folder, a name with a
            // control character) is no change of the project.
            if (Result<QString> normalized = normalizeEntryPath(path); !normalized || *normalized != path)
                continue;
            const QFileInfo info(absolute(path));
            const qsizetype goneBefore = gone.size();
            if (!info.exists()) {
                if (m_projectFiles.contains(path)) {
                    gone.insert(path);
                } else if (m_projectFolders.contains(path)) {
                    const QString prefix = path + QLatin1Char('/');
                    for (const QString &file : std::as_const(m_projectFiles))
                        if (file.startsWith(prefix))
                            gone.insert(file);
                }
            }
            // What the import leaves out is no change of the project (a
            // refresh would not read it) — unless it takes away files the
            // project has all the same (shared from a teammate's build
            // folder, say): that deletion counts.
            if (gone.size() == goneBefore && m_filter && m_filter->leavesOut(path, info.isDir()))
                continue;
            paths << path;
            if (info.isFile())
                files << path;
        }
        m_pending.clear();
        if (paths.isEmpty())
            return;
        paths.sort();
        files.sort();
        const qsizetype goneCount = QFileInfo(m_root).isDir() ? gone.size() : m_projectFiles.size();
        QMetaObject::invokeMethod(m_owner, [owner = m_owner, root = m_root, paths, files, goneCount] {
            emit owner->changed(root, paths, files, goneCount);
        });
    }

    SourceWatcher *m_owner;
    SourceWatcher::Limits m_limits;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_quiet = nullptr;
    QString m_root;
    qsizetype m_budget = 0;
    bool m_withFiles = false;
    QSet<QString> m_projectFiles;       // as the last watch() named them
    QSet<QString> m_projectFolders;     // the folders they are in
    std::unique_ptr<SourceFilter> m_filter; // what the import leaves out
    QHash<QString, Listing> m_listings; // watched folders (relative; "" the root) and what is in them
    QSet<QString> m_files;              // watched files
    QSet<QString> m_pending;            // changed since the last report
    QElapsedTimer m_firstPending;
};

SourceWatcher::SourceWatcher(Limits limits, QObject *parent)
    : QObject(parent)
    , m_worker(new WatchWorker(this, limits))
{
    m_thread.setObjectName(QStringLiteral("SourceWatcher"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->setUp(); });
}

SourceWatcher::~SourceWatcher()
{
    m_thread.quit();
    m_thread.wait();
}

void SourceWatcher::watch(const QString &folder, const QStringList &files, const ImportOptions &options)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, folder, files, options] { worker->watch(folder, files, options); });
}

void SourceWatcher::stop()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->stop(); });
}

qsizetype SourceWatcher::systemBudget()
{
    QFile limit(QStringLiteral("/proc/sys/fs/inotify/max_user_watches"));
    bool ok = false;
    const qsizetype system = limit.open(QIODevice::ReadOnly) ? limit.readAll().trimmed().toLongLong(&ok) : 0;
    return ok && system > 0 ? std::min<qsizetype>(system / 4, 50'000) : 8'000;
}

} // namespace Realm::Projects

// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/sourcewatcher.h"

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
        if (entry.isDir())
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

    void watch(const QString &folder, const QStringList &files)
    {
        const QString root = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
        if (root != m_root) {
            stop();
            m_root = root;
        }
        QSet<QString> folders{QString()};
        for (const QString &file : files) {
            for (QString dir = parentOf(file); !dir.isEmpty() && !folders.contains(dir); dir = parentOf(dir))
                folders.insert(dir);
        }
        const qsizetype budget = m_limits.maxWatches > 0 ? m_limits.maxWatches : SourceWatcher::systemBudget();
        const bool withFiles = folders.size() + files.size() <= budget;
        const QSet<QString> wantedFiles = withFiles ? QSet<QString>(files.cbegin(), files.cend()) : QSet<QString>();

        QStringList dropped;
        for (const QString &file : std::as_const(m_files))
            if (!wantedFiles.contains(file))
                dropped << absolute(file);
        for (auto it = m_listings.begin(); it != m_listings.end();) {
            if (folders.contains(it.key())) {
                ++it;
                continue;
            }
            dropped << absolute(it.key());
            it = m_listings.erase(it);
        }
        if (!dropped.isEmpty())
            m_watcher->removePaths(dropped);

        QStringList added;
        for (const QString &dir : std::as_const(folders)) {
            if (m_listings.contains(dir))
                continue;
            m_listings.insert(dir, listingOf(absolute(dir)));
            added << absolute(dir);
        }
        for (const QString &file : wantedFiles)
            if (!m_files.contains(file))
                added << absolute(file);
        m_files = wantedFiles;
        if (!added.isEmpty())
            m_watcher->addPaths(added); // what is gone meanwhile fails quietly; its folder's watch sees it come back

        const qsizetype watchedFiles = m_files.size();
        const qsizetype watchedFolders = m_listings.size();
        QMetaObject::invokeMethod(m_owner, [owner = m_owner, root, watchedFolders, watchedFiles, budget] {
            emit owner->watching(root, watchedFolders, watchedFiles, budget);
        });
    }

    void stop()
    {
        const QStringList watched = m_watcher->files() + m_watcher->directories();
        if (!watched.isEmpty())
            m_watcher->removePaths(watched);
        m_listings.clear();
        m_files.clear();
        m_pending.clear();
        m_quiet->stop();
        m_root.clear();
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
        m_watcher->removePath(absolutePath);
        if (!QFileInfo::exists(absolutePath) || !m_watcher->addPath(absolutePath))
            m_files.remove(path);
    }

    void folderChanged(const QString &absolutePath)
    {
        const QString folder = relative(absolutePath);
        const auto found = m_listings.find(folder);
        if (found == m_listings.end())
            return;
        const Listing before = *found;
        const Listing now = listingOf(absolutePath);
        *found = now;
        if (now.isEmpty() && !QFileInfo::exists(absolutePath)) {
            // Gone with everything in it (its parent's watch says so too).
            // The project's own folder gone is for the next refresh to say.
            if (!folder.isEmpty())
                note(folder);
            forgetFolder(folder);
            return;
        }
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            const auto old = before.constFind(it.key());
            if (old != before.cend() && *old == *it)
                continue;
            note(childOf(folder, it.key()));
        }
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            if (now.contains(it.key()))
                continue;
            const QString path = childOf(folder, it.key());
            note(path);
            if (it->folder)
                forgetFolder(path);
        }
    }

    void forgetFolder(const QString &folder)
    {
        if (folder.isEmpty()) {
            m_listings.clear();
            m_files.clear();
            return;
        }
        const QString prefix = folder + QLatin1Char('/');
        for (auto it = m_listings.begin(); it != m_listings.end();)
            it = it.key() == folder || it.key().startsWith(prefix) ? m_listings.erase(it) : std::next(it);
        for (auto it = m_files.begin(); it != m_files.end();)
            it = it->startsWith(prefix) ? m_files.erase(it) : std::next(it);
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
        QStringList paths(m_pending.cbegin(), m_pending.cend());
        paths.sort();
        m_pending.clear();
        QMetaObject::invokeMethod(m_owner, [owner = m_owner, root = m_root, paths] { emit owner->changed(root, paths); });
    }

    SourceWatcher *m_owner;
    SourceWatcher::Limits m_limits;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_quiet = nullptr;
    QString m_root;
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

void SourceWatcher::watch(const QString &folder, const QStringList &files)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, folder, files] { worker->watch(folder, files); });
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectimporter.h"

#include "common/clock.h"
#include "common/ids.h"
#include "projects/blobstore.h"
#include "projects/filewriter.h"
#include "projects/folderbaseline.h"
#include "projects/foldersource.h"
#include "projects/importsource.h"
#include "projects/language.h"
#include "projects/pathsafety.h"
#include "projects/pathscope.h"
#include "projects/projecthistory.h"
#include "projects/projectstore.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLockFile>

#include <algorithm>


namespace Realm::Projects {

namespace {
Q_LOGGING_CATEGORY(lcProjects, "realm.projects", QtInfoMsg)
}

using Storage::Statement;

namespace {

// What a refresh compares a path of the source with. Normally the project's
// file; for a folder left as it is when the team's changes arrive, what the
// folder held when last read, beside the project's own file there (which may
// be a teammate's newer one, or one the folder never had).
struct ExistingFile {
    QString id; // the project's live file at the path; empty: none
    QByteArray sha256; // compared with; empty: nothing there
    int mode = 0644;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    qint64 checkedAtMs = 0; // when the file was last looked at on disk
    QByteArray projectSha256;
    int projectMode = 0644;
    qint64 projectSize = 0;
    bool inFolder = true; // read from the source the last time
    std::optional<QByteArray> madeOn; // see FolderBaseline::Entry

    // Gone from the source: the project's file goes too, unless it is not
    // what the source had (a teammate's edit beats this delete).
    bool goesWhenGone() const { return inFolder && !id.isEmpty() && projectSha256 == sha256; }
};

// A file modified less than this before REALM read it may have changed
// again within the file system's timestamp granularity ("racy git"): such
// files are always re-read.
constexpr qint64 kRacyWindowNs = 2'000'000'000;

QString collisionWarning(const QString &earlier)
{
    return QCoreApplication::translate("Realm::Projects", "differs from %1 only in case or Unicode form: both are kept, but they "
                                                          "would collide on a case-insensitive file system").arg(earlier);
}

// The sink every source writes into: checks paths and limits, hashes and
// classifies each file, and hands it to the writer.
class ImportSession final : public ImportSink {
public:
    ImportSession(const ImportOptions &options, FileWriter &writer, const CancellationToken *cancel,
                  const ProjectImporter::ProgressCallback &progress, QHash<QString, ExistingFile> existing,
                  ImportProgress outside = {}, bool keptFolder = false)
        : m_options(options)
        , m_limits(options.limits)
        , m_writer(writer)
        , m_cancel(cancel)
        , m_progressCallback(progress)
        , m_existing(std::move(existing))
        , m_outside(outside)
        , m_keptFolder(keptFolder)
    {
        m_limits.maxFileBytes = qMin(m_limits.maxFileBytes, ImportLimits::kLargestStorableFile);
        m_clock.start();
    }

    Result<void> addFile(SourceFile file) override
    {
        if (isCancelled())
            return Error::cancelled();
        Result<QString> path = normalizeEntryPath(file.path);
        if (!path) {
            refuse(file.path, path.error().message);
            return {};
        }
        if (m_paths.contains(*path)) {
            reject(*path, QCoreApplication::translate("Realm::Projects", "duplicate entry (the first one was kept)"));
            return {};
        }
        m_paths.insert(*path);
        if (const QString earlier = m_collisions.add(*path); !earlier.isEmpty())
            m_warnings.append({*path, collisionWarning(earlier)});
        const ImportLimits &limits = m_limits;
        if (file.content.size() > limits.maxFileBytes) {
            skip(*path, QCoreApplication::translate("Realm::Projects", "larger than the per-file limit (%1)").arg(formatBytes(limits.maxFileBytes)));
            return {};
        }
        if (m_outside.files + m_progress.files + 1 > limits.maxFiles)
            return Error{Error::Code::LimitExceeded,
                         QCoreApplication::translate("Realm::Projects", "The source has more than %1 files, the import limit. Nothing was imported. "
                                                                        "Exclude generated folders, or raise the limit (--max-files).").arg(limits.maxFiles)};
        if (m_outside.bytes + m_progress.bytes + file.content.size() > limits.maxTotalBytes)
            return Error{Error::Code::LimitExceeded,
                         QCoreApplication::translate("Realm::Projects", "The source holds more than %1, the total import limit (stopped at %2). Nothing was imported. "
                                                                        "Raise the limit (--max-total-size) if this is expected.")
                             .arg(formatBytes(limits.maxTotalBytes), *path)};

        m_progress.files += 1;
        m_progress.bytes += file.content.size();
        m_progress.currentPath = *path;
        reportProgress(false);

        PreparedFile prepared;
        prepared.sha256 = BlobStore::sha256(file.content);
        prepared.mode = file.mode;
        prepared.mtimeNs = file.mtimeNs;
        prepared.checkedAtMs = file.checkedAtMs;
        const auto existing = m_existing.constFind(*path);
        if (existing != m_existing.cend()) {
            m_seen.insert(*path);
            if (existing->inFolder && existing->sha256 == prepared.sha256 && existing->mode == prepared.mode) {
                ++m_unchanged;
                // Same contents: remember the new mtime anyway, so the next
                // refresh can skip reading the file.
                if (file.mtimeNs != 0) {
                    if (m_keptFolder)
                        m_folderRead.append({*path, {existing->sha256, existing->mode, existing->size, file.mtimeNs, file.checkedAtMs, existing->madeOn}});
                    else
                        m_touched.append({existing->id, {file.mtimeNs, file.checkedAtMs}});
                }
                return {};
            }
            if (m_keptFolder) {
                // Made on what the project has, or on what the folder had
                // while the project got a teammate's change (sync then has
                // the server merge the two).
                const QByteArray before = existing->inFolder ? existing->sha256 : QByteArray();
                const std::optional<QByteArray> madeOn = existing->projectSha256 == before ? existing->madeOn : std::optional<QByteArray>(before);
                if (!existing->id.isEmpty() && existing->projectSha256 == prepared.sha256 && existing->projectMode == prepared.mode) {
                    // The project has it already: in step again.
                    m_folderRead.append({*path, {prepared.sha256, prepared.mode, file.content.size(), file.mtimeNs, file.checkedAtMs, std::nullopt}});
                    ++m_unchanged;
                    return {};
                }
                m_folderRead.append({*path, {prepared.sha256, prepared.mode, file.content.size(), file.mtimeNs, file.checkedAtMs, madeOn}});
            }
            prepared.existingFileId = existing->id;
            ++(existing->id.isEmpty() ? m_added : m_changed);
        } else {
            if (m_keptFolder)
                m_folderRead.append({*path, {prepared.sha256, prepared.mode, file.content.size(), file.mtimeNs, file.checkedAtMs, std::nullopt}});
            ++m_added;
        }
        prepared.encoding = detectEncoding(file.content);
        prepared.language = detectLanguage(*path, QByteArrayView(file.content).first(qMin<qsizetype>(file.content.size(), 256)));
        prepared.utf8Text = textAsUtf8(file.content, prepared.encoding);
        prepared.path = *path;
        prepared.content = std::move(file.content);
        m_written.append({*path, prepared.sha256, prepared.mode});
        return m_writer.push(std::move(prepared));
    }

    bool skipIfUnchanged(const QString &rawPath, qint64 size, int mode, qint64 mtimeNs) override
    {
        Result<QString> path = normalizeEntryPath(rawPath);
        if (!path || m_paths.contains(*path))
            return false;
        const auto existing = m_existing.constFind(*path);
        if (existing == m_existing.cend() || !existing->inFolder || existing->mtimeNs == 0 || existing->mtimeNs != mtimeNs
            || existing->size != size || existing->mode != mode
            || mtimeNs > existing->checkedAtMs * 1'000'000 - kRacyWindowNs)
            return false;
        m_paths.insert(*path);
        if (const QString earlier = m_collisions.add(*path); !earlier.isEmpty())
            m_warnings.append({*path, collisionWarning(earlier)});
        m_seen.insert(*path);
        ++m_unchanged;
        m_progress.files += 1;
        m_progress.bytes += size;
        m_progress.currentPath = *path;
        reportProgress(false);
        return true;
    }

    void skip(const QString &path, const QString &reason) override
    {
        m_skipped.append({path, reason});
        ++m_progress.skipped;
    }

    void reject(const QString &path, const QString &reason) override
    {
        m_rejected.append({path, reason});
        ++m_progress.rejected;
        // In a refresh, what could not be read this time (a locked file, a
        // folder without permission) is kept as it was, not deleted.
        if (!m_existing.isEmpty()) {
            const QString folder = path + QLatin1Char('/');
            for (auto it = m_existing.cbegin(); it != m_existing.cend(); ++it) {
                if (it.key() == path || it.key().startsWith(folder))
                    m_seen.insert(it.key());
            }
        }
    }

    void refuse(const QString &path, const QString &reason) override
    {
        m_rejected.append({path, reason});
        ++m_progress.rejected;
    }

    void reading(const QString &path) override
    {
        m_progress.currentPath = path;
        reportProgress(true);
    }

    bool isCancelled() const override { return m_cancel && m_cancel->isCancelled(); }
    const ImportLimits &limits() const override { return m_limits; }

    void reportProgress(bool force)
    {
        if (!m_progressCallback || (!force && m_clock.elapsed() < m_lastReport + 50))
            return;
        m_lastReport = m_clock.elapsed();
        m_progressCallback(m_progress);
    }

    // What this import or refresh changed, for the project's history:
    // files written (added or changed) and paths gone.
    QList<VersionChange> changes() const
    {
        QList<VersionChange> list = m_written;
        for (auto it = m_existing.cbegin(); it != m_existing.cend(); ++it) {
            if (!m_seen.contains(it.key()) && it->goesWhenGone())
                list.append({it.key(), QByteArray(), it->projectMode});
        }
        return list;
    }

    QStringList removedFileIds() const
    {
        QStringList ids;
        for (auto it = m_existing.cbegin(); it != m_existing.cend(); ++it) {
            if (!m_seen.contains(it.key()) && it->goesWhenGone())
                ids << it->id;
        }
        return ids;
    }

    // A folder kept as it is: what was read from it (new, changed, or
    // unchanged with a new time), and the paths it no longer has, with what
    // their last change there was made on.
    const QList<QPair<QString, FolderBaseline::Entry>> &folderRead() const { return m_folderRead; }
    QList<QPair<QString, std::optional<QByteArray>>> goneFromFolder() const
    {
        QList<QPair<QString, std::optional<QByteArray>>> gone;
        for (auto it = m_existing.cbegin(); it != m_existing.cend(); ++it) {
            if (!m_seen.contains(it.key()) && it->inFolder)
                gone.append({it.key(), it->madeOn});
        }
        return gone;
    }

    // Unchanged files whose modification time moved (touched, checked out
    // again): file id and the new time.
    QList<QPair<QString, QPair<qint64, qint64>>> touchedFiles() const { return m_touched; }

    // Whether a refresh of `path` met anything there: a file read, left out
    // or held by the project (at `path` or under it).
    bool metAnything(const QString &path) const
    {
        const QString folder = path + QLatin1Char('/');
        const auto at = [&](const QString &candidate) { return candidate == path || candidate.startsWith(folder); };
        const auto atIssue = [&](const ImportIssue &issue) { return at(issue.path) || issue.path == folder; };
        return std::any_of(m_paths.cbegin(), m_paths.cend(), at) || std::any_of(m_existing.keyBegin(), m_existing.keyEnd(), at)
               || std::any_of(m_skipped.cbegin(), m_skipped.cend(), atIssue) || std::any_of(m_rejected.cbegin(), m_rejected.cend(), atIssue);
    }

    void fillReport(ImportReport &report) const
    {
        report.added = m_added;
        report.changed = m_changed;
        report.unchanged = m_unchanged;
        report.skipped = m_skipped;
        report.rejected = m_rejected;
        report.warnings = m_warnings;
    }

private:
    const ImportOptions &m_options;
    ImportLimits m_limits;
    FileWriter &m_writer;
    const CancellationToken *m_cancel;
    const ProjectImporter::ProgressCallback &m_progressCallback;
    QHash<QString, ExistingFile> m_existing;
    const ImportProgress m_outside; // a refresh of some paths: the files left as they are
    const bool m_keptFolder;
    QList<QPair<QString, FolderBaseline::Entry>> m_folderRead;
    QSet<QString> m_seen;
    QSet<QString> m_paths;
    PathCollisionDetector m_collisions;
    ImportProgress m_progress;
    QElapsedTimer m_clock;
    qint64 m_lastReport = -1000;
    qint64 m_added = 0, m_changed = 0, m_unchanged = 0;
    QList<ImportIssue> m_skipped, m_rejected, m_warnings;
    QList<QPair<QString, QPair<qint64, qint64>>> m_touched;
    QList<VersionChange> m_written;
};

// Sets the project's totals and source; runs inside the writer's last
// transaction. Fails — and so rolls everything back — when the project is no
// longer what this import or refresh started from (trashed or purged
// meanwhile by another window or process).
Result<void> finalizeProject(Storage::Handle db, const QString &projectId, const ProjectSource &source, bool isRefresh)
{
    Statement q(db, "UPDATE projects SET state = 'ready', source_kind = ?2, source_location = ?3, source_ref = ?4, "
                    "source_commit = ?5, "
                    "file_count = (SELECT count(*) FROM files WHERE project_id = ?1 AND deleted_at IS NULL), "
                    "total_bytes = (SELECT coalesce(sum(size), 0) FROM files WHERE project_id = ?1 AND deleted_at IS NULL), "
                    "updated_at = ?6, revision = revision + ?7 "
                    "WHERE id = ?1 AND ((?7 = 0 AND state = 'importing') OR (?7 = 1 AND state = 'ready' AND deleted_at IS NULL))");
    q.bind(1, projectId);
    q.bind(2, sourceKindName(source.kind));
    q.bind(3, source.location);
    q.bind(4, source.ref);
    q.bind(5, source.commit);
    q.bind(6, Clock::nowMs());
    q.bind(7, qint64(isRefresh ? 1 : 0));
    if (Result<void> r = q.exec(QCoreApplication::translate("Realm::Projects", "Cannot finish the project")); !r)
        return r;
    if (q.changes() != 1)
        return Error::failed(isRefresh ? QCoreApplication::translate("Realm::Projects", "The project was moved to the trash or removed while it was "
                                                                                        "being refreshed; nothing was changed.")
                                       : QCoreApplication::translate("Realm::Projects", "The project was moved to the trash or removed while it was "
                                                                                        "being imported; nothing was changed."));
    return {};
}

// The report of a finished import or refresh, with the project as it now is.
Result<ImportReport> withProject(const ProjectStore &store, const QString &projectId, ImportReport report)
{
    Result<Project> project = store.find(projectId);
    if (!project)
        return project.error();
    report.project = *project;
    report.files = project->fileCount;
    report.bytes = project->totalBytes;
    return report;
}

Result<void> discardImport(const Storage::DatabasePtr &db, const QString &projectId)
{
    Storage::Transaction transaction(db->handle());
    if (!transaction.isActive())
        return transaction.error();
    Storage::Statement q(db->handle(), "DELETE FROM projects WHERE id = ? AND state = 'importing'");
    if (Result<void> r = q.bindAll(projectId).exec(QCoreApplication::translate("Realm::Projects", "Cannot remove the failed import")); !r)
        return r;
    if (Result<qint64> r = BlobStore::collectGarbage(db->handle()); !r)
        return r.error();
    return transaction.commit();
}

// The project's files a refresh looks at: all of them, or those at or under
// the paths of `scope`.
Result<QHash<QString, ExistingFile>> existingFiles(Storage::Handle db, const QString &projectId, const QStringList &scope)
{
    QHash<QString, ExistingFile> existing;
    Result<void> read = forEachRowUnder(
        db,
        QStringLiteral("SELECT id, path, blob_sha256, mode, size, coalesce(source_mtime_ns, 0), coalesce(source_checked_ms, 0) "
                       "FROM files WHERE project_id = ?1 AND deleted_at IS NULL"),
        projectId, scope,
        [&existing](const Statement &q) {
            ExistingFile file;
            file.id = q.columnText(0);
            file.sha256 = file.projectSha256 = q.columnBlob(2);
            file.mode = file.projectMode = int(q.columnInt(3));
            file.size = file.projectSize = q.columnInt(4);
            file.mtimeNs = q.columnInt(5);
            file.checkedAtMs = q.columnInt(6);
            existing.insert(q.columnText(1), file);
        },
        QCoreApplication::translate("Realm::Projects", "Cannot read the project's files"));
    if (!read)
        return read.error();
    return existing;
}

// The same for a folder kept as it is: each path the folder held when last
// read or the project holds, compared with what the folder held.
Result<QHash<QString, ExistingFile>> keptFolderFiles(Storage::Handle db, const QString &projectId, const QStringList &scope)
{
    Result<QHash<QString, ExistingFile>> existing = existingFiles(db, projectId, scope);
    Result<QHash<QString, FolderBaseline::Entry>> held = FolderBaseline::entries(db, projectId, scope);
    if (!existing || !held)
        return existing ? held.error() : existing.error();
    for (ExistingFile &file : *existing) {
        file.sha256.clear();
        file.mtimeNs = 0;
        file.inFolder = false;
    }
    for (auto it = held->cbegin(); it != held->cend(); ++it) {
        ExistingFile &file = (*existing)[it.key()];
        file.madeOn = it->madeOn;
        if (it->sha256.isEmpty()) {
            file.inFolder = false; // gone from the folder, its delete not sent yet
            continue;
        }
        file.sha256 = it->sha256;
        file.mode = it->mode;
        file.size = it->size;
        file.mtimeNs = it->mtimeNs;
        file.checkedAtMs = it->checkedAtMs;
        file.inFolder = true;
    }
    return existing;
}

// The paths a refresh of some files reads, relative to the project's folder
// and normalized; empty for the whole project.
Result<QStringList> scopeOfRefresh(const Project &project, const QStringList &given)
{
    if (given.isEmpty())
        return QStringList();
    if (project.source.kind != ProjectSource::Kind::Folder)
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "Only a project imported from a folder can refresh single files "
                                                                                  "and folders; refresh all of \"%1\" instead.").arg(project.name));
    const QString root = QDir::cleanPath(project.source.location);
    const QString canonicalRoot = QDir(root).canonicalPath();
    QStringList scope;
    for (const QString &raw : given) {
        QString relative = raw;
        if (QDir::isAbsolutePath(raw)) {
            // The folder may be named through a symlink either way.
            const QString path = QDir::cleanPath(raw);
            const QString canonicalParent = QFileInfo(QFileInfo(path).absolutePath()).canonicalFilePath();
            const QString canonical = canonicalParent.isEmpty() ? QString() : canonicalParent + QLatin1Char('/') + QFileInfo(path).fileName();
            if (path == root || canonical == canonicalRoot || path == canonicalRoot)
                return QStringList();
            if (path.startsWith(root + QLatin1Char('/')))
                relative = path.mid(root.size() + 1);
            else if (!canonicalRoot.isEmpty() && canonical.startsWith(canonicalRoot + QLatin1Char('/')))
                relative = canonical.mid(canonicalRoot.size() + 1);
            else
                return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "%1 is not inside %2, the folder of \"%3\".")
                                               .arg(raw, root, project.name));
        }
        if (QDir::cleanPath(relative) == QLatin1String("."))
            return QStringList();
        Result<QString> normalized = normalizeEntryPath(relative);
        if (!normalized)
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "Cannot refresh %1: %2").arg(raw, normalized.error().message));
        scope.append(*normalized);
    }
    return scope;
}

} // namespace

Result<ImportReport> ProjectImporter::importProject(const QString &location, const ImportOptions &options)
{
    Result<std::unique_ptr<ImportSource>> created = createImportSource(location, options);
    if (!created)
        return created.error();
    ImportSource &source = **created;

    Error invalid;
    const QString name = ProjectStore::validateName(options.name.isEmpty() ? source.suggestedName() : options.name, &invalid);
    if (!invalid.message.isEmpty())
        return invalid;
    ProjectStore store(m_db);
    if (store.find(name).ok())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "A project named \"%1\" already exists. Choose another name (--name) or refresh that project.").arg(name));

    const QString projectId = newId();
    QDir().mkpath(QFileInfo(importLockPath(m_db->path(), projectId)).absolutePath());
    QLockFile lock(importLockPath(m_db->path(), projectId));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0))
        return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot create the import lock %1 next to the workspace. Check the folder's permissions.")
                             .arg(importLockPath(m_db->path(), projectId)));
    {
        const qint64 now = Clock::nowMs();
        Storage::Statement q(m_db->handle(), "INSERT INTO projects (id, name, state, created_at, updated_at) VALUES (?, ?, 'importing', ?, ?)");
        if (Result<void> r = q.bindAll(projectId, name, now, now).exec(QCoreApplication::translate("Realm::Projects", "Cannot start the import")); !r) {
            if (q.isUniqueViolation())
                return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "A project named \"%1\" already exists (or is being imported). Choose another name (--name).").arg(name));
            return r.error();
        }
    }

    ImportReport report;
    Result<void> outcome;
    {
        FileWriter writer(m_db, projectId, FileWriter::Mode::Batched);
        ImportSession session(options, writer, m_cancel, m_progress, {});
        outcome = source.readInto(session);
        if (outcome) {
            session.reportProgress(true);
            const ProjectSource description = source.description();
            outcome = writer.finish([&](Storage::Handle db) -> Result<void> {
                if (Result<void> r = finalizeProject(db, projectId, description, false); !r)
                    return r;
                return ProjectHistory::recordImport(db, projectId, description.commit);
            });
        } else {
            writer.abort();
        }
        session.fillReport(report);
    }
    if (!outcome) {
        if (Result<void> discarded = discardImport(m_db, projectId); !discarded)
            qCWarning(lcProjects, "%s (the next start removes it)", qUtf8Printable(discarded.error().message));
    }
    lock.unlock();
    QDir().rmdir(QFileInfo(importLockPath(m_db->path(), projectId)).absolutePath()); // only if no other import uses it
    if (!outcome)
        return outcome.error();
    return withProject(store, projectId, std::move(report));
}

Result<ImportReport> ProjectImporter::refreshProject(const QString &projectId, const ImportOptions &options,
                                                     const QStringList &onlyPaths)
{
    ProjectStore store(m_db);
    Result<Project> before = store.find(projectId);
    if (!before)
        return before.error();
    Result<QStringList> scope = scopeOfRefresh(*before, onlyPaths);
    if (!scope)
        return scope.error();
    Result<std::unique_ptr<ImportSource>> created = createImportSource(before->source, options);
    if (!created)
        return created.error();
    ImportSource &source = **created;
    if (!scope->isEmpty())
        static_cast<FolderSource &>(source).readOnly(*scope);

    Result<bool> takesPulls = FolderBaseline::folderTakesPulls(m_db->handle(), projectId);
    if (!takesPulls)
        return takesPulls.error();
    const bool keptFolder = before->source.kind == ProjectSource::Kind::Folder && !*takesPulls;
    Result<QHash<QString, ExistingFile>> found = keptFolder ? keptFolderFiles(m_db->handle(), projectId, *scope)
                                                            : existingFiles(m_db->handle(), projectId, *scope);
    if (!found)
        return found.error();
    const QHash<QString, ExistingFile> &existing = *found;
    // The limits count the whole project: what stays outside the scope too.
    ImportProgress outside{before->fileCount, before->totalBytes, 0, 0, {}};
    for (const ExistingFile &file : existing) {
        if (file.id.isEmpty())
            continue;
        outside.files -= 1;
        outside.bytes -= file.projectSize;
    }

    ImportReport report;
    Result<void> outcome;
    {
        FileWriter writer(m_db, projectId, FileWriter::Mode::SingleTransaction);
        ImportSession session(options, writer, m_cancel, m_progress, existing, outside, keptFolder);
        outcome = source.readInto(session);
        if (outcome) {
            session.reportProgress(true);
            const QStringList removed = session.removedFileIds();
            report.removed = removed.size();
            session.fillReport(report);
            // Paths are the project's, not the shell's: say when one named nothing.
            for (const QString &path : std::as_const(*scope))
                if (!session.metAnything(path))
                    report.warnings.append({path, QCoreApplication::translate("Realm::Projects", "nothing there: neither in %1 (or ignored by git) nor in the project "
                                                                                                  "(paths are relative to the project's folder)")
                                                      .arg(before->source.location)});
            const bool changed = report.added + report.changed + report.removed > 0
                                 || source.description().commit != before->source.commit;
            const ProjectSource description = source.description();
            const QList<QPair<QString, QPair<qint64, qint64>>> touched = session.touchedFiles();
            const QList<VersionChange> changes = session.changes();
            outcome = writer.finish([&](Storage::Handle db) -> Result<void> {
                for (const auto &[path, entry] : session.folderRead())
                    if (Result<void> r = FolderBaseline::record(db, projectId, path, entry); !r)
                        return r;
                if (keptFolder)
                    for (const auto &[path, madeOn] : session.goneFromFolder())
                        if (Result<void> r = FolderBaseline::recordGone(db, projectId, path, madeOn); !r)
                            return r;
                Statement tombstone(db, "UPDATE files SET deleted_at = ?, updated_at = ? WHERE id = ?");
                const qint64 now = Clock::nowMs();
                for (const QString &id : removed) {
                    tombstone.bind(1, now);
                    tombstone.bind(2, now);
                    tombstone.bind(3, id);
                    if (Result<void> r = tombstone.exec(QCoreApplication::translate("Realm::Projects", "Cannot mark a removed file")); !r)
                        return r;
                }
                // Not a change of the project: no revision bump, no updated_at.
                Statement touch(db, "UPDATE files SET source_mtime_ns = ?, source_checked_ms = ? WHERE id = ?");
                for (const auto &[id, times] : touched) {
                    touch.bind(1, times.first);
                    touch.bind(2, times.second);
                    touch.bind(3, id);
                    if (Result<void> r = touch.exec(QCoreApplication::translate("Realm::Projects", "Cannot record a file's modification time")); !r)
                        return r;
                }
                if (report.changed > 0) {
                    // Only what the changed files held may have no user left.
                    QSet<QByteArray> replaced;
                    for (const VersionChange &change : changes)
                        if (const auto was = existing.constFind(change.path); was != existing.cend() && !was->id.isEmpty())
                            replaced.insert(was->projectSha256);
                    if (Result<qint64> r = BlobStore::collectGarbageAmong(db, replaced); !r)
                        return r.error();
                }
                if (!changed)
                    return {};
                if (Result<void> r = finalizeProject(db, projectId, description, true); !r)
                    return r;
                return ProjectHistory::recordRefresh(db, projectId, description.commit, changes,
                                                     {report.added, report.changed, report.removed});
            });
        } else {
            writer.abort();
        }
    }
    if (!outcome)
        return outcome.error();
    return withProject(store, projectId, std::move(report));
}

} // namespace Realm::Projects

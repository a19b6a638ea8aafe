// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/gitsource.h"

#include "projects/gitsupport.h"
#include "projects/pathsafety.h"
#include "projects/textcontent.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <git2.h>

namespace Realm::Projects {

namespace {

template<typename T, void (*Free)(T *)>
struct GitDeleter {
    void operator()(T *p) const { Free(p); }
};
using ObjectPtr = std::unique_ptr<git_object, GitDeleter<git_object, git_object_free>>;
using TreePtr = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using BlobPtr = std::unique_ptr<git_blob, GitDeleter<git_blob, git_blob_free>>;

struct WalkState {
    git_repository *repo = nullptr;
    ImportSink *sink = nullptr;
    Error error;
    bool failed = false;
};

int visitEntry(const char *root, const git_tree_entry *entry, void *payload)
{
    auto *state = static_cast<WalkState *>(payload);
    ImportSink &sink = *state->sink;
    if (sink.isCancelled()) {
        state->error = Error::cancelled();
        state->failed = true;
        return -1;
    }
    const char *name = git_tree_entry_name(entry);
    const QString path = QString::fromUtf8(root) + QString::fromUtf8(name);
    const git_filemode_t mode = git_tree_entry_filemode(entry);
    if (!isValidUtf8(QByteArrayView(name))) {
        // Decoding would change the name; say so instead of storing another one.
        sink.refuse(path, QCoreApplication::translate("Realm::Projects", "the name is not valid UTF-8 (rename it to import it)"));
        return 1; // a positive value skips the entry (and a folder's contents)
    }
    switch (mode) {
    case GIT_FILEMODE_TREE:
        return 0; // descend
    case GIT_FILEMODE_COMMIT:
        sink.skip(path, QCoreApplication::translate("Realm::Projects", "git submodule (not imported)"));
        return 0;
    case GIT_FILEMODE_BLOB:
    case GIT_FILEMODE_BLOB_EXECUTABLE:
    case GIT_FILEMODE_LINK:
        break;
    default:
        sink.skip(path, QCoreApplication::translate("Realm::Projects", "unsupported git entry"));
        return 0;
    }

    git_blob *rawBlob = nullptr;
    if (git_blob_lookup(&rawBlob, state->repo, git_tree_entry_id(entry)) != 0) {
        sink.reject(path, QCoreApplication::translate("Realm::Projects", "object missing from the repository: %1").arg(Git::lastErrorMessage()));
        return 0;
    }
    BlobPtr blob(rawBlob);
    const qint64 size = qint64(git_blob_rawsize(blob.get()));
    const auto *data = static_cast<const char *>(git_blob_rawcontent(blob.get()));

    if (mode == GIT_FILEMODE_LINK) {
        const QString target = QString::fromUtf8(data, qsizetype(size));
        if (symlinkStaysInside(path, target))
            sink.skip(path, QCoreApplication::translate("Realm::Projects", "symlink to %1 (not stored)").arg(target));
        else
            sink.reject(path, QCoreApplication::translate("Realm::Projects", "symlink points outside the project (%1)").arg(target));
        return 0;
    }
    if (size > sink.limits().maxFileBytes) {
        sink.skip(path, QCoreApplication::translate("Realm::Projects", "larger than the per-file limit (%1 > %2)")
                            .arg(formatBytes(size), formatBytes(sink.limits().maxFileBytes)));
        return 0;
    }
    SourceFile file;
    file.path = path;
    file.content = QByteArray(data, qsizetype(size));
    file.mode = mode == GIT_FILEMODE_BLOB_EXECUTABLE ? 0755 : 0644;
    if (Result<void> r = sink.addFile(std::move(file)); !r) {
        state->error = r.error();
        state->failed = true;
        return -1;
    }
    return 0;
}

struct CloneState {
    ImportSink *sink = nullptr;
};

int cloneProgress(const git_indexer_progress *, void *payload)
{
    // Returning non-zero aborts the transfer at once.
    return static_cast<CloneState *>(payload)->sink->isCancelled() ? -1 : 0;
}

} // namespace

GitSource::GitSource(QString location, ImportOptions options)
    : m_location(looksLikeUrl(location) ? location : QFileInfo(location).absoluteFilePath())
    , m_options(std::move(options))
{
}

bool GitSource::looksLikeUrl(const QString &location)
{
    return location.contains(QLatin1String("://")) || (location.contains(QLatin1Char('@')) && location.contains(QLatin1Char(':')) && !QFileInfo::exists(location));
}

bool GitSource::isRepositoryFolder(const QString &path)
{
    const QDir dir(path);
    return dir.exists(QStringLiteral("HEAD")) && dir.exists(QStringLiteral("objects")) && dir.exists(QStringLiteral("refs"));
}

ProjectSource GitSource::description() const
{
    return {ProjectSource::Kind::Git, m_location, m_options.ref, m_commit};
}

QString GitSource::suggestedName() const
{
    QString name = m_location;
    while (name.endsWith(QLatin1Char('/')))
        name.chop(1);
    name = name.section(QLatin1Char('/'), -1).section(QLatin1Char(':'), -1);
    if (name == QLatin1String(".git")) {
        name = m_location.section(QLatin1Char('/'), -2, -2);
    }
    if (name.endsWith(QLatin1String(".git")))
        name.chop(4);
    return name;
}

Result<void> GitSource::readInto(ImportSink &sink)
{
    Git::LibraryScope library;
    git_repository *rawRepo = nullptr;
    QTemporaryDir cloneDir;
    if (looksLikeUrl(m_location)) {
        if (!cloneDir.isValid())
            return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot create a temporary folder to clone %1 into: %2").arg(m_location, cloneDir.errorString()));
        sink.reading(m_location);
        CloneState state{&sink};
        git_clone_options options = GIT_CLONE_OPTIONS_INIT;
        options.bare = 1;
        options.fetch_opts.callbacks.transfer_progress = cloneProgress;
        options.fetch_opts.callbacks.payload = &state;
        if (git_clone(&rawRepo, m_location.toUtf8().constData(), QFile::encodeName(cloneDir.path()).constData(), &options) != 0) {
            if (sink.isCancelled())
                return Error::cancelled();
            return Error::io(QCoreApplication::translate("Realm::Projects", "Cannot clone %1: %2. Check the URL and your network connection.")
                                 .arg(m_location, Git::lastErrorMessage()));
        }
    } else if (git_repository_open_ext(&rawRepo, QFile::encodeName(m_location).constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) {
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "%1 is not a git repository: %2").arg(m_location, Git::lastErrorMessage()));
    }
    Git::RepositoryPtr repo(rawRepo);

    const QString ref = m_options.ref.isEmpty() ? QStringLiteral("HEAD") : m_options.ref;
    git_object *rawObject = nullptr;
    if (git_revparse_single(&rawObject, repo.get(), ref.toUtf8().constData()) != 0) {
        // A remote branch is only known as origin/<name> in a fresh clone.
        const QString remoteRef = QStringLiteral("origin/") + ref;
        if (git_revparse_single(&rawObject, repo.get(), remoteRef.toUtf8().constData()) != 0)
            return Error::notFound(QCoreApplication::translate("Realm::Projects", "The repository %1 has no branch, tag or commit \"%2\": %3")
                                       .arg(m_location, ref, Git::lastErrorMessage()));
    }
    ObjectPtr object(rawObject);
    git_object *rawCommit = nullptr;
    if (git_object_peel(&rawCommit, object.get(), GIT_OBJECT_COMMIT) != 0)
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "\"%1\" in %2 does not name a commit: %3").arg(ref, m_location, Git::lastErrorMessage()));
    ObjectPtr commit(rawCommit);
    char oid[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(oid, sizeof oid, git_object_id(commit.get()));
    m_commit = QString::fromLatin1(oid);

    git_object *rawTree = nullptr;
    if (git_object_peel(&rawTree, commit.get(), GIT_OBJECT_TREE) != 0)
        return Error::failed(QCoreApplication::translate("Realm::Projects", "Cannot read the files of commit %1: %2").arg(m_commit, Git::lastErrorMessage()));
    TreePtr tree(reinterpret_cast<git_tree *>(rawTree));

    WalkState state;
    state.repo = repo.get();
    state.sink = &sink;
    const int rc = git_tree_walk(tree.get(), GIT_TREEWALK_PRE, visitEntry, &state);
    if (state.failed)
        return state.error;
    if (rc != 0)
        return Error::failed(QCoreApplication::translate("Realm::Projects", "Cannot read the files of commit %1: %2").arg(m_commit, Git::lastErrorMessage()));
    return {};
}

} // namespace Realm::Projects

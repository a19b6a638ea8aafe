// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/gitexporter.h"

#include "common/protectedfiles.h"
#include "projects/gitsupport.h"
#include "projects/pathsafety.h"
#include "projects/projecthistory.h"
#include "projects/projectstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <git2.h>

namespace Realm::Projects {

namespace {
template<typename T, void (*Free)(T *)>
struct GitDeleter {
    void operator()(T *p) const { Free(p); }
};
using IndexPtr = std::unique_ptr<git_index, GitDeleter<git_index, git_index_free>>;
using CommitPtr = std::unique_ptr<git_commit, GitDeleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, GitDeleter<git_tree, git_tree_free>>;
using ReferencePtr = std::unique_ptr<git_reference, GitDeleter<git_reference, git_reference_free>>;
using SignaturePtr = std::unique_ptr<git_signature, GitDeleter<git_signature, git_signature_free>>;


Error gitError(const QString &what)
{
    return Error::failed(QCoreApplication::translate("Realm::Projects", "%1: %2").arg(what, Git::lastErrorMessage()));
}

// The version a REALM commit of this project records, or 0.
int exportedVersion(const git_commit *commit, const QString &projectId)
{
    const QString message = QString::fromUtf8(git_commit_message(commit));
    static const QRegularExpression project(QStringLiteral("^Realm-Project: (\\S+)$"), QRegularExpression::MultilineOption);
    static const QRegularExpression version(QStringLiteral("^Realm-Version: (\\d+)$"), QRegularExpression::MultilineOption);
    if (project.match(message).captured(1) != projectId)
        return 0;
    return version.match(message).captured(1).toInt();
}

QString commitMessage(const GitExportOptions &options, const QString &projectName, const QString &projectId, const ProjectVersion &v)
{
    QString head = options.messageTemplate.isEmpty()
                       ? QStringLiteral("{project}: {kind} (version {number})\n\n{added} added, {changed} changed, {removed} removed")
                       : options.messageTemplate;
    head.replace(QLatin1String("{project}"), projectName)
        .replace(QLatin1String("{number}"), QString::number(v.number))
        .replace(QLatin1String("{kind}"), v.kind)
        .replace(QLatin1String("{added}"), QString::number(v.added))
        .replace(QLatin1String("{changed}"), QString::number(v.changed))
        .replace(QLatin1String("{removed}"), QString::number(v.removed))
        .replace(QLatin1String("{commit}"), v.sourceCommit)
        .replace(QLatin1String("{author}"), v.author);
    QString message = head.trimmed() + QStringLiteral("\n\n");
    if (!v.sourceCommit.isEmpty())
        message += QStringLiteral("Realm-Source-Commit: %1\n").arg(v.sourceCommit);
    // A teammate's version of a shared project: who made it.
    if (!v.author.isEmpty())
        message += QStringLiteral("Realm-Author: %1\n").arg(v.author);
    return message + QStringLiteral("Realm-Project: %1\nRealm-Version: %2\n").arg(projectId).arg(v.number);
}

Result<Git::RepositoryPtr> openOrCreate(const QString &path, bool *created)
{
    git_repository *raw = nullptr;
    const QByteArray native = QFile::encodeName(path);
    if (git_repository_open_ext(&raw, native.constData(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) == 0) {
        *created = false;
        return Git::RepositoryPtr(raw);
    }
    const QDir dir(path);
    if (dir.exists() && !dir.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "%1 is a folder with files but not a Git repository; "
                                                                                  "choose an empty or new folder, or a repository.").arg(path));
    if (git_repository_init(&raw, native.constData(), 0) != 0)
        return gitError(QCoreApplication::translate("Realm::Projects", "Cannot create a Git repository in %1").arg(path));
    *created = true;
    return Git::RepositoryPtr(raw);
}
} // namespace

Result<GitExportReport> exportToGit(const Storage::DatabasePtr &db, const QString &projectId, const QString &path,
                                    const GitExportOptions &options, const CancellationToken *cancel,
                                    const std::function<void(int, int)> &progress)
{
    Git::LibraryScope library;
    ProjectStore store(db);
    Result<Project> project = store.find(projectId);
    if (!project)
        return project.error();
    ProjectHistory history(db);
    Result<QList<ProjectVersion>> versions = history.versions(projectId);
    if (!versions)
        return versions.error();
    if (versions->isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The project has no versions to export yet: import or refresh it first."));
    const QByteArray branchRef = "refs/heads/" + options.branch.toUtf8();
    if (!git_reference_is_valid_name(branchRef.constData()))
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "\"%1\" is not a valid Git branch name.").arg(options.branch));

    // Every path is checked before anything is written: git would refuse a
    // ".git" path only halfway, with a message that names no file.
    // Path by path: the first version of a big project holds every file.
    for (const ProjectVersion &v : std::as_const(*versions)) {
        if (Result<void> safe = history.checkWrittenPaths(v.id, checkPathForExport); !safe)
            return safe.error();
    }
    GitExportReport report;
    report.repository = QFileInfo(path).absoluteFilePath();
    if (Result<void> allowed = ProtectedFiles::checkFolderWritable(report.repository); !allowed)
        return allowed.error();
    report.versions = int(versions->size());
    bool created = false;
    Result<Git::RepositoryPtr> repo = openOrCreate(report.repository, &created);
    if (!repo)
        return repo.error();

    // Where the branch stands: REALM's last export of this project, or new.
    CommitPtr parent;
    int exported = 0;
    git_reference *rawRef = nullptr;
    if (git_reference_lookup(&rawRef, repo->get(), branchRef.constData()) == 0) {
        ReferencePtr ref(rawRef);
        git_commit *tip = nullptr;
        if (git_commit_lookup(&tip, repo->get(), git_reference_target(ref.get())) != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "Cannot read the branch's last commit"));
        parent.reset(tip);
        exported = exportedVersion(tip, projectId);
        if (exported == 0 || exported > versions->last().number)
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "The branch %1 in %2 has commits REALM did not make for this project on top; nothing was "
                                          "exported. Export to another branch (--branch) or folder.")
                                           .arg(options.branch, report.repository));
    }

    IndexPtr index;
    {
        git_index *raw = nullptr;
        if (git_index_new(&raw) != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "Cannot prepare the commit"));
        index.reset(raw);
    }
    TreePtr previousTree; // what the work tree shows, if it follows the branch
    if (parent) {
        git_tree *raw = nullptr;
        if (git_commit_tree(&raw, parent.get()) != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "Cannot read the branch's last tree"));
        previousTree.reset(raw);
        if (git_index_read_tree(index.get(), previousTree.get()) != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "Cannot read the branch's last tree"));
    }

    git_signature *rawAuthor = nullptr;
    for (const ProjectVersion &v : std::as_const(*versions)) {
        if (v.number <= exported)
            continue;
        if (cancel && cancel->isCancelled())
            return Error::cancelled(); // commits so far are objects nobody refers to: git gc drops them
        Result<QList<VersionChange>> changes = history.changes(v.id);
        if (!changes)
            return changes.error();
        for (const VersionChange &c : std::as_const(*changes)) {
            const QByteArray gitPath = c.path.toUtf8();
            if (c.isRemoval()) {
                git_index_remove_bypath(index.get(), gitPath.constData());
                continue;
            }
            ProjectFile file;
            file.path = c.path;
            file.sha256 = c.sha256;
            Result<QByteArray> content = store.content(file);
            if (!content)
                return content.error();
            git_index_entry entry{};
            if (git_blob_create_from_buffer(&entry.id, repo->get(), content->constData(), size_t(content->size())) != 0)
                return gitError(QCoreApplication::translate("Realm::Projects", "Cannot write %1 into the repository").arg(c.path));
            entry.mode = (c.mode & 0111) ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
            entry.path = gitPath.constData();
            entry.file_size = uint32_t(qMin<qint64>(content->size(), UINT32_MAX));
            if (git_index_add(index.get(), &entry) != 0)
                return gitError(QCoreApplication::translate("Realm::Projects", "Cannot add %1 to the commit").arg(c.path));
        }
        git_oid treeId;
        if (git_index_write_tree_to(&treeId, index.get(), repo->get()) != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "Cannot write the tree of version %1").arg(v.number));
        git_tree *rawTree = nullptr;
        if (git_tree_lookup(&rawTree, repo->get(), &treeId) != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "Cannot write the tree of version %1").arg(v.number));
        TreePtr tree(rawTree);
        if (git_signature_new(&rawAuthor, options.authorName.toUtf8().constData(), options.authorEmail.toUtf8().constData(),
                              git_time_t(v.createdAt / 1000), 0)
            != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "The author \"%1 <%2>\" cannot sign a commit").arg(options.authorName, options.authorEmail));
        SignaturePtr author(rawAuthor);
        const QByteArray message = commitMessage(options, project->name, projectId, v).toUtf8();
        const git_commit *parents[] = {parent.get()};
        git_oid commitId;
        if (git_commit_create(&commitId, repo->get(), nullptr, author.get(), author.get(), "UTF-8", message.constData(), tree.get(),
                              parent ? 1 : 0, parents)
            != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "Cannot commit version %1").arg(v.number));
        git_commit *next = nullptr;
        if (git_commit_lookup(&next, repo->get(), &commitId) != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "Cannot commit version %1").arg(v.number));
        parent.reset(next);
        ++report.commitsWritten;
        if (progress)
            progress(report.commitsWritten, int(versions->last().number - exported));
    }

    if (report.commitsWritten > 0) {
        git_reference *updated = nullptr;
        if (git_reference_create(&updated, repo->get(), branchRef.constData(), git_commit_id(parent.get()), 1, "realm: export") != 0)
            return gitError(QCoreApplication::translate("Realm::Projects", "Cannot move the branch %1").arg(options.branch));
        git_reference_free(updated);
    }
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, git_commit_id(parent.get()));
    report.head = QString::fromLatin1(hex);

    // A new repository's HEAD names the branch; the work tree follows the
    // branch when it is the checked-out one and nothing in it was changed.
    if (created && git_repository_set_head(repo->get(), branchRef.constData()) != 0)
        return gitError(QCoreApplication::translate("Realm::Projects", "Cannot point HEAD at %1").arg(options.branch));
    git_reference *head = nullptr;
    const bool onBranch = git_repository_head(&head, repo->get()) == 0 && QByteArray(git_reference_name(head)) == branchRef;
    git_reference_free(head);
    if (onBranch && report.commitsWritten > 0 && !git_repository_is_bare(repo->get())) {
        git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
        checkout.checkout_strategy = created ? GIT_CHECKOUT_FORCE : GIT_CHECKOUT_SAFE;
        // The branch moved: compare with where it was — nothing at all when
        // it is new (else libgit2 compares with HEAD, already the new commit,
        // and writes no file).
        TreePtr emptyTree;
        if (!previousTree) {
            git_treebuilder *builder = nullptr;
            git_oid emptyId;
            git_tree *raw = nullptr;
            if (git_treebuilder_new(&builder, repo->get(), nullptr) == 0 && git_treebuilder_write(&emptyId, builder) == 0
                && git_tree_lookup(&raw, repo->get(), &emptyId) == 0)
                emptyTree.reset(raw);
            git_treebuilder_free(builder);
        }
        checkout.baseline = previousTree ? previousTree.get() : emptyTree.get();
        if (git_checkout_head(repo->get(), &checkout) != 0)
            report.warnings << QCoreApplication::translate("Realm::Projects", "The work tree was not updated (%1): the commits are in the repository; run git checkout there.")
                                   .arg(Git::lastErrorMessage());
    }
    return report;
}

} // namespace Realm::Projects

// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/exportjob.h"

#include "common/jobfuture.h"
#include "projects/importsource.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace Realm::Projects {

// Whoever composes futures runs it through startAsFuture().
static_assert(JobShaped<ExportJob>);

ExportJob::ExportJob(Storage::DatabasePtr db, ExportInput input, QObject *parent)
    : Job(parent), m_db(std::move(db)), m_input(std::move(input))
{
}

void ExportJob::start()
{
    report(-1, m_input.archive ? tr("Exporting…") : tr("Committing…"));
    // The thread works on copies: it may still run while the job is being destroyed.
    runThenEnd<ExportJob, ExportResult>(
        this,
        [this, db = m_db, input = m_input] {
            Storage::ThreadConnectionScope connection(db);
            return run(db, input);
        },
        &ExportJob::finished, &ExportJob::failed,
        m_input.archive ? tr("Export cancelled; no archive was written.") : tr("Export cancelled; the branch was not moved."));
}

Result<ExportResult> ExportJob::run(const Storage::DatabasePtr &db, const ExportInput &input)
{
    ExportResult result;
    if (input.archive) {
        Result<ExportReport> written = exportArchive(db, input.projectId, *input.archive, input.target, token(),
                                                     [this](const ExportProgress &p) {
                                                         report(p.filesTotal > 0 ? double(p.filesDone) / double(p.filesTotal) : -1,
                                                                tr("%1 of %2 files, %3 of %4 — %5")
                                                                    .arg(p.filesDone)
                                                                    .arg(p.filesTotal)
                                                                    .arg(formatBytes(p.bytesDone), formatBytes(p.bytesTotal), p.path));
                                                     });
        if (!written)
            return written.error();
        result.summary = tr("Wrote %1: %n file(s), %2.", nullptr, int(written->files)).arg(written->fileName, formatBytes(written->bytes));
        result.archive = *written;
        return result;
    }
    Result<GitExportReport> committed = exportToGit(db, input.projectId, input.target, input.git, token(), [this](int done, int total) {
        report(total > 0 ? double(done) / double(total) : -1, tr("Committed version %1 of %2").arg(done).arg(total));
    });
    if (!committed)
        return committed.error();
    result.summary = committed->commitsWritten == 0
                         ? tr("%1 (%2) is up to date: all %n version(s) are there.", nullptr, committed->versions)
                               .arg(committed->repository, input.git.branch)
                         : tr("Wrote %n commit(s) to %1 (%2), now at %3.", nullptr, committed->commitsWritten)
                               .arg(committed->repository, input.git.branch, committed->head.left(12));
    result.git = *committed;
    return result;
}

QString exportFormatFor(const QString &target)
{
    if (target.endsWith(QLatin1String(".zip")))
        return QStringLiteral("zip");
    if (target.endsWith(QLatin1String(".tar.gz")) || target.endsWith(QLatin1String(".tgz")))
        return QStringLiteral("tar.gz");
    if (QFileInfo(target).isDir())
        return QStringLiteral("git");
    return {};
}

Result<void> parseAuthor(const QString &text, GitExportOptions *options)
{
    static const QRegularExpression who(QStringLiteral("^\\s*(.*?)\\s*<([^>]+)>\\s*$"));
    const QRegularExpressionMatch m = who.match(text);
    if (!m.hasMatch() || m.captured(1).isEmpty())
        return Error::invalidInput(ExportJob::tr("Write the author as “Name <email>”, e.g. “Ada Lovelace <ada@example.org>”."));
    options->authorName = m.captured(1);
    options->authorEmail = m.captured(2);
    return {};
}

} // namespace Realm::Projects

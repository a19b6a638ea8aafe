// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/importjob.h"

#include "common/jobfuture.h"
#include "projects/importsource.h"
#include "projects/projectstore.h"

#include <QCoreApplication>

namespace Realm::Projects {

// Whoever composes futures runs it through startAsFuture().
static_assert(JobShaped<ImportJob>);

ImportJob::ImportJob(Storage::DatabasePtr db, ImportInput input, QObject *parent)
    : Job(parent), m_db(std::move(db)), m_input(std::move(input))
{
}

void ImportJob::start()
{
    report(-1, m_input.isRefresh() ? tr("Refreshing %1…").arg(m_input.project) : tr("Reading %1…").arg(m_input.location));
    // The thread works on copies: it may still run while the job is being destroyed.
    runThenEnd<ImportJob, ImportReport>(
        this,
        [this, db = m_db, input = m_input] {
            Storage::ThreadConnectionScope connection(db);
            return run(db, input);
        },
        &ImportJob::finished, &ImportJob::failed,
        m_input.isRefresh() ? tr("Refresh cancelled; nothing was changed.") : tr("Import cancelled; nothing was changed."));
}

Result<ImportReport> ImportJob::run(const Storage::DatabasePtr &db, const ImportInput &input)
{
    ProjectImporter importer(db);
    importer.setCancellationToken(token());
    importer.setProgressCallback([this](const ImportProgress &progress) { report(-1, describeImportProgress(progress)); });
    if (!input.isRefresh())
        return importer.importProject(input.location, input.options);
    Result<Project> project = ProjectStore(db).find(input.project);
    if (!project)
        return project.error();
    return importer.refreshProject(project->id, input.options, input.paths);
}

QString describeImport(const ImportReport &report, bool refresh)
{
    QString text = refresh ? QCoreApplication::translate("Realm::Projects", "Refreshed \"%1\": %2 added, %3 changed, %4 removed, %5 unchanged.")
                                 .arg(report.project.name)
                                 .arg(report.added)
                                 .arg(report.changed)
                                 .arg(report.removed)
                                 .arg(report.unchanged)
                           : QCoreApplication::translate("Realm::Projects", "Imported \"%1\": %n file(s), %2.", nullptr, int(report.files))
                                 .arg(report.project.name, formatBytes(report.bytes));
    if (!report.skipped.isEmpty() || !report.rejected.isEmpty() || !report.warnings.isEmpty())
        text += QLatin1Char(' ') + QCoreApplication::translate("Realm::Projects", "%1 left out, %2 rejected, %n warning(s).", nullptr,
                                                                int(report.warnings.size()))
                                       .arg(report.skipped.size())
                                       .arg(report.rejected.size());
    return text;
}

QString describeImportProgress(const ImportProgress &progress)
{
    QString text = QCoreApplication::translate("Realm::Projects", "%n file(s), %1", nullptr, int(progress.files)).arg(formatBytes(progress.bytes));
    if (progress.skipped > 0 || progress.rejected > 0)
        text += QCoreApplication::translate("Realm::Projects", ", %1 left out, %2 rejected").arg(progress.skipped).arg(progress.rejected);
    if (!progress.currentPath.isEmpty())
        text += QStringLiteral(" — ") + progress.currentPath.section(QLatin1Char('/'), -1);
    return text;
}

} // namespace Realm::Projects

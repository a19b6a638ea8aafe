// SPDX-License-Identifier: GPL-3.0-or-later
#include "starters/createjob.h"

#include "common/jobfuture.h"

#include <QDir>

namespace Realm::Starters {

// Whoever composes futures runs it through startAsFuture().
static_assert(JobShaped<CreateJob>);

CreateJob::CreateJob(Storage::DatabasePtr db, CreateInput input, QObject *parent)
    : Job(parent), m_db(std::move(db)), m_input(std::move(input))
{
    m_input.folder = QDir(m_input.folder).absolutePath();
}

void CreateJob::start()
{
    report(-1, tr("Creating…"));
    // The thread works on copies: it may still run while the job is being destroyed.
    runThenEnd<CreateJob, CreatedProject>(
        this,
        [this, db = m_db, input = m_input]() -> Result<CreatedProject> {
            Storage::ThreadConnectionScope connection(db);
            Result<Projects::ImportReport> created =
                createProject(db, input.starter, input.values, input.folder, input.projectName, token(), [this](qint64 done, qint64 total) {
                    report(total > 0 ? double(done) / double(total) : -1, tr("Writing file %1 of %2…").arg(done + 1).arg(total));
                });
            if (!created)
                return created.error();
            return CreatedProject{*created, input.folder,
                                  tr("Created %1 in %2 from %3: %n file(s).", nullptr, int(created->files))
                                      .arg(created->project.name, input.folder, input.starter.title)};
        },
        &CreateJob::finished, &CreateJob::failed, tr("Cancelled; no folder or project was left behind."));
}

} // namespace Realm::Starters

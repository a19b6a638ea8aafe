// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/statsjob.h"

#include "common/jobfuture.h"
#include "projects/importsource.h"

namespace Realm::Analytics {

// Whoever composes futures runs it through startAsFuture().
static_assert(JobShaped<StatsJob>);

StatsJob::StatsJob(Storage::DatabasePtr db, QString projectId, QObject *parent)
    : Job(parent), m_db(std::move(db)), m_projectId(std::move(projectId))
{
}

void StatsJob::start()
{
    report(-1, tr("Counting…"));
    // The thread works on copies: it may still run while the job is being destroyed.
    runThenEnd<StatsJob, ProjectStats>(
        this,
        [this, db = m_db, projectId = m_projectId] {
            Storage::ThreadConnectionScope connection(db);
            return computeStats(db, projectId, token(), [this](qint64 done, qint64 total) {
                report(total > 0 ? double(done) / double(total) : -1,
                       tr("Analyzing: %1 of %2").arg(Projects::formatBytes(done), Projects::formatBytes(total)));
            });
        },
        &StatsJob::finished, &StatsJob::failed);
}

} // namespace Realm::Analytics

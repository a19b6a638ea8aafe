// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/statsjob.h"

#include "projects/importsource.h"

namespace Realm::Analytics {

StatsJob::StatsJob(Storage::DatabasePtr db, QString projectId, QObject *parent)
    : Job(parent), m_db(std::move(db)), m_projectId(std::move(projectId))
{
}

void StatsJob::start()
{
    report(-1, tr("Counting…"));
    runOnOwnThread([this] {
        Result<ProjectStats> stats = [this] {
            Storage::ThreadConnectionScope connection(m_db);
            return computeStats(m_db, m_projectId, token(), [this](qint64 done, qint64 total) {
                report(total > 0 ? double(done) / double(total) : -1,
                       tr("Analyzing: %1 of %2").arg(Projects::formatBytes(done), Projects::formatBytes(total)));
            });
        }();
        endWith([this, stats] {
            if (stats)
                emit finished(*stats);
            else
                emit failed(stats.error());
        });
    });
}

} // namespace Realm::Analytics

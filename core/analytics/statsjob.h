// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/projectstats.h"
#include "common/job.h"

namespace Realm::Analytics {

// A project's statistics, whoever asks: `project stats` of the CLI or the
// Stats panel. Contents analyzed before are not read again; a cancelled run
// keeps what it analyzed for the next one.
class StatsJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsJob)
public:
    StatsJob(Storage::DatabasePtr db, QString projectId, QObject *parent = nullptr);

    void start();

signals:
    void finished(const Realm::Analytics::ProjectStats &stats);
    void failed(const Realm::Error &error);

private:
    Storage::DatabasePtr m_db;
    QString m_projectId;
};

} // namespace Realm::Analytics

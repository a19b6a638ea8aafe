// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/importrunner.h"

#include <QtConcurrent>

namespace Realm::Ui {

ImportRunner::ImportRunner(Storage::DatabasePtr db, QObject *parent)
    : QObject(parent)
    , m_db(std::move(db))
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] { emit finished(m_watcher.result()); });
}

ImportRunner::~ImportRunner()
{
    m_cancel.cancel();
    m_watcher.waitForFinished();
}

void ImportRunner::start(const QString &location, const Projects::ImportOptions &options)
{
    run([location, options](Projects::ProjectImporter &importer) { return importer.importProject(location, options); });
}

void ImportRunner::startRefresh(const QString &projectId, const Projects::ImportOptions &options)
{
    run([projectId, options](Projects::ProjectImporter &importer) { return importer.refreshProject(projectId, options); });
}

void ImportRunner::run(std::function<Result<Projects::ImportReport>(Projects::ProjectImporter &)> job)
{
    Storage::DatabasePtr db = m_db;
    CancellationToken *cancel = &m_cancel;
    // `this` outlives the job: the destructor cancels it and waits.
    m_watcher.setFuture(QtConcurrent::run([this, db, cancel, job]() -> Result<Projects::ImportReport> {
        Storage::ThreadConnectionScope connection(db);
        Projects::ProjectImporter importer(db);
        importer.setCancellationToken(cancel);
        importer.setProgressCallback([this](const Projects::ImportProgress &progress) {
            QMetaObject::invokeMethod(this, [this, progress] { emit progressed(progress); }, Qt::QueuedConnection);
        });
        return job(importer);
    }));
}

} // namespace Realm::Ui

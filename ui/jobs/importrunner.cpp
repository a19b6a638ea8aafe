// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobs/importrunner.h"

#include <QPointer>
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
    Storage::DatabasePtr db = m_db;
    QPointer<ImportRunner> self(this);
    CancellationToken *cancel = &m_cancel;
    m_watcher.setFuture(QtConcurrent::run([db, location, options, self, cancel]() -> Result<Projects::ImportReport> {
        Projects::ProjectImporter importer(db);
        importer.setCancellationToken(cancel);
        importer.setProgressCallback([self](const Projects::ImportProgress &progress) {
            QMetaObject::invokeMethod(self, [self, progress] {
                if (self)
                    emit self->progressed(progress);
            }, Qt::QueuedConnection);
        });
        Result<Projects::ImportReport> result = importer.importProject(location, options);
        db->closeThreadConnection();
        return result;
    }));
}

} // namespace Realm::Ui

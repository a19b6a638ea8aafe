// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "projects/importoptions.h"
#include "projects/projectimporter.h"
#include "storage/database.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>

namespace Realm::Ui {

// Runs one import on a worker thread and reports back on the UI thread:
// progress (throttled by the importer), then exactly one finished().
// Never blocks the caller; cancel() returns at once and the import unwinds.
class ImportRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportRunner)
public:
    explicit ImportRunner(Storage::DatabasePtr db, QObject *parent = nullptr);
    ~ImportRunner() override;

    void start(const QString &location, const Projects::ImportOptions &options);
    // Re-reads a project from its recorded source.
    void startRefresh(const QString &projectId, const Projects::ImportOptions &options);
    void cancel() { m_cancel.cancel(); }
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    void progressed(const Realm::Projects::ImportProgress &progress);
    void finished(const Realm::Result<Realm::Projects::ImportReport> &result);

private:
    void run(std::function<Result<Projects::ImportReport>(Projects::ProjectImporter &)> job);

    Storage::DatabasePtr m_db;
    CancellationToken m_cancel;
    QFutureWatcher<Result<Projects::ImportReport>> m_watcher;
};

} // namespace Realm::Ui

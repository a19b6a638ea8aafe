// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/job.h"
#include "projects/importoptions.h"
#include "projects/projectimporter.h"
#include "storage/database.h"

namespace Realm::Projects {

struct ImportInput {
    QString location; // import this folder, archive or Git repository…
    QString project;  // …or refresh this project (name or id) from its recorded source,
    QStringList paths; // only these files and folders of it when given (see ProjectImporter)
    ImportOptions options;

    bool isRefresh() const { return !project.isEmpty(); }
};

// Imports a project or refreshes one, whoever asks: `project import` and
// `project refresh` of the CLI, the import dialog and the window's refresh.
// A cancelled or failed import changes nothing.
class ImportJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportJob)
public:
    ImportJob(Storage::DatabasePtr db, ImportInput input, QObject *parent = nullptr);

    void start();
    const ImportInput &input() const { return m_input; }

signals:
    void finished(const Realm::Projects::ImportReport &report);
    void failed(const Realm::Error &error); // Cancelled: says that nothing was changed

private:
    Result<ImportReport> run(const Storage::DatabasePtr &db, const ImportInput &input);

    Storage::DatabasePtr m_db;
    ImportInput m_input;
};

// What a person reads after an import or a refresh, in one line:
// `Imported "app": 120 files, 1.2 MiB.` / `Refreshed "app": 2 added, …`.
QString describeImport(const ImportReport &report, bool refresh);
// The progress line while one runs: `120 files, 1.2 MiB — main.c`.
QString describeImportProgress(const ImportProgress &progress);

} // namespace Realm::Projects

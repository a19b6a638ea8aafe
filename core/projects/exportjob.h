// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/job.h"
#include "projects/gitexporter.h"
#include "projects/projectexporter.h"
#include "storage/database.h"

#include <optional>

namespace Realm::Projects {

struct ExportInput {
    QString projectId;
    QString target;                       // the archive to write, or the repository to create or update
    std::optional<ArchiveFormat> archive; // none: a Git repository
    GitExportOptions git;
};

struct ExportResult {
    std::optional<ExportReport> archive;
    std::optional<GitExportReport> git;
    QString summary; // what a person reads: what was written where
};

// Writes a project out of REALM, whoever asks: `project export` of the CLI
// or the export dialog. A cancelled export leaves no archive and does not
// move the branch.
class ExportJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportJob)
public:
    ExportJob(Storage::DatabasePtr db, ExportInput input, QObject *parent = nullptr);

    void start();
    const ExportInput &input() const { return m_input; }

signals:
    void finished(const Realm::Projects::ExportResult &result);
    void failed(const Realm::Error &error);

private:
    Result<ExportResult> run(const Storage::DatabasePtr &db, const ExportInput &input);

    Storage::DatabasePtr m_db;
    ExportInput m_input;
};

// The format a target's name says: ".zip", ".tar.gz"/".tgz", or an existing
// folder (a Git repository); "" when it does not say.
QString exportFormatFor(const QString &target);
// "Ada Lovelace <ada@example.org>" into the Git options' author.
Result<void> parseAuthor(const QString &text, GitExportOptions *options);

} // namespace Realm::Projects

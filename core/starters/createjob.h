// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/job.h"
#include "starters/startertemplate.h"

namespace Realm::Starters {

struct CreateInput {
    StarterTemplate starter;
    QMap<QString, QString> values; // resolved (resolveValues)
    QString folder;                // new or empty
    QString projectName;           // empty: project_name
};

struct CreatedProject {
    Projects::ImportReport report;
    QString folder;
    QString summary; // `Created app in /home/ana/src/app from C program: 3 file(s).`
};

// A new project from a starter template, whoever asks: `project new` of the
// CLI or the New Project dialog. A cancel or a failure leaves the folder as
// it was and no project behind.
class CreateJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateJob)
public:
    CreateJob(Storage::DatabasePtr db, CreateInput input, QObject *parent = nullptr);

    void start();

signals:
    void finished(const Realm::Starters::CreatedProject &created);
    void failed(const Realm::Error &error);

private:
    Storage::DatabasePtr m_db;
    CreateInput m_input;
};

} // namespace Realm::Starters

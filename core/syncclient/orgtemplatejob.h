// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/job.h"
#include "storage/database.h"
#include "syncclient/orgtemplatesyncer.h"
#include "syncclient/syncjob.h"

namespace Realm::SyncClient {

struct OrgTemplateInput {
    enum class Action { SyncAll, Publish, Withdraw };
    Action action = Action::SyncAll;
    QString server;                 // the server the transport reaches
    QString org;                    // Publish, Withdraw: by name or id
    TemplateKind kind = TemplateKind::Prompt;
    Prompts::PromptTemplate prompt; // Publish a prompt template: one of the user's own
    Docs::DocTemplate docTemplate;  // Publish a documentation template: one of the user's own
    Starters::StarterTemplate starter; // Publish a starter template: one of the user's own
    QString name;                   // Withdraw

    // The template published or withdrawn.
    QString templateName() const;
};

// Syncs, publishes or withdraws organizations' templates on a
// thread of its own (OrgTemplateSyncer), for realm-cli and the desktop.
class OrgTemplateJob final : public Job {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgTemplateJob)
public:
    OrgTemplateJob(Storage::DatabasePtr db, SyncJob::TransportFactory transport, OrgTemplateInput input, QObject *parent = nullptr);

    void start();

signals:
    void finished(const QList<Realm::SyncClient::OrgTemplateReport> &reports);
    void failed(const Realm::Error &error);

private:
    Storage::DatabasePtr m_db;
    SyncJob::TransportFactory m_makeTransport;
    OrgTemplateInput m_input;
};

} // namespace Realm::SyncClient

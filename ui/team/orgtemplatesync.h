// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "team/templatesharing.h"
#include "storage/database.h"
#include "syncclient/orgtemplatejob.h"

#include <QObject>
#include <QPointer>

#include <deque>
#include <optional>

namespace Realm::TeamClient {
class ServerClient;
} // namespace Realm::TeamClient

namespace Realm::Ui {

// The desktop's side of organizations' templates: keeps the copies here
// in step (OrgTemplateJob, one run at a time; requests to sync that pile
// up become one) and publishes or withdraws for the Prompts and
// Documentation Templates dialogs.
// The sync controller starts it when it syncs everything and when the
// server says an organization's templates changed.
class OrgTemplateSync final : public QObject, public TemplateSharing {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgTemplateSync)
public:
    OrgTemplateSync(Storage::DatabasePtr db, TeamClient::ServerClient *client, QObject *parent = nullptr);
    ~OrgTemplateSync() override;

    void syncNow();
    bool isBusy() const { return m_running.has_value() || !m_queue.empty(); }

    void adminOrgs(QObject *context, std::function<void(const Result<QList<Org>> &)> done) override;
    void publish(QObject *context, const Org &org, const Prompts::PromptTemplate &prompt, Done done) override;
    void publish(QObject *context, const Org &org, const Docs::DocTemplate &docTemplate, Done done) override;
    void publish(QObject *context, const Org &org, const Starters::StarterTemplate &starter, Done done) override;
    void withdraw(QObject *context, const Org &org, SyncClient::TemplateKind kind, const QString &name, Done done) override;

signals:
    // Templates changed here (a pull brought some): lists of them read again.
    void received();
    // A run ended; `message` says why it failed (empty: it did not), for
    // the status bar.
    void ended(const QString &message);

private:
    struct Request {
        SyncClient::OrgTemplateInput input;
        QPointer<QObject> context; // publish, withdraw: who waits for `done`
        Done done;
    };
    void enqueue(Request request);
    void startNext();
    void end(const Result<QList<SyncClient::OrgTemplateReport>> &reports);
    // What a publish or withdrawal came to, for whoever asked.
    static Result<QString> outcomeOf(const Request &request, const Result<QList<SyncClient::OrgTemplateReport>> &reports, const Error &failure);

    Storage::DatabasePtr m_db;
    TeamClient::ServerClient *m_client;
    std::deque<Request> m_queue;
    std::optional<Request> m_running;
    QPointer<SyncClient::OrgTemplateJob> m_job;
};

} // namespace Realm::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/orgtemplatejob.h"

#include "common/jobfuture.h"

#include <QCoreApplication>

namespace Realm::SyncClient {

QString OrgTemplateInput::templateName() const
{
    if (action != Action::Publish)
        return name;
    switch (kind) {
    case TemplateKind::Prompt: return prompt.name;
    case TemplateKind::Doc: return docTemplate.name;
    case TemplateKind::Starter: return starter.id;
    }
    return name;
}

static_assert(JobShaped<OrgTemplateJob>);

OrgTemplateJob::OrgTemplateJob(Storage::DatabasePtr db, SyncJob::TransportFactory transport, OrgTemplateInput input, QObject *parent)
    : Job(parent), m_db(std::move(db)), m_makeTransport(std::move(transport)), m_input(std::move(input))
{
}

void OrgTemplateJob::start()
{
    report(-1, QCoreApplication::translate("Realm::SyncClient", "Syncing the organizations' templates…"));
    runThenEnd<OrgTemplateJob, QList<OrgTemplateReport>>(
        this,
        [this, db = m_db, makeTransport = m_makeTransport, input = m_input]() -> Result<QList<OrgTemplateReport>> {
            Storage::ThreadConnectionScope connection(db);
            const std::unique_ptr<Sync::Transport> transport = makeTransport(token());
            OrgTemplateSyncer syncer(db, transport.get(), input.server, token());
            Result<OrgTemplateReport> one = Error::failed(QString());
            switch (input.action) {
            case OrgTemplateInput::Action::SyncAll: return syncer.syncAll();
            case OrgTemplateInput::Action::Publish:
                switch (input.kind) {
                case TemplateKind::Prompt: one = syncer.publish(input.org, input.prompt); break;
                case TemplateKind::Doc: one = syncer.publish(input.org, input.docTemplate); break;
                case TemplateKind::Starter: one = syncer.publish(input.org, input.starter); break;
                }
                break;
            case OrgTemplateInput::Action::Withdraw: one = syncer.withdraw(input.org, input.name, input.kind); break;
            }
            if (!one)
                return one.error();
            return QList<OrgTemplateReport>{*one};
        },
        &OrgTemplateJob::finished, &OrgTemplateJob::failed,
        // A publish or withdrawal says itself whether its change waits.
        m_input.action == OrgTemplateInput::Action::SyncAll
            ? QCoreApplication::translate("Realm::SyncClient", "Sync cancelled; what was sent and received so far is kept, and the next sync goes on from there.")
            : QString());
}

} // namespace Realm::SyncClient

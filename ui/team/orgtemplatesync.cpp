// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/orgtemplatesync.h"

#include "jobs/background.h"
#include "teamclient/httptransport.h"
#include "teamclient/serverclient.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Realm::Ui {

using SyncClient::OrgTemplateInput;
using SyncClient::OrgTemplateReport;

OrgTemplateSync::OrgTemplateSync(Storage::DatabasePtr db, TeamClient::ServerClient *client, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_client(client)
{
}

OrgTemplateSync::~OrgTemplateSync()
{
    if (m_job)
        m_job->cancel();
}

void OrgTemplateSync::syncNow()
{
    // One waiting is enough: it reads everything the server has by then.
    for (const Request &waiting : m_queue)
        if (waiting.input.action == OrgTemplateInput::Action::SyncAll)
            return;
    enqueue(Request{OrgTemplateInput{}, nullptr, {}});
}

void OrgTemplateSync::adminOrgs(QObject *context, std::function<void(const Result<QList<Org>> &)> done)
{
    if (!m_client->account().isSet()) {
        done(QList<Org>{});
        return;
    }
    m_client->call("GET", QStringLiteral("/me"), {}, whileOpen(context, [done](Result<QJsonObject> me) {
        Result<SyncClient::AccountOrgs> account = me ? SyncClient::accountOrgsFrom(*me) : Result<SyncClient::AccountOrgs>(me.error());
        if (!account) {
            done(account.error());
            return;
        }
        QList<Org> orgs;
        for (const SyncClient::AccountOrgs::Org &org : std::as_const(account->orgs))
            if (org.isAdmin)
                orgs.append({org.id, org.name});
        done(orgs);
    }));
}

namespace {
OrgTemplateInput publishing(const TemplateSharing::Org &org, SyncClient::TemplateKind kind)
{
    OrgTemplateInput input;
    input.action = OrgTemplateInput::Action::Publish;
    input.org = org.id;
    input.kind = kind;
    return input;
}

// Whole sentences for each kind, for translators. (lupdate reads the
// context only as a literal.)
QString keptNote(const QString &org, const SyncClient::OrgTemplateName &kept)
{
    switch (kept.kind) {
    case SyncClient::TemplateKind::Prompt:
        return QCoreApplication::translate("Realm::Ui::OrgTemplateSync", "%1's prompt template \"%2\" was changed by someone since it was read here: it stays as they left it.").arg(org, kept.name);
    case SyncClient::TemplateKind::Doc:
        return QCoreApplication::translate("Realm::Ui::OrgTemplateSync", "%1's documentation template \"%2\" was changed by someone since it was read here: it stays as they left it.").arg(org, kept.name);
    case SyncClient::TemplateKind::Starter:
        break;
    }
    return QCoreApplication::translate("Realm::Ui::OrgTemplateSync", "%1's starter template \"%2\" was changed by someone since it was read here: it stays as they left it.").arg(org, kept.name);
}

QString unusableNote(const QString &org, const SyncClient::OrgTemplateName &unusable)
{
    switch (unusable.kind) {
    case SyncClient::TemplateKind::Prompt:
        return QCoreApplication::translate("Realm::Ui::OrgTemplateSync", "%1's prompt template \"%2\" is not one REALM can use: ask its admins to mend it.").arg(org, unusable.name);
    case SyncClient::TemplateKind::Doc:
        return QCoreApplication::translate("Realm::Ui::OrgTemplateSync", "%1's documentation template \"%2\" is not one REALM can use: ask its admins to mend it.").arg(org, unusable.name);
    case SyncClient::TemplateKind::Starter:
        break;
    }
    return QCoreApplication::translate("Realm::Ui::OrgTemplateSync", "%1's starter template \"%2\" is not one REALM can use: ask its admins to mend it.").arg(org, unusable.name);
}
} // namespace

void OrgTemplateSync::publish(QObject *context, const Org &org, const Prompts::PromptTemplate &prompt, Done done)
{
    OrgTemplateInput input = publishing(org, SyncClient::TemplateKind::Prompt);
    input.prompt = prompt;
    enqueue(Request{input, context, std::move(done)});
}

void OrgTemplateSync::publish(QObject *context, const Org &org, const Docs::DocTemplate &docTemplate, Done done)
{
    OrgTemplateInput input = publishing(org, SyncClient::TemplateKind::Doc);
    input.docTemplate = docTemplate;
    enqueue(Request{input, context, std::move(done)});
}

void OrgTemplateSync::publish(QObject *context, const Org &org, const Starters::StarterTemplate &starter, Done done)
{
    OrgTemplateInput input = publishing(org, SyncClient::TemplateKind::Starter);
    input.starter = starter;
    enqueue(Request{input, context, std::move(done)});
}

void OrgTemplateSync::withdraw(QObject *context, const Org &org, SyncClient::TemplateKind kind, const QString &name, Done done)
{
    OrgTemplateInput input;
    input.action = OrgTemplateInput::Action::Withdraw;
    input.org = org.id;
    input.kind = kind;
    input.name = name;
    enqueue(Request{input, context, std::move(done)});
}

void OrgTemplateSync::enqueue(Request request)
{
    m_queue.push_back(std::move(request));
    startNext();
}

void OrgTemplateSync::startNext()
{
    if (m_running || m_queue.empty())
        return;
    m_running = std::move(m_queue.front());
    m_queue.pop_front();
    if (!m_client->account().isSet()) { // signed out meanwhile: nothing to sync with
        end(Error::unauthenticated(tr("Sign in to a team server first (Team → Connect to Server).")));
        return;
    }
    m_client->credentials([this, alive = QPointer<OrgTemplateSync>(this)](Result<TeamClient::Credentials> credentials) {
        if (!alive)
            return;
        if (!credentials) {
            end(credentials.error());
            return;
        }
        m_running->input.server = credentials->server.toString();
        SyncClient::SyncJob::TransportFactory transport = [login = *credentials](const CancellationToken *cancel) {
            return std::make_unique<TeamClient::HttpTransport>(login, cancel);
        };
        auto *job = new SyncClient::OrgTemplateJob(m_db, transport, m_running->input, this);
        m_job = job;
        connect(job, &SyncClient::OrgTemplateJob::finished, this, [this, job](const QList<OrgTemplateReport> &reports) {
            job->deleteLater();
            end(reports);
        });
        connect(job, &SyncClient::OrgTemplateJob::failed, this, [this, job](const Error &error) {
            job->deleteLater();
            if (error.code == Error::Code::Unauthenticated)
                m_client->dropAccessToken();
            end(error);
        });
        job->start();
    });
}

void OrgTemplateSync::end(const Result<QList<OrgTemplateReport>> &reports)
{
    const Request request = *std::exchange(m_running, std::nullopt);
    m_job = nullptr;
    Error failure = reports ? Error{} : reports.error();
    bool changedHere = false;
    QStringList notes; // what a background run did not do as asked, beside a failure
    if (reports) {
        for (const OrgTemplateReport &report : *reports) {
            changedHere = changedHere || report.received > 0 || report.left;
            // A change the server took, whose read afterwards failed, is done.
            const bool done = report.pending == 0 && report.sent > 0;
            if (failure.message.isEmpty() && !report.error.isEmpty() && !done)
                failure = Error{report.errorCode, report.pending > 0 ? tr("%1 It waits here and is sent with the next sync.").arg(report.error)
                                                                      : report.error};
            for (const SyncClient::OrgTemplateName &kept : report.kept)
                notes.append(keptNote(report.orgName, kept));
            for (const SyncClient::OrgTemplateName &unusable : report.unusable)
                notes.append(unusableNote(report.orgName, unusable));
        }
    }
    if (request.done && request.context)
        request.done(outcomeOf(request, reports, failure));
    if (changedHere)
        emit received();
    emit ended(QStringList(QStringList{failure.message} + notes).join(QLatin1Char(' ')).trimmed());
    startNext();
}

Result<QString> OrgTemplateSync::outcomeOf(const Request &request, const Result<QList<OrgTemplateReport>> &reports, const Error &failure)
{
    if (!failure.message.isEmpty())
        return failure;
    const OrgTemplateReport &report = reports->first();
    const QString name = request.input.templateName();
    if (report.kept.contains(SyncClient::OrgTemplateName{request.input.kind, name}))
        return Error::conflict(tr("Someone changed \"%1\" in %2 since it was read here: it stays. Look at it, then try again.").arg(name, report.orgName));
    if (request.input.action == OrgTemplateInput::Action::Publish)
        return tr("Published \"%1\" to %2: its members have it now.").arg(name, report.orgName);
    return tr("Withdrew \"%1\" from %2.").arg(name, report.orgName);
}

} // namespace Realm::Ui

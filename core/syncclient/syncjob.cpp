// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/syncjob.h"

#include "common/jobfuture.h"
#include "projects/projectstore.h"

#include <QCoreApplication>

namespace Realm::SyncClient {

static_assert(JobShaped<SyncJob>);

SyncJob::SyncJob(Storage::DatabasePtr db, TransportFactory transport, SyncInput input, QObject *parent)
    : Job(parent), m_db(std::move(db)), m_makeTransport(std::move(transport)), m_input(std::move(input))
{
}

void SyncJob::start()
{
    report(-1, QCoreApplication::translate("Realm::SyncClient", "Connecting…"));
    runThenEnd<SyncJob, QList<SyncReport>>(
        this,
        [this, db = m_db, makeTransport = m_makeTransport, input = m_input] {
            Storage::ThreadConnectionScope connection(db);
            return run(db, makeTransport, input);
        },
        &SyncJob::finished, &SyncJob::failed,
        QCoreApplication::translate("Realm::SyncClient", "Sync cancelled; what was sent and received so far is kept, and the next sync goes on from there."));
}

Result<QList<SyncReport>> SyncJob::run(const Storage::DatabasePtr &db, const TransportFactory &makeTransport, const SyncInput &input)
{
    const std::unique_ptr<Sync::Transport> transport = makeTransport(token());
    ProjectSyncer syncer(db, transport.get(), token(), [this](double fraction, const QString &text) { report(fraction, text); });
    const auto one = [](Result<SyncReport> report) -> Result<QList<SyncReport>> {
        if (!report)
            return report.error();
        return QList<SyncReport>{*report};
    };
    switch (input.action) {
    case SyncInput::Action::Share: return one(syncer.share(input.projectId, input.server, input.org));
    case SyncInput::Action::Clone: return one(syncer.clone(input.server, input.serverProjectId, input.name, input.checkout, input.contents));
    case SyncInput::Action::Fetch: return one(syncer.fetch(input.projectId, input.paths, input.reach));
    case SyncInput::Action::Sync: break;
    }
    QStringList projectIds = input.projectIds;
    if (projectIds.isEmpty()) {
        Result<QList<Link>> links = SyncState::links(db->handle());
        if (!links)
            return links.error();
        // Not the projects no longer shared with us, nor those purged from
        // the trash here.
        for (const Link &link : std::as_const(*links))
            if (link.state != Link::State::Unshared && Projects::ProjectStore(db).find(link.projectId, true))
                projectIds.append(link.projectId);
    }
    // The transport's token belongs to one server: a project shared on
    // another is not sent there.
    const auto syncOne = [&](const QString &projectId) -> Result<SyncReport> {
        Result<std::optional<Link>> link = SyncState::link(db->handle(), projectId);
        if (!link)
            return link.error();
        if (*link && (*link)->server != input.server)
            return Error::unauthenticated(QCoreApplication::translate("Realm::SyncClient", "This project is shared on %1, not on %2 (signed in there): sign in to %1 to sync it.")
                                              .arg((*link)->server, input.server));
        return syncer.sync(projectId, input.options);
    };
    QList<SyncReport> reports;
    for (const QString &projectId : std::as_const(projectIds)) {
        if (token()->isCancelled())
            return Error::cancelled();
        Result<SyncReport> report = syncOne(projectId);
        if (report) {
            reports.append(*report);
            continue;
        }
        if (report.error().code == Error::Code::Cancelled)
            return report.error();
        SyncReport failed = syncer.lastReport().projectId == projectId ? syncer.lastReport() : SyncReport{};
        failed.projectId = projectId;
        if (failed.projectName.isEmpty()) // failed before it got that far
            if (Result<Projects::Project> project = Projects::ProjectStore(db).find(projectId, true))
                failed.projectName = project->name;
        failed.error = report.error().message;
        failed.errorCode = report.error().code;
        reports.append(failed);
    }
    return reports;
}

} // namespace Realm::SyncClient

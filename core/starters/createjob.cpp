// SPDX-License-Identifier: GPL-3.0-or-later
#include "starters/createjob.h"

#include <QDir>

namespace Realm::Starters {

CreateJob::CreateJob(Storage::DatabasePtr db, CreateInput input, QObject *parent)
    : Job(parent), m_db(std::move(db)), m_input(std::move(input))
{
    m_input.folder = QDir(m_input.folder).absolutePath();
}

void CreateJob::start()
{
    report(-1, tr("Creating…"));
    // The thread works on copies: it may still run while the job is being destroyed.
    runOnOwnThread([this, db = m_db, input = m_input] {
        Result<Projects::ImportReport> created = [&] {
            Storage::ThreadConnectionScope connection(db);
            return createProject(db, input.starter, input.values, input.folder, input.projectName, token(),
                                 [this](qint64 done, qint64 total) {
                                     report(total > 0 ? double(done) / double(total) : -1, tr("Writing file %1 of %2…").arg(done + 1).arg(total));
                                 });
        }();
        endWith([this, created] {
            if (!created) {
                emit failed(created.error().code == Error::Code::Cancelled
                                ? Error{Error::Code::Cancelled, tr("Cancelled; no folder or project was left behind.")}
                                : created.error());
                return;
            }
            emit finished({*created, m_input.folder,
                           tr("Created %1 in %2 from %3: %n file(s).", nullptr, int(created->files))
                               .arg(created->project.name, m_input.folder, m_input.starter.title)});
        });
    });
}

} // namespace Realm::Starters

// SPDX-License-Identifier: GPL-3.0-or-later
#include "starters/orgstarters.h"

#include "storage/statement.h"

#include <QCoreApplication>

namespace Realm::Starters::OrgStarters {

using Storage::Statement;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Starters", text);
}
} // namespace

Result<void> store(Storage::Handle db, const Shared &shared)
{
    if (Result<StarterTemplate> usable = StarterTemplate::fromArchive(shared.archive, shared.name); !usable)
        return Error::invalidInput(usable.error().message);
    Statement q(db, "INSERT INTO org_starter_templates (org_id, org_name, name, title, description, archive, seq, changed_by, changed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, name) DO UPDATE SET org_name = excluded.org_name, "
                    "title = excluded.title, description = excluded.description, archive = excluded.archive, seq = excluded.seq, "
                    "changed_by = excluded.changed_by, changed_at = excluded.changed_at");
    q.bindAll(shared.orgId, shared.orgName, shared.name, shared.title, shared.description, shared.archive, shared.seq, shared.changedBy,
              shared.changedAtMs);
    return q.exec(tr("Saving the organization's starter template failed"));
}

Result<QList<StarterTemplate>> list(Storage::Handle db)
{
    Statement q(db, "SELECT org_id, org_name, name, title, description, archive FROM org_starter_templates ORDER BY org_name, org_id, name");
    QList<StarterTemplate> starters;
    while (q.next()) {
        // Checked when stored: one that no longer reads is left out.
        Result<StarterTemplate> starter = StarterTemplate::fromArchive(q.columnBlob(5), q.columnText(2));
        if (!starter)
            continue;
        starter->orgId = q.columnText(0);
        starter->orgName = q.columnText(1);
        starter->title = q.columnText(3);
        starter->description = q.columnText(4);
        starters.append(*starter);
    }
    if (q.failed())
        return q.error(tr("Reading the organizations' starter templates failed"));
    return starters;
}

Result<QList<StarterTemplate>> names(Storage::Handle db)
{
    Statement q(db, "SELECT org_id, org_name, name, title, description FROM org_starter_templates ORDER BY org_name, org_id, name");
    QList<StarterTemplate> starters;
    while (q.next()) {
        StarterTemplate starter;
        starter.orgId = q.columnText(0);
        starter.orgName = q.columnText(1);
        starter.id = q.columnText(2);
        starter.title = q.columnText(3);
        starter.description = q.columnText(4);
        starters.append(starter);
    }
    if (q.failed())
        return q.error(tr("Reading the organizations' starter templates failed"));
    return starters;
}

Result<QByteArray> archive(Storage::Handle db, const QString &orgId, const QString &name)
{
    Statement q(db, "SELECT archive FROM org_starter_templates WHERE org_id = ? AND name = ?");
    q.bindAll(orgId, name);
    if (q.next())
        return q.columnBlob(0);
    if (q.failed())
        return q.error(tr("Reading the organization's starter template failed"));
    return Error::notFound(tr("The organization has no starter template \"%1\" here (realm-cli template list).").arg(name));
}

} // namespace Realm::Starters::OrgStarters

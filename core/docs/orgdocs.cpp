// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/orgdocs.h"

#include "storage/statement.h"

#include <QCoreApplication>

namespace Realm::Docs::OrgDocs {

using Storage::Statement;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Docs", text);
}
} // namespace

Result<void> store(Storage::Handle db, const Shared &shared)
{
    const DocTemplate &t = shared.docTemplate;
    if (Result<void> valid = validateTemplate(t); !valid)
        return valid;
    Statement q(db, "INSERT INTO org_doc_templates (org_id, org_name, name, kind, body, prompt, seq, changed_by, changed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, name) DO UPDATE SET org_name = excluded.org_name, "
                    "kind = excluded.kind, body = excluded.body, prompt = excluded.prompt, seq = excluded.seq, "
                    "changed_by = excluded.changed_by, changed_at = excluded.changed_at");
    q.bindAll(t.orgId, t.orgName, t.name, t.kind, t.body, t.prompt, shared.seq, shared.changedBy, shared.changedAtMs);
    return q.exec(tr("Saving the organization's documentation template failed"));
}

Result<QList<DocTemplate>> list(Storage::Handle db)
{
    Statement q(db, "SELECT org_id, org_name, name, kind, body, prompt, changed_at FROM org_doc_templates ORDER BY org_name, org_id, name");
    QList<DocTemplate> templates;
    while (q.next()) {
        DocTemplate t;
        t.orgId = q.columnText(0);
        t.orgName = q.columnText(1);
        t.name = q.columnText(2);
        t.kind = q.columnText(3);
        t.body = q.columnText(4);
        t.prompt = q.columnText(5);
        t.updatedAt = q.columnInt(6);
        templates.append(t);
    }
    if (q.failed())
        return q.error(tr("Reading the organizations' documentation templates failed"));
    return templates;
}

} // namespace Realm::Docs::OrgDocs

// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompts/orgprompts.h"

#include "storage/statement.h"

#include <QCoreApplication>

namespace Realm::Prompts::OrgPrompts {

using Storage::Statement;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Prompts", text);
}
} // namespace

Result<void> store(Storage::Handle db, const Shared &shared)
{
    const PromptTemplate &prompt = shared.prompt;
    if (Result<void> valid = validatePrompt(prompt); !valid)
        return valid;
    Statement q(db, "INSERT INTO org_prompt_templates (org_id, org_name, name, title, description, body, seq, changed_by, changed_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, name) DO UPDATE SET org_name = excluded.org_name, "
                    "title = excluded.title, description = excluded.description, body = excluded.body, seq = excluded.seq, "
                    "changed_by = excluded.changed_by, changed_at = excluded.changed_at");
    q.bindAll(prompt.orgId, prompt.orgName, prompt.name, prompt.title, prompt.description, prompt.body, shared.seq, shared.changedBy,
              shared.changedAtMs);
    return q.exec(tr("Saving the organization's prompt template failed"));
}

Result<QList<PromptTemplate>> list(Storage::Handle db)
{
    Statement q(db, "SELECT org_id, org_name, name, title, description, body, changed_at FROM org_prompt_templates ORDER BY org_name, org_id, name");
    QList<PromptTemplate> prompts;
    while (q.next()) {
        PromptTemplate p;
        p.orgId = q.columnText(0);
        p.orgName = q.columnText(1);
        p.name = q.columnText(2);
        p.title = q.columnText(3);
        p.description = q.columnText(4);
        p.body = q.columnText(5);
        p.updatedAt = q.columnInt(6);
        prompts.append(p);
    }
    if (q.failed())
        return q.error(tr("Reading the organizations' prompt templates failed"));
    return prompts;
}

} // namespace Realm::Prompts::OrgPrompts

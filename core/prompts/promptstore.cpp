// SPDX-License-Identifier: GPL-3.0-or-later
#include "prompts/promptstore.h"

#include "common/clock.h"
#include "common/orgqualified.h"
#include "prompts/orgprompts.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>

namespace Realm::Prompts {

using Storage::Statement;

namespace {
PromptTemplate promptFrom(const Statement &q)
{
    PromptTemplate p;
    p.name = q.columnText(0);
    p.title = q.columnText(1);
    p.description = q.columnText(2);
    p.body = q.columnText(3);
    p.createdAt = q.columnInt(4);
    p.updatedAt = q.columnInt(5);
    return p;
}
} // namespace

Result<QList<PromptTemplate>> PromptStore::list() const
{
    QList<PromptTemplate> prompts = builtInPrompts();
    Statement q(m_db->handle(), "SELECT name, title, description, body, created_at, updated_at FROM prompt_templates "
                                "WHERE deleted_at IS NULL ORDER BY name");
    while (q.next())
        prompts.append(promptFrom(q));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Prompts", "Reading the prompt templates failed"));
    Result<QList<PromptTemplate>> shared = OrgPrompts::list(m_db->handle());
    if (!shared)
        return shared.error();
    return prompts + *shared;
}

Result<std::optional<PromptTemplate>> PromptStore::findShared(const QString &name) const
{
    Result<QList<PromptTemplate>> shared = OrgPrompts::list(m_db->handle());
    if (!shared)
        return shared.error();
    return findOrgQualified(*shared, name);
}

Result<PromptTemplate> PromptStore::find(const QString &name) const
{
    if (const PromptTemplate *p = builtInPrompt(name))
        return *p;
    Statement q(m_db->handle(), "SELECT name, title, description, body, created_at, updated_at FROM prompt_templates "
                                "WHERE name = ? AND deleted_at IS NULL");
    q.bindAll(name);
    if (q.next())
        return promptFrom(q);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Prompts", "Reading a prompt template failed"));
    Result<std::optional<PromptTemplate>> shared = findShared(name);
    if (!shared)
        return shared.error();
    if (*shared)
        return **shared;
    return Error::notFound(QCoreApplication::translate("Realm::Prompts", "There is no prompt template named \"%1\" (realm-cli prompt list shows them).").arg(name));
}

Result<void> PromptStore::save(const PromptTemplate &prompt)
{
    if (builtInPrompt(prompt.name))
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "\"%1\" is one of REALM's own prompt templates: save yours under another name.").arg(prompt.name));
    if (Result<void> valid = validatePrompt(prompt); !valid)
        return valid;
    Statement q(m_db->handle(), "INSERT INTO prompt_templates (name, title, description, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                                "ON CONFLICT(name) DO UPDATE SET title = excluded.title, description = excluded.description, body = excluded.body, "
                                "created_at = iif(deleted_at IS NULL, created_at, excluded.created_at), "
                                "updated_at = excluded.updated_at, deleted_at = NULL");
    const qint64 now = Clock::nowMs();
    q.bindAll(prompt.name, prompt.title, prompt.description, prompt.body, prompt.createdAt > 0 ? prompt.createdAt : now, now);
    return q.exec(QCoreApplication::translate("Realm::Prompts", "Saving the prompt template failed"));
}

Result<void> PromptStore::saveAll(const QList<PromptTemplate> &prompts, bool replace)
{
    Storage::Transaction transaction(m_db->handle());
    if (!transaction.isActive())
        return transaction.error();
    for (const PromptTemplate &prompt : prompts) {
        if (!replace && !builtInPrompt(prompt.name) && find(prompt.name))
            return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "There is already a prompt template named \"%1\": remove it first, or replace it.").arg(prompt.name));
        if (Result<void> saved = save(prompt); !saved)
            return saved;
    }
    return transaction.commit(QCoreApplication::translate("Realm::Prompts", "Saving the prompt templates failed"));
}

Result<void> PromptStore::remove(const QString &name)
{
    if (builtInPrompt(name))
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "\"%1\" is one of REALM's own prompt templates and cannot be removed.").arg(name));
    // A tombstone, so that sync can pass the removal on.
    Statement q(m_db->handle(), "UPDATE prompt_templates SET deleted_at = ?, updated_at = ? WHERE name = ? AND deleted_at IS NULL");
    const qint64 now = Clock::nowMs();
    q.bindAll(now, now, name);
    if (Result<void> removed = q.exec(QCoreApplication::translate("Realm::Prompts", "Removing the prompt template failed")); !removed)
        return removed;
    if (q.changes() > 0)
        return {};
    if (Result<std::optional<PromptTemplate>> shared = findShared(name); shared && *shared)
        return Error::invalidInput(QCoreApplication::translate("Realm::Prompts", "\"%1\" is %2's prompt template: an admin of %2 withdraws it "
                                                                                 "(realm-cli prompt withdraw %3 --org %2).")
                                       .arg(name, (*shared)->orgName, (*shared)->name));
    return Error::notFound(QCoreApplication::translate("Realm::Prompts", "There is no prompt template named \"%1\".").arg(name));
}

} // namespace Realm::Prompts

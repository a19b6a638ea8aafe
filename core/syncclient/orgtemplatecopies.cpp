// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient/orgtemplatecopies.h"

#include "docs/orgdocs.h"
#include "prompts/orgprompts.h"
#include "starters/orgstarters.h"

#include <QCoreApplication>

namespace Realm::SyncClient {

namespace {

QString textIn(const Sync::Change &change, const char *field)
{
    return change.data.value(QLatin1String(field)).toString();
}

Result<void> storePrompt(Storage::Handle db, const Sync::Change &change, const QString &orgId, const QString &orgName)
{
    Prompts::PromptTemplate prompt;
    prompt.name = change.key;
    prompt.title = textIn(change, "title");
    prompt.description = textIn(change, "description");
    prompt.body = textIn(change, "body");
    prompt.orgId = orgId;
    prompt.orgName = orgName;
    return Prompts::OrgPrompts::store(db, {prompt, change.seq, change.changedBy, change.changedAtMs});
}

Result<void> storeDocTemplate(Storage::Handle db, const Sync::Change &change, const QString &orgId, const QString &orgName)
{
    Docs::DocTemplate docTemplate;
    docTemplate.name = change.key;
    docTemplate.kind = textIn(change, "kind");
    docTemplate.body = textIn(change, "body");
    docTemplate.prompt = textIn(change, "prompt");
    docTemplate.orgId = orgId;
    docTemplate.orgName = orgName;
    return Docs::OrgDocs::store(db, {docTemplate, change.seq, change.changedBy, change.changedAtMs});
}

Result<void> storeStarter(Storage::Handle db, const Sync::Change &change, const QString &orgId, const QString &orgName)
{
    const QByteArray::FromBase64Result archive =
        QByteArray::fromBase64Encoding(textIn(change, "archive").toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!archive)
        return Error::invalidInput(QCoreApplication::translate("Realm::SyncClient", "Its archive is not base64."));
    return Starters::OrgStarters::store(db, {orgId, orgName, change.key, textIn(change, "title"), textIn(change, "description"), archive.decoded,
                                             change.seq, change.changedBy, change.changedAtMs});
}

const OrgTemplateCopies kCopies[] = {
    {TemplateKind::Prompt, Sync::Tables::kPromptTemplates, storePrompt, &Prompts::OrgPrompts::kCopies},
    {TemplateKind::Doc, Sync::Tables::kDocTemplates, storeDocTemplate, &Docs::OrgDocs::kCopies},
    {TemplateKind::Starter, Sync::Tables::kStarterTemplates, storeStarter, &Starters::OrgStarters::kCopies},
};

} // namespace

std::span<const OrgTemplateCopies> allOrgTemplateCopies()
{
    return kCopies;
}

const OrgTemplateCopies &orgTemplateCopies(TemplateKind kind)
{
    for (const OrgTemplateCopies &copies : kCopies)
        if (copies.kind == kind)
            return copies;
    return kCopies[0];
}

const OrgTemplateCopies *orgTemplateCopies(const QString &table)
{
    for (const OrgTemplateCopies &copies : kCopies)
        if (table == QLatin1String(copies.table))
            return &copies;
    return nullptr;
}

} // namespace Realm::SyncClient

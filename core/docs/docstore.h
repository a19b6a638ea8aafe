// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/database.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Realm::Docs {

// A template a user copied from a built-in one and edited.
struct DocTemplate {
    QString name;
    QString kind;   // api | overview | custom
    QString body;   // Mustache
    QString prompt; // custom: what to ask the model
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    // An organization's (see OrgDocs): read-only here, changed by its
    // admins on the team server.
    QString orgId;
    QString orgName;
};

// Whether it is a template REALM can use: a name, a known kind, a body,
// and a custom one's prompt.
Result<void> validateTemplate(const DocTemplate &docTemplate);
inline bool isReadOnly(const DocTemplate &docTemplate)
{
    return !docTemplate.orgId.isEmpty();
}
// The name that finds it: an organization's as "ORG/NAME".
QString qualifiedName(const DocTemplate &docTemplate);

// One generated document, as kept in the workspace.
struct DocVersion {
    QString id;
    QString projectId;
    QString kind;
    QString templateName; // "built-in" or a stored template's name
    QString inputsHash;   // hex: files, template, model — equal means nothing changed
    qint64 projectRevision = 0;
    QString model;        // who wrote the LLM parts; empty for the API reference
    QString title;
    QString markdown;     // not filled in by versions()
    QJsonObject stats;    // files, symbols, coverage, what was redone
    qint64 createdAt = 0;
};

struct CachedSummary {
    QString model;
    QString text;
    qint64 createdAt = 0;
};

// The docs' tables in the workspace: generated versions, user templates,
// and what regeneration reuses — symbols per file content and summaries a
// model wrote. Blocking; use from a worker or the CLI.
class DocStore final {
public:
    explicit DocStore(Storage::DatabasePtr db) : m_db(std::move(db)) {}

    // Symbols by file content: sha256 + "\n" + suffix -> their serialized
    // form, for those of `keys` that are cached.
    Result<QHash<QByteArray, QByteArray>> cachedSymbols(const QList<QByteArray> &keys, int extractorVersion) const;
    Result<void> cacheSymbols(const QHash<QByteArray, QByteArray> &symbolsByKey, int extractorVersion);

    Result<std::optional<CachedSummary>> summary(const QByteArray &inputHash) const;
    Result<void> saveSummary(const QByteArray &inputHash, const QString &model, const QString &text);

    // The user's, then the organizations' (by organization, then name).
    Result<QList<DocTemplate>> templates() const;
    // The user's of that name first, then an organization's: "ORG/NAME"
    // (by the organization's name or id) or NAME when one organization
    // alone has it.
    Result<DocTemplate> findTemplate(const QString &name) const;
    // Adds or replaces by name (the user's own).
    Result<void> saveTemplate(const DocTemplate &docTemplate);
    // A template from a file (templateFromFile) becomes one of the user's
    // own; a name already theirs is a Conflict unless `replace`.
    Result<void> importTemplate(const DocTemplate &docTemplate, bool replace);
    // The user's own; an organization's is its admins' to withdraw.
    Result<void> removeTemplate(const QString &name);

    Result<DocVersion> saveVersion(DocVersion version);
    // Newest first, without their Markdown.
    Result<QList<DocVersion>> versions(const QString &projectId) const;
    // By id or a unique prefix of it.
    Result<DocVersion> version(const QString &idOrPrefix) const;
    // The newest of a kind and template, if any.
    Result<std::optional<DocVersion>> latest(const QString &projectId, const QString &kind, const QString &templateName) const;
    // The newest API reference of any template, without its Markdown: what
    // the statistics take the documentation coverage from.
    Result<std::optional<DocVersion>> newestApiReference(const QString &projectId) const;
    Result<void> removeVersion(const QString &id);

private:
    Storage::DatabasePtr m_db;
};

// Lets projects forget the documents of a project it purges and the
// symbols of a content it collects (Workspace::open calls it).
void registerCleanup();

} // namespace Realm::Docs

// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docstore.h"

#include "common/clock.h"
#include "common/ids.h"
#include "common/orgqualified.h"
#include "docs/docgenerator.h"
#include "docs/docjson.h"
#include "docs/orgdocs.h"
#include "projects/cleanup.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace Realm::Docs {

using Storage::Statement;

namespace {
const char kVersionColumns[] = "id, project_id, kind, template, inputs_hash, project_revision, model, title, stats, created_at";

DocVersion versionFrom(const Statement &q)
{
    DocVersion v;
    v.id = q.columnText(0);
    v.projectId = q.columnText(1);
    v.kind = q.columnText(2);
    v.templateName = q.columnText(3);
    v.inputsHash = q.columnText(4);
    v.projectRevision = q.columnInt(5);
    v.model = q.columnText(6);
    v.title = q.columnText(7);
    v.stats = statsFromStored(QJsonDocument::fromJson(q.columnBlob(8)).object());
    v.createdAt = q.columnInt(9);
    return v;
}

DocTemplate templateFrom(const Statement &q)
{
    return {q.columnText(0), q.columnText(1), q.columnText(2), q.columnText(3), q.columnInt(4), q.columnInt(5), {}, {}};
}

enum class Text { Without, With };

// The versions' query with a condition, newest first; with the text, it is
// column 10 (an API reference can be megabytes: only read when wanted).
QString versionQuery(const char *where, Text text = Text::With)
{
    return QStringLiteral("SELECT %1%2 FROM doc_versions WHERE %3 AND deleted_at IS NULL ORDER BY created_at DESC, rowid DESC")
        .arg(QLatin1String(kVersionColumns), text == Text::With ? QStringLiteral(", markdown") : QString(), QLatin1String(where));
}

// The newest version a query finds, if any.
Result<std::optional<DocVersion>> newest(Statement &q)
{
    if (q.next()) {
        DocVersion v = versionFrom(q);
        if (q.columnCount() > 10)
            v.markdown = q.columnText(10);
        return std::optional<DocVersion>(v);
    }
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Docs", "Reading the documents failed"));
    return std::optional<DocVersion>();
}
} // namespace

Result<QHash<QByteArray, QByteArray>> DocStore::cachedSymbols(const QList<QByteArray> &keys, int extractorVersion) const
{
    Statement q(m_db->handle(), "SELECT symbols FROM doc_symbol_cache WHERE sha256 = ? AND suffix = ? AND extractor = ?");
    QHash<QByteArray, QByteArray> found;
    for (const QByteArray &key : keys) {
        const qsizetype cut = key.indexOf('\n');
        q.reset();
        q.bindAll(key.left(cut), QString::fromUtf8(key.mid(cut + 1)), extractorVersion);
        if (q.next())
            found.insert(key, q.columnBlob(0));
        else if (q.failed())
            return q.error(QCoreApplication::translate("Realm::Docs", "Reading the symbol cache failed"));
    }
    return found;
}

Result<void> DocStore::cacheSymbols(const QHash<QByteArray, QByteArray> &symbolsByKey, int extractorVersion)
{
    Storage::Transaction transaction(m_db->handle());
    if (!transaction.isActive())
        return transaction.error();
    Statement q(m_db->handle(), "INSERT OR REPLACE INTO doc_symbol_cache (sha256, suffix, extractor, symbols) VALUES (?, ?, ?, ?)");
    for (auto it = symbolsByKey.cbegin(); it != symbolsByKey.cend(); ++it) {
        const qsizetype cut = it.key().indexOf('\n');
        q.bindAll(it.key().left(cut), QString::fromUtf8(it.key().mid(cut + 1)), extractorVersion, it.value());
        if (Result<void> saved = q.exec(QCoreApplication::translate("Realm::Docs", "Saving the symbol cache failed")); !saved)
            return saved;
    }
    return transaction.commit();
}

Result<std::optional<CachedSummary>> DocStore::summary(const QByteArray &inputHash) const
{
    Statement q(m_db->handle(), "SELECT model, text, created_at FROM doc_summaries WHERE input_hash = ?");
    q.bindAll(inputHash);
    if (q.next())
        return std::optional<CachedSummary>(CachedSummary{q.columnText(0), q.columnText(1), q.columnInt(2)});
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Docs", "Reading a cached summary failed"));
    return std::optional<CachedSummary>();
}

Result<void> DocStore::saveSummary(const QByteArray &inputHash, const QString &model, const QString &summaryText)
{
    Statement q(m_db->handle(), "INSERT OR REPLACE INTO doc_summaries (input_hash, model, text, created_at) VALUES (?, ?, ?, ?)");
    q.bindAll(inputHash, model, summaryText, Clock::nowMs());
    return q.exec(QCoreApplication::translate("Realm::Docs", "Saving a summary failed"));
}

Result<void> validateTemplate(const DocTemplate &t)
{
    if (t.name.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "A template needs a name."));
    const std::optional<DocKind> kind = docKindFromName(t.kind);
    if (!kind)
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "The template %1 is for \"%2\": a template is for api, overview or custom.").arg(t.name, t.kind));
    if (t.body.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "The template %1 has no text.").arg(t.name));
    if (*kind == DocKind::Custom && t.prompt.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "The custom template %1 needs a prompt: what the model should write.").arg(t.name));
    return {};
}

QString qualifiedName(const DocTemplate &t)
{
    return orgQualifiedName(t);
}

Result<QList<DocTemplate>> DocStore::templates() const
{
    Statement q(m_db->handle(), "SELECT name, kind, body, prompt, created_at, updated_at FROM doc_templates WHERE deleted_at IS NULL ORDER BY name");
    QList<DocTemplate> list;
    while (q.next())
        list.append(templateFrom(q));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Docs", "Reading the templates failed"));
    Result<QList<DocTemplate>> shared = OrgDocs::list(m_db->handle());
    if (!shared)
        return shared.error();
    return list + *shared;
}

Result<DocTemplate> DocStore::findTemplate(const QString &name) const
{
    Statement q(m_db->handle(), "SELECT name, kind, body, prompt, created_at, updated_at FROM doc_templates WHERE name = ? AND deleted_at IS NULL");
    q.bindAll(name);
    if (q.next())
        return templateFrom(q);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Docs", "Reading a template failed"));
    Result<QList<DocTemplate>> shared = OrgDocs::list(m_db->handle());
    if (!shared)
        return shared.error();
    Result<std::optional<DocTemplate>> found = findOrgQualified(*shared, name);
    if (!found)
        return found.error();
    if (*found)
        return **found;
    return Error::notFound(QCoreApplication::translate("Realm::Docs", "There is no template named \"%1\" (realm-cli docs template list shows them).").arg(name));
}

Result<void> DocStore::saveTemplate(const DocTemplate &t)
{
    if (t.name.trimmed().isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "A template needs a name."));
    if (t.name == QLatin1String("built-in"))
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "\"built-in\" names REALM's own templates; choose another name."));
    Statement q(m_db->handle(), "INSERT INTO doc_templates (name, kind, body, prompt, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                                "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, body = excluded.body, prompt = excluded.prompt, "
                                "created_at = iif(deleted_at IS NULL, created_at, excluded.created_at), "
                                "updated_at = excluded.updated_at, deleted_at = NULL");
    const qint64 now = Clock::nowMs();
    q.bindAll(t.name, t.kind, t.body, t.prompt, now, now);
    return q.exec(QCoreApplication::translate("Realm::Docs", "Saving the template failed"));
}

Result<void> DocStore::importTemplate(const DocTemplate &t, bool replace)
{
    Storage::Transaction transaction(m_db->handle());
    if (!transaction.isActive())
        return transaction.error();
    if (!replace) {
        Statement taken(m_db->handle(), "SELECT 1 FROM doc_templates WHERE name = ? AND deleted_at IS NULL");
        taken.bindAll(t.name);
        if (taken.next())
            return Error::conflict(QCoreApplication::translate("Realm::Docs", "You already have a documentation template named \"%1\".").arg(t.name));
        if (taken.failed())
            return taken.error(QCoreApplication::translate("Realm::Docs", "Saving the template failed"));
    }
    if (Result<void> saved = saveTemplate(t); !saved)
        return saved;
    return transaction.commit(QCoreApplication::translate("Realm::Docs", "Saving the template failed"));
}

Result<void> DocStore::removeTemplate(const QString &name)
{
    Result<DocTemplate> found = findTemplate(name);
    if (!found && found.error().code != Error::Code::NotFound) // a name several organizations have
        return found.error();
    if (found && isReadOnly(*found))
        return Error::forbidden(QCoreApplication::translate("Realm::Docs", "%1 is %2's template: its admins withdraw it (realm-cli docs template withdraw %3 --org %2).")
                                    .arg(qualifiedName(*found), found->orgName, found->name));
    // A tombstone, so that sync can pass the removal on.
    Statement q(m_db->handle(), "UPDATE doc_templates SET deleted_at = ?, updated_at = ? WHERE name = ? AND deleted_at IS NULL");
    const qint64 now = Clock::nowMs();
    q.bindAll(now, now, name);
    if (Result<void> removed = q.exec(QCoreApplication::translate("Realm::Docs", "Removing the template failed")); !removed)
        return removed;
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Docs", "There is no template named \"%1\".").arg(name));
    return {};
}

Result<DocVersion> DocStore::saveVersion(DocVersion v)
{
    if (v.id.isEmpty())
        v.id = newId();
    if (v.createdAt == 0)
        v.createdAt = Clock::nowMs();
    Statement q(m_db->handle(), "INSERT INTO doc_versions (id, project_id, kind, template, inputs_hash, project_revision, model, title, "
                                "markdown, stats, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bindAll(v.id, v.projectId, v.kind, v.templateName, v.inputsHash, v.projectRevision, v.model, v.title, v.markdown,
              QString::fromUtf8(QJsonDocument(v.stats).toJson(QJsonDocument::Compact)), v.createdAt);
    if (Result<void> saved = q.exec(QCoreApplication::translate("Realm::Docs", "Saving the document failed")); !saved)
        return saved.error();
    return v;
}

Result<QList<DocVersion>> DocStore::versions(const QString &projectId) const
{
    Statement q(m_db->handle(), QStringLiteral("SELECT %1 FROM doc_versions WHERE project_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, rowid DESC")
                                    .arg(QLatin1String(kVersionColumns)));
    q.bindAll(projectId);
    QList<DocVersion> list;
    while (q.next())
        list.append(versionFrom(q));
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Docs", "Reading the documents failed"));
    return list;
}

Result<DocVersion> DocStore::version(const QString &idOrPrefix) const
{
    Statement q(m_db->handle(), versionQuery("(id = ? OR (length(?) >= 6 AND substr(id, 1, length(?)) = ?))") + QStringLiteral(" LIMIT 2"));
    q.bindAll(idOrPrefix, idOrPrefix, idOrPrefix, idOrPrefix);
    Result<std::optional<DocVersion>> found = newest(q);
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound(QCoreApplication::translate("Realm::Docs", "There is no document %1 (realm-cli docs list PROJECT shows them).").arg(idOrPrefix));
    if ((*found)->id != idOrPrefix && q.next())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "%1 names more than one document; give more of the id.").arg(idOrPrefix));
    return **found;
}

Result<std::optional<DocVersion>> DocStore::latest(const QString &projectId, const QString &kind, const QString &templateName) const
{
    Statement q(m_db->handle(), versionQuery("project_id = ? AND kind = ? AND template = ?") + QStringLiteral(" LIMIT 1"));
    q.bindAll(projectId, kind, templateName);
    return newest(q);
}

Result<std::optional<DocVersion>> DocStore::newestApiReference(const QString &projectId) const
{
    Statement q(m_db->handle(), versionQuery("project_id = ? AND kind = 'api'", Text::Without) + QStringLiteral(" LIMIT 1"));
    q.bindAll(projectId);
    return newest(q);
}

Result<void> DocStore::removeVersion(const QString &id)
{
    // A tombstone, so that sync can pass the removal on.
    Statement q(m_db->handle(), "UPDATE doc_versions SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL");
    q.bindAll(Clock::nowMs(), id);
    if (Result<void> removed = q.exec(QCoreApplication::translate("Realm::Docs", "Removing the document failed")); !removed)
        return removed;
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Docs", "There is no document %1.").arg(id));
    return {};
}

void registerCleanup()
{
    Projects::Cleanup::beforeProjectPurged([](Storage::Handle db, const QString &projectId) -> Result<void> {
        Storage::Statement forget(db, "DELETE FROM doc_versions WHERE project_id = ?");
        forget.bindAll(projectId);
        return forget.exec(QCoreApplication::translate("Realm::Docs", "Cannot remove the project's documents"));
    });
    Projects::Cleanup::beforeContentCollected([](Storage::Handle db, const Projects::Cleanup::CollectedContent &content) -> Result<void> {
        Storage::Statement forget(db, "DELETE FROM doc_symbol_cache WHERE sha256 = ?");
        forget.bindBlob(1, content.sha256);
        return forget.exec(QCoreApplication::translate("Realm::Docs", "Cannot remove a content's symbols"));
    });
}

} // namespace Realm::Docs

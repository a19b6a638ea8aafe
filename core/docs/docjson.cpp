// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docjson.h"

#include "common/jsontime.h"
#include "docs/docstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Realm::Docs {

QJsonObject toJson(const DocVersion &v)
{
    return {{QStringLiteral("id"), v.id},
            {QStringLiteral("project_id"), v.projectId},
            {QStringLiteral("kind"), v.kind},
            {QStringLiteral("template"), v.templateName},
            {QStringLiteral("title"), v.title},
            {QStringLiteral("model"), v.model.isEmpty() ? QJsonValue() : QJsonValue(v.model)},
            {QStringLiteral("project_revision"), v.projectRevision},
            {QStringLiteral("stats"), v.stats},
            {QStringLiteral("created_at"), Json::time(v.createdAt)}};
}

QByteArray templateFile(const DocTemplate &t)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("kind"), t.kind}, {QStringLiteral("body"), t.body}, {QStringLiteral("prompt"), t.prompt}})
        .toJson();
}

Result<DocTemplate> templateFromFile(const QByteArray &bytes, const QString &source)
{
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "%1 is not a documentation template REALM exported: it is not a JSON object (%2).")
                                       .arg(source, parsed.error != QJsonParseError::NoError ? parsed.errorString() : QCoreApplication::translate("Realm::Docs", "another JSON value")));
    const QJsonObject o = document.object();
    if (!o.value(QStringLiteral("body")).isString())
        return Error::invalidInput(QCoreApplication::translate("Realm::Docs", "%1 is not a documentation template REALM exported (no \"body\").").arg(source));
    DocTemplate t;
    t.name = o.value(QStringLiteral("name")).toString();
    t.kind = o.value(QStringLiteral("kind")).toString();
    t.body = o.value(QStringLiteral("body")).toString();
    t.prompt = o.value(QStringLiteral("prompt")).toString();
    if (Result<void> valid = validateTemplate(t); !valid)
        return Error::invalidInput(QStringLiteral("%1: %2").arg(source, valid.error().message));
    return t;
}

QJsonObject toJson(const DocTemplate &t)
{
    QJsonObject json{{QStringLiteral("name"), t.name}, {QStringLiteral("kind"), t.kind}};
    if (!t.orgId.isEmpty()) {
        json.insert(QStringLiteral("org_id"), t.orgId);
        json.insert(QStringLiteral("org"), t.orgName);
    }
    if (t.createdAt > 0)
        json.insert(QStringLiteral("created_at"), Json::time(t.createdAt));
    json.insert(QStringLiteral("updated_at"), Json::time(t.updatedAt));
    return json;
}

QJsonObject statsFromStored(const QJsonObject &stored)
{
    static const std::pair<const char *, const char *> renamed[] = {{"filesExtracted", "files_extracted"},
                                                                    {"filesReused", "files_reused"},
                                                                    {"summariesWritten", "summaries_written"},
                                                                    {"summariesReused", "summaries_reused"},
                                                                    {"documentedOnly", "documented_only"}};
    QJsonObject stats = stored;
    for (const auto &[before, after] : renamed) {
        const QString old = QLatin1String(before);
        if (stats.contains(old))
            stats.insert(QLatin1String(after), stats.take(old));
    }
    return stats;
}

} // namespace Realm::Docs

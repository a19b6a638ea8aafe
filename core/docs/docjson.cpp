// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/docjson.h"

#include "common/jsontime.h"
#include "docs/docstore.h"

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

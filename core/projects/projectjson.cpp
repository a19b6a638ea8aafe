// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/projectjson.h"

#include "common/jsontime.h"
#include "projects/project.h"
#include "projects/projecthistory.h"
#include "projects/projectimporter.h"

#include <QJsonArray>

namespace Realm::Projects {

namespace {
QJsonArray issuesJson(const QList<ImportIssue> &issues)
{
    QJsonArray array;
    for (const ImportIssue &issue : issues)
        array.append(QJsonObject{{QStringLiteral("path"), issue.path}, {QStringLiteral("reason"), issue.reason}});
    return array;
}
} // namespace

QJsonObject toJson(const Project &p)
{
    QJsonObject source{{QStringLiteral("kind"), sourceKindName(p.source.kind)},
                       {QStringLiteral("location"), p.source.location}};
    if (!p.source.ref.isEmpty())
        source.insert(QStringLiteral("ref"), p.source.ref);
    if (!p.source.commit.isEmpty())
        source.insert(QStringLiteral("commit"), p.source.commit);
    QJsonObject o{{QStringLiteral("id"), p.id},
                  {QStringLiteral("name"), p.name},
                  {QStringLiteral("description"), p.description},
                  {QStringLiteral("tags"), QJsonArray::fromStringList(p.tags)},
                  {QStringLiteral("source"), source},
                  {QStringLiteral("files"), p.fileCount},
                  {QStringLiteral("bytes"), p.totalBytes},
                  {QStringLiteral("created_at"), Json::time(p.createdAt)},
                  {QStringLiteral("updated_at"), Json::time(p.updatedAt)},
                  {QStringLiteral("revision"), p.revision}};
    if (p.deletedAt)
        o.insert(QStringLiteral("deleted_at"), Json::time(*p.deletedAt));
    return o;
}

QJsonObject toJson(const ProjectFile &f)
{
    return {{QStringLiteral("path"), f.path},
            {QStringLiteral("size"), f.size},
            {QStringLiteral("language"), f.language},
            {QStringLiteral("encoding"), f.encoding},
            {QStringLiteral("binary"), f.isBinary()}};
}

QJsonObject toJson(const ProjectVersion &v)
{
    QJsonObject o{{QStringLiteral("number"), v.number},
                  {QStringLiteral("kind"), v.kind},
                  {QStringLiteral("created_at"), Json::time(v.createdAt)},
                  {QStringLiteral("added"), v.added},
                  {QStringLiteral("changed"), v.changed},
                  {QStringLiteral("removed"), v.removed}};
    if (!v.sourceCommit.isEmpty())
        o.insert(QStringLiteral("source_commit"), v.sourceCommit);
    if (!v.author.isEmpty())
        o.insert(QStringLiteral("author"), v.author);
    return o;
}

QJsonObject toJson(const ImportReport &report)
{
    QJsonObject o = toJson(report.project);
    o.insert(QStringLiteral("added"), report.added);
    o.insert(QStringLiteral("changed"), report.changed);
    o.insert(QStringLiteral("removed"), report.removed);
    o.insert(QStringLiteral("unchanged"), report.unchanged);
    o.insert(QStringLiteral("skipped"), issuesJson(report.skipped));
    o.insert(QStringLiteral("rejected"), issuesJson(report.rejected));
    o.insert(QStringLiteral("warnings"), issuesJson(report.warnings));
    return o;
}

} // namespace Realm::Projects

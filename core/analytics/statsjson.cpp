// SPDX-License-Identifier: GPL-3.0-or-later
// ProjectStats to and from JSON: the CLI's --json output and the form the
// workspace keeps the last result in.
#include "analytics/projectstats.h"

#include "common/jsontime.h"

#include <QJsonArray>

namespace Realm::Analytics {

namespace {
QJsonObject linesJson(const LineCounts &c)
{
    return {{QStringLiteral("lines"), c.lines}, {QStringLiteral("code"), c.code}, {QStringLiteral("comment"), c.comment},
            {QStringLiteral("blank"), c.blank}};
}

LineCounts linesFrom(const QJsonObject &o)
{
    return {o.value(QStringLiteral("lines")).toInteger(), o.value(QStringLiteral("code")).toInteger(),
            o.value(QStringLiteral("comment")).toInteger(), o.value(QStringLiteral("blank")).toInteger()};
}

qint64 integer(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

qint64 time(const QJsonObject &o, const char *key)
{
    return Json::timeFrom(o.value(QLatin1String(key))).value_or(0);
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
} // namespace

QJsonObject toJson(const ProjectStats &s)
{
    QJsonArray languages;
    for (const LanguageStats &l : s.languages) {
        QJsonObject o = linesJson(l.lines);
        o.insert(QStringLiteral("language"), l.language);
        o.insert(QStringLiteral("files"), l.files);
        o.insert(QStringLiteral("bytes"), l.bytes);
        languages.append(o);
    }
    QJsonArray largest;
    for (const FileSize &f : s.largest)
        largest.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("bytes"), f.bytes}, {QStringLiteral("lines"), f.lines}});
    QJsonArray churn;
    for (const FileChurn &f : s.mostChanged)
        churn.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("versions"), f.versions}});
    QJsonObject counts;
    for (auto it = s.markerCounts.cbegin(); it != s.markerCounts.cend(); ++it)
        counts.insert(it.key(), it.value());
    QJsonArray markers;
    for (const MarkerAt &m : s.markers)
        markers.append(QJsonObject{{QStringLiteral("path"), m.path}, {QStringLiteral("line"), m.marker.line},
                                   {QStringLiteral("kind"), m.marker.kind}, {QStringLiteral("text"), m.marker.text}});
    QJsonArray growth;
    for (const GrowthPoint &g : s.growth)
        growth.append(QJsonObject{{QStringLiteral("version"), g.version}, {QStringLiteral("created_at"), Json::time(g.createdAt)},
                                  {QStringLiteral("files"), g.files}, {QStringLiteral("lines"), g.lines}, {QStringLiteral("bytes"), g.bytes}});
    QJsonObject o{{QStringLiteral("files"), s.files},
                  {QStringLiteral("binary_files"), s.binaryFiles},
                  {QStringLiteral("bytes"), s.bytes},
                  {QStringLiteral("lines"), linesJson(s.lines)},
                  {QStringLiteral("languages"), languages},
                  {QStringLiteral("largest"), largest},
                  {QStringLiteral("most_changed"), churn},
                  {QStringLiteral("marker_counts"), counts},
                  {QStringLiteral("markers"), markers},
                  {QStringLiteral("growth"), growth},
                  {QStringLiteral("analyzed_files"), s.analyzedFiles},
                  {QStringLiteral("analyzed_bytes"), s.analyzedBytes}};
    if (s.docs)
        o.insert(QStringLiteral("docs"), QJsonObject{{QStringLiteral("documented"), s.docs->documented}, {QStringLiteral("total"), s.docs->total},
                                                     {QStringLiteral("coverage"), s.docs->ratio}, {QStringLiteral("generated_at"), Json::time(s.docs->generatedAt)}});
    return o;
}

ProjectStats statsFromJson(const QJsonObject &o)
{
    ProjectStats s;
    s.files = integer(o, "files");
    s.binaryFiles = integer(o, "binary_files");
    s.bytes = integer(o, "bytes");
    s.lines = linesFrom(o.value(QStringLiteral("lines")).toObject());
    for (const QJsonValue &v : o.value(QStringLiteral("languages")).toArray()) {
        const QJsonObject l = v.toObject();
        s.languages.append({text(l, "language"), integer(l, "files"), integer(l, "bytes"), linesFrom(l)});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("largest")).toArray())
        s.largest.append({text(v.toObject(), "path"), integer(v.toObject(), "bytes"), integer(v.toObject(), "lines")});
    for (const QJsonValue &v : o.value(QStringLiteral("most_changed")).toArray())
        s.mostChanged.append({text(v.toObject(), "path"), int(integer(v.toObject(), "versions"))});
    const QJsonObject counts = o.value(QStringLiteral("marker_counts")).toObject();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        s.markerCounts.insert(it.key(), it.value().toInteger());
    for (const QJsonValue &v : o.value(QStringLiteral("markers")).toArray()) {
        const QJsonObject m = v.toObject();
        s.markers.append({text(m, "path"), {int(integer(m, "line")), text(m, "kind"), text(m, "text")}});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("growth")).toArray()) {
        const QJsonObject g = v.toObject();
        s.growth.append({int(integer(g, "version")), time(g, "created_at"), integer(g, "files"), integer(g, "lines"), integer(g, "bytes")});
    }
    if (o.contains(QStringLiteral("docs"))) {
        const QJsonObject d = o.value(QStringLiteral("docs")).toObject();
        s.docs = DocCoverage{integer(d, "documented"), integer(d, "total"), d.value(QStringLiteral("coverage")).toDouble(), time(d, "generated_at")};
    }
    s.analyzedFiles = integer(o, "analyzed_files");
    s.analyzedBytes = integer(o, "analyzed_bytes");
    return s;
}

} // namespace Realm::Analytics

// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/projectstats.h"

#include "docs/docstore.h"
#include "projects/cleanup.h"

#include "common/clock.h"

#include "projects/language.h"
#include "projects/textcontent.h"
#include "storage/statement.h"
#include "storage/transaction.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtConcurrent>

namespace Realm::Analytics {

using Storage::Statement;

namespace {
// Bump when analyzeText counts differently: older rows are then ignored.
constexpr qint64 kAnalyzerVersion = 2; // 2: markers only in comments
constexpr int kListedMarkers = 500;
// Bump when the JSON a kept result is stored in changes: a result kept in
// an older form is then computed again instead of read wrongly.
constexpr qint64 kKeptResultFormat = 2; // 2: snake_case keys, RFC 3339 times

struct Pending {
    QByteArray sha256;
    QString language;
    qint64 size = 0;
};

struct Analyzed {
    Pending what;
    TextAnalysis analysis;
};


// Contents of the project (now, or in an earlier version) not analyzed yet
// in their language.
Result<QList<Pending>> pendingContents(Storage::Handle db, const QString &projectId)
{
    QList<Pending> pending;
    QSet<QByteArray> seen;
    Statement current(db, "SELECT DISTINCT f.blob_sha256, f.language, f.size FROM files f JOIN blobs b ON b.sha256 = f.blob_sha256 "
                          "WHERE f.project_id = ?1 AND f.deleted_at IS NULL AND b.is_binary = 0 AND b.present = 1 AND NOT EXISTS "
                          "(SELECT 1 FROM blob_stats s WHERE s.sha256 = f.blob_sha256 AND s.language = f.language AND s.analyzer = ?2)");
    current.bind(1, projectId);
    current.bind(2, kAnalyzerVersion);
    while (current.next()) {
        pending.append({current.columnBlob(0), current.columnText(1), current.columnInt(2)});
        seen.insert(current.columnBlob(0));
    }
    if (current.failed())
        return current.error(QCoreApplication::translate("Realm::Analytics", "Cannot list the contents to analyze"));
    // Earlier versions' contents count for growth only: their lines, in
    // the language their path says.
    Statement history(db, "SELECT DISTINCT pvf.blob_sha256, pvf.path, b.size FROM project_version_files pvf "
                          "JOIN project_versions pv ON pv.id = pvf.version_id JOIN blobs b ON b.sha256 = pvf.blob_sha256 "
                          "WHERE pv.project_id = ?1 AND b.is_binary = 0 AND b.present = 1 AND NOT EXISTS "
                          "(SELECT 1 FROM blob_stats s WHERE s.sha256 = pvf.blob_sha256 AND s.analyzer = ?2)");
    history.bind(1, projectId);
    history.bind(2, kAnalyzerVersion);
    while (history.next()) {
        const QByteArray sha = history.columnBlob(0);
        if (seen.contains(sha))
            continue;
        seen.insert(sha);
        pending.append({sha, Projects::detectLanguage(history.columnText(1), {}), history.columnInt(2)});
    }
    if (history.failed())
        return history.error(QCoreApplication::translate("Realm::Analytics", "Cannot list the contents to analyze"));
    return pending;
}

Result<void> store(Storage::Handle db, const QList<Analyzed> &batch)
{
    Statement stats(db, "INSERT OR REPLACE INTO blob_stats (sha256, language, analyzer, lines, code, comment, blank, markers) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    Statement marker(db, "INSERT INTO blob_markers (sha256, language, analyzer, line, kind, text) VALUES (?, ?, ?, ?, ?, ?)");
    // Two computations of the same new content (a second window, the CLI
    // beside the desktop) must not list its markers twice.
    Statement forget(db, "DELETE FROM blob_markers WHERE sha256 = ? AND language = ? AND analyzer = ?");
    for (const Analyzed &a : batch) {
        forget.bindBlob(1, a.what.sha256);
        forget.bind(2, a.what.language);
        forget.bind(3, kAnalyzerVersion);
        if (Result<void> r = forget.exec(QCoreApplication::translate("Realm::Analytics", "Cannot save a file's markers")); !r)
            return r;
        const LineCounts &c = a.analysis.counts;
        stats.bindBlob(1, a.what.sha256);
        stats.bind(2, a.what.language);
        stats.bind(3, kAnalyzerVersion);
        stats.bind(4, c.lines);
        stats.bind(5, c.code);
        stats.bind(6, c.comment);
        stats.bind(7, c.blank);
        stats.bind(8, qint64(a.analysis.markers.size()));
        if (Result<void> r = stats.exec(QCoreApplication::translate("Realm::Analytics", "Cannot save a file's statistics")); !r)
            return r;
        for (const Marker &m : a.analysis.markers) {
            marker.bindBlob(1, a.what.sha256);
            marker.bind(2, a.what.language);
            marker.bind(3, kAnalyzerVersion);
            marker.bind(4, qint64(m.line));
            marker.bind(5, m.kind);
            marker.bind(6, m.text);
            if (Result<void> r = marker.exec(QCoreApplication::translate("Realm::Analytics", "Cannot save a file's markers")); !r)
                return r;
        }
    }
    return {};
}

// Analyzes what is pending, a few megabytes at a time: read here, counted
// on every core, written in one transaction per batch.
Result<void> analyzePending(const Storage::DatabasePtr &db, const QList<Pending> &pending, const CancellationToken *cancel,
                            const std::function<void(qint64, qint64)> &progress, ProjectStats &stats)
{
    qint64 total = 0;
    for (const Pending &p : pending)
        total += p.size;
    Statement load(db->handle(), "SELECT content, encoding FROM blobs WHERE sha256 = ?");
    constexpr qint64 kBatchBytes = 16 * 1024 * 1024;
    qsizetype at = 0;
    while (at < pending.size()) {
        if (cancel && cancel->isCancelled())
            return Error::cancelled();
        QList<QPair<Pending, QByteArray>> texts;
        qint64 bytes = 0;
        while (at < pending.size() && (texts.isEmpty() || bytes < kBatchBytes)) {
            const Pending &p = pending.at(at++);
            load.bindBlob(1, p.sha256);
            if (load.next()) {
                const QByteArray content = load.columnBlob(0);
                texts.append({p, Projects::textAsUtf8(content, Projects::encodingFromName(load.columnText(1)))});
                bytes += content.size();
            }
            load.reset();
        }
        const QList<Analyzed> batch = QtConcurrent::blockingMapped(texts, [](const QPair<Pending, QByteArray> &t) {
            return Analyzed{t.first, analyzeText(t.second, t.first.language)};
        });
        Storage::Transaction transaction(db->handle());
        if (!transaction.isActive())
            return transaction.error();
        if (Result<void> r = store(db->handle(), batch); !r)
            return r;
        if (Result<void> r = transaction.commit(); !r)
            return r;
        stats.analyzedFiles += batch.size();
        stats.analyzedBytes += bytes;
        if (progress)
            progress(stats.analyzedBytes, total);
    }
    return {};
}

Result<void> countByLanguage(Storage::Handle db, const QString &projectId, ProjectStats &stats)
{
    Statement q(db, "SELECT f.language, count(*), sum(f.size), sum(coalesce(s.lines, 0)), sum(coalesce(s.code, 0)), "
                    "sum(coalesce(s.comment, 0)), sum(coalesce(s.blank, 0)), sum(s.sha256 IS NULL) "
                    "FROM files f LEFT JOIN blob_stats s ON s.sha256 = f.blob_sha256 AND s.language = f.language AND s.analyzer = ?2 "
                    "WHERE f.project_id = ?1 AND f.deleted_at IS NULL GROUP BY f.language");
    q.bind(1, projectId);
    q.bind(2, kAnalyzerVersion);
    while (q.next()) {
        LanguageStats l;
        l.language = q.columnText(0);
        l.files = q.columnInt(1);
        l.bytes = q.columnInt(2);
        l.lines = {q.columnInt(3), q.columnInt(4), q.columnInt(5), q.columnInt(6)};
        stats.files += l.files;
        stats.bytes += l.bytes;
        stats.binaryFiles += q.columnInt(7);
        stats.lines.lines += l.lines.lines;
        stats.lines.code += l.lines.code;
        stats.lines.comment += l.lines.comment;
        stats.lines.blank += l.lines.blank;
        stats.languages.append(l);
    }
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Analytics", "Cannot count the project's lines"));
    std::sort(stats.languages.begin(), stats.languages.end(), [](const LanguageStats &a, const LanguageStats &b) {
        return a.lines.code != b.lines.code ? a.lines.code > b.lines.code : a.files > b.files;
    });
    return {};
}

Result<void> largestAndMostChanged(Storage::Handle db, const QString &projectId, ProjectStats &stats)
{
    Statement largest(db, "SELECT f.path, f.size, coalesce(s.lines, 0) FROM files f LEFT JOIN blob_stats s "
                          "ON s.sha256 = f.blob_sha256 AND s.language = f.language AND s.analyzer = ?2 "
                          "WHERE f.project_id = ?1 AND f.deleted_at IS NULL ORDER BY f.size DESC, f.path LIMIT 10");
    largest.bind(1, projectId);
    largest.bind(2, kAnalyzerVersion);
    while (largest.next())
        stats.largest.append({largest.columnText(0), largest.columnInt(1), largest.columnInt(2)});
    if (largest.failed())
        return largest.error(QCoreApplication::translate("Realm::Analytics", "Cannot find the largest files"));
    Statement churn(db, "SELECT pvf.path, count(*) AS n FROM project_version_files pvf JOIN project_versions pv ON pv.id = pvf.version_id "
                        "WHERE pv.project_id = ? AND pv.number > 1 GROUP BY pvf.path ORDER BY n DESC, pvf.path LIMIT 10");
    churn.bind(1, projectId);
    while (churn.next())
        stats.mostChanged.append({churn.columnText(0), int(churn.columnInt(1))});
    if (churn.failed())
        return churn.error(QCoreApplication::translate("Realm::Analytics", "Cannot count the changes per file"));
    return {};
}

Result<void> markers(Storage::Handle db, const QString &projectId, ProjectStats &stats)
{
    Statement q(db, "SELECT f.path, m.line, m.kind, m.text FROM files f JOIN blob_markers m "
                    "ON m.sha256 = f.blob_sha256 AND m.language = f.language AND m.analyzer = ?2 "
                    "WHERE f.project_id = ?1 AND f.deleted_at IS NULL ORDER BY f.path, m.line");
    q.bind(1, projectId);
    q.bind(2, kAnalyzerVersion);
    for (const char *kind : {"TODO", "FIXME", "HACK"})
        stats.markerCounts.insert(QString::fromLatin1(kind), 0);
    while (q.next()) {
        const QString kind = q.columnText(2);
        ++stats.markerCounts[kind];
        if (stats.markers.size() < kListedMarkers)
            stats.markers.append({q.columnText(0), {int(q.columnInt(1)), kind, q.columnText(3)}});
    }
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Analytics", "Cannot list the TODO markers"));
    return {};
}

// Replays the versions' changes, keeping running totals.
Result<void> growth(Storage::Handle db, const QString &projectId, ProjectStats &stats)
{
    Statement q(db, "SELECT pv.number, pv.created_at, pvf.path, pvf.blob_sha256 IS NULL, coalesce(b.size, 0), "
                    "coalesce((SELECT s.lines FROM blob_stats s WHERE s.sha256 = pvf.blob_sha256 AND s.analyzer = ?2 LIMIT 1), 0) "
                    "FROM project_versions pv JOIN project_version_files pvf ON pvf.version_id = pv.id "
                    "LEFT JOIN blobs b ON b.sha256 = pvf.blob_sha256 WHERE pv.project_id = ?1 ORDER BY pv.number");
    q.bind(1, projectId);
    q.bind(2, kAnalyzerVersion);
    QHash<QString, QPair<qint64, qint64>> sizes; // path -> (bytes, lines)
    GrowthPoint point;
    const auto close = [&] {
        if (point.version > 0)
            stats.growth.append(point);
    };
    while (q.next()) {
        const int version = int(q.columnInt(0));
        if (version != point.version) {
            close();
            point.version = version;
            point.createdAt = q.columnInt(1);
        }
        const QString path = q.columnText(2);
        if (const auto old = sizes.constFind(path); old != sizes.cend()) {
            point.bytes -= old->first;
            point.lines -= old->second;
            --point.files;
            sizes.erase(old);
        }
        if (q.columnInt(3) == 0) { // not a removal
            const QPair<qint64, qint64> now{q.columnInt(4), q.columnInt(5)};
            sizes.insert(path, now);
            point.bytes += now.first;
            point.lines += now.second;
            ++point.files;
        }
    }
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Analytics", "Cannot read the project's versions"));
    close();
    return {};
}

} // namespace

Result<ProjectStats> computeStats(const Storage::DatabasePtr &db, const QString &projectId, const CancellationToken *cancel,
                                  const std::function<void(qint64, qint64)> &progress)
{
    Storage::Handle native = db->handle();
    // The documentation coverage is the docs module's to say.
    Result<std::optional<Docs::DocVersion>> reference = Docs::DocStore(db).newestApiReference(projectId);
    if (!reference)
        return reference.error();
    // What the statistics depend on: unchanged inputs, the kept result.
    Statement inputs(native, "SELECT (SELECT revision FROM projects WHERE id = ?1) || ':' || "
                             "(SELECT coalesce(max(number), 0) FROM project_versions WHERE project_id = ?1) || ':' || "
                             "?4 || ':' || ?2 || ':' || ?3");
    inputs.bind(1, projectId);
    inputs.bind(2, kAnalyzerVersion);
    inputs.bind(3, kKeptResultFormat);
    inputs.bind(4, *reference ? (*reference)->id : QString());
    if (!inputs.next())
        return inputs.error(QCoreApplication::translate("Realm::Analytics", "Cannot read the project"));
    if (inputs.columnIsNull(0)) // no such project: the revision is NULL, and so the whole key
        return Error::notFound(QCoreApplication::translate("Realm::Analytics", "There is no project %1 in the workspace.").arg(projectId));
    const QString key = inputs.columnText(0);
    // A statement left on a row keeps its read snapshot; if another writer
    // commits meanwhile (a second statistics run), this connection's writes
    // below would fail at once with "database is locked" (a stale WAL snapshot
    // cannot be upgraded). So every read is reset before anything is written.
    inputs.reset();
    Statement kept(native, "SELECT stats FROM project_stats WHERE project_id = ? AND inputs = ?");
    kept.bind(1, projectId);
    kept.bind(2, key);
    if (kept.next()) {
        ProjectStats stats = statsFromJson(QJsonDocument::fromJson(kept.columnText(0).toUtf8()).object());
        stats.analyzedFiles = 0;
        stats.analyzedBytes = 0;
        return stats;
    }
    kept.reset();

    ProjectStats stats;
    Result<QList<Pending>> pending = pendingContents(native, projectId);
    if (!pending)
        return pending.error();
    if (!pending->isEmpty()) {
        if (Result<void> r = analyzePending(db, *pending, cancel, progress, stats); !r)
            return r.error();
    }
    for (const auto &step : {countByLanguage, largestAndMostChanged, markers, growth}) {
        if (Result<void> r = step(native, projectId, stats); !r)
            return r.error();
    }
    if (*reference) {
        const QJsonObject &s = (*reference)->stats;
        if (s.contains(QStringLiteral("documentable")))
            stats.docs = DocCoverage{s.value(QStringLiteral("documented")).toInteger(), s.value(QStringLiteral("documentable")).toInteger(),
                                     s.value(QStringLiteral("coverage")).toDouble(), (*reference)->createdAt};
    }
    Statement keep(native, "INSERT OR REPLACE INTO project_stats (project_id, inputs, stats, computed_at) VALUES (?, ?, ?, ?)");
    keep.bind(1, projectId);
    keep.bind(2, key);
    keep.bind(3, QString::fromUtf8(QJsonDocument(toJson(stats)).toJson(QJsonDocument::Compact)));
    keep.bind(4, Clock::nowMs());
    if (Result<void> r = keep.exec(QCoreApplication::translate("Realm::Analytics", "Cannot keep the project's statistics")); !r)
        return r.error();
    return stats;
}

void registerCleanup()
{
    Projects::Cleanup::beforeProjectPurged([](Storage::Handle db, const QString &projectId) -> Result<void> {
        Statement forget(db, "DELETE FROM project_stats WHERE project_id = ?");
        forget.bind(1, projectId);
        return forget.exec(QCoreApplication::translate("Realm::Analytics", "Cannot remove the project's statistics"));
    });
    Projects::Cleanup::beforeContentCollected([](Storage::Handle db, const Projects::Cleanup::CollectedContent &content) -> Result<void> {
        for (const char *sql : {"DELETE FROM blob_stats WHERE sha256 = ?", "DELETE FROM blob_markers WHERE sha256 = ?"}) {
            Statement forget(db, sql);
            forget.bindBlob(1, content.sha256);
            if (Result<void> r = forget.exec(QCoreApplication::translate("Realm::Analytics", "Cannot remove a content's statistics")); !r)
                return r;
        }
        return {};
    });
}

} // namespace Realm::Analytics

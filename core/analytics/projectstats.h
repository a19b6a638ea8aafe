// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/lineanalyzer.h"
#include "common/cancellation.h"
#include "common/error.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace Realm::Analytics {

struct LanguageStats {
    QString language; // a Projects::detectLanguage id; "" for unknown
    qint64 files = 0;
    qint64 bytes = 0;
    LineCounts lines;
};

struct FileSize {
    QString path;
    qint64 bytes = 0;
    qint64 lines = 0;
};

struct FileChurn {
    QString path;
    int versions = 0; // refreshes that changed it
};

struct MarkerAt {
    QString path;
    Marker marker;
};

struct GrowthPoint {
    int version = 0;
    qint64 createdAt = 0;
    qint64 files = 0;
    qint64 lines = 0;
    qint64 bytes = 0;
};

struct DocCoverage {
    qint64 documented = 0;
    qint64 total = 0;
    double ratio = 0;
    qint64 generatedAt = 0; // of the API reference it comes from
};

// A project at a glance: sizes and lines by language, the largest and the
// most changed files, TODO/FIXME/HACK markers, growth over versions and
// documentation coverage (from the newest API reference, when there is one).
struct ProjectStats {
    qint64 files = 0;
    qint64 bytes = 0;
    qint64 binaryFiles = 0;
    LineCounts lines;
    QList<LanguageStats> languages; // most code first
    QList<FileSize> largest;        // ten, largest first
    QList<FileChurn> mostChanged;   // ten, most versions first
    QMap<QString, qint64> markerCounts;
    QList<MarkerAt> markers;        // by path and line, at most 500
    QList<GrowthPoint> growth;      // one per version
    std::optional<DocCoverage> docs;

    // What this computation had to analyze (the rest came from the cache).
    qint64 analyzedFiles = 0;
    qint64 analyzedBytes = 0;
};

// The statistics as JSON (what `realm-cli project stats --json` prints and
// what the workspace keeps), and back.
QJsonObject toJson(const ProjectStats &stats);
ProjectStats statsFromJson(const QJsonObject &json);

// Computes a project's statistics. File contents are analyzed once per
// content and language and kept in the workspace, so a refreshed project
// costs only its new contents; the result is kept too, so an unchanged
// project (same revision, versions and API reference) costs one lookup. Blocking:
// run it on a worker or from the CLI. `progress` gets (bytes analyzed,
// bytes to analyze).
Result<ProjectStats> computeStats(const Storage::DatabasePtr &db, const QString &projectId, const CancellationToken *cancel = nullptr,
                                  const std::function<void(qint64, qint64)> &progress = {});

// Lets projects forget the statistics of a project it purges and the line
// counts of a content it collects (Workspace::open calls it).
void registerCleanup();

} // namespace Realm::Analytics

// SPDX-License-Identifier: GPL-3.0-or-later
// `realm-cli project stats`: a project at a glance, as tables or JSON.
#include "projectcommands.h"

#include "clioutput.h"
#include "jobrunner.h"

#include "analytics/statsjob.h"
#include "projects/importsource.h"
#include "projects/language.h"
#include "projects/projectstore.h"

#include <QDateTime>
#include <QJsonObject>

namespace Realm::Cli {

namespace {
void printText(const Projects::Project &project, const Analytics::ProjectStats &s)
{
    Output::print(QStringLiteral("%1: %2 (%3 binary), %4, %5: %6 code, %7 comment, %8 blank")
                      .arg(project.name)
                      .arg(Output::count(s.files, Output::Noun::File))
                      .arg(s.binaryFiles)
                      .arg(Projects::formatBytes(s.bytes))
                      .arg(Output::count(s.lines.lines, Output::Noun::Line))
                      .arg(s.lines.code)
                      .arg(s.lines.comment)
                      .arg(s.lines.blank));
    Output::print(QStringLiteral("\n%1 %2 %3 %4 %5").arg(QStringLiteral("language").leftJustified(18), QStringLiteral("files").rightJustified(7),
                                                        QStringLiteral("code").rightJustified(9), QStringLiteral("comment").rightJustified(9),
                                                        QStringLiteral("blank").rightJustified(9)));
    for (const Analytics::LanguageStats &l : s.languages) {
        const QString name = l.language.isEmpty() ? QStringLiteral("(other)") : Projects::languageDisplayName(l.language);
        Output::print(QStringLiteral("%1 %2 %3 %4 %5")
                          .arg(name.leftJustified(18))
                          .arg(l.files, 7)
                          .arg(l.lines.code, 9)
                          .arg(l.lines.comment, 9)
                          .arg(l.lines.blank, 9));
    }
    Output::print(QStringLiteral("\nLargest files:"));
    for (const Analytics::FileSize &f : s.largest)
        Output::print(QStringLiteral("  %1  %2").arg(Projects::formatBytes(f.bytes).rightJustified(10), f.path));
    if (!s.mostChanged.isEmpty()) {
        Output::print(QStringLiteral("\nMost changed (versions):"));
        for (const Analytics::FileChurn &f : s.mostChanged)
            Output::print(QStringLiteral("  %1  %2").arg(f.versions, 4).arg(f.path));
    }
    Output::print(QStringLiteral("\nMarkers: %1 TODO, %2 FIXME, %3 HACK")
                      .arg(s.markerCounts.value(QStringLiteral("TODO")))
                      .arg(s.markerCounts.value(QStringLiteral("FIXME")))
                      .arg(s.markerCounts.value(QStringLiteral("HACK"))));
    for (const Analytics::MarkerAt &m : s.markers.mid(0, 20))
        Output::print(QStringLiteral("  %1:%2: %3 %4").arg(m.path).arg(m.marker.line).arg(m.marker.kind, m.marker.text));
    if (s.markers.size() > 20)
        Output::print(QStringLiteral("  … (--json lists up to %1)").arg(s.markers.size()));
    Output::print(QStringLiteral("\nGrowth (version: files, lines):"));
    for (const Analytics::GrowthPoint &g : s.growth)
        Output::print(QStringLiteral("  %1  %2  %3, %4")
                          .arg(g.version, 4)
                          .arg(Output::localTime(g.createdAt))
                          .arg(Output::count(g.files, Output::Noun::File), Output::count(g.lines, Output::Noun::Line)));
    if (s.docs)
        Output::print(QStringLiteral("\nDocumentation: %1 % of public symbols (%2 of %3), API reference of %4")
                          .arg(qRound(s.docs->ratio * 100))
                          .arg(s.docs->documented)
                          .arg(s.docs->total)
                          .arg(QDateTime::fromMSecsSinceEpoch(s.docs->generatedAt).toString(QStringLiteral("yyyy-MM-dd"))));
    else
        Output::print(QStringLiteral("\nDocumentation: no API reference yet (realm-cli docs generate %1)").arg(project.name));
}
} // namespace

int runProjectStats(const Invocation &inv)
{
    return withProject(inv, [&](const Storage::DatabasePtr &db, const Projects::Project &project) {
        const auto outcome = runJob(new Analytics::StatsJob(db, project.id));
        if (const auto *error = std::get_if<Error>(&outcome))
            return fail(*error);
        const Analytics::ProjectStats &stats = std::get<Analytics::ProjectStats>(outcome);
        if (inv.json) {
            QJsonObject json = Analytics::toJson(stats);
            json.insert(QStringLiteral("project"), project.name);
            Output::printJson(json);
        } else {
            printText(project, stats);
        }
        return int(ExitOk);
    });
}

} // namespace Realm::Cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/statsjob.h"
#include "storage/database.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTreeWidget;

namespace Realm::Ui {

class BarChart;
class LineChart;

// The dashboard of a project: totals at the top, then lines by language,
// growth over versions, the largest and the most changed files as charts —
// each with a Table switch for the numbers — and the TODO/FIXME/HACK
// markers, which open their file at the line. Computed on a worker thread.
class StatsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsPanel)
public:
    explicit StatsPanel(Storage::DatabasePtr db, QWidget *parent = nullptr);

    void setProject(const QString &projectId, const QString &projectName);
    // Computes again (after a refresh, or the Refresh button).
    void reload();
    // Shows every chart as its table, or as the chart.
    void showTables(bool tables);

    QString projectId() const { return m_projectId; }
    QLabel *summaryLabel() const { return m_summary; }
    BarChart *languageChart() const { return m_languages; }
    LineChart *growthChart() const { return m_growth; }
    QTableWidget *languageTable() const { return m_languageTable; }
    QTreeWidget *markerList() const { return m_markers; }

signals:
    void loaded();
    void markerActivated(const QString &projectId, const QString &path, int line);
    // The project has no API reference yet and the user asked for one.
    void apiReferenceRequested(const QString &projectId);

private:
    QWidget *section(const QString &title, QWidget *chart, QTableWidget *table);
    void display(const Analytics::ProjectStats &stats);

    Storage::DatabasePtr m_db;
    QString m_projectId;
    QString m_projectName;
    Analytics::StatsJob *m_job = nullptr; // the newest run; older ones are cancelled and delete themselves
    QLabel *m_summary;
    QLabel *m_status;
    QLabel *m_title; // the project's name
    QPushButton *m_generateReference;
    QPushButton *m_tablesButton;
    QList<QStackedWidget *> m_stacks;
    BarChart *m_languages;
    QTableWidget *m_languageTable;
    LineChart *m_growth;
    QTableWidget *m_growthTable;
    BarChart *m_largest;
    QTableWidget *m_largestTable;
    BarChart *m_churn;
    QTableWidget *m_churnTable;
    QTreeWidget *m_markers;
};

} // namespace Realm::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "stats/statspanel.h"

#include "projects/importsource.h"
#include "projects/language.h"
#include "stats/charts.h"

#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Realm::Ui {

namespace {
// A list inside the scrolling panel is as tall as its rows, so the panel
// has the one scroll bar.
void fitToRows(QAbstractItemView *view)
{
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    view->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QTableWidget *newTable(const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->setTextElideMode(Qt::ElideMiddle); // paths: both ends tell
    table->setWordWrap(false);
    fitToRows(table);
    return table;
}

void fill(QTableWidget *table, const QList<QStringList> &rows)
{
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size(); ++c) {
            auto *item = new QTableWidgetItem(rows.at(r).at(c));
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            else
                item->setToolTip(rows.at(r).at(c)); // the whole of an elided path
            table->setItem(r, c, item);
        }
    }
}

QString languageName(const QString &id)
{
    return id.isEmpty() ? StatsPanel::tr("Other") : Projects::languageDisplayName(id);
}
} // namespace

StatsPanel::StatsPanel(Storage::DatabasePtr db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_summary(new QLabel)
    , m_status(new QLabel)
    , m_title(new QLabel)
    , m_generateReference(new QPushButton(tr("Generate API Reference")))
    , m_tablesButton(new QPushButton(tr("&Tables")))
    , m_languages(new BarChart)
    , m_languageTable(newTable({tr("Language"), tr("Files"), tr("Code"), tr("Comment"), tr("Blank")}))
    , m_growth(new LineChart)
    , m_growthTable(newTable({tr("Version"), tr("Date"), tr("Files"), tr("Lines")}))
    , m_largest(new BarChart)
    , m_largestTable(newTable({tr("File"), tr("Size"), tr("Lines")}))
    , m_churn(new BarChart)
    , m_churnTable(newTable({tr("File"), tr("Versions that changed it")}))
    , m_markers(new QTreeWidget)
{
    m_summary->setObjectName(QStringLiteral("statsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_status->setObjectName(QStringLiteral("statsStatus"));
    m_status->setWordWrap(true);
    m_tablesButton->setCheckable(true);
    m_tablesButton->setToolTip(tr("Show the numbers behind every chart"));
    connect(m_tablesButton, &QPushButton::toggled, this, &StatsPanel::showTables);
    auto *refresh = new QPushButton(tr("&Recompute"));
    connect(refresh, &QPushButton::clicked, this, &StatsPanel::reload);

    const QColor code = palette().color(QPalette::Highlight);
    m_languages->setSeries({tr("code"), tr("comment"), tr("blank")}, {code, code.lighter(150), palette().color(QPalette::Mid)});
    m_largest->setSeries({tr("size")}, {code});
    m_languages->setObjectName(QStringLiteral("statsLanguages"));
    m_largest->setObjectName(QStringLiteral("statsLargest"));
    m_churn->setObjectName(QStringLiteral("statsChurn"));
    m_churn->setSeries({tr("versions")}, {code});
    m_markers->setObjectName(QStringLiteral("statsMarkers"));
    m_markers->setHeaderLabels({tr("Where"), tr("Marker"), tr("Text")});
    m_markers->setRootIsDecorated(false);
    m_markers->setTextElideMode(Qt::ElideMiddle);
    m_markers->setUniformRowHeights(true);
    fitToRows(m_markers);
    connect(m_markers, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit markerActivated(m_projectId, item->data(0, Qt::UserRole).toString(), item->data(0, Qt::UserRole + 1).toInt());
    });

    // Without an API reference, the coverage figure is one click away.
    m_generateReference->setObjectName(QStringLiteral("statsGenerateReference"));
    m_generateReference->hide();
    connect(m_generateReference, &QPushButton::clicked, this, [this] { emit apiReferenceRequested(m_projectId); });
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_generateReference, 0, Qt::AlignTop);

    auto *content = new QWidget;
    auto *sections = new QVBoxLayout(content);
    sections->addLayout(summaryRow);
    sections->addWidget(section(tr("Lines by language"), m_languages, m_languageTable));
    sections->addWidget(section(tr("Growth over versions"), m_growth, m_growthTable));
    sections->addWidget(section(tr("Largest files"), m_largest, m_largestTable));
    sections->addWidget(section(tr("Most changed files"), m_churn, m_churnTable));
    auto *markerBox = new QGroupBox(tr("TODO, FIXME and HACK"));
    auto *markerLayout = new QVBoxLayout(markerBox);
    markerLayout->addWidget(m_markers);
    sections->addWidget(markerBox);
    sections->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("statsScroll"));
    scroll->setFocusPolicy(Qt::StrongFocus); // the keys scroll the panel
    setFocusProxy(scroll);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_title->setObjectName(QStringLiteral("statsTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_title);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_tablesButton);
    buttons->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(scroll, 1);
    setEnabled(false);
}

QWidget *StatsPanel::section(const QString &title, QWidget *chart, QTableWidget *table)
{
    auto *box = new QGroupBox(title);
    auto *stack = new QStackedWidget;
    stack->addWidget(chart);
    stack->addWidget(table);
    m_stacks.append(stack);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(stack);
    return box;
}

void StatsPanel::showTables(bool tables)
{
    for (QStackedWidget *stack : std::as_const(m_stacks))
        stack->setCurrentIndex(tables ? 1 : 0);
    m_tablesButton->setChecked(tables);
}

void StatsPanel::setProject(const QString &projectId, const QString &projectName)
{
    if (projectId == m_projectId)
        return;
    m_projectId = projectId;
    m_projectName = projectName;
    m_title->setText(projectName);
    setEnabled(!projectId.isEmpty());
    reload();
}

void StatsPanel::reload()
{
    if (m_projectId.isEmpty())
        return;
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel(); // another project, or newer data: its numbers would be stale
    }
    m_job = new Analytics::StatsJob(m_db, m_projectId, this);
    connect(m_job, &Analytics::StatsJob::finished, m_job, &QObject::deleteLater);
    connect(m_job, &Analytics::StatsJob::failed, m_job, &QObject::deleteLater);
    connect(m_job, &Analytics::StatsJob::progress, this, [this](double, const QString &text) { m_status->setText(text); });
    connect(m_job, &Analytics::StatsJob::failed, this, [this](const Error &error) {
        m_job = nullptr;
        m_status->setText(error.message);
    });
    connect(m_job, &Analytics::StatsJob::finished, this, [this](const Analytics::ProjectStats &stats) {
        m_job = nullptr;
        display(stats);
        emit loaded();
    });
    m_job->start();
}

void StatsPanel::display(const Analytics::ProjectStats &s)
{
    QString docs = tr("no API reference yet (Docs tab)");
    if (s.docs)
        docs = tr("%1 % of public symbols").arg(qRound(s.docs->ratio * 100));
    m_summary->setText(tr("<b>%1</b> files (%2 binary), %3 · <b>%4</b> lines: %5 code, %6 comment, %7 blank<br>"
                          "%8 TODO · %9 FIXME · %10 HACK · documented: %11")
                           .arg(formatCount(s.files), formatCount(s.binaryFiles), Projects::formatBytes(s.bytes), formatCount(s.lines.lines),
                                formatCount(s.lines.code), formatCount(s.lines.comment), formatCount(s.lines.blank),
                                formatCount(s.markerCounts.value(QStringLiteral("TODO"))),
                                formatCount(s.markerCounts.value(QStringLiteral("FIXME"))))
                           .arg(formatCount(s.markerCounts.value(QStringLiteral("HACK"))), docs));
    m_status->setText(s.analyzedFiles > 0 ? tr("Analyzed %n new file content(s).", nullptr, int(s.analyzedFiles)) : QString());

    QList<BarChart::Row> languageRows;
    QList<QStringList> languageCells;
    for (const Analytics::LanguageStats &l : s.languages) {
        languageCells.append({languageName(l.language), formatCount(l.files), formatCount(l.lines.code), formatCount(l.lines.comment),
                              formatCount(l.lines.blank)});
        if (languageRows.size() < 10 && l.lines.lines > 0)
            languageRows.append({languageName(l.language), {l.lines.code, l.lines.comment, l.lines.blank},
                                 l.lines.lines < 10'000'000 ? tr("%Ln line(s)", nullptr, int(l.lines.lines))
                                                            : tr("%1 lines").arg(formatCount(l.lines.lines))});
    }
    m_languages->setRows(languageRows);
    m_languages->setEmptyText(tr("No text to count."));
    fill(m_languageTable, languageCells);

    QList<LineChart::Point> points;
    QList<QStringList> growthCells;
    for (const Analytics::GrowthPoint &g : s.growth) {
        points.append({QString::number(g.version), g.lines});
        growthCells.append({QString::number(g.version), QDateTime::fromMSecsSinceEpoch(g.createdAt).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                            formatCount(g.files), formatCount(g.lines)});
    }
    m_growth->setPoints(points, tr("lines"));
    m_growth->setEmptyText(points.size() == 1 ? tr("One version so far: refresh the project to see how it grows.") : tr("No versions yet."));
    fill(m_growthTable, growthCells);

    QList<BarChart::Row> largestRows;
    QList<QStringList> largestCells;
    for (const Analytics::FileSize &f : s.largest) {
        largestRows.append({f.path, {f.bytes}, Projects::formatBytes(f.bytes)});
        largestCells.append({f.path, Projects::formatBytes(f.bytes), formatCount(f.lines)});
    }
    m_largest->setRows(largestRows);
    m_largest->setEmptyText(tr("No files."));
    fill(m_largestTable, largestCells);

    QList<BarChart::Row> churnRows;
    QList<QStringList> churnCells;
    for (const Analytics::FileChurn &f : s.mostChanged) {
        churnRows.append({f.path, {f.versions}, QString::number(f.versions)});
        churnCells.append({f.path, QString::number(f.versions)});
    }
    m_churn->setRows(churnRows);
    m_churn->setEmptyText(tr("No file has changed since the first version."));
    fill(m_churnTable, churnCells);

    m_markers->clear();
    for (const Analytics::MarkerAt &m : s.markers) {
        auto *item = new QTreeWidgetItem(m_markers, {QStringLiteral("%1:%2").arg(m.path).arg(m.marker.line), m.marker.kind, m.marker.text});
        item->setData(0, Qt::UserRole, m.path);
        item->setData(0, Qt::UserRole + 1, m.marker.line);
        item->setToolTip(0, item->text(0));
        item->setToolTip(2, m.marker.text);
    }
    if (s.markers.isEmpty()) {
        auto *none = new QTreeWidgetItem(m_markers, {QString(), QString(), tr("No TODO, FIXME or HACK in the comments.")});
        none->setFlags(Qt::NoItemFlags);
    }
    m_markers->resizeColumnToContents(1);
    m_generateReference->setVisible(!s.docs);
}

} // namespace Realm::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/quickopendialog.h"

#include "projects/fuzzymatcher.h"
#include "widgets/filetypeicon.h"

#include <QLineEdit>
#include <QListWidget>
#include <QtConcurrent>

namespace Realm::Ui {

namespace {
constexpr int kShown = 50;

} // namespace

QuickOpenDialog::QuickOpenDialog(QWidget *parent)
    : LocatorPopup(tr("Type part of a file name or path"), tr("No matching files"), {640, 420}, parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_watcher.property("generation").toULongLong() != m_generation)
            return; // a newer pattern is being ranked
        results()->clear();
        for (const Ranked &ranked : m_watcher.result()) {
            auto *item = new QListWidgetItem(fileTypeIcon(ranked.path), ranked.path, results());
            item->setData(MatchPositionsRole, QVariant::fromValue(ranked.positions));
            item->setData(NameStartRole, int(ranked.path.lastIndexOf(QLatin1Char('/')) + 1));
            item->setToolTip(ranked.path);
        }
        resultsChanged();
        emit rankingFinished();
    });
}

QuickOpenDialog::~QuickOpenDialog()
{
    m_watcher.waitForFinished();
}

void QuickOpenDialog::setPaths(QStringList paths)
{
    m_paths = std::move(paths);
    rank();
}

void QuickOpenDialog::setPattern(const QString &pattern)
{
    input()->setText(pattern);
}

void QuickOpenDialog::rank()
{
    const QString pattern = input()->text();
    const QStringList paths = m_paths;
    m_watcher.setProperty("generation", ++m_generation);
    m_watcher.setFuture(QtConcurrent::run([pattern, paths] {
        QList<Ranked> ranked;
        if (pattern.trimmed().isEmpty()) {
            for (const QString &path : paths.mid(0, kShown))
                ranked.append({path, {}});
        } else {
            for (const auto &[path, match] : Projects::FuzzyMatcher(pattern).rank(paths, kShown))
                ranked.append({path, match.positions});
        }
        return ranked;
    }));
}

void QuickOpenDialog::activate()
{
    if (QListWidgetItem *item = results()->currentItem()) {
        emit fileChosen(item->text());
        accept();
    }
}

} // namespace Realm::Ui

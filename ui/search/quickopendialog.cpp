// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/quickopendialog.h"

#include "widgets/listkeyforwarder.h"
#include "projects/fuzzymatcher.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Realm::Ui {

namespace {
constexpr int kShown = 50;

} // namespace

QuickOpenDialog::QuickOpenDialog(QWidget *parent)
    : QDialog(parent)
    , m_pattern(new QLineEdit)
    , m_results(new QListWidget)
{
    setWindowTitle(tr("Open File"));
    resize(640, 420);
    m_pattern->setPlaceholderText(tr("Type part of a file name or path"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pattern);
    layout->addWidget(m_results);
    m_pattern->installEventFilter(new ListKeyForwarder(m_results, this));
    connect(m_pattern, &QLineEdit::textChanged, this, &QuickOpenDialog::rank);
    connect(m_pattern, &QLineEdit::returnPressed, this, &QuickOpenDialog::choose);
    connect(m_results, &QListWidget::itemActivated, this, &QuickOpenDialog::choose);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        if (m_watcher.property("generation").toULongLong() != m_generation)
            return; // a newer pattern is being ranked
        m_results->clear();
        m_results->addItems(m_watcher.result());
        m_results->setCurrentRow(0);
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
    m_pattern->setText(pattern);
}

void QuickOpenDialog::rank()
{
    const QString pattern = m_pattern->text();
    const QStringList paths = m_paths;
    m_watcher.setProperty("generation", ++m_generation);
    m_watcher.setFuture(QtConcurrent::run([pattern, paths] {
        QStringList ranked;
        if (pattern.trimmed().isEmpty()) {
            ranked = paths.mid(0, kShown);
        } else {
            for (const auto &[path, match] : Projects::FuzzyMatcher(pattern).rank(paths, kShown))
                ranked << path;
        }
        return ranked;
    }));
}

void QuickOpenDialog::choose()
{
    if (QListWidgetItem *item = m_results->currentItem()) {
        emit fileChosen(item->text());
        accept();
    }
}

} // namespace Realm::Ui

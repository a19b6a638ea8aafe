// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/searchpanel.h"

#include "jobs/background.h"

#include <QLoggingCategory>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <climits>

namespace Realm::Ui {

namespace {
Q_LOGGING_CATEGORY(lcUi, "realm.ui", QtInfoMsg)
}

namespace {

constexpr qint64 kMaxShown = 5000;
enum Roles { ProjectRole = Qt::UserRole + 1, PathRole, LineRole, ColumnRole, LengthRole, RangeStartRole, PrefixRole };

// Draws "line: text" with the first match on the line highlighted.
class MatchDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (!index.data(LineRole).isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const int start = index.data(RangeStartRole).toInt() + index.data(PrefixRole).toInt();
        const int length = index.data(LengthRole).toInt();
        QRect r = opt.rect.adjusted(4, 0, -4, 0);
        const QFontMetrics fm(opt.font);
        painter->save();
        painter->setFont(opt.font);
        const QString before = text.left(start);
        const QString match = text.mid(start, length);
        const int x0 = r.left() + fm.horizontalAdvance(before);
        QRect highlight(x0, r.top() + 1, fm.horizontalAdvance(match), r.height() - 2);
        painter->fillRect(highlight, QColor(255, 200, 60, 140));
        painter->setPen(opt.state & QStyle::State_Selected ? opt.palette.color(QPalette::HighlightedText)
                                                            : opt.palette.color(QPalette::Text));
        painter->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(text, Qt::ElideRight, r.width()));
        painter->restore();
    }
};

} // namespace

SearchPanel::SearchPanel(Storage::DatabasePtr db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_query(new QLineEdit)
    , m_regex(new QCheckBox(tr("Re&gex")))
    , m_caseSensitive(new QCheckBox(tr("Match &case")))
    , m_wholeWord(new QCheckBox(tr("&Whole word")))
    , m_glob(new QLineEdit)
    , m_language(new QLineEdit)
    , m_scope(new QComboBox)
    , m_status(new QLabel)
    , m_results(new QTreeWidget)
{
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_query->setPlaceholderText(tr("Search text (Enter: search now)"));
    m_query->setClearButtonEnabled(true);
    m_glob->setPlaceholderText(tr("Paths, e.g. *.cpp, src/**, !*.md"));
    m_glob->setToolTip(tr("Space-separated globs; a leading ! excludes"));
    m_language->setPlaceholderText(tr("Language, e.g. cpp"));
    m_language->setMaximumWidth(140);
    m_scope->addItem(tr("This project"));
    m_scope->addItem(tr("All projects"));
    m_results->setHeaderHidden(true);
    m_results->setUniformRowHeights(true);
    m_results->setItemDelegate(new MatchDelegate(m_results));
    m_results->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 1);
    top->addWidget(m_regex);
    top->addWidget(m_caseSensitive);
    top->addWidget(m_wholeWord);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_glob, 1);
    filters->addWidget(m_language);
    filters->addWidget(m_scope);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);

    m_caseSensitive->setChecked(true);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPanel::runNow);
    for (QLineEdit *edit : {m_query, m_glob, m_language}) {
        connect(edit, &QLineEdit::textEdited, this, &SearchPanel::schedule);
        connect(edit, &QLineEdit::returnPressed, this, &SearchPanel::runNow);
    }
    for (QCheckBox *box : {m_regex, m_caseSensitive, m_wholeWord})
        connect(box, &QCheckBox::toggled, this, &SearchPanel::schedule);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &SearchPanel::schedule);
    connect(&m_watcher, &QFutureWatcherBase::resultsReadyAt, this, &SearchPanel::addResults);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &SearchPanel::finish);
    connect(m_results, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (!item->data(0, LineRole).isValid())
            return;
        emit matchActivated(item->data(0, ProjectRole).toString(), item->data(0, PathRole).toString(),
                            item->data(0, LineRole).toInt(), item->data(0, ColumnRole).toInt(), item->data(0, LengthRole).toInt());
    });
}

SearchPanel::~SearchPanel()
{
    if (m_cancel)
        m_cancel->cancel();
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void SearchPanel::focusQuery()
{
    m_query->setFocus();
    m_query->selectAll();
}

void SearchPanel::setQuery(const QString &text)
{
    m_query->setText(text);
    schedule();
}

void SearchPanel::schedule()
{
    m_debounce.start();
}

void SearchPanel::runNow()
{
    m_debounce.stop();
    if (m_cancel)
        m_cancel->cancel(); // a stale query stops at its next file
    m_watcher.cancel();
    m_results->clear();
    m_fileItems.clear();
    m_shown = 0;
    Projects::SearchQuery query;
    query.text.pattern = m_query->text();
    query.text.mode = m_regex->isChecked() ? Projects::TextQuery::Mode::Regex : Projects::TextQuery::Mode::Literal;
    query.text.caseSensitive = m_caseSensitive->isChecked();
    query.text.wholeWord = m_wholeWord->isChecked();
    query.globs = m_glob->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    query.language = m_language->text().trimmed().toLower();
    query.projectId = m_scope->currentIndex() == 0 ? m_projectId : QString();
    query.limit = kMaxShown + 1;
    if (query.text.pattern.isEmpty()) {
        m_status->clear();
        return;
    }
    if (Result<Projects::LineMatcher> valid = Projects::LineMatcher::create(query.text); !valid) {
        m_status->setText(valid.error().message);
        return;
    }
    m_status->setText(tr("Searching…"));
    Storage::DatabasePtr db = m_db;
    m_cancel = std::make_shared<CancellationToken>();
    std::shared_ptr<CancellationToken> token = m_cancel;
    m_notDownloaded = std::make_shared<std::atomic<qint64>>(0);
    m_watcher.setFuture(QtConcurrent::run(backgroundPool(), [db, query, token, notDownloaded = m_notDownloaded](QPromise<Projects::SearchMatch> &promise) {
        Storage::ThreadConnectionScope connection(db);
        const Result<Projects::SearchSummary> summary = Projects::SearchEngine(db).search(query, [&](const Projects::SearchMatch &match) {
            if (promise.isCanceled())
                return false;
            promise.addResult(match);
            return true;
        }, token.get());
        // Query errors were caught before starting; what is left is the
        // workspace failing, which the log records.
        if (!summary && summary.error().code != Error::Code::Cancelled)
            qCWarning(lcUi, "search failed: %s", qUtf8Printable(summary.error().message));
        if (summary)
            notDownloaded->store(summary->filesNotDownloaded);
    }));
}

void SearchPanel::addResults(int begin, int end)
{
    for (int i = begin; i < end && m_shown < kMaxShown; ++i, ++m_shown) {
        const Projects::SearchMatch m = m_watcher.resultAt(i);
        const QString key = m.projectId + QLatin1Char('/') + m.path;
        QTreeWidgetItem *file = m_fileItems.value(key);
        if (!file) {
            file = new QTreeWidgetItem(m_results);
            file->setData(0, Qt::UserRole, 0);
            file->setExpanded(true);
            m_fileItems.insert(key, file);
        }
        const int count = file->data(0, Qt::UserRole).toInt() + 1;
        file->setData(0, Qt::UserRole, count);
        const QString shownPath = m_scope->currentIndex() == 0 ? m.path : m.projectName + QLatin1Char('/') + m.path;
        file->setText(0, tr("%1 (%2)").arg(shownPath).arg(count));
        auto *line = new QTreeWidgetItem(file);
        const QString prefix = QStringLiteral("%1: ").arg(m.line, 5);
        line->setText(0, prefix + m.text);
        line->setData(0, ProjectRole, m.projectId);
        line->setData(0, PathRole, m.path);
        line->setData(0, LineRole, int(m.line));
        line->setData(0, ColumnRole, int(m.ranges.first().start) + 1);
        line->setData(0, LengthRole, int(m.ranges.first().length));
        line->setData(0, RangeStartRole, int(m.ranges.first().start));
        line->setData(0, PrefixRole, int(prefix.size()));
    }
}

void SearchPanel::finish()
{
    if (m_watcher.isCanceled())
        return;
    const qint64 total = m_watcher.future().resultCount();
    if (total > kMaxShown)
        m_status->setText(tr("First %1 matching lines shown; narrow the search to see the rest.").arg(kMaxShown));
    else
        m_status->setText(tr("%1 in %2").arg(tr("%n matching line(s)", nullptr, int(total)), tr("%n file(s)", nullptr, int(m_fileItems.size()))));
    if (const qint64 skipped = m_notDownloaded ? m_notDownloaded->load() : 0; skipped > 0)
        m_status->setText(m_status->text() + QLatin1Char(' ')
                          + tr("(%n file(s) not downloaded to this machine were not searched.)", nullptr, int(std::min<qint64>(skipped, INT_MAX))));
    emit searchFinished(qMin(total, kMaxShown));
}

} // namespace Realm::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/conflictsdialog.h"

#include "projects/projectstore.h"
#include "sync/textmerge.h"
#include "widgets/fieldnote.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Realm::Ui {

using SyncClient::Conflicts::Copy;
using SyncClient::Conflicts::Keep;

namespace {

// Both sides of one conflict and the lines they differ in (nullopt:
// binary), read and compared off the UI thread.
struct Pair {
    QByteArray theirs;
    QByteArray mine;
    std::optional<Sync::ChangedLines> changed;
};

Result<Pair> readPair(const Storage::DatabasePtr &db, const QString &projectId, const Copy &copy)
{
    Projects::ProjectStore store(db);
    Pair pair;
    for (auto [path, into] : {std::pair{copy.path, &pair.theirs}, std::pair{copy.copyPath, &pair.mine}}) {
        Result<Projects::ProjectFile> file = store.file(projectId, path);
        if (!file)
            return file.error();
        Result<QByteArray> content = store.content(*file);
        if (!content)
            return content.error();
        *into = *content;
    }
    pair.changed = Sync::changedLines(pair.theirs, pair.mine);
    return pair;
}

QPlainTextEdit *newPane(const QString &objectName)
{
    auto *pane = new QPlainTextEdit;
    pane->setObjectName(objectName);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return pane;
}

// Shows `content` with `lines` (1-based) marked in `color` across the pane.
void showMarked(QPlainTextEdit *pane, const QByteArray &content, const QList<int> &lines, const QColor &color)
{
    pane->setPlainText(QString::fromUtf8(content));
    QList<QTextEdit::ExtraSelection> marks;
    for (int line : lines) {
        const QTextBlock block = pane->document()->findBlockByNumber(line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        mark.format.setBackground(color);
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks.append(mark);
    }
    pane->setExtraSelections(marks);
}

} // namespace

ConflictsDialog::ConflictsDialog(Storage::DatabasePtr db, const QString &projectId, const QString &projectName, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_projectId(projectId)
    , m_list(new QListWidget)
    , m_theirsTitle(new QLabel)
    , m_mineTitle(new QLabel)
    , m_theirs(newPane(QStringLiteral("conflictTheirs")))
    , m_mine(newPane(QStringLiteral("conflictMine")))
    , m_keepMine(new QPushButton(tr("Keep &Mine")))
    , m_keepTheirs(new QPushButton(tr("Keep &Theirs")))
    , m_keepBoth(new QPushButton(tr("Keep &Both")))
    , m_note(new FieldNote(QStringLiteral("conflictNote")))
{
    setObjectName(QStringLiteral("conflictsDialog"));
    setWindowTitle(tr("Conflicts in %1").arg(projectName));
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_keepMine->setObjectName(QStringLiteral("keepMine"));
    m_keepTheirs->setObjectName(QStringLiteral("keepTheirs"));
    m_keepBoth->setObjectName(QStringLiteral("keepBoth"));
    m_keepMine->setToolTip(tr("The later change (the copy) goes under the file's name; the copy goes."));
    m_keepTheirs->setToolTip(tr("The file stays as the team has it; the copy goes."));
    m_keepBoth->setToolTip(tr("Both stay: the copy loses \"conflict\" from its name."));
    m_theirsTitle->setWordWrap(true);
    m_mineTitle->setWordWrap(true);

    auto *theirsSide = new QWidget;
    auto *theirsLayout = new QVBoxLayout(theirsSide);
    theirsLayout->setContentsMargins(0, 0, 0, 0);
    theirsLayout->addWidget(m_theirsTitle);
    theirsLayout->addWidget(m_theirs, 1);
    auto *mineSide = new QWidget;
    auto *mineLayout = new QVBoxLayout(mineSide);
    mineLayout->setContentsMargins(0, 0, 0, 0);
    mineLayout->addWidget(m_mineTitle);
    mineLayout->addWidget(m_mine, 1);
    auto *panes = new QSplitter(Qt::Horizontal);
    panes->addWidget(theirsSide);
    panes->addWidget(mineSide);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_list);
    split->addWidget(panes);
    split->setStretchFactor(1, 4);
    split->setSizes({120, 480});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_keepMine, QDialogButtonBox::ActionRole);
    buttons->addButton(m_keepTheirs, QDialogButtonBox::ActionRole);
    buttons->addButton(m_keepBoth, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keepMine, &QPushButton::clicked, this, [this] { keep(Keep::Mine); });
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] { keep(Keep::Theirs); });
    connect(m_keepBoth, &QPushButton::clicked, this, [this] { keep(Keep::Both); });
    connect(m_list, &QListWidget::currentRowChanged, this, &ConflictsDialog::showCurrent);
    // Scroll the two sides together, so the marked lines stay side by side.
    connect(m_theirs->verticalScrollBar(), &QScrollBar::valueChanged, m_mine->verticalScrollBar(), &QScrollBar::setValue);
    connect(m_mine->verticalScrollBar(), &QScrollBar::valueChanged, m_theirs->verticalScrollBar(), &QScrollBar::setValue);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    resize(960, 640);
    setBusy(true);
    reload();
}

int ConflictsDialog::conflictCount() const
{
    return int(m_copies.size());
}

void ConflictsDialog::setBusy(bool busy)
{
    // While one is resolved, nothing else is (another row's pair may
    // load meanwhile).
    const bool chosen = !busy && !m_resolving && m_list->currentRow() >= 0;
    m_keepMine->setEnabled(chosen);
    m_keepTheirs->setEnabled(chosen);
    m_keepBoth->setEnabled(chosen);
}

void ConflictsDialog::reload()
{
    runInBackground(this, m_db, [projectId = m_projectId](const Storage::DatabasePtr &db) { return SyncClient::Conflicts::list(db, projectId); },
                    [this](const Result<QList<Copy>> &copies) {
                        if (!copies) {
                            m_note->setProblem(copies.error().message);
                            emit failed(copies.error().message);
                            return;
                        }
                        m_copies = *copies;
                        const QSignalBlocker quiet(m_list);
                        m_list->clear();
                        for (const Copy &copy : std::as_const(m_copies))
                            m_list->addItem(tr("%1 — %2's change of %3").arg(copy.path, copy.who, copy.day));
                        if (m_copies.isEmpty()) {
                            m_theirs->clear();
                            m_mine->clear();
                            m_theirsTitle->clear();
                            m_mineTitle->setText(tr("No conflicts are left in this project."));
                            setBusy(false);
                            emit loaded();
                            return;
                        }
                        m_list->setCurrentRow(0);
                        showCurrent();
                    });
}

void ConflictsDialog::showCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_copies.size())
        return;
    const Copy copy = m_copies.at(row);
    m_theirsTitle->setText(tr("<b>Theirs</b> — %1, as the team has it").arg(copy.path.toHtmlEscaped()));
    m_mineTitle->setText(tr("<b>Mine</b> — %1, %2's later change").arg(copy.copyPath.toHtmlEscaped(), copy.who.toHtmlEscaped()));
    setBusy(true);
    const quint64 ticket = m_shows.take();
    runInBackground(this, m_db, [projectId = m_projectId, copy](const Storage::DatabasePtr &db) { return readPair(db, projectId, copy); },
                    [this, ticket](const Result<Pair> &pair) {
                        if (!m_shows.isNewest(ticket))
                            return;
                        setBusy(false);
                        if (!pair) {
                            m_note->setProblem(pair.error().message);
                            emit failed(pair.error().message);
                            return;
                        }
                        const std::optional<Sync::ChangedLines> &changed = pair->changed;
                        if (!changed) {
                            m_theirs->setPlainText(tr("(binary: %n byte(s))", nullptr, int(pair->theirs.size())));
                            m_mine->setPlainText(tr("(binary: %n byte(s))", nullptr, int(pair->mine.size())));
                        } else {
                            showMarked(m_theirs, pair->theirs, changed->removed, QColor(255, 0, 0, 48));
                            showMarked(m_mine, pair->mine, changed->added, QColor(0, 160, 0, 48));
                        }
                        m_note->setProblem({});
                        emit loaded();
                    });
}

void ConflictsDialog::keep(Keep keep)
{
    const int row = m_list->currentRow();
    if (m_resolving || row < 0 || row >= m_copies.size())
        return;
    m_resolving = true;
    setBusy(true);
    runInBackground(this, m_db,
                    [projectId = m_projectId, path = m_copies.at(row).copyPath, keep](const Storage::DatabasePtr &db) {
                        return SyncClient::Conflicts::resolve(db, projectId, path, keep);
                    },
                    [this](const Result<QString> &done) {
                        m_resolving = false;
                        if (!done) {
                            setBusy(false);
                            m_note->setProblem(done.error().message);
                            emit failed(done.error().message);
                            return;
                        }
                        m_note->setProblem({});
                        emit resolved(*done);
                        reload();
                    });
}

} // namespace Realm::Ui

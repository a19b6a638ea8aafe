// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editorarea.h"

#include "codeview/codeview.h"
#include "editor/findbar.h"
#include "jobs/background.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QStandardPaths>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <memory>

namespace Realm::Ui {

namespace {
const char *const kTabKey = "realmTab";
const char *const kTabFileFacts = "realmFileFacts"; // "UTF-8 · LF", for the status bar
const char *const kTabSha256 = "realmSha256";       // of the contents shown
const char *const kTabReload = "realmReload";       // the newest reload asked for

// How a text's lines end, as editors name it.
QString lineEndingsOf(const QString &text)
{
    const qsizetype crlf = text.count(QLatin1String("\r\n"));
    if (crlf == 0)
        return QStringLiteral("LF");
    return crlf == text.count(QLatin1Char('\n')) ? QStringLiteral("CRLF") : EditorArea::tr("Mixed line endings");
}

// What a file tab needs, loaded on a worker thread.
struct LoadedFile {
    QString path;
    QString text;
    QByteArray binaryHead;
    qint64 size = 0;
    bool binary = false;
    QString facts; // encoding and line endings
    QByteArray sha256;
    QString error;
    bool notDownloaded = false; // its contents wait on the server (with `error`)
};

// On a worker thread.
LoadedFile loadFile(const Storage::DatabasePtr &db, const QString &projectId, const QString &path)
{
    LoadedFile loaded;
    loaded.path = path;
    Projects::ProjectStore store(db);
    Result<Projects::ProjectFile> file = store.file(projectId, path);
    Result<QByteArray> content = file ? store.content(*file) : Result<QByteArray>(file.error());
    if (!content) {
        loaded.error = content.error().message;
        loaded.notDownloaded = file && !file->downloaded;
        return loaded;
    }
    loaded.size = file->size;
    loaded.sha256 = file->sha256;
    loaded.binary = file->isBinary();
    if (loaded.binary)
        loaded.binaryHead = content->left(4096);
    else
        loaded.text = Projects::decodeText(*content, Projects::encodingFromName(file->encoding));
    loaded.facts = loaded.binary ? EditorArea::tr("Binary") : file->encoding.toUpper() + QStringLiteral(" · ") + lineEndingsOf(loaded.text);
    return loaded;
}

// What a tab shows of `loaded`.
void showLoaded(CodeView *view, const LoadedFile &loaded)
{
    view->setProperty(kTabFileFacts, loaded.facts);
    view->setProperty(kTabSha256, loaded.sha256);
    if (loaded.binary) {
        view->showBinary(loaded.binaryHead, loaded.size);
    } else {
        view->setFileName(loaded.path.section(QLatin1Char('/'), -1), loaded.size);
        view->showTextProgressively(loaded.text);
    }
}

// Set on a page's widget (showPage): a tab that is not a file.
constexpr char kPage[] = "realmPage";

QString tabKeyOf(const QWidget *tab)
{
    return tab ? tab->property(kTabKey).toString() : QString();
}
} // namespace

EditorArea::EditorArea(Storage::DatabasePtr db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_welcome(new QWidget)
    , m_welcomeText(new QLabel)
    , m_welcomeButtons(new QWidget)
    , m_tabs(new QTabWidget)
    , m_findBar(new FindBar)
    , m_cursorInfo(new QLabel)
{
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &EditorArea::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateVisibility();
        updateCursorInfo();
        m_findBar->setView(currentCodeView());
        const QString key = currentTabKey();
        emit currentFileChanged(key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1));
    });

    m_cursorInfo->setObjectName(QStringLiteral("cursorInfo"));
    m_welcomeText->setObjectName(QStringLiteral("welcomeText"));
    m_welcomeText->setAlignment(Qt::AlignCenter);
    m_welcomeText->setWordWrap(true);
    auto *welcomeLayout = new QVBoxLayout(m_welcome);
    welcomeLayout->addStretch(1);
    welcomeLayout->addWidget(m_welcomeText);
    welcomeLayout->addWidget(m_welcomeButtons);
    welcomeLayout->addStretch(2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_welcome, 1);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findBar);
    updateVisibility();
}

EditorArea::~EditorArea()
{
    // Not put in a status bar (a test's editor): nobody else deletes it.
    if (m_cursorInfo && !m_cursorInfo->parent())
        delete m_cursorInfo.data();
}

void EditorArea::updateVisibility()
{
    m_tabs->setVisible(m_tabs->count() > 0);
    m_welcome->setVisible(m_tabs->count() == 0);
}

void EditorArea::updateCursorInfo()
{
    // "Ln 12, Col 5 · C++ · UTF-8 · LF", as editors show it.
    CodeView *view = currentCodeView();
    if (!view) {
        m_cursorInfo->clear();
        return;
    }
    const QTextCursor cursor = view->textCursor();
    QStringList parts{tr("Ln %1, Col %2").arg(cursor.blockNumber() + 1).arg(cursor.positionInBlock() + 1)};
    if (const QString language = view->syntaxName(); !language.isEmpty())
        parts << language;
    parts << view->property(kTabFileFacts).toString();
    m_cursorInfo->setText(parts.join(QStringLiteral(" · ")));
}

void EditorArea::setProjectNames(const QHash<QString, QString> &names)
{
    m_projectNames = names;
    relabelTabs();
}

void EditorArea::relabelTabs()
{
    const auto fileNameOf = [](const QString &key) { return key.section(QLatin1Char('/'), -1); };
    QHash<QString, QSet<QString>> projectsShowing; // file name -> projects with a tab of that name
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString key = tabKeyOf(m_tabs->widget(i));
        projectsShowing[fileNameOf(key)].insert(key.section(QLatin1Char('/'), 0, 0));
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString key = tabKeyOf(m_tabs->widget(i));
        if (key.isEmpty())
            continue; // a page keeps its title
        const QString fileName = fileNameOf(key);
        const QString project = m_projectNames.value(key.section(QLatin1Char('/'), 0, 0));
        const bool clash = projectsShowing.value(fileName).size() > 1 && !project.isEmpty();
        m_tabs->setTabText(i, clash ? tr("%1: %2", "tab text: project name, file name").arg(project, fileName) : fileName);
        const QString path = key.section(QLatin1Char('/'), 1);
        m_tabs->setTabToolTip(i, project.isEmpty() ? path : tr("%1\nin %2", "tab tooltip: file path, project name").arg(path, project));
    }
}

void EditorArea::setWelcomeText(const QString &html)
{
    m_welcomeText->setText(html);
}

void EditorArea::setWelcomeActions(const QList<QAction *> &actions)
{
    delete m_welcomeButtons->layout();
    qDeleteAll(m_welcomeButtons->findChildren<QPushButton *>(Qt::FindDirectChildrenOnly));
    auto *buttons = new QHBoxLayout(m_welcomeButtons);
    buttons->addStretch(1);
    for (QAction *action : actions) {
        auto *button = new QPushButton(action->text().remove(QLatin1Char('&')));
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
}

void EditorArea::openFile(const QString &projectId, const QString &path, int line, int column, int length)
{
    const QString tabKey = projectId + QLatin1Char('/') + path;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (tabKeyOf(m_tabs->widget(i)) == tabKey) {
            m_tabs->setCurrentIndex(i);
            if (line > 0)
                static_cast<CodeView *>(m_tabs->widget(i))->goToLine(line, column, length);
            emit fileOpened(path);
            return;
        }
    }
    runInBackground(this, m_db, [projectId, path](Storage::DatabasePtr db) { return loadFile(db, projectId, path); },
                    [this, projectId, line, column, length, tabKey](const LoadedFile &loaded) {
        if (loaded.notDownloaded) {
            emit contentsNeeded(projectId, loaded.path, line, column, length);
            return;
        }
        if (!loaded.error.isEmpty()) {
            emit failed(tr("Cannot open file"), loaded.error);
            return;
        }
        auto *view = new CodeView;
        view->setProperty(kTabKey, tabKey);
        connect(view, &QPlainTextEdit::cursorPositionChanged, this, [this, view] {
            if (view == currentCodeView())
                updateCursorInfo();
        });
        view->setLineWrapMode(m_wordWrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &at) {
            QMenu *menu = view->createStandardContextMenu(at);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            if (!m_codeActions.isEmpty())
                menu->addSeparator();
            menu->addActions(m_codeActions);
            menu->popup(view->viewport()->mapToGlobal(at));
        });
        showLoaded(view, loaded);
        const int index = m_tabs->addTab(view, loaded.path.section(QLatin1Char('/'), -1));
        relabelTabs();
        m_tabs->setCurrentIndex(index);
        if (line > 0)
            view->goToLine(line, column, length);
        view->setFocus();
        emit fileOpened(loaded.path);
    });
}

void EditorArea::reloadProject(const QString &projectId)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString key = tabKeyOf(m_tabs->widget(i));
        if (key.isEmpty() || key.section(QLatin1Char('/'), 0, 0) != projectId)
            continue;
        const QString path = key.section(QLatin1Char('/'), 1);
        // Loads finish in any order: only the newest may be shown.
        const qulonglong ticket = m_tabs->widget(i)->property(kTabReload).toULongLong() + 1;
        m_tabs->widget(i)->setProperty(kTabReload, ticket);
        runInBackground(this, m_db, [projectId, path](Storage::DatabasePtr db) { return loadFile(db, projectId, path); },
                        [this, key, ticket](const LoadedFile &loaded) {
            CodeView *view = nullptr;
            for (int j = 0; j < m_tabs->count() && !view; ++j)
                if (tabKeyOf(m_tabs->widget(j)) == key)
                    view = static_cast<CodeView *>(m_tabs->widget(j));
            if (view && view->property(kTabReload).toULongLong() == ticket && loaded.notDownloaded) {
                // A teammate's change arrived without its bytes: once they
                // are downloaded, the project is reloaded again.
                emit contentsWanted(key.section(QLatin1Char('/'), 0, 0), loaded.path);
                return;
            }
            // Gone from the project: the tab keeps what it showed until closed.
            if (!view || view->property(kTabReload).toULongLong() != ticket || !loaded.error.isEmpty()
                || view->property(kTabSha256).toByteArray() == loaded.sha256)
                return;
            // Where the reader was stays where it was, as near as the new text allows.
            const QTextCursor cursor = view->textCursor();
            const int line = cursor.blockNumber() + 1;
            const int column = cursor.positionInBlock() + 1;
            const int scroll = view->verticalScrollBar()->value();
            showLoaded(view, loaded);
            view->goToLine(line, column); // a large file's line may arrive later: it waits
            const auto keepScroll = [view, scroll] { view->verticalScrollBar()->setValue(scroll); };
            if (view->isLoading())
                connect(view, &CodeView::loaded, view, keepScroll, Qt::SingleShotConnection);
            else
                keepScroll();
            if (view == currentCodeView())
                updateCursorInfo();
        });
    }
}

void EditorArea::restoreTabs(const QStringList &keys, const QString &currentKey)
{
    if (keys.isEmpty())
        return;
    // Files load in parallel and arrive in any order: bring the tab that was
    // in front back to the front once all are there (or have failed).
    auto *pending = new QObject(this);
    auto remaining = std::make_shared<qsizetype>(keys.size());
    const auto arrived = [this, pending, remaining, currentKey] {
        if (--*remaining > 0)
            return;
        pending->deleteLater();
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (tabKeyOf(m_tabs->widget(i)) == currentKey)
                m_tabs->setCurrentIndex(i);
        }
    };
    connect(this, &EditorArea::fileOpened, pending, arrived);
    connect(this, &EditorArea::failed, pending, arrived);
    // Not downloaded: it opens later, if its download succeeds.
    connect(this, &EditorArea::contentsNeeded, pending, arrived);
    for (const QString &key : keys)
        openFile(key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1));
}

QStringList EditorArea::tabKeys() const
{
    QStringList keys;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (const QString key = tabKeyOf(m_tabs->widget(i)); !key.isEmpty())
            keys << key;
    }
    return keys;
}

QString EditorArea::currentTabKey() const
{
    return tabKeyOf(m_tabs->currentWidget());
}

CodeView *EditorArea::currentCodeView() const
{
    return qobject_cast<CodeView *>(m_tabs->currentWidget());
}

int EditorArea::openTabCount() const
{
    return m_tabs->count();
}

void EditorArea::closeCurrentTab()
{
    if (m_tabs->count() > 0)
        closeTab(m_tabs->currentIndex());
}

void EditorArea::closeTab(int index)
{
    QWidget *tab = m_tabs->widget(index);
    if (tab->property(kPage).toBool()) {
        m_tabs->removeTab(index); // its owner keeps it; it stays our hidden child
        tab->hide();
    } else {
        delete tab;
    }
    relabelTabs();
    updateVisibility();
}

void EditorArea::showPage(QWidget *page, const QString &title)
{
    page->setProperty(kPage, true);
    int index = m_tabs->indexOf(page);
    if (index < 0)
        index = m_tabs->addTab(page, title);
    m_tabs->setCurrentIndex(index);
    updateVisibility();
}

void EditorArea::closePage(QWidget *page)
{
    if (const int index = m_tabs->indexOf(page); index >= 0)
        closeTab(index);
}

bool EditorArea::isPageOpen(QWidget *page) const
{
    return m_tabs->indexOf(page) >= 0;
}

QWidget *EditorArea::currentPage() const
{
    QWidget *current = m_tabs->currentWidget();
    return current && current->property(kPage).toBool() ? current : nullptr;
}

void EditorArea::setWordWrap(bool on)
{
    m_wordWrap = on;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *code = qobject_cast<CodeView *>(m_tabs->widget(i)))
            code->setLineWrapMode(on ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    }
}

void EditorArea::showFindBar()
{
    if (CodeView *view = currentCodeView())
        m_findBar->start(view);
}

void EditorArea::findNext(bool backwards)
{
    CodeView *view = currentCodeView();
    if (!view)
        return;
    if (!m_findBar->isVisible() || m_findBar->input()->text().isEmpty()) {
        m_findBar->start(view); // F3 with nothing to find: the word under the cursor
        return;
    }
    if (backwards)
        m_findBar->findPrevious();
    else
        m_findBar->findNext();
}

void EditorArea::goToLine()
{
    CodeView *view = currentCodeView();
    if (!view)
        return;
    QInputDialog dialog(this);
    dialog.setWindowTitle(tr("Go to Line"));
    dialog.setLabelText(tr("Line (1–%1):").arg(view->blockCount()));
    dialog.setIntRange(1, view->blockCount());
    dialog.setIntValue(view->textCursor().blockNumber() + 1);
    // Wide enough that window managers show the whole title.
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) * 3 + 120);
    if (dialog.exec() == QDialog::Accepted)
        view->goToLine(dialog.intValue());
}

void EditorArea::openCurrentInExternalEditor(const QString &sourceFolder)
{
    const QString key = currentTabKey();
    if (key.isEmpty())
        return;
    const QString projectId = key.section(QLatin1Char('/'), 0, 0);
    const QString path = key.section(QLatin1Char('/'), 1);
    if (!sourceFolder.isEmpty()) {
        const QString original = sourceFolder + QLatin1Char('/') + path;
        if (QFileInfo::exists(original)) {
            QDesktopServices::openUrl(QUrl::fromLocalFile(original));
            return;
        }
    }
    const QString copy = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/open/") + projectId
                         + QLatin1Char('/') + path;
    runInBackground(this, m_db, [projectId, path, copy](Storage::DatabasePtr db) -> QString {
        Projects::ProjectStore store(db);
        Result<Projects::ProjectFile> file = store.file(projectId, path);
        Result<QByteArray> content = file ? store.content(*file) : Result<QByteArray>(file.error());
        if (!content)
            return content.error().message;
        QDir().mkpath(QFileInfo(copy).absolutePath());
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QFile out(copy);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(*content) != content->size())
            return tr("Cannot write a copy to %1: %2").arg(copy, out.errorString());
        out.close();
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
        return {};
    }, [this, copy](const QString &error) {
        if (!error.isEmpty()) {
            emit failed(tr("Cannot open file"), error);
            return;
        }
        QDesktopServices::openUrl(QUrl::fromLocalFile(copy));
    });
}

} // namespace Realm::Ui

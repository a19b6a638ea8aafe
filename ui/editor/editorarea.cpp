// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editorarea.h"

#include "codeview/codeview.h"
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
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <memory>

namespace Realm::Ui {

namespace {
const char *const kTabKey = "realmTab";

// What a file tab needs, loaded on a worker thread.
struct LoadedFile {
    QString path;
    QString text;
    QByteArray binaryHead;
    qint64 size = 0;
    bool binary = false;
    QString error;
};

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
    , m_findEdit(new QLineEdit)
{
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) { delete m_tabs->widget(index); });
    connect(m_tabs, &QTabWidget::currentChanged, this, &EditorArea::updateVisibility);

    m_welcomeText->setAlignment(Qt::AlignCenter);
    m_welcomeText->setWordWrap(true);
    auto *welcomeLayout = new QVBoxLayout(m_welcome);
    welcomeLayout->addStretch(1);
    welcomeLayout->addWidget(m_welcomeText);
    welcomeLayout->addWidget(m_welcomeButtons);
    welcomeLayout->addStretch(2);

    m_findEdit->setObjectName(QStringLiteral("findInFile"));
    m_findEdit->setPlaceholderText(tr("Find in file (Enter: next, Shift+Enter: previous, Esc: close)"));
    m_findEdit->hide();
    connect(m_findEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (CodeView *view = currentCodeView())
            view->find(text);
    });
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] {
        if (CodeView *view = currentCodeView())
            view->find(m_findEdit->text(), QApplication::keyboardModifiers() & Qt::ShiftModifier);
    });
    auto *hideFind = new QAction(m_findEdit);
    hideFind->setShortcut(QKeySequence(Qt::Key_Escape));
    hideFind->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(hideFind, &QAction::triggered, m_findEdit, &QWidget::hide);
    m_findEdit->addAction(hideFind);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_welcome, 1);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findEdit);
    updateVisibility();
}

void EditorArea::updateVisibility()
{
    m_tabs->setVisible(m_tabs->count() > 0);
    m_welcome->setVisible(m_tabs->count() == 0);
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
    runInBackground(this, m_db, [projectId, path](Storage::DatabasePtr db) {
        LoadedFile loaded;
        loaded.path = path;
        Projects::ProjectStore store(db);
        Result<Projects::ProjectFile> file = store.file(projectId, path);
        Result<QByteArray> content = file ? store.content(*file) : Result<QByteArray>(file.error());
        if (!content) {
            loaded.error = content.error().message;
            return loaded;
        }
        loaded.size = file->size;
        loaded.binary = file->isBinary();
        if (loaded.binary)
            loaded.binaryHead = content->left(4096);
        else
            loaded.text = Projects::decodeText(*content, Projects::encodingFromName(file->encoding));
        return loaded;
    }, [this, line, column, length, tabKey](const LoadedFile &loaded) {
        if (!loaded.error.isEmpty()) {
            emit failed(tr("Cannot open file"), loaded.error);
            return;
        }
        auto *view = new CodeView;
        view->setProperty(kTabKey, tabKey);
        view->setLineWrapMode(m_wordWrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
        if (loaded.binary) {
            view->showBinary(loaded.binaryHead, loaded.size);
        } else {
            view->setFileName(loaded.path.section(QLatin1Char('/'), -1), loaded.size);
            view->showTextProgressively(loaded.text);
        }
        const int index = m_tabs->addTab(view, loaded.path.section(QLatin1Char('/'), -1));
        m_tabs->setTabToolTip(index, loaded.path);
        m_tabs->setCurrentIndex(index);
        if (line > 0)
            view->goToLine(line, column, length);
        view->setFocus();
        emit fileOpened(loaded.path);
    });
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
    for (const QString &key : keys)
        openFile(key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1));
}

QStringList EditorArea::tabKeys() const
{
    QStringList keys;
    for (int i = 0; i < m_tabs->count(); ++i)
        keys << tabKeyOf(m_tabs->widget(i));
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
    delete m_tabs->currentWidget();
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
    m_findEdit->show();
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

void EditorArea::goToLine()
{
    CodeView *view = currentCodeView();
    if (!view)
        return;
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line (1–%1):").arg(view->blockCount()),
                                          view->textCursor().blockNumber() + 1, 1, view->blockCount(), 1, &ok);
    if (ok)
        view->goToLine(line);
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

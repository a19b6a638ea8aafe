// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QTabWidget;

namespace Realm::Ui {

class CodeView;
class FindBar;

// The centre of the window: open files in tabs, a find bar under them and,
// while nothing is open, a welcome page with buttons for the given actions.
// Files are read on worker threads; a tab appears when its text is ready.
// A tab is keyed "projectId/path" so that files of several projects can be
// open at once.
class EditorArea final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorArea)
public:
    explicit EditorArea(Storage::DatabasePtr db, QWidget *parent = nullptr);
    ~EditorArea() override;

    // Line and column are 1-based; `length` characters from the column are
    // selected. An open tab is brought to the front instead of loaded again.
    void openFile(const QString &projectId, const QString &path, int line = 0, int column = 0, int length = 0);
    // Shows what the workspace now holds in the tabs of `projectId`'s files
    // that changed (after a refresh or a sync), keeping each one's place.
    void reloadProject(const QString &projectId);
    // Reopens tabs saved by tabKeys(), then brings `currentKey` to the front.
    void restoreTabs(const QStringList &keys, const QString &currentKey);
    QStringList tabKeys() const;
    QString currentTabKey() const;
    CodeView *currentCodeView() const;
    int openTabCount() const;
    void closeCurrentTab();

    // A page that is not a file (Docs, Stats) as a tab of its own, full
    // width, brought to the front. Closing its tab puts it away; the caller
    // keeps it. Pages are not part of tabKeys().
    void showPage(QWidget *page, const QString &title);
    bool isPageOpen(QWidget *page) const;
    void closePage(QWidget *page);
    // The tab in front when it is a page, else null.
    QWidget *currentPage() const;

    // Project names by id, for the tabs: each tab's tooltip names its
    // project, and a file name open from two projects gets the project's
    // name in front.
    void setProjectNames(const QHash<QString, QString> &names);

    void setWelcomeText(const QString &html);
    void setWelcomeActions(const QList<QAction *> &actions);
    // Offered below the standard entries of a code view's context menu.
    void setCodeActions(const QList<QAction *> &actions) { m_codeActions = actions; }
    void setWordWrap(bool on);
    // Ctrl+F: the find bar, filled with the selection or the word under
    // the cursor. F3 / Shift+F3: the next or previous match.
    void showFindBar();
    void findNext(bool backwards = false);
    FindBar *findBar() const { return m_findBar; }
    // Line, column, language, encoding and line endings of the file in
    // front, for the window's status bar.
    QLabel *cursorInfo() const { return m_cursorInfo; }
    // Asks for a line number and jumps there.
    void goToLine();
    // Opens the current file in the desktop's editor: the original when it
    // still exists in `sourceFolder`, otherwise a read-only copy.
    void openCurrentInExternalEditor(const QString &sourceFolder);

signals:
    void fileOpened(const QString &path);
    // The tab in front changed; both empty when no tab is open.
    void currentFileChanged(const QString &projectId, const QString &path);
    void failed(const QString &title, const QString &message);
    // openFile() found the file's contents not downloaded (a shared project
    // that downloads them when needed): download them, then open it again.
    void contentsNeeded(const QString &projectId, const QString &path, int line, int column, int length);
    // reloadProject() found an open file's new contents not downloaded:
    // download them (the project's reload after shows them).
    void contentsWanted(const QString &projectId, const QString &path);

private:
    void updateVisibility();
    void closeTab(int index);
    void relabelTabs();
    void updateCursorInfo();

    Storage::DatabasePtr m_db;
    QWidget *m_welcome;
    QLabel *m_welcomeText;
    QWidget *m_welcomeButtons;
    QTabWidget *m_tabs;
    FindBar *m_findBar;
    // For the window's status bar, which then owns it; until then ours.
    QPointer<QLabel> m_cursorInfo;
    bool m_wordWrap = false;
    QHash<QString, QString> m_projectNames;
    QList<QAction *> m_codeActions;
};

} // namespace Realm::Ui

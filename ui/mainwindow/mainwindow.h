// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/background.h"
#include "jobs/importdialog.h"
#include "projects/importjob.h"
#include "common/secretstore.h"
#include "files/treeviewstate.h"
#include "storage/database.h"

#include <QMainWindow>

#include <functional>
#include <optional>

class QDockWidget;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace Realm::TeamClient {
class ServerClient;
}

namespace Realm::Ui {

class ChatPanel;
class DocsPanel;
class StatsPanel;
class CodeView;
class CommandPalette;
class EditorArea;
class FileTreeModel;
class FolderWatch;
class ImportRunner;
class ProjectActions;
class ProjectListModel;
class QuickOpenDialog;
class SearchPanel;
class TeamActions;

// The workbench window: projects and their files on the left, code in tabs
// in the middle, background jobs in the status bar. Everything that touches
// the workspace runs on worker threads; this class only wires views to
// results. Layout, open project and window state survive a restart.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(Storage::DatabasePtr db, QWidget *parent = nullptr);
    ~MainWindow() override;

    void reloadProjects();
    void openProject(const QString &projectId);
    // Opens a file of the current project; line and column are 1-based, and
    // `length` characters from the column are selected.
    void openFile(const QString &path, int line = 0, int column = 0, int length = 0);
    void openFileInProject(const QString &projectId, const QString &path, int line = 0, int column = 0, int length = 0);
    void showQuickOpen();
    // Docs and Stats: tabs of the editor area, brought to the front.
    void showDocs();
    // Project → Documentation Templates, at `select` (a qualified name).
    void showDocTemplates(const QString &select = {});
    void showStats();
    EditorArea *editorArea() const { return m_editor; }
    void showSearch();
    void showCommandPalette();
    // Imports without asking, progress in the status bar.
    void importSource(const QString &location);
    // The import dialog, pre-set to `kind` and `location` when given.
    ImportDialog *showImportDialog(ImportDialog::Kind kind, const QString &location = {});
    void refreshProject(const QString &projectId);
    ProjectActions *projectActions() const { return m_projectActions; }
    FolderWatch *folderWatch() const { return m_folderWatch; }
    TeamActions *teamActions() const { return m_team; }
    // Copies the built-in demo project to the app data folder and imports it.
    void openDemoProject();

    QString currentProjectId() const { return m_projectId; }
    CodeView *currentCodeView() const;
    int openTabCount() const;
    QSortFilterProxyModel *projectFilter() const { return m_projectFilter; }
    FileTreeModel *fileModel() const { return m_fileModel; }
    SearchPanel *searchPanel() const { return m_searchPanel; }
    QuickOpenDialog *quickOpen() const { return m_quickOpen; }
    CommandPalette *commandPalette() const { return m_palette; }
    ChatPanel *chatPanel() const { return m_chatPanel; }
    DocsPanel *docsPanel() const { return m_docsPanel; }
    StatsPanel *statsPanel() const { return m_statsPanel; }

signals:
    void projectsLoaded();
    void filesLoaded();
    void fileOpened(const QString &path);
    void importFinished(bool ok, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createDocks();
    void createStatusBar();
    void connectTeam();
    void restoreState();
    void openInExternalEditor();
    void showAbout();
    void runImport(const QString &label, const Projects::ImportInput &input);
    void connectImports();
    void connectFolderWatch();
    Projects::Project project(const QString &projectId) const; // from the list; empty if not there
    QString projectName(const QString &projectId) const { return project(projectId).name; }
    void updateWindowTitle();
    void revealCurrentFile();
    // The current project's files changed: list them again, keeping the
    // tree's open folders and current row.
    void reloadFilesKeepingView();
    // Empties the tree until the project list reloads it; a load of the
    // files under way read them before this change and is dropped (landing
    // late, it would fill the tree with the old files and stop the reload).
    void clearFiles();

    Storage::DatabasePtr m_db;
    LatestOnly m_projectReloads;
    LatestOnly m_fileReloads;
    std::optional<TreeViewState> m_keptTreeView; // restored when the reload lands
    QString m_projectId;

    ProjectListModel *m_projectModel;
    QSortFilterProxyModel *m_projectFilter;
    QLineEdit *m_filterEdit;
    QListView *m_projectView;
    FileTreeModel *m_fileModel;
    QTreeView *m_fileView;
    EditorArea *m_editor;
    SearchPanel *m_searchPanel;
    QDockWidget *m_projectsDock = nullptr;
    QDockWidget *m_filesDock = nullptr;
    QDockWidget *m_searchDock = nullptr;
    QDockWidget *m_chatDock = nullptr;
    QuickOpenDialog *m_quickOpen = nullptr;
    CommandPalette *m_palette = nullptr;
    QStringList m_projectPaths;
    QStringList m_watchedPaths; // see Loaded in openProject

    FolderWatch *m_folderWatch;
    ImportRunner *m_imports;
    ProjectActions *m_projectActions;
    QPushButton *m_undo;
    QPushButton *m_details;                    // a refresh's report, on request
    Projects::ImportReport m_reportDetails;
    std::function<void()> m_undoAction;
    std::unique_ptr<SecretStore> m_keychain;
    // After m_keychain: it goes first.
    std::unique_ptr<TeamClient::ServerClient> m_serverClient;
    TeamActions *m_team;
    ChatPanel *m_chatPanel;
    DocsPanel *m_docsPanel = nullptr;
    StatsPanel *m_statsPanel = nullptr;
};

} // namespace Realm::Ui

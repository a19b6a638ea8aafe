// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/mainwindow.h"
#include "mainwindow/codetasks.h"
#include "mainwindow/panels.h"
#include "help/helpdialogs.h"

#include "chat/chatinput.h"
#include "chat/chatpanel.h"
#include "chat/promptsdialog.h"
#include "docs/docspanel.h"
#include "docs/doctemplatesdialog.h"
#include "jobs/exportdialog.h"
#include "jobs/importrunner.h"
#include "projects/newprojectdialog.h"
#include "projects/savetemplatedialog.h"
#include "stats/statspanel.h"
#include "codeview/codeview.h"
#include "common/buildconfig.h"
#include "editor/editorarea.h"
#include "files/filetreemodel.h"
#include "projects/folderbaseline.h"
#include "projects/importjob.h"
#include "projects/folderwatch.h"
#include "projects/importsource.h"
#include "projects/projectactions.h"
#include "projects/projectlistmodel.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"
#include "workspace/workspace.h"
#include "palette/commandpalette.h"
#include "search/quickopendialog.h"
#include "search/searchpanel.h"
#include "secrets/keychainsecretstore.h"
#include "settings/appsettings.h"
#include "settings/settingsdialog.h"
#include "team/synccontroller.h"
#include "team/orgtemplatesync.h"
#include "team/teamactions.h"
#include "teamclient/serverclient.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Realm::Ui {

MainWindow::MainWindow(Storage::DatabasePtr db, QWidget *parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
    , m_projectModel(new ProjectListModel(this))
    , m_projectFilter(new ProjectFilterModel(this))
    , m_filterEdit(new QLineEdit)
    , m_projectView(new QListView)
    , m_fileModel(new FileTreeModel(this))
    , m_fileView(new QTreeView)
    , m_editor(new EditorArea(m_db))
    , m_searchPanel(new SearchPanel(m_db))
    , m_folderWatch(new FolderWatch(m_db, this))
    , m_imports(new ImportRunner(m_db, m_folderWatch, this))
    , m_projectActions(new ProjectActions(m_db, this))
    , m_undo(new QPushButton(tr("Undo")))
    , m_details(new QPushButton(tr("Details…")))
    , m_keychain(std::make_unique<Secrets::KeychainSecretStore>())
    , m_serverClient(std::make_unique<TeamClient::ServerClient>(m_keychain.get()))
    , m_team(new TeamActions(m_db, m_serverClient.get(), this))
    , m_chatPanel(new ChatPanel(m_db, m_keychain.get()))
{
    updateWindowTitle();
    resize(1280, 800);
    setAcceptDrops(true);
    setCentralWidget(m_editor);
    connect(m_editor, &EditorArea::fileOpened, this, &MainWindow::fileOpened);
    connect(m_editor, &EditorArea::currentFileChanged, this, [this] {
        updateWindowTitle();
        revealCurrentFile();
    });
    connect(m_editor, &EditorArea::failed, this, [this](const QString &title, const QString &message) {
        QMessageBox::warning(this, title, message);
    });

    createDocks();
    createActions();
    createStatusBar();
    restoreState();
    reloadProjects();
    connectTeam();
    connectFolderWatch();
    connectImports();
}

void MainWindow::connectFolderWatch()
{
    m_folderWatch->setEnabled(AppSettings::load().followFolders);
    // A sync writes into the same folders (then the workspace): a refresh
    // reading between the two would take its files for edits made here.
    m_folderWatch->setHold([this] { return m_team->sync()->isBusy(); });
    m_team->setFolderWatch(m_folderWatch);
    // And a sync asked for while a refresh runs waits for its end: the
    // refresh's changes are then pushed, not half of them.
    m_team->sync()->setStartAfter([this](std::function<void()> start) { m_folderWatch->afterRefresh(std::move(start)); });
    // Queued: a sync that ends may start the next one at once.
    connect(m_team->sync(), &SyncController::finished, m_folderWatch, &FolderWatch::retry, Qt::QueuedConnection);
    connect(m_team->sync(), &SyncController::failed, m_folderWatch, &FolderWatch::retry, Qt::QueuedConnection);
    connect(m_folderWatch, &FolderWatch::refreshed, this, [this](const Projects::ImportReport &report) {
        statusBar()->showMessage(Projects::describeImport(report, true), 10000);
        if (report.project.id == m_projectId)
            reloadFilesKeepingView();
        m_editor->reloadProject(report.project.id);
        reloadProjects();
        m_team->projectChangedHere(report.project.id);
    });
    // Like a refresh's: in the status bar until the next message.
    connect(m_folderWatch, &FolderWatch::failed, this, [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_folderWatch, &FolderWatch::notice, this, [this](const QString &message) { statusBar()->showMessage(message, 30000); });
}

void MainWindow::connectTeam()
{
    connect(m_team->sync(), &SyncController::statusesChanged, this, [this] { m_projectModel->setSyncBadges(m_team->sync()->badges()); });
    connect(m_team, &TeamActions::message, this, [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_team, &TeamActions::openProjectRequested, this, [this](const QString &projectId) {
        m_projectId = projectId;
        clearFiles();
        reloadProjects();
    });
    // A file whose contents wait on the server opens once downloaded.
    connect(m_editor, &EditorArea::contentsNeeded, m_team, &TeamActions::downloadAndOpen);
    connect(m_editor, &EditorArea::contentsWanted, m_team, &TeamActions::download);
    connect(m_team, &TeamActions::openFileRequested, m_editor, &EditorArea::openFile);
    m_docsPanel->setSyncController(m_team->sync());
    connect(m_team, &TeamActions::projectsReceived, this, [this](const QStringList &projectIds) {
        // The tree reads again with the list (as after a refresh), and the
        // chat shows what teammates wrote.
        if (projectIds.contains(m_projectId)) {
            reloadFilesKeepingView();
            m_chatPanel->reloadFromWorkspace();
        }
        for (const QString &id : projectIds)
            m_editor->reloadProject(id);
        reloadProjects();
    });
    connect(this, &MainWindow::importFinished, m_team, [this](bool ok) {
        if (ok)
            m_team->projectChangedHere(m_projectId);
    });
    connect(m_projectActions, &ProjectActions::projectsChanged, m_team, [this] { m_team->projectChangedHere(m_projectId); });
    m_team->sync()->setAutomatic(true);
}

MainWindow::~MainWindow()
{
    delete m_docsPanel; // both panels use m_keychain: they go first
    delete m_chatDock;
    delete m_team; // it uses m_serverClient
}

void MainWindow::createDocks()
{
    m_projectFilter->setSourceModel(m_projectModel);
    m_projectFilter->sort(0);
    m_filterEdit->setObjectName(QStringLiteral("projectFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter projects (name, description, tags)"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, m_projectFilter, &QSortFilterProxyModel::setFilterFixedString);
    m_projectView->setObjectName(QStringLiteral("projectList"));
    m_projectView->setModel(m_projectFilter);
    m_projectView->setItemDelegate(new ProjectItemDelegate(m_projectView));
    m_projectView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_projectView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QModelIndex source = m_projectFilter->mapToSource(current);
        m_projectActions->setProject(source.isValid() ? m_projectModel->projects().at(source.row()) : Projects::Project{});
        if (current.isValid())
            openProject(current.data(ProjectListModel::IdRole).toString());
    });
    m_projectView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_projectView->addActions({m_projectActions->renameAction(), m_projectActions->editAction(),
                               m_projectActions->refreshAction(), m_projectActions->trashAction()});
    connect(m_projectActions, &ProjectActions::projectsChanged, this, &MainWindow::reloadProjects);
    connect(m_projectActions, &ProjectActions::refreshRequested, this, &MainWindow::refreshProject);
    connect(m_projectActions, &ProjectActions::failed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("REALM"), message);
    });
    connect(m_projectActions, &ProjectActions::done, this, [this](const QString &message, std::function<void()> undo) {
        statusBar()->showMessage(message, 15000);
        m_undoAction = std::move(undo);
        m_undo->setVisible(bool(m_undoAction));
    });

    auto *projectsPanel = new QWidget;
    auto *projectsLayout = new QVBoxLayout(projectsPanel);
    projectsLayout->setContentsMargins(4, 4, 4, 4);
    projectsLayout->addWidget(m_filterEdit);
    projectsLayout->addWidget(m_projectView);
    m_projectsDock = new QDockWidget(tr("Projects"), this);
    m_projectsDock->setObjectName(QStringLiteral("projectsDock"));
    m_projectsDock->setWidget(projectsPanel);
    addDockWidget(Qt::LeftDockWidgetArea, m_projectsDock);

    m_fileView->setObjectName(QStringLiteral("fileTree"));
    m_fileView->setModel(m_fileModel);
    m_fileView->setUniformRowHeights(true); // keeps 100k-row trees fast
    m_fileView->setDragEnabled(true);      // files and folders drop onto the chat as context
    m_fileView->setDragDropMode(QAbstractItemView::DragOnly);
    m_fileView->header()->setStretchLastSection(false);
    m_fileView->header()->setSectionResizeMode(FileTreeModel::NameColumn, QHeaderView::Stretch);
    m_fileView->header()->setSectionResizeMode(FileTreeModel::SizeColumn, QHeaderView::ResizeToContents);
    connect(m_fileView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(FileTreeModel::IsFolderRole).toBool())
            openFile(index.data(FileTreeModel::PathRole).toString());
    });
    m_filesDock = new QDockWidget(tr("Files"), this);
    m_filesDock->setObjectName(QStringLiteral("filesDock"));
    m_filesDock->setWidget(m_fileView);
    addDockWidget(Qt::LeftDockWidgetArea, m_filesDock);

    m_searchDock = new QDockWidget(tr("Search"), this);
    m_searchDock->setObjectName(QStringLiteral("searchDock"));
    m_searchDock->setWidget(m_searchPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_searchDock);
    m_searchDock->hide();
    connect(m_searchPanel, &SearchPanel::matchActivated, this, &MainWindow::openFileInProject);

    // The right-hand side belongs to the chat about the current project.
    m_chatDock = new QDockWidget(tr("Chat"), this);
    m_chatDock->setObjectName(QStringLiteral("chatDock"));
    m_chatDock->setWidget(m_chatPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_chatDock);
    resizeDocks({m_chatDock}, {380}, Qt::Horizontal);

    // Documentation and the project at a glance need the width: they open
    // as tabs of the editor area (showDocs, showStats), not as docks.
    m_docsPanel = new DocsPanel(m_db, m_chatPanel->providerStore(), m_editor);
    m_docsPanel->hide();
    connect(m_docsPanel, &DocsPanel::failed, this, [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    // An organization's documentation templates come with its prompt templates.
    connect(m_team->sync()->orgTemplates(), &OrgTemplateSync::received, m_docsPanel, &DocsPanel::reloadTemplates);
    connect(m_docsPanel, &DocsPanel::editTemplatesRequested, this, &MainWindow::showDocTemplates);
    m_statsPanel = new StatsPanel(m_db, m_editor);
    m_statsPanel->hide();
    // New versions and new API references change the numbers.
    connect(this, &MainWindow::importFinished, m_statsPanel, &StatsPanel::reload);
    connect(m_docsPanel, &DocsPanel::generated, m_statsPanel, &StatsPanel::reload);
    connect(m_statsPanel, &StatsPanel::apiReferenceRequested, this, [this](const QString &projectId) {
        if (projectId != m_projectId)
            return;
        showDocs();
        m_docsPanel->generateApiReference();
    });
    connect(m_statsPanel, &StatsPanel::markerActivated, this,
            [this](const QString &projectId, const QString &path, int line) { openFileInProject(projectId, path, line); });
}

void MainWindow::showDocs()
{
    m_editor->showPage(m_docsPanel, tr("Docs"));
}

void MainWindow::showDocTemplates(const QString &select)
{
    auto *dialog = new DocTemplatesDialog(m_db, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!select.isEmpty())
        dialog->select(select);
    if (m_team->isSignedIn())
        dialog->setSharing(m_team->sync()->orgTemplates());
    connect(dialog, &DocTemplatesDialog::changed, m_docsPanel, &DocsPanel::reloadTemplates);
    dialog->open();
}

void MainWindow::showStats()
{
    m_editor->showPage(m_statsPanel, tr("Stats"));
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *importFolder = file->addAction(tr("Import &Folder…"), this, [this] { showImportDialog(ImportDialog::Kind::Folder); });
    importFolder->setShortcut(QKeySequence::Open);
    QAction *importArchive = file->addAction(tr("Import &Archive…"), this, [this] { showImportDialog(ImportDialog::Kind::Archive); });
    QAction *importGit = file->addAction(tr("Import from &Git…"), this, [this] { showImportDialog(ImportDialog::Kind::Git); });
    QAction *demo = file->addAction(tr("Open &Demo Project"), this, &MainWindow::openDemoProject);
    QAction *fromTemplate = file->addAction(tr("&New Project from Template…"), this, [this] {
        auto *dialog = new NewProjectDialog(m_db, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (m_team->isSignedIn())
            dialog->setSharing(m_team->sync()->orgTemplates());
        connect(dialog, &NewProjectDialog::projectCreated, this, [this](const QString &projectId, const QString &name) {
            statusBar()->showMessage(tr("Created \"%1\".").arg(name), 10000);
            reloadProjects();
            openProject(projectId);
        });
        dialog->open();
    });
    fromTemplate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_editor->setWelcomeActions({importFolder, importArchive, importGit, demo});
    file->addSeparator();
    QAction *preferences = file->addAction(tr("&Settings…"), this, [this] {
        SettingsDialog dialog(AppSettings::load(), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const AppSettings chosen = dialog.settings();
        chosen.save();
        m_folderWatch->setEnabled(chosen.followFolders);
        m_folderWatch->follow(project(m_projectId), m_watchedPaths);
    });
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *closeTab = file->addAction(tr("&Close Tab"), m_editor, &EditorArea::closeCurrentTab);
    // Ctrl+W everywhere: without a desktop's platform theme, Qt's standard
    // Close is only Ctrl+F4.
    QList<QKeySequence> closeKeys{QKeySequence(Qt::CTRL | Qt::Key_W)};
    for (const QKeySequence &keys : QKeySequence::keyBindings(QKeySequence::Close)) {
        if (!closeKeys.contains(keys))
            closeKeys << keys;
    }
    closeTab->setShortcuts(closeKeys);
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *project = menuBar()->addMenu(tr("&Project"));
    project->addAction(m_projectActions->createAction());
    project->addSeparator();
    project->addActions({m_projectActions->renameAction(), m_projectActions->editAction(), m_projectActions->refreshAction()});
    project->addSeparator();
    QAction *generateDocs = project->addAction(tr("Generate &Documentation…"), this, [this] {
        showDocs();
        m_docsPanel->setFocus();
    });
    generateDocs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    project->addAction(tr("Documentation Te&mplates…"), this, [this] { showDocTemplates(m_docsPanel->chosenTemplate()); });
    project->addAction(tr("Save as &Template…"), this, [this] {
        for (const Projects::Project &p : m_projectModel->projects()) {
            if (p.id != m_projectId)
                continue;
            auto *dialog = new SaveTemplateDialog(m_db, p.id, p.name, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            if (m_team->isSignedIn())
                dialog->setSharing(m_team->sync()->orgTemplates());
            connect(dialog, &SaveTemplateDialog::saved, this, [this](const QString &name, const QString &note) {
                statusBar()->showMessage(note.isEmpty() ? tr("Saved the template \"%1\": File → New Project from Template offers it.").arg(name) : note,
                                         note.isEmpty() ? 10000 : 20000);
            });
            dialog->open();
        }
    });
    project->addAction(tr("E&xport…"), this, [this] {
        for (const Projects::Project &p : m_projectModel->projects()) {
            if (p.id == m_projectId) {
                auto *dialog = new ExportDialog(m_db, p.id, p.name, this);
                dialog->setSyncController(m_team->sync());
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->open();
            }
        }
    });
    project->addSeparator();
    project->addActions({m_projectActions->trashAction(), m_projectActions->showTrashAction()});

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find in File…"), m_editor, &EditorArea::showFindBar);
    find->setShortcut(QKeySequence::Find);
    QAction *findNext = edit->addAction(tr("Find &Next"), m_editor, [this] { m_editor->findNext(false); });
    findNext->setShortcut(QKeySequence(Qt::Key_F3));
    QAction *findPrevious = edit->addAction(tr("Find Pre&vious"), m_editor, [this] { m_editor->findNext(true); });
    findPrevious->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    QAction *goTo = edit->addAction(tr("&Go to Line…"), m_editor, &EditorArea::goToLine);
    goTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    QAction *copyNumbered = edit->addAction(tr("Copy with &Line Numbers"), this, [this] {
        if (CodeView *view = currentCodeView())
            QGuiApplication::clipboard()->setText(view->selectionWithLineNumbers());
    });
    copyNumbered->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    edit->addAction(tr("Open in &External Editor"), this, &MainWindow::openInExternalEditor);
    edit->addSeparator();
    QAction *findInFiles = edit->addAction(tr("Find in &Files…"), this, &MainWindow::showSearch);
    findInFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QAction *quickOpen = edit->addAction(tr("&Open File in Project…"), this, &MainWindow::showQuickOpen);
    quickOpen->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *palette = view->addAction(tr("&Command Palette…"), this, &MainWindow::showCommandPalette);
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QAction *wrap = view->addAction(tr("&Word Wrap"));
    wrap->setCheckable(true);
    wrap->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Z));
    connect(wrap, &QAction::toggled, m_editor, &EditorArea::setWordWrap);
    view->addSeparator();
    // Alt+1…6 in the order the panels sit, left to right, top to bottom;
    // the chat and stats keep the shortcuts they had before.
    const auto alt = [](Qt::Key key) { return QKeySequence(Qt::ALT | key); };
    const auto dock = [](QDockWidget *d, const QString &text, QList<QKeySequence> keys, std::function<void()> focus) {
        return Panel{d, text, std::move(keys), std::move(focus), {}, {}, nullptr, {}};
    };
    const auto page = [this](QWidget *widget, const QString &name, const QString &text, QList<QKeySequence> keys, std::function<void()> show,
                             std::function<void()> focus) {
        return Panel{nullptr, text, std::move(keys), std::move(focus), name, std::move(show), widget, [this, widget] { m_editor->closePage(widget); }};
    };
    addPanelActions(this, view,
                    {dock(m_projectsDock, tr("&Projects"), {alt(Qt::Key_1)}, [this] { m_filterEdit->setFocus(); }),
                     dock(m_filesDock, tr("&Files"), {alt(Qt::Key_2)}, [this] { m_fileView->setFocus(); }),
                     dock(m_searchDock, tr("&Search"), {alt(Qt::Key_3)}, [this] { m_searchPanel->focusQuery(); }),
                     dock(m_chatDock, tr("C&hat"), {alt(Qt::Key_4), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
                          [this] { m_chatPanel->input()->setFocus(); }),
                     page(m_docsPanel, QStringLiteral("docsPage"), tr("&Docs"), {alt(Qt::Key_5)}, [this] { showDocs(); },
                          [this] { m_docsPanel->setFocus(); }),
                     page(m_statsPanel, QStringLiteral("statsPage"), tr("S&tats"), {alt(Qt::Key_6), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
                          [this] { showStats(); }, [this] { m_statsPanel->setFocus(); })});

    QMenu *chatMenu = menuBar()->addMenu(tr("&Chat"));
    QAction *askSelection = chatMenu->addAction(tr("&Ask About the Selection"), this, [this] {
        CodeView *code = currentCodeView();
        if (!code)
            return;
        const QString path = m_editor->currentTabKey().section(QLatin1Char('/'), 1);
        const QString text = code->textCursor().hasSelection() ? code->selectionWithLineNumbers() : code->toPlainText();
        const QString title = code->textCursor().hasSelection()
                                  ? tr("%1 (selection)").arg(path)
                                  : path;
        m_chatPanel->attach({code->textCursor().hasSelection() ? QStringLiteral("selection") : QStringLiteral("file"), title, text, false});
        m_chatDock->show();
        m_chatDock->raise();
        m_chatPanel->input()->setFocus();
    });
    askSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    // Code tasks fill the question box with a prompt template and the code on show.
    const auto codeOnShow = [this](bool wholeFile) -> std::optional<Prompts::PromptValues> {
        const CodeView *code = currentCodeView();
        if (!code)
            return std::nullopt;
        const QString key = m_editor->currentTabKey();
        return promptValuesOf(code, key.section(QLatin1Char('/'), 1), projectName(key.section(QLatin1Char('/'), 0, 0)), wholeFile);
    };
    QMenu *tasks = chatMenu->addMenu(tr("Code &Tasks"));
    const QList<QAction *> taskActions = addCodeTaskActions(tasks, codeOnShow, [this](const QString &name, const Prompts::PromptValues &values) {
        m_chatDock->show();
        m_chatDock->raise();
        m_chatPanel->usePrompt(name, values);
    });
    m_editor->setCodeActions(taskActions);
    m_chatPanel->setPromptValuesSource([codeOnShow] { return codeOnShow(false).value_or(Prompts::PromptValues{}); });
    chatMenu->addAction(tr("&New Conversation"), this, [this] {
        m_chatDock->show();
        m_chatPanel->newConversation();
    });
    chatMenu->addAction(tr("&Providers…"), m_chatPanel, &ChatPanel::showProviderSettings);
    chatMenu->addAction(tr("Prompt Te&mplates…"), this, [this] {
        auto *dialog = new PromptsDialog(m_db, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (m_team->isSignedIn())
            dialog->setSharing(m_team->sync()->orgTemplates());
        dialog->open();
    });

    QMenu *team = menuBar()->addMenu(tr("&Team"));
    const QList<QAction *> teamActions = m_team->actions();
    team->addAction(teamActions.first());
    team->addSeparator();
    team->addActions(teamActions.mid(1));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    QAction *guide = help->addAction(tr("&User Guide"), this, [this] {
        auto *dialog = new UserGuideDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    help->addAction(tr("&About REALM"), this, &MainWindow::showAbout);
}

void MainWindow::createStatusBar()
{
    m_undo->setObjectName(QStringLiteral("undo"));
    m_undo->hide();
    connect(m_undo, &QPushButton::clicked, this, [this] {
        m_undo->hide();
        statusBar()->clearMessage();
        if (auto undo = std::exchange(m_undoAction, {}))
            undo();
    });
    m_details->setObjectName(QStringLiteral("importDetails"));
    m_details->setFlat(true);
    m_details->hide();
    connect(m_details, &QPushButton::clicked, this, [this] {
        m_details->hide();
        showImportReport(this, m_reportDetails);
    });
    connect(statusBar(), &QStatusBar::messageChanged, m_undo, [this](const QString &message) {
        if (message.isEmpty()) {
            m_undo->hide(); // the chance to undo goes with the message
            m_details->hide();
        }
    });
    // Beside the message, not over it: a status bar draws its message where
    // its normal widgets sit.
    statusBar()->addPermanentWidget(m_undo);
    statusBar()->addPermanentWidget(m_details);
    statusBar()->addPermanentWidget(m_editor->cursorInfo());
    statusBar()->addPermanentWidget(m_team->presenceLabel());
    statusBar()->addPermanentWidget(m_team->statusLabel());
    statusBar()->addPermanentWidget(m_team->cancelButton());
    for (QWidget *widget : m_imports->statusWidgets())
        statusBar()->addPermanentWidget(widget);
    statusBar()->showMessage(tr("Workspace: %1").arg(QDir::toNativeSeparators(m_db->path())));
}

void MainWindow::restoreState()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_projectId = settings.value(QStringLiteral("mainWindow/lastProject")).toString();
    // Tabs come back once the last project's files are listed, so that the
    // tree and the tabs agree.
    const QStringList tabs = settings.value(QStringLiteral("mainWindow/openTabs")).toStringList();
    const QString current = settings.value(QStringLiteral("mainWindow/currentTab")).toString();
    if (!tabs.isEmpty()) {
        auto *once = new QObject(this);
        connect(this, &MainWindow::filesLoaded, once, [this, once, tabs, current] {
            delete once;
            m_editor->restoreTabs(tabs, current);
        });
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_imports->isBusy()) {
        if (QMessageBox::question(this, tr("Import running"), tr("An import is still running. Cancel it and quit?"))
            != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_imports->cancel();
    }
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/lastProject"), m_projectId);
    settings.setValue(QStringLiteral("mainWindow/openTabs"), m_editor->tabKeys());
    settings.setValue(QStringLiteral("mainWindow/currentTab"), m_editor->currentTabKey());
    QMainWindow::closeEvent(event);
}

void MainWindow::reloadProjects()
{
    const quint64 ticket = m_projectReloads.take();
    runInBackground(this, m_db, [](Storage::DatabasePtr db) { return Projects::ProjectStore(db).list(); },
                    [this, ticket](const Result<QList<Projects::Project>> &projects) {
        if (!m_projectReloads.isNewest(ticket))
            return;
        if (!projects) {
            // Say so: an unreadable workspace is not an empty one.
            statusBar()->showMessage(tr("Cannot list the projects: %1").arg(projects.error().message));
            m_editor->setWelcomeText(tr("<h2>The workspace cannot be read</h2><p>%1</p>").arg(projects.error().message.toHtmlEscaped()));
            return;
        }
        m_projectModel->setProjects(*projects);
        QHash<QString, QString> names;
        for (const Projects::Project &p : *projects)
            names.insert(p.id, p.name);
        m_editor->setProjectNames(names);
        m_editor->setWelcomeText(m_projectModel->projects().isEmpty()
                                 ? tr("<h2>Welcome to REALM</h2><p>Bring in some code to browse and search it. "
                                      "Open files from the tree on the left; they show up here.</p>")
                                 : tr("<h2>REALM</h2><p>Open a file from the tree on the left, or press Ctrl+P to find one by "
                                      "name. Ctrl+Shift+F searches every file; Ctrl+Shift+P lists all commands.</p>"));
        const QModelIndex current = m_projectFilter->mapFromSource(m_projectModel->indexOf(m_projectId));
        if (current.isValid())
            m_projectView->setCurrentIndex(current);
        else if (m_projectFilter->rowCount() > 0)
            m_projectView->setCurrentIndex(m_projectFilter->index(0, 0));
        updateWindowTitle(); // a renamed project
        emit projectsLoaded();
    });
}

void MainWindow::openProject(const QString &projectId)
{
    if (projectId == m_projectId && m_fileModel->rowCount() > 0)
        return;
    if (projectId != m_projectId)
        m_keptTreeView.reset();
    m_projectId = projectId;
    updateWindowTitle();
    m_searchPanel->setCurrentProject(projectId);
    for (const Projects::Project &p : m_projectModel->projects()) {
        if (p.id == projectId) {
            m_chatPanel->setProject(p.id, p.name);
            m_team->setProject(p.id, p.name);
            m_docsPanel->setProject(p.id, p.name);
            m_statsPanel->setProject(p.id, p.name);
        }
    }
    struct Loaded {
        std::shared_ptr<FileTreeModel::Node> tree;
        QStringList paths;
        // What the watcher expects in the folder: the project's files, or
        // those a folder left as it is held when last read.
        QStringList watchedPaths;
        QString error;
    };
    const quint64 ticket = m_fileReloads.take();
    runInBackground(this, m_db,
                    [projectId](Storage::DatabasePtr db) {
                        Result<QList<Projects::ProjectFile>> files = Projects::ProjectStore(db).files(projectId);
                        Loaded loaded;
                        loaded.tree = FileTreeModel::buildTree(files ? *files : QList<Projects::ProjectFile>{});
                        if (!files)
                            loaded.error = files.error().message;
                        for (const Projects::ProjectFile &f : files ? *files : QList<Projects::ProjectFile>{})
                            loaded.paths << f.path;
                        Result<std::optional<QStringList>> kept = Projects::FolderBaseline::keptPaths(db->handle(), projectId);
                        loaded.watchedPaths = kept && *kept ? **kept : loaded.paths;
                        return loaded;
                    },
                    [this, ticket](const Loaded &loaded) {
                        if (!m_fileReloads.isNewest(ticket))
                            return; // the user has moved on to another project
                        if (!loaded.error.isEmpty())
                            statusBar()->showMessage(tr("Cannot list the project's files: %1").arg(loaded.error));
                        m_fileModel->setTree(loaded.tree);
                        if (const std::optional<TreeViewState> kept = std::exchange(m_keptTreeView, std::nullopt); kept && kept->projectId == m_projectId)
                            kept->restore(*m_fileView, *m_fileModel);
                        m_projectPaths = loaded.paths;
                        m_watchedPaths = loaded.watchedPaths;
                        m_folderWatch->follow(project(m_projectId), m_watchedPaths);
                        if (m_quickOpen)
                            m_quickOpen->setPaths(m_projectPaths);
                        revealCurrentFile();
                        emit filesLoaded();
                    });
}

void MainWindow::reloadFilesKeepingView()
{
    // A second reload before the first lands: the tree is empty by now,
    // and what the first kept is what to restore.
    if (!m_keptTreeView) {
        m_keptTreeView = TreeViewState::of(*m_fileView);
        m_keptTreeView->projectId = m_projectId;
    }
    clearFiles(); // reloaded with the project list
}

void MainWindow::clearFiles()
{
    m_fileReloads.take();
    m_fileModel->setTree(FileTreeModel::buildTree({}));
}

Projects::Project MainWindow::project(const QString &projectId) const
{
    for (const Projects::Project &p : m_projectModel->projects()) {
        if (p.id == projectId)
            return p;
    }
    return {};
}

void MainWindow::updateWindowTitle()
{
    // "file — project — REALM": the file in front and the project it is
    // from (without a file, the current project).
    const QString key = m_editor->currentTabKey();
    QStringList parts;
    if (!key.isEmpty())
        parts << key.section(QLatin1Char('/'), -1);
    if (const QString project = projectName(key.isEmpty() ? m_projectId : key.section(QLatin1Char('/'), 0, 0)); !project.isEmpty())
        parts << project;
    parts << tr("REALM");
    setWindowTitle(parts.join(QStringLiteral(" — ")));
}

void MainWindow::revealCurrentFile()
{
    // The file tree expands to the file in front and selects it, when the
    // tree shows its project.
    const QString key = m_editor->currentTabKey();
    if (key.isEmpty() || key.section(QLatin1Char('/'), 0, 0) != m_projectId)
        return;
    const QModelIndex index = m_fileModel->indexForPath(key.section(QLatin1Char('/'), 1));
    if (!index.isValid())
        return;
    for (QModelIndex folder = index.parent(); folder.isValid(); folder = folder.parent())
        m_fileView->expand(folder);
    m_fileView->setCurrentIndex(index);
    m_fileView->scrollTo(index);
}

void MainWindow::openFileInProject(const QString &projectId, const QString &path, int line, int column, int length)
{
    if (projectId != m_projectId) {
        const QModelIndex index = m_projectFilter->mapFromSource(m_projectModel->indexOf(projectId));
        if (index.isValid())
            m_projectView->setCurrentIndex(index); // loads its files as well
        else
            openProject(projectId);
    }
    openFile(path, line, column, length);
}

void MainWindow::showCommandPalette()
{
    if (!m_palette)
        m_palette = new CommandPalette(this);
    QList<QAction *> actions;
    for (QAction *menu : menuBar()->actions()) {
        if (menu->menu())
            actions += menu->menu()->actions();
    }
    m_palette->setActions(actions);
    m_palette->setFilter(QString());
    m_palette->show();
    m_palette->raise();
    m_palette->activateWindow();
}

void MainWindow::showSearch()
{
    m_searchDock->show();
    m_searchDock->raise();
    m_searchPanel->focusQuery();
}

void MainWindow::showQuickOpen()
{
    if (!m_quickOpen) {
        m_quickOpen = new QuickOpenDialog(this);
        connect(m_quickOpen, &QuickOpenDialog::fileChosen, this, [this](const QString &path) { openFile(path); });
    }
    m_quickOpen->setPaths(m_projectPaths);
    m_quickOpen->setPattern(QString());
    m_quickOpen->show();
    m_quickOpen->raise();
    m_quickOpen->activateWindow();
}

void MainWindow::openFile(const QString &path, int line, int column, int length)
{
    m_editor->openFile(m_projectId, path, line, column, length);
}

int MainWindow::openTabCount() const
{
    return m_editor->openTabCount();
}

CodeView *MainWindow::currentCodeView() const
{
    return m_editor->currentCodeView();
}

void MainWindow::importSource(const QString &location)
{
    runImport(tr("Importing %1…").arg(QDir::toNativeSeparators(location)), {location, {}, {}, AppSettings::load().importOptions()});
}

void MainWindow::refreshProject(const QString &projectId)
{
    runImport(tr("Refreshing…"), {{}, projectId, {}, AppSettings::load().importOptions()});
}

void MainWindow::runImport(const QString &label, const Projects::ImportInput &input)
{
    if (!m_imports->run(label, input))
        QMessageBox::information(this, tr("Import running"), tr("Wait for the running import to finish, or cancel it."));
}

void MainWindow::connectImports()
{
    connect(m_imports, &ImportRunner::failed, this, [this](const Error &error, bool refresh) {
        // A refresh is routine: its failure stays in the status bar until
        // the next message instead of stopping the user with a dialog.
        statusBar()->showMessage(error.message, refresh ? 0 : 10000);
        if (error.code != Error::Code::Cancelled && !refresh)
            QMessageBox::warning(this, tr("Import failed"), error.message);
        emit importFinished(false, error.message);
    });
    connect(m_imports, &ImportRunner::finished, this, [this](const Projects::ImportReport &report, bool refresh) {
        m_editor->reloadProject(report.project.id);
        const QString message = Projects::describeImport(report, refresh);
        const bool issues = !report.rejected.isEmpty() || !report.warnings.isEmpty();
        // An import shows its report; a refresh only offers it.
        statusBar()->showMessage(message, issues && refresh ? 60000 : 10000);
        if (issues && refresh) {
            m_reportDetails = report;
            m_details->show();
        } else if (issues) {
            showImportReport(this, report);
        }
        // Reloaded with the project list.
        if (report.project.id == m_projectId) {
            reloadFilesKeepingView(); // a refresh
        } else {
            m_projectId = report.project.id;
            clearFiles();
        }
        reloadProjects();
        emit importFinished(true, message);
    });
}

ImportDialog *MainWindow::showImportDialog(ImportDialog::Kind kind, const QString &location)
{
    auto *dialog = new ImportDialog(m_db, kind, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!location.isEmpty())
        dialog->setSource(kind, location);
    connect(dialog, &ImportDialog::projectImported, this, [this](const Projects::ImportReport &report) {
        m_folderWatch->markUpToDate(report.project.id);
        m_projectId = report.project.id;
        reloadProjects();
        statusBar()->showMessage(Projects::describeImport(report, false), 10000);
    });
    connect(dialog, &ImportDialog::importFinished, this, &MainWindow::importFinished);
    dialog->open();
    return dialog;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    // A dropped folder or archive opens the import dialog, filled in.
    const QString path = event->mimeData()->urls().constFirst().toLocalFile();
    showImportDialog(QFileInfo(path).isDir() ? ImportDialog::Kind::Folder : ImportDialog::Kind::Archive,
                     QDir::toNativeSeparators(path));
    event->acceptProposedAction();
}

void MainWindow::openDemoProject()
{
    // Copied out of the resources (an import reads real files) on a worker
    // thread; an existing demo project is just selected.
    const QString target = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo/realm-demo");
    runInBackground(this, m_db, [target](Storage::DatabasePtr db) {
        QDirIterator it(QStringLiteral(":/realm/demo"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString source = it.next();
            const QString destination = target + source.mid(QStringLiteral(":/realm/demo").size());
            QDir().mkpath(QFileInfo(destination).absolutePath());
            QFile::remove(destination);
            QFile::copy(source, destination);
            QFile::setPermissions(destination, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        }
        Result<Projects::Project> existing = Projects::ProjectStore(db).find(QStringLiteral("realm-demo"));
        return existing ? existing->id : QString();
    }, [this, target](const QString &existingId) {
        if (!existingId.isEmpty()) {
            m_projectId = existingId;
            reloadProjects();
            return;
        }
        importSource(target);
    });
}

void MainWindow::openInExternalEditor()
{
    // The original file when the project came from a folder that still has it.
    const QString projectId = m_editor->currentTabKey().section(QLatin1Char('/'), 0, 0);
    QString folder;
    for (const Projects::Project &p : m_projectModel->projects()) {
        if (p.id == projectId && p.source.kind == Projects::ProjectSource::Kind::Folder)
            folder = p.source.location;
    }
    m_editor->openCurrentInExternalEditor(folder);
}

void MainWindow::showAbout()
{
    QString versions;
    for (const auto &[name, version] : Workspace::componentVersions())
        versions += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(name.toHtmlEscaped(), version.toHtmlEscaped());
    QMessageBox::about(this, tr("About REALM"),
                       tr("<h3>REALM %1</h3><p>A native workbench for software developers.</p>"
                          "<table>%2</table><p>GPL-3.0-or-later.</p>")
                           .arg(QStringLiteral(REALM_VERSION_STRING), versions));
}

} // namespace Realm::Ui

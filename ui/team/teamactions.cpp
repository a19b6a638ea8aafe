// SPDX-License-Identifier: GPL-3.0-or-later
#include "team/teamactions.h"

#include "team/orgtemplatesync.h"

#include "projects/folderwatch.h"
#include "team/conflictsdialog.h"
#include "team/serverdialog.h"
#include "team/serverprojectsdialog.h"
#include "team/sharedialog.h"
#include "team/synccontroller.h"
#include "projects/folderbaseline.h"
#include "projects/sourcefolder.h"
#include "settings/appsettings.h"
#include "syncclient/contents.h"
#include "teamclient/serverclient.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>
#include <QWidget>

#include <algorithm>
#include <climits>

namespace Realm::Ui {

using SyncClient::SyncInput;
using SyncClient::SyncReport;

namespace {
template<typename Dialog>
Dialog *openOnce(Dialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}
} // namespace

TeamActions::TeamActions(Storage::DatabasePtr db, TeamClient::ServerClient *client, QWidget *window)
    : QObject(window)
    , m_db(std::move(db))
    , m_client(client)
    , m_window(window)
    , m_sync(new SyncController(m_db, client, this))
    , m_connect(new QAction(tr("&Connect to Server…"), this))
    , m_syncNow(new QAction(tr("&Sync Now"), this))
    , m_share(new QAction(tr("S&hare Project…"), this))
    , m_conflicts(new QAction(tr("&Resolve Conflicts…"), this))
    , m_serverProjects(new QAction(tr("Server &Projects…"), this))
    , m_folderUpdates(new QAction(tr("&Update Project Folder With Team Changes"), this))
    , m_lazyContents(new QAction(tr("&Download File Contents Only When Needed"), this))
    , m_cancel(new QAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("C&ancel Sync"), this))
    , m_cancelButton(new QToolButton(window))
    , m_status(new QLabel(window))
    , m_presence(new QLabel(window))
{
    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_presence->setObjectName(QStringLiteral("presence"));
    m_presence->hide();
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    m_syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    m_syncNow->setToolTip(tr("Send this workspace's changes to the team server and receive the team's"));
    connect(m_connect, &QAction::triggered, this, &TeamActions::showServerDialog);
    connect(m_syncNow, &QAction::triggered, this, [this] {
        m_keptFiles.clear(); // asked for: held deletes are asked about again
        m_sync->syncNow();
    });
    connect(m_share, &QAction::triggered, this, &TeamActions::showShareDialog);
    connect(m_conflicts, &QAction::triggered, this, &TeamActions::showConflicts);
    connect(m_serverProjects, &QAction::triggered, this, &TeamActions::showServerProjects);
    m_folderUpdates->setObjectName(QStringLiteral("folderUpdates"));
    m_folderUpdates->setCheckable(true);
    m_folderUpdates->setChecked(true);
    m_folderUpdates->setToolTip(tr("On: files your teammates change are written into this project's folder too. Off: the folder stays as you "
                                   "keep it, and a refresh sends only what you change there."));
    connect(m_folderUpdates, &QAction::triggered, this, &TeamActions::setFolderUpdates);
    m_lazyContents->setObjectName(QStringLiteral("lazyContents"));
    m_lazyContents->setCheckable(true);
    m_lazyContents->setToolTip(tr("On: a file's contents are downloaded when you open it. Off: every sync downloads all of them. "
                                  "Not for a project whose folder gets the team's changes."));
    connect(m_lazyContents, &QAction::triggered, this, &TeamActions::setLazyContents);
    m_cancel->setObjectName(QStringLiteral("cancelSync"));
    m_cancel->setToolTip(tr("Stop the sync, share or clone under way; what was not sent waits for the next sync"));
    connect(m_cancel, &QAction::triggered, m_sync, &SyncController::cancel);
    m_cancelButton->setDefaultAction(m_cancel);
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->setToolButtonStyle(m_cancel->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonIconOnly);
    m_cancelButton->hide();

    connect(m_sync, &SyncController::statusesChanged, this, [this] {
        updateActions();
        showStatus();
    });
    connect(m_sync, &SyncController::progress, this, [this](double fraction, const QString &text) {
        m_status->setText(fraction >= 0 ? tr("%1 (%2%)").arg(text, QString::number(qRound(fraction * 100))) : text);
    });
    connect(m_sync, &SyncController::projectsReceived, this, &TeamActions::projectsReceived);
    connect(m_sync, &SyncController::presenceChanged, this, [this](const QString &projectId, const QStringList &others) {
        if (projectId == m_projectId)
            showPresence(others);
    });
    connect(m_sync, &SyncController::liveChanged, this, [this](bool live, const QString &why) {
        m_liveProblem = live ? QString() : why;
        showStatus();
    });
    // The organizations' templates sync in the background: a failure is
    // said once, in the status bar (a failed publish also in its dialog).
    connect(m_sync->orgTemplates(), &OrgTemplateSync::ended, this, [this](const QString &problem) {
        if (!problem.isEmpty() && problem != std::exchange(m_lastTemplatesProblem, problem))
            emit message(tr("Organizations' templates: %1").arg(problem));
        if (problem.isEmpty())
            m_lastTemplatesProblem.clear();
    });
    connect(m_sync, &SyncController::failed, this, [this](SyncInput::Action action, const QString &text) {
        // Said here too: the dialog that asked may be closed by now.
        if (m_sync->wasCancelled()) {
            switch (action) {
            case SyncInput::Action::Sync: emit message(tr("Sync cancelled; changes not sent wait for the next sync.")); break;
            case SyncInput::Action::Share: emit message(tr("Sharing cancelled.")); break;
            case SyncInput::Action::Clone: emit message(tr("Cloning cancelled.")); break;
            case SyncInput::Action::Fetch: emit message(tr("Download cancelled.")); break;
            }
            return;
        }
        switch (action) {
        case SyncInput::Action::Sync: emit message(tr("Sync failed: %1").arg(text)); break;
        case SyncInput::Action::Share: emit message(tr("Sharing failed: %1").arg(text)); break;
        case SyncInput::Action::Clone: emit message(tr("Cloning failed: %1").arg(text)); break;
        case SyncInput::Action::Fetch: emit message(tr("Download failed: %1").arg(text)); break;
        }
    });
    connect(m_sync, &SyncController::finished, this, [this](SyncInput::Action action, const QList<SyncReport> &reports) {
        if (action == SyncInput::Action::Share && !reports.isEmpty())
            emit message(tr("\"%1\" is shared.").arg(reports.first().projectName));

        if (action != SyncInput::Action::Sync)
            return;
        QStringList problems;
        qint64 conflicts = 0;
        for (const SyncReport &report : reports) {
            conflicts += report.conflicts.size();
            // Held deletes are asked about (or were, and wait): not said again.
            if (!report.error.isEmpty() && report.deletesHeld == 0)
                problems << tr("%1: %2").arg(report.projectName, report.error);
        }
        if (!problems.isEmpty())
            emit message(problems.join(QLatin1Char(' ')));
        else if (conflicts > 0)
            emit message(tr("Synced; %n change(s) overlapped a teammate's and were kept as conflict copies: Team → Resolve Conflicts.", nullptr, int(conflicts)));
    });
    connect(m_sync, &SyncController::deletesHeld, this, &TeamActions::askAboutDeletes);
    connect(m_sync, &SyncController::fetchEnded, this, &TeamActions::fetchEnded);
    connect(m_client, &TeamClient::ServerClient::accountChanged, this, [this] {
        updateActions();
        showStatus();
    });
    updateActions();
    showStatus();
}

QList<QAction *> TeamActions::actions() const
{
    return {m_connect, m_syncNow, m_cancel, m_share, m_folderUpdates, m_lazyContents, m_conflicts, m_serverProjects};
}

void TeamActions::setProject(const QString &projectId, const QString &projectName)
{
    if (projectId != m_projectId)
        showPresence({});
    m_projectId = projectId;
    m_projectName = projectName;
    m_sync->setOpenProject(projectId);
    m_projectHasFolder = false;
    updateActions();
    if (!projectId.isEmpty())
        readFolderUpdates();
}

TeamActions::~TeamActions()
{
    // A switch still running: its end, which resumes them, will not be heard.
    if (m_switchingFolder && m_folderWatch)
        m_folderWatch->resume();
}

void TeamActions::setFolderWatch(FolderWatch *watch)
{
    m_folderWatch = watch;
}

bool TeamActions::isSignedIn() const
{
    return m_client->account().isSet();
}

void TeamActions::projectChangedHere(const QString &projectId)
{
    const bool shared = m_sync->statusOf(projectId).has_value();
    m_sync->reload();
    if (shared && m_sync->isAutomatic() && m_client->account().isSet())
        m_sync->syncNow({projectId});
}

void TeamActions::askAboutDeletes(const QString &projectId, const QString &projectName, qint64 count)
{
    if (m_keptFiles.contains(projectId) || m_deleteQuestions.value(projectId))
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Files Here?"),
                                tr("The team's changes would delete %n file(s) of \"%1\" — more than half of it. Delete them here too?", nullptr,
                                   int(std::min<qint64>(count, INT_MAX)))
                                    .arg(projectName),
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("deletesHeld"));
    box->setInformativeText(tr("Nothing was changed here yet. If the server was emptied or restored by mistake, keep the files: the "
                               "project then waits, and Team → Sync Now asks again."));
    QPushButton *remove = box->addButton(tr("Delete Them Here"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("deleteHere"));
    QPushButton *keep = box->addButton(tr("Keep the Files"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepFiles"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, projectId, count, remove](QAbstractButton *button) {
        if (button == remove)
            m_sync->syncAllowingDeletes(projectId, count);
        else
            m_keptFiles.insert(projectId);
    });
    m_deleteQuestions.insert(projectId, box);
    box->open(); // not modal to the event loop: syncs of other projects go on
}

void TeamActions::readFolderUpdates()
{
    const QString projectId = m_projectId;
    const quint64 ticket = m_folderReads.take();
    runInBackground(this, m_db, [projectId](const Storage::DatabasePtr &db) -> std::optional<bool> {
        Result<std::optional<Projects::SourceFolder>> folder = Projects::SourceFolder::of(db->handle(), projectId);
        if (!folder || !*folder)
            return std::nullopt;
        Result<bool> takes = Projects::FolderBaseline::folderTakesPulls(db->handle(), projectId);
        return takes ? std::optional<bool>(*takes) : std::nullopt;
    }, [this, ticket](std::optional<bool> takes) {
        if (!m_folderReads.isNewest(ticket))
            return;
        m_projectHasFolder = takes.has_value();
        m_folderUpdates->setChecked(takes.value_or(true));
        updateActions();
    });
}

void TeamActions::setFolderUpdates(bool on)
{
    if (m_folderWatch && m_folderWatch->isGivingWay()) {
        emit message(tr("The project is being imported or refreshed: try again when that is done."));
        readFolderUpdates(); // the check mark as it was
        return;
    }
    const QString projectId = m_projectId;
    const QString name = m_projectName;
    m_switchingFolder = true;
    updateActions();
    // The folder is read as the window's refreshes read it, while they wait.
    const auto start = [this, projectId, name, on] {
        runInBackground(this, m_db, [projectId, on, options = AppSettings::load().importOptions()](const Storage::DatabasePtr &db) {
            return Projects::FolderBaseline::setFolderTakesPulls(db, projectId, on, options);
        }, [this, projectId, name, on](const Result<qint64> &switched) { folderUpdatesSet(projectId, name, on, switched); });
    };
    if (m_folderWatch)
        m_folderWatch->giveWay(start);
    else
        start();
}

void TeamActions::folderUpdatesSet(const QString &projectId, const QString &name, bool on, const Result<qint64> &switched)
{
    m_switchingFolder = false;
    if (m_folderWatch)
        m_folderWatch->resume();
    if (!switched) {
        emit message(tr("Cannot change whether the folder of \"%1\" gets the team's changes: %2").arg(name, switched.error().message));
    } else {
        emit message(on ? tr("The folder of \"%1\" gets the team's changes again (%n file(s) written or removed).", nullptr, int(*switched)).arg(name)
                        : tr("The folder of \"%1\" is left as it is when the team's changes arrive; a refresh sends only what you change there.")
                              .arg(name));
        // Either way the folder's own changes may have been taken in.
        emit projectsReceived({projectId});
        projectChangedHere(projectId);
    }
    readFolderUpdates();
}

void TeamActions::setLazyContents(bool lazy)
{
    const QString projectId = m_projectId;
    const QString name = m_projectName;
    const auto contents = lazy ? SyncClient::Link::Contents::Lazy : SyncClient::Link::Contents::Eager;
    runInBackground(this, m_db, [projectId, contents](const Storage::DatabasePtr &db) { return SyncClient::setContents(db, projectId, contents); },
                    [this, projectId, name, lazy](const Result<SyncClient::ContentsState> &set) {
        if (!set) {
            emit message(tr("Cannot change how \"%1\" downloads file contents: %2").arg(name, set.error().message));
        } else if (lazy) {
            emit message(tr("\"%1\" downloads a file's contents when you open it.").arg(name));
        } else {
            emit message(tr("\"%1\" downloads every file's contents: %n not here yet are downloaded now.", nullptr,
                            int(std::min<qint64>(set->notDownloaded, INT_MAX))).arg(name));
            if (set->notDownloaded > 0)
                m_sync->syncNow({projectId});
        }
        m_sync->reload(); // the check mark as it now is
    });
}

void TeamActions::downloadAndOpen(const QString &projectId, const QString &path, int line, int column, int length)
{
    emit message(tr("Downloading %1…").arg(path));
    m_opensAfterFetch.append({projectId, path, line, column, length});
    m_sync->fetch(projectId, {path});
}

void TeamActions::download(const QString &projectId, const QString &path)
{
    m_sync->fetch(projectId, {path});
}

void TeamActions::fetchEnded(const QString &projectId, const QStringList &paths, bool ok)
{
    for (qsizetype i = 0; i < m_opensAfterFetch.size(); ++i) {
        const OpenAfterFetch open = m_opensAfterFetch.at(i);
        if (open.projectId != projectId || !paths.contains(open.path))
            continue;
        m_opensAfterFetch.removeAt(i);
        if (ok)
            emit openFileRequested(open.projectId, open.path, open.line, open.column, open.length);
        return;
    }
}

void TeamActions::updateActions()
{
    const bool signedIn = m_client->account().isSet();
    const auto status = m_sync->statusOf(m_projectId);
    m_syncNow->setEnabled(signedIn); // shared projects, and organizations' templates
    m_share->setEnabled(signedIn && !m_projectId.isEmpty());
    m_share->setText(status ? tr("S&hare Project (Members)…") : tr("S&hare Project…"));
    m_conflicts->setEnabled(status && status->conflicts > 0);
    m_folderUpdates->setEnabled(status && m_projectHasFolder && !m_switchingFolder && !m_sync->isBusy());
    const bool lazy = status && status->link.contents == SyncClient::Link::Contents::Lazy;
    m_lazyContents->setChecked(lazy);
    // A folder that gets the team's changes needs every content (lazy can
    // still be turned off there).
    m_lazyContents->setEnabled(status && (lazy || !m_projectHasFolder || !m_folderUpdates->isChecked()));
    m_serverProjects->setEnabled(signedIn);
    m_cancel->setEnabled(m_sync->isBusy());
    m_cancelButton->setVisible(m_sync->isBusy());
}

void TeamActions::showStatus()
{
    if (m_sync->statuses().isEmpty()) {
        m_status->clear();
        return;
    }
    if (m_sync->isBusy()) {
        m_status->setText(tr("Syncing…"));
        return;
    }
    if (!m_client->account().isSet()) {
        m_status->setText(tr("Not signed in: changes wait here"));
        return;
    }
    std::optional<qint64> last;
    qint64 pending = 0;
    for (const auto &status : m_sync->statuses()) {
        pending += status.pending;
        if (status.link.lastSyncedAtMs)
            last = std::max(last.value_or(0), *status.link.lastSyncedAtMs);
    }
    QString text = tr("Not synced yet");
    if (last) {
        // The time alone today; the day too before.
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(*last);
        text = tr("Synced %1").arg(when.date() == QDate::currentDate() ? QLocale().toString(when.time(), QLocale::ShortFormat)
                                                                        : QLocale().toString(when, QLocale::ShortFormat));
    }
    if (pending > 0)
        text += QStringLiteral(" · ") + tr("%n waiting", nullptr, int(pending));
    if (!m_liveProblem.isEmpty())
        text += QStringLiteral(" · ") + tr("live updates off");
    m_status->setText(text);
    m_status->setToolTip(m_liveProblem.isEmpty() ? (m_sync->isLive() ? tr("Live: teammates' changes arrive as they are made.") : QString()) : m_liveProblem);
}

void TeamActions::showPresence(const QStringList &others)
{
    m_presence->setVisible(!others.isEmpty());
    if (others.isEmpty()) {
        m_presence->clear();
        return;
    }
    // Two names at most; the tooltip has them all.
    QString text;
    if (others.size() == 1)
        text = tr("%1 is here too").arg(others.first());
    else if (others.size() == 2)
        text = tr("%1 and %2 are here too").arg(others.at(0), others.at(1));
    else
        text = tr("%1, %2 and %n more are here too", nullptr, int(others.size() - 2)).arg(others.at(0), others.at(1));
    m_presence->setText(text);
    m_presence->setToolTip(tr("Also has this project open: %1").arg(QLocale().createSeparatedList(others)));
}

void TeamActions::showServerDialog()
{
    openOnce(new ServerDialog(m_client, m_window));
}

void TeamActions::showShareDialog()
{
    if (m_projectId.isEmpty())
        return;
    openOnce(new ShareDialog(m_sync, m_client, m_projectId, m_projectName, m_window));
}

void TeamActions::showConflicts()
{
    if (m_projectId.isEmpty())
        return;
    auto *dialog = openOnce(new ConflictsDialog(m_db, m_projectId, m_projectName, m_window));
    connect(dialog, &ConflictsDialog::resolved, this, [this, projectId = m_projectId](const QString &text) {
        emit message(text);
        emit projectsReceived({projectId}); // the files changed here
        projectChangedHere(projectId);
    });
}

void TeamActions::showServerProjects()
{
    auto *dialog = openOnce(new ServerProjectsDialog(m_sync, m_client, m_window));
    connect(dialog, &ServerProjectsDialog::cloned, this, &TeamActions::openProjectRequested);
}

} // namespace Realm::Ui

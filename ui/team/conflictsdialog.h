// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/background.h"
#include "storage/database.h"
#include "syncclient/conflicts.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Realm::Ui {

class FieldNote;

// Team → Resolve Conflicts: a shared project's conflict copies, each shown
// beside its file with the lines they differ in marked, and the choice:
// keep the later change ("mine", the copy), the file as the team has it
// ("theirs"), or both under their own names. Resolving is a local change
// like any other; the next sync sends it to everyone.
class ConflictsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictsDialog)
public:
    ConflictsDialog(Storage::DatabasePtr db, const QString &projectId, const QString &projectName, QWidget *parent = nullptr);

    void keep(SyncClient::Conflicts::Keep keep);
    int conflictCount() const;

signals:
    // The list (and the current pair) is on show.
    void loaded();
    // One was resolved; `message` says how.
    void resolved(const QString &message);
    void failed(const QString &message);

private:
    void reload();
    void showCurrent();
    void setBusy(bool busy);

    Storage::DatabasePtr m_db;
    QString m_projectId;
    QList<SyncClient::Conflicts::Copy> m_copies;
    LatestOnly m_shows;
    QListWidget *m_list;
    QLabel *m_theirsTitle;
    QLabel *m_mineTitle;
    QPlainTextEdit *m_theirs;
    QPlainTextEdit *m_mine;
    QPushButton *m_keepMine;
    QPushButton *m_keepTheirs;
    QPushButton *m_keepBoth;
    FieldNote *m_note;
    bool m_resolving = false;
};

} // namespace Realm::Ui

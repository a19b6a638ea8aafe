// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/database.h"
#include "team/templatesharing.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Realm::Ui {

class FieldNote;

// Project → Save as Template: the project's files (all ticked) become a
// starter template of the workspace; each text in the variables table
// (a name, the project's name…) becomes {{variable}} in contents and names.
// Signed in to a team server, an admin can publish it to an organization
// as it is saved.
class SaveTemplateDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveTemplateDialog)
public:
    SaveTemplateDialog(Storage::DatabasePtr db, const QString &projectId, const QString &projectName, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QTableWidget *variableTable() const { return m_variables; }
    QListWidget *fileList() const { return m_files; }
    QLabel *problemLabel() const { return m_problem; }
    void save();

    // Not while publishing (Esc too): its outcome is on its way.
    void reject() override;

    // "Share with" offers the organizations the user administers.
    void setSharing(TemplateSharing *sharing);
    QComboBox *shareBox() const { return m_shareWith; }

signals:
    void filesLoaded();
    // Saved in the workspace; `note`: what publishing it came to (or
    // empty: it was not to be published).
    void saved(const QString &name, const QString &note);
    // setSharing's organizations are known.
    void sharingKnown();

private:
    void validate();
    void publish(const Starters::StarterTemplate &starter);
    Storage::DatabasePtr m_db;
    QString m_projectId;
    QLineEdit *m_name;
    QLineEdit *m_title;
    QLineEdit *m_description;
    QTableWidget *m_variables;
    QListWidget *m_files;
    QLabel *m_problem;
    QComboBox *m_shareWith;
    QFormLayout *m_form;
    TemplateSharing *m_sharing = nullptr;
    QList<TemplateSharing::Org> m_adminOrgs;

    QPushButton *m_save;
    QPushButton *m_cancel;
    FieldNote *m_nameNote;
    FieldNote *m_filesNote;
    bool m_saving = false;
};

} // namespace Realm::Ui

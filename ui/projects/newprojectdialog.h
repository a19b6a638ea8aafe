// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "starters/startertemplate.h"

#include <QDialog>
#include <QHash>
#include <QMap>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace Realm::Starters {
class CreateJob;
}

namespace Realm::Ui {

class FieldNote;

// File → New Project from Template: pick a starter, fill in the form its
// manifest asks for (checked as you type), see the files it will make, and
// create them in a folder that becomes a project of the workspace.
class NewProjectDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewProjectDialog)
public:
    // While creating: cancels (the dialog stays to say so); else closes.
    void reject() override;
    explicit NewProjectDialog(Storage::DatabasePtr db, QWidget *parent = nullptr);

    void selectTemplate(const QString &id);
    // The value a form field holds (for tests: set it with setValue).
    void setValue(const QString &variable, const QString &value);
    void setFolder(const QString &folder);
    void create();

    QListWidget *templateList() const { return m_templates; }
    QTreeWidget *preview() const { return m_preview; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *createButton() const { return m_create; }

signals:
    void projectCreated(const QString &projectId, const QString &name);
    void templatesLoaded(); // the workspace's own, after the built-in ones

private:
    void showTemplate(int row);
    QMap<QString, QString> currentValues() const;
    void updatePreview();

    Storage::DatabasePtr m_db;
    QList<Starters::StarterTemplate> m_starters;
    QListWidget *m_templates;
    QLabel *m_description;
    QFormLayout *m_form;
    QMap<QString, QWidget *> m_fields;
    QLineEdit *m_folder;
    bool m_folderEdited = false;
    QTreeWidget *m_preview;
    QLabel *m_problem;
    QPushButton *m_create;
    FieldNote *m_folderNote;
    QHash<QString, FieldNote *> m_notes; // under each variable's field
    bool m_running = false;
    Starters::CreateJob *m_job = nullptr;
};

} // namespace Realm::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/background.h"
#include "starters/startertemplate.h"
#include "team/templatesharing.h"

#include <QDialog>
#include <QHash>
#include <QMap>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPushButton;
class QTreeWidget;

namespace Realm::Starters {
class CreateJob;
}

namespace Realm::Ui {

class FieldNote;

// File → New Project from Template: pick a starter, fill in the form its
// manifest asks for (checked as you type), see the files it will make, and
// create them in a folder that becomes a project of the workspace. With a
// team server, Share publishes one of the user's own templates to an
// organization they administer, or withdraws an organization's.
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
    // Offers Share (publish, withdraw) through `sharing`; none: hidden.
    void setSharing(TemplateSharing *sharing);
    // The Share button's menu for the template shown (the caller owns it).
    QMenu *shareMenu();

    QListWidget *list() const { return m_templates; }
    QPushButton *shareButton() const { return m_share; }
    QTreeWidget *preview() const { return m_preview; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *createButton() const { return m_create; }

signals:
    void projectCreated(const QString &projectId, const QString &name);
    void loaded(); // the workspace's own, after the built-in ones (again after a share)
    void changed(); // a share published or withdrew a template
    void sharingKnown(); // setSharing's organizations are known

private:
    void showTemplate(int row);
    QMap<QString, QString> currentValues() const;
    void updatePreview();
    // Lists the workspace's templates (again) after REALM's; the one shown
    // stays shown, its form as filled in, unless it went.
    void loadWorkspaceTemplates();
    void updateShareButton();

    Storage::DatabasePtr m_db;
    QList<Starters::StarterTemplate> m_starters; // REALM's first, then the workspace's
    qsizetype m_builtInCount = 0;
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
    QPushButton *m_share;
    QLabel *m_shareMessage;
    TemplateSharing *m_sharing = nullptr;
    QList<TemplateSharing::Org> m_adminOrgs;
    bool m_sharingUnderWay = false;
    LatestOnly m_reloads; // of the workspace's templates
};

} // namespace Realm::Ui

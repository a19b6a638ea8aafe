// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jobs/background.h"
#include "team/templatesharing.h"
#include "prompts/prompttemplate.h"
#include "storage/database.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QMenu;
class QPushButton;

namespace Realm::Ui {

// Chat → Prompt Templates: REALM's own (read-only, to copy) and the
// user's, to create, edit, duplicate, remove, and exchange as JSON files.
// Reads and writes the workspace off the UI thread.
class PromptsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptsDialog)
public:
    explicit PromptsDialog(Storage::DatabasePtr db, QWidget *parent = nullptr);

    // The commands behind the buttons, for tests too.
    void newTemplate();
    void duplicateTemplate();
    void removeTemplate();
    void saveTemplate();
    void importFrom(const QString &fileName);
    void exportTo(const QString &fileName);
    QListWidget *list() const { return m_list; }

    // Publishing to organizations (signed in to a team server): the Share
    // button offers the user's own template to the organizations they
    // administer, and an organization's template back for withdrawal.
    void setSharing(TemplateSharing *sharing);
    QPushButton *shareButton() const { return m_share; }
    // The menu the Share button opens for the template shown (for tests too).
    QMenu *shareMenu();

signals:
    // The list (re)loaded; after a save or import, with the saved ones.
    void loaded();
    // A template was saved, removed, imported, published or withdrawn.
    void changed();
    // setSharing's organizations are known (the Share button follows them).
    void sharingKnown();

private:
    void reload(const QString &selectName = {});
    void showTemplate(int row);
    void updateButtons();
    void showError(const QString &message);
    Prompts::PromptTemplate formTemplate() const;
    // The form differs from the template chosen (or holds a new one).
    bool isEdited() const;
    // What the form says under a template the user cannot change here.
    QString noteFor(const Prompts::PromptTemplate &prompt) const;
    // A name not taken yet: "explain-copy", "explain-copy-2", …
    QString freeName(const QString &base) const;

    Storage::DatabasePtr m_db;
    LatestOnly m_reloads;
    QList<Prompts::PromptTemplate> m_prompts;
    bool m_isNew = false; // the form holds a template not saved yet
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_title;
    QLineEdit *m_description;
    QPlainTextEdit *m_body;
    QLabel *m_message;
    QPushButton *m_duplicate;
    QPushButton *m_remove;
    QPushButton *m_save;
    QPushButton *m_share;
    TemplateSharing *m_sharing = nullptr;
    QList<TemplateSharing::Org> m_adminOrgs;
    QString m_noteAfterReload; // what a publish or withdrawal came to
};

} // namespace Realm::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "docs/docstore.h"
#include "jobs/background.h"
#include "storage/database.h"
#include "team/templatesharing.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QPushButton;

namespace Realm::Ui {

// "API reference", "Overview" or "Custom", for a kind's name (api, …).
QString docKindLabel(const QString &kind);

// Project → Documentation Templates: REALM's own (read-only, to copy), the
// user's, to create, edit, duplicate and remove, and their organizations'
// (read-only; published and withdrawn by their admins through Share).
// A template is Mustache for one kind of document; a custom one also says
// what to ask the model. Reads and writes the workspace off the UI thread.
class DocTemplatesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocTemplatesDialog)
public:
    explicit DocTemplatesDialog(Storage::DatabasePtr db, QWidget *parent = nullptr);

    // The commands behind the buttons, for tests too.
    void newTemplate();
    void duplicateTemplate();
    void removeTemplate();
    void saveTemplate();
    // Import… and Export… without their file dialogs: a template file
    // (docs template export's JSON) becomes one of the user's own; the
    // template shown, as saved, is written to one.
    void importFrom(const QString &fileName);
    void exportTo(const QString &fileName);
    // Shows the template of that qualified name (ORG/NAME, a name of the
    // user's own, or builtInKey(kind) for REALM's own) once the list is read.
    void select(const QString &qualifiedName);
    static QString builtInKey(const QString &kind);
    QListWidget *list() const { return m_list; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QPlainTextEdit *promptEdit() const { return m_prompt; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *removeButton() const { return m_remove; }
    QPushButton *exportButton() const { return m_export; }

    // Publishing to organizations (signed in to a team server), as in the
    // Prompts dialog: the user's own to the organizations they administer,
    // an organization's back for withdrawal.
    void setSharing(TemplateSharing *sharing);
    QPushButton *shareButton() const { return m_share; }
    // The menu the Share button opens for the template shown (for tests too).
    QMenu *shareMenu();
    // The form holds what is not saved.
    bool isEdited() const;

    // Closing with an edit not saved asks first.
    void reject() override;

signals:
    // The list (re)loaded.
    void loaded();
    // A template was saved, removed, published or withdrawn.
    void changed();
    // setSharing's organizations are known (the Share button follows them).
    void sharingKnown();

private:
    struct Loaded;
    void reload(const QString &selectName = {});
    void showTemplate(int row);
    void updateForm();
    void showError(const QString &message);
    bool isBuiltIn(int row) const { return row >= 0 && row < m_builtInCount; }
    QString keyOf(int row) const; // what select() takes for it
    // True when the form holds nothing unsaved, or the user lets it go.
    bool mayLeaveForm();
    void startNewForm();
    const Docs::DocTemplate *current() const;
    Docs::DocTemplate formTemplate() const;
    QString noteFor(int row) const;
    // A name of the user's not taken yet: "api-copy", "api-copy-2", …
    QString freeName(const QString &base) const;
    // A new template's kind changed: REALM's body for it replaces the one
    // of the kind before, unless the user wrote their own.
    void onKindChanged();

    Storage::DatabasePtr m_db;
    LatestOnly m_reloads;
    // REALM's own first (m_builtInCount of them, named by their kind), then
    // the user's and the organizations'.
    QList<Docs::DocTemplate> m_templates;
    int m_builtInCount = 0;
    QHash<QString, QString> m_builtInBodies; // kind → REALM's Mustache
    QString m_formKind;                      // the kind the form showed last
    bool m_isNew = false;                    // the form holds a template not saved yet
    QString m_pendingSelection;              // select() before the list was read
    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QPlainTextEdit *m_prompt;
    QPlainTextEdit *m_body;
    QLabel *m_message;
    QFormLayout *m_form;
    QPushButton *m_duplicate;
    QPushButton *m_remove;
    QPushButton *m_save;
    QPushButton *m_share;
    QPushButton *m_export;
    TemplateSharing *m_sharing = nullptr;
    QList<TemplateSharing::Org> m_adminOrgs;
    QString m_noteAfterReload; // what a save, removal, publish or withdrawal came to
    bool m_closeAfterSave = false; // Save chosen on closing with an edit
    bool m_saving = false;
    int m_shownRow = -1; // the row the form shows (-1: a new template)
};

} // namespace Realm::Ui

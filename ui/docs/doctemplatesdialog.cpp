// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/doctemplatesdialog.h"

#include "common/atomicfile.h"
#include "docs/docgenerator.h"
#include "docs/docjson.h"
#include "widgets/sidebutton.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Realm::Ui {

using Docs::DocKind;
using Docs::DocTemplate;

namespace {
constexpr DocKind kKinds[] = {DocKind::Api, DocKind::Overview, DocKind::Custom};
} // namespace

QString docKindLabel(const QString &kind)
{
    if (kind == QLatin1String("api"))
        return DocTemplatesDialog::tr("API reference");
    if (kind == QLatin1String("overview"))
        return DocTemplatesDialog::tr("Overview");
    return DocTemplatesDialog::tr("Custom");
}

// What the background read brings: REALM's own, then the stored ones.
struct DocTemplatesDialog::Loaded {
    QList<DocTemplate> builtIns;
    QList<DocTemplate> stored;
};

DocTemplatesDialog::DocTemplatesDialog(Storage::DatabasePtr db, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_list(new QListWidget)
    , m_name(new QLineEdit)
    , m_kind(new QComboBox)
    , m_prompt(new QPlainTextEdit)
    , m_body(new QPlainTextEdit)
    , m_message(new QLabel)
    , m_form(new QFormLayout)
    , m_duplicate(sideButton(tr("D&uplicate")))
    , m_remove(sideButton(tr("&Remove")))
    , m_save(new QPushButton(tr("&Save")))
    , m_share(sideButton(tr("S&hare")))
    , m_export(sideButton(tr("&Export…")))
{
    setWindowTitle(tr("Documentation Templates"));
    resize(960, 620);
    m_list->setObjectName(QStringLiteral("docTemplates"));
    m_name->setObjectName(QStringLiteral("docTemplateName"));
    m_name->setPlaceholderText(tr("lower-case-name, chosen in the Docs tab"));
    m_kind->setObjectName(QStringLiteral("docTemplateKind"));
    for (DocKind kind : kKinds)
        m_kind->addItem(docKindLabel(Docs::docKindName(kind)), Docs::docKindName(kind));
    m_prompt->setObjectName(QStringLiteral("docTemplatePrompt"));
    m_prompt->setPlaceholderText(tr("What the model should write, e.g. “A one-page brief for new contributors.”"));
    m_prompt->setMaximumHeight(90);
    m_body->setObjectName(QStringLiteral("docTemplateBody"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_body->setPlaceholderText(tr("Mustache: the variables REALM's own template of this kind lists in its first lines."));
    m_message->setObjectName(QStringLiteral("docTemplateMessage"));
    m_message->setWordWrap(true);

    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&Kind:"), m_kind);
    m_form->addRow(tr("&Prompt:"), m_prompt);
    m_form->addRow(tr("&Template:"), m_body);
    m_form->addRow(QString(), m_message);

    auto *newButton = sideButton(tr("Ne&w")); // (Alt+N is the name's)
    auto *listButtons = new QHBoxLayout;
    for (QPushButton *b : {newButton, m_duplicate, m_remove, m_share})
        listButtons->addWidget(b);
    m_share->setObjectName(QStringLiteral("shareDocTemplate"));
    m_share->setToolTip(tr("Publish this template, as saved, to an organization you administer, or withdraw an organization's template"));
    m_share->hide(); // until there is a team server to share with
    listButtons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(m_form, 2);

    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    auto *importButton = sideButton(tr("&Import…"));
    importButton->setToolTip(tr("Add a template exported from another workspace (a .json file) to yours"));
    m_export->setToolTip(tr("Write the template shown, as saved, to a .json file another workspace imports"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_save, QDialogButtonBox::ApplyRole);
    buttons->addButton(importButton, QDialogButtonBox::ResetRole);
    buttons->addButton(m_export, QDialogButtonBox::ResetRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &DocTemplatesDialog::reject);
    connect(newButton, &QPushButton::clicked, this, &DocTemplatesDialog::newTemplate);
    connect(m_duplicate, &QPushButton::clicked, this, &DocTemplatesDialog::duplicateTemplate);
    connect(m_remove, &QPushButton::clicked, this, &DocTemplatesDialog::removeTemplate);
    connect(m_save, &QPushButton::clicked, this, &DocTemplatesDialog::saveTemplate);
    connect(m_share, &QPushButton::clicked, this, [this] {
        QMenu *menu = shareMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_share->mapToGlobal(QPoint(0, m_share->height())));
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Import a Documentation Template"), {}, tr("Documentation templates (*.json)"));
        if (!file.isEmpty())
            importFrom(file);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const DocTemplate *shown = current();
        if (!shown)
            return;
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the Documentation Template"), shown->name + QStringLiteral(".json"),
                                                          tr("Documentation templates (*.json)"));
        if (!file.isEmpty())
            exportTo(file);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        // An edit is not dropped by choosing another template unasked.
        if (m_shownRow != row && !mayLeaveForm()) {
            const QSignalBlocker quiet(m_list);
            m_list->setCurrentRow(m_shownRow);
            return;
        }
        showTemplate(row);
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &DocTemplatesDialog::onKindChanged);
    connect(m_name, &QLineEdit::textChanged, this, &DocTemplatesDialog::updateForm);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &DocTemplatesDialog::updateForm);
    connect(m_body, &QPlainTextEdit::textChanged, this, &DocTemplatesDialog::updateForm);
    reload();
    setMainAction(m_save);
}

void DocTemplatesDialog::reload(const QString &selectName)
{
    const quint64 ticket = m_reloads.take();
    runInBackground(this, m_db, [](Storage::DatabasePtr db) -> Result<Loaded> {
        Loaded loaded;
        for (DocKind kind : kKinds)
            loaded.builtIns.append(DocTemplate{Docs::docKindName(kind), Docs::docKindName(kind), Docs::builtInTemplate(kind), {}, 0, 0, {}, {}});
        Result<QList<DocTemplate>> stored = Docs::DocStore(db).templates();
        if (!stored)
            return stored.error();
        loaded.stored = *stored;
        return loaded;
    }, [this, ticket, selectName](const Result<Loaded> &read) {
        if (!m_reloads.isNewest(ticket))
            return;
        if (!read) {
            showError(read.error().message);
            return;
        }
        m_builtInCount = int(read->builtIns.size());
        m_templates = read->builtIns + read->stored;
        for (const DocTemplate &t : read->builtIns)
            m_builtInBodies.insert(t.kind, t.body);
        m_isNew = false;
        const QSignalBlocker quiet(m_list);
        m_list->clear();
        int selected = -1;
        const QString wanted = selectName.isEmpty() ? std::exchange(m_pendingSelection, QString()) : selectName;
        for (int row = 0; row < m_templates.size(); ++row) {
            const DocTemplate &t = m_templates.at(row);
            auto *item = new QListWidgetItem(isBuiltIn(row)        ? tr("%1 (built-in)").arg(docKindLabel(t.kind))
                                             : Docs::isReadOnly(t) ? tr("%1 (%2)").arg(t.name, t.orgName)
                                                                   : t.name,
                                             m_list);
            item->setToolTip(docKindLabel(t.kind));
            // The user's own before an organization's of that name.
            if (selected < 0 && !wanted.isEmpty() && (keyOf(row) == wanted || (!isBuiltIn(row) && t.name == wanted)))
                selected = row;
        }
        selected = std::max(selected, 0);
        m_list->setCurrentRow(selected);
        showTemplate(selected);
        if (!m_noteAfterReload.isEmpty())
            m_message->setText(std::exchange(m_noteAfterReload, QString()));
        emit loaded();
    });
}

QString DocTemplatesDialog::builtInKey(const QString &kind)
{
    return QStringLiteral("built-in:") + kind;
}

QString DocTemplatesDialog::keyOf(int row) const
{
    return isBuiltIn(row) ? builtInKey(m_templates.at(row).kind) : Docs::qualifiedName(m_templates.at(row));
}

void DocTemplatesDialog::select(const QString &qualifiedName)
{
    for (int row = 0; row < m_templates.size(); ++row) {
        if (keyOf(row) == qualifiedName) {
            m_list->setCurrentRow(row);
            return;
        }
    }
    m_pendingSelection = qualifiedName; // not read yet
}

const DocTemplate *DocTemplatesDialog::current() const
{
    // The form's, which the list's current row is not yet while it changes.
    return !m_isNew && m_shownRow >= 0 && m_shownRow < m_templates.size() ? &m_templates.at(m_shownRow) : nullptr;
}

void DocTemplatesDialog::showTemplate(int row)
{
    if (row < 0 || row >= m_templates.size())
        return;
    const DocTemplate &t = m_templates.at(row);
    m_isNew = false;
    m_shownRow = row;
    const bool readOnly = isBuiltIn(row) || Docs::isReadOnly(t);
    {
        const QSignalBlocker quiet(m_kind);
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(t.kind)));
        m_formKind = t.kind;
    }
    m_name->setText(isBuiltIn(row) ? QStringLiteral("built-in") : t.name);
    m_name->setReadOnly(true); // a saved template keeps its name: duplicate to rename
    m_kind->setEnabled(!readOnly);
    m_prompt->setPlainText(t.prompt);
    m_prompt->setReadOnly(readOnly);
    m_body->setPlainText(t.body);
    m_body->setReadOnly(readOnly);
    updateForm();
    m_message->setText(noteFor(row));
}

QString DocTemplatesDialog::noteFor(int row) const
{
    if (isBuiltIn(row))
        return tr("REALM's own template: duplicate it to make one of your own.");
    const DocTemplate &t = m_templates.at(row);
    return Docs::isReadOnly(t) ? orgTemplateNote(m_adminOrgs, t.orgId, t.orgName) : QString();
}

DocTemplate DocTemplatesDialog::formTemplate() const
{
    DocTemplate form;
    form.name = m_name->text().trimmed();
    form.kind = m_kind->currentData().toString();
    form.body = m_body->toPlainText();
    // Only a custom document asks a model what to write.
    form.prompt = form.kind == QLatin1String("custom") ? m_prompt->toPlainText().trimmed() : QString();
    return form;
}

bool DocTemplatesDialog::isEdited() const
{
    if (m_isNew)
        return true;
    const DocTemplate *saved = current();
    if (!saved || isBuiltIn(m_shownRow) || Docs::isReadOnly(*saved))
        return false; // nothing the user can change
    const DocTemplate form = formTemplate();
    // The prompt as the form keeps it (trimmed; only a custom one's).
    const QString savedPrompt = saved->kind == QLatin1String("custom") ? saved->prompt.trimmed() : QString();
    return form.kind != saved->kind || form.body != saved->body || form.prompt != savedPrompt;
}

bool DocTemplatesDialog::mayLeaveForm()
{
    if (!isEdited())
        return true;
    return QMessageBox::question(this, tr("Documentation Templates"), tr("Discard your changes to \"%1\"?").arg(m_name->text()),
                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
           == QMessageBox::Discard;
}

QString DocTemplatesDialog::freeName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        for (int row = m_builtInCount; row < m_templates.size(); ++row)
            if (!Docs::isReadOnly(m_templates.at(row)) && m_templates.at(row).name == name)
                return true;
        return false;
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    return name;
}

void DocTemplatesDialog::updateForm()
{
    const bool custom = m_kind->currentData().toString() == QLatin1String("custom");
    m_form->setRowVisible(m_prompt, custom);
    const DocTemplate *shown = current();
    const int row = m_shownRow;
    const bool readOnly = shown && (isBuiltIn(row) || Docs::isReadOnly(*shown));
    m_duplicate->setEnabled(shown || m_isNew);
    m_remove->setEnabled(shown && !readOnly);
    m_export->setEnabled(shown && !isBuiltIn(row)); // REALM's own: Duplicate first
    // What is shared is the saved template: not while the form says otherwise.
    m_share->setEnabled(shown && !isBuiltIn(row) && !m_adminOrgs.isEmpty() && !isEdited());
    if (readOnly || (!m_isNew && !shown)) {
        m_save->setEnabled(false);
        return;
    }
    // The form says what is wrong as it is typed; Save waits until nothing is.
    const DocTemplate form = formTemplate();
    Result<void> valid = Docs::validateTemplate(form);
    if (valid && form.name == QLatin1String("built-in"))
        valid = Error::invalidInput(tr("\"built-in\" names REALM's own templates; choose another name."));
    const bool taken = m_isNew && freeName(form.name) != form.name;
    m_message->setText(!valid ? valid.error().message : taken ? tr("You already have a template named \"%1\".").arg(form.name) : QString());
    m_save->setEnabled(valid && !taken && isEdited() && !m_saving);
}

void DocTemplatesDialog::onKindChanged()
{
    const QString kind = m_kind->currentData().toString();
    // REALM's body of the kind before, untouched: the new kind's instead.
    if (m_body->toPlainText() == m_builtInBodies.value(m_formKind))
        m_body->setPlainText(m_builtInBodies.value(kind));
    m_formKind = kind;
    updateForm();
}

void DocTemplatesDialog::newTemplate()
{
    if (!mayLeaveForm())
        return;
    startNewForm();
}

void DocTemplatesDialog::startNewForm()
{
    m_shownRow = -1;
    {
        const QSignalBlocker quiet(m_list);
        m_list->setCurrentRow(-1); // choosing any template, even the last one shown, leaves the new one
    }
    m_isNew = true;
    m_name->setReadOnly(false);
    m_kind->setEnabled(true);
    m_prompt->setReadOnly(false);
    m_body->setReadOnly(false);
    {
        const QSignalBlocker quiet(m_kind);
        m_kind->setCurrentIndex(m_kind->findData(QStringLiteral("custom")));
        m_formKind = QStringLiteral("custom");
    }
    m_name->setText(freeName(QStringLiteral("my-document")));
    m_prompt->clear();
    m_body->setPlainText(m_builtInBodies.value(m_formKind));
    m_name->setFocus();
    m_name->selectAll();
    updateForm();
}

void DocTemplatesDialog::duplicateTemplate()
{
    const DocTemplate original = formTemplate();
    const QString base = original.name == QLatin1String("built-in") ? original.kind : original.name;
    startNewForm(); // the copy carries the form's edits: nothing to lose
    {
        const QSignalBlocker quiet(m_kind);
        m_kind->setCurrentIndex(m_kind->findData(original.kind));
        m_formKind = original.kind;
    }
    m_name->setText(freeName(base + QStringLiteral("-copy")));
    m_prompt->setPlainText(original.prompt);
    m_body->setPlainText(original.body);
    updateForm();
}

void DocTemplatesDialog::saveTemplate()
{
    if (!m_save->isEnabled())
        return; // (Ctrl+S on a read-only or invalid form)
    const DocTemplate form = formTemplate();
    m_saving = true;
    m_save->setEnabled(false);
    runInBackground(this, m_db, [form](Storage::DatabasePtr db) -> Result<void> {
        if (Result<void> valid = Docs::validateTemplate(form); !valid)
            return valid;
        return Docs::DocStore(db).saveTemplate(form);
    }, [this, name = form.name](const Result<void> &saved) {
        m_saving = false;
        if (!saved) {
            updateForm();
            m_closeAfterSave = false;
            showError(saved.error().message);
            return;
        }
        if (std::exchange(m_closeAfterSave, false)) {
            emit changed();
            QDialog::reject();
            return;
        }
        m_noteAfterReload = tr("Saved \"%1\".").arg(name);
        reload(name);
        emit changed();
    });
}

void DocTemplatesDialog::removeTemplate()
{
    const DocTemplate *shown = current();
    if (!shown || isBuiltIn(m_shownRow) || Docs::isReadOnly(*shown))
        return;
    const QString name = shown->name;
    runInBackground(this, m_db, [name](Storage::DatabasePtr db) { return Docs::DocStore(db).removeTemplate(name); },
                    [this, name](const Result<void> &removed) {
                        if (!removed) {
                            showError(removed.error().message);
                            return;
                        }
                        m_noteAfterReload = tr("Removed \"%1\".").arg(name);
                        reload();
                        emit changed();
                    });
}

void DocTemplatesDialog::importFrom(const QString &fileName)
{
    // The imported template is shown next: an edit is not dropped unasked.
    if (!mayLeaveForm())
        return;
    runInBackground(this, m_db, [fileName](Storage::DatabasePtr db) -> Result<QString> {
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly))
            return Error::io(tr("Cannot read %1: %2").arg(fileName, file.errorString()));
        // A template is a page of text; a file far larger is not one (and is not read whole).
        constexpr qint64 kMaxBytes = 4 * 1024 * 1024;
        if (file.size() > kMaxBytes)
            return Error::invalidInput(tr("%1 is %2 MB: a documentation template file is at most 4 MB.").arg(fileName, QLocale().toString(double(file.size()) / (1024 * 1024), 'f', 1)));
        Result<DocTemplate> read = Docs::templateFromFile(file.readAll(), fileName);
        if (!read)
            return read.error();
        Result<void> saved = Docs::DocStore(db).importTemplate(*read, false);
        if (!saved && saved.error().code == Error::Code::Conflict)
            return Error::conflict(tr("%1 Rename or remove yours, then import again.").arg(saved.error().message));
        if (!saved)
            return saved.error();
        return read->name;
    }, [this](const Result<QString> &name) {
        if (!name) {
            showError(name.error().message);
            return;
        }
        m_noteAfterReload = tr("Imported \"%1\".").arg(*name);
        reload(*name);
        emit changed();
    });
}

void DocTemplatesDialog::exportTo(const QString &fileName)
{
    const DocTemplate *shown = current();
    if (!shown || isBuiltIn(m_shownRow))
        return;
    runInBackground(this, m_db, [fileName, saved = *shown](Storage::DatabasePtr) { return writeFileAtomically(fileName, Docs::templateFile(saved)); },
                    [this, fileName, name = shown->name](const Result<void> &written) {
                        if (!written)
                            showError(written.error().message);
                        else
                            m_message->setText(tr("Exported \"%1\" to %2.").arg(name, fileName));
                    });
}

void DocTemplatesDialog::setSharing(TemplateSharing *sharing)
{
    m_sharing = sharing;
    m_share->setVisible(sharing != nullptr);
    askAdminOrgs(sharing, m_share, this, [this](const QList<TemplateSharing::Org> &orgs, const QString &unavailable) {
        m_adminOrgs = orgs;
        updateForm();
        if (!unavailable.isEmpty())
            showError(unavailable);
        // An organization's template (read-only: no edit to lose) says
        // what its admins may do.
        else if (const DocTemplate *shown = current(); shown && Docs::isReadOnly(*shown))
            m_message->setText(noteFor(m_shownRow));
        emit sharingKnown();
    });
}

QMenu *DocTemplatesDialog::shareMenu()
{
    auto *menu = new QMenu(this);
    const DocTemplate *shown = current();
    if (!m_sharing || !shown || isBuiltIn(m_shownRow))
        return menu;
    const DocTemplate docTemplate = *shown;
    const auto done = [this, name = Docs::qualifiedName(docTemplate)](const Result<QString> &message) {
        if (!message) {
            showError(message.error().message);
            return;
        }
        emit changed();
        // Typed into meanwhile (a new template, an edit): left as it is.
        if (isEdited()) {
            m_message->setText(*message);
            return;
        }
        m_noteAfterReload = *message; // (showing the template again would replace it)
        reload(name);
    };
    fillShareMenu(menu, m_sharing, this, m_adminOrgs, docTemplate, SyncClient::TemplateKind::Doc, [this](const QString &text) { m_message->setText(text); }, done);
    return menu;
}

void DocTemplatesDialog::reject()
{
    if (m_saving)
        return; // closes, or says why not, once the save answers
    if (isEdited()) {
        // A form Save cannot take yet (no prompt, a name taken) is kept or dropped.
        const bool savable = m_save->isEnabled();
        const auto answer = QMessageBox::question(this, tr("Documentation Templates"),
                                                  savable ? tr("Save your changes to \"%1\" before closing?").arg(m_name->text())
                                                          : tr("Discard your changes to \"%1\"? (%2)").arg(m_name->text(), m_message->text()),
                                                  savable ? QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel : QMessageBox::Discard | QMessageBox::Cancel,
                                                  savable ? QMessageBox::Save : QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save) {
            // Closes once saved; a failure keeps the dialog open and says why.
            m_closeAfterSave = true;
            saveTemplate();
            return;
        }
    }
    QDialog::reject();
}

void DocTemplatesDialog::showError(const QString &message)
{
    m_message->setText(QStringLiteral("<span style=\"color:#c0392b\">%1</span>").arg(message.toHtmlEscaped()));
}

} // namespace Realm::Ui

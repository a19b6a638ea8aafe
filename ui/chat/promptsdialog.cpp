// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/promptsdialog.h"

#include "common/atomicfile.h"
#include "widgets/sidebutton.h"
#include "prompts/promptstore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Realm::Ui {

using Prompts::PromptTemplate;

PromptsDialog::PromptsDialog(Storage::DatabasePtr db, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_list(new QListWidget)
    , m_name(new QLineEdit)
    , m_title(new QLineEdit)
    , m_description(new QLineEdit)
    , m_body(new QPlainTextEdit)
    , m_message(new QLabel)
    , m_duplicate(sideButton(tr("D&uplicate")))
    , m_remove(sideButton(tr("&Remove")))
    , m_save(new QPushButton(tr("&Save")))
    , m_share(sideButton(tr("S&hare")))
{
    setWindowTitle(tr("Prompt Templates"));
    resize(900, 560);
    m_list->setObjectName(QStringLiteral("promptTemplates"));
    m_name->setPlaceholderText(tr("lower-case-name, typed after /"));
    m_title->setPlaceholderText(tr("What menus show"));
    m_description->setPlaceholderText(tr("One line about it"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setPlaceholderText(tr("The prompt. {{selection}} is the code, {{file}} its path, {{language}} its language, "
                                  "{{language_id}} the code fence's name, {{project}} the project, {{diff}} a diff."));
    m_message->setObjectName(QStringLiteral("promptMessage"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Prompt:"), m_body);
    form->addRow(QString(), m_message);

    auto *newButton = sideButton(tr("&New"));
    auto *importButton = sideButton(tr("&Import…"));
    auto *exportButton = sideButton(tr("&Export…"));
    auto *listButtons = new QHBoxLayout;
    for (QPushButton *b : {newButton, m_duplicate, m_remove, m_share})
        listButtons->addWidget(b);
    m_share->setObjectName(QStringLiteral("sharePrompt"));
    m_share->setToolTip(tr("Publish this template, as saved, to an organization you administer, or withdraw an organization's template"));
    m_share->hide(); // until there is a team server to share with
    listButtons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(form, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_save, QDialogButtonBox::ApplyRole);
    buttons->addButton(importButton, QDialogButtonBox::ResetRole);
    buttons->addButton(exportButton, QDialogButtonBox::ResetRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(newButton, &QPushButton::clicked, this, &PromptsDialog::newTemplate);
    connect(m_duplicate, &QPushButton::clicked, this, &PromptsDialog::duplicateTemplate);
    connect(m_remove, &QPushButton::clicked, this, &PromptsDialog::removeTemplate);
    connect(m_save, &QPushButton::clicked, this, &PromptsDialog::saveTemplate);
    connect(m_share, &QPushButton::clicked, this, [this] {
        QMenu *menu = shareMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_share->mapToGlobal(QPoint(0, m_share->height())));
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Import Prompt Templates"), {}, tr("Prompt templates (*.json)"));
        if (!file.isEmpty())
            importFrom(file);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export Your Prompt Templates"), QStringLiteral("prompts.json"),
                                                          tr("Prompt templates (*.json)"));
        if (!file.isEmpty())
            exportTo(file);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &PromptsDialog::showTemplate);
    for (QLineEdit *edit : {m_name, m_title, m_description})
        connect(edit, &QLineEdit::textChanged, this, &PromptsDialog::updateButtons);
    connect(m_body, &QPlainTextEdit::textChanged, this, &PromptsDialog::updateButtons);
    reload();
    setMainAction(m_save); // now that it is inside the dialog
}

void PromptsDialog::reload(const QString &selectName)
{
    const quint64 ticket = m_reloads.take();
    runInBackground(this, m_db, [](Storage::DatabasePtr db) { return Prompts::PromptStore(db).list(); },
                    [this, ticket, selectName](const Result<QList<PromptTemplate>> &prompts) {
                        if (!m_reloads.isNewest(ticket))
                            return;
                        if (!prompts) {
                            showError(prompts.error().message);
                            return;
                        }
                        m_prompts = *prompts;
                        m_isNew = false;
                        const QSignalBlocker quiet(m_list);
                        m_list->clear();
                        int selected = -1;
                        for (const PromptTemplate &p : std::as_const(m_prompts)) {
                            auto *item = new QListWidgetItem(p.builtIn            ? tr("%1 (built-in)").arg(Prompts::shownTitle(p))
                                                                : !p.orgId.isEmpty() ? tr("%1 (%2)").arg(p.title, p.orgName)
                                                                                     : p.title,
                                                                m_list);
                            item->setToolTip(Prompts::shownDescription(p));
                            // The first of that name: the user's own before an organization's.
                            if (selected < 0 && (Prompts::qualifiedName(p) == selectName || p.name == selectName))
                                selected = m_list->count() - 1;
                        }
                        selected = std::max(selected, 0);
                        m_list->setCurrentRow(selected);
                        showTemplate(selected);
                        if (!m_noteAfterReload.isEmpty())
                            m_message->setText(std::exchange(m_noteAfterReload, QString()));
                        emit loaded();
                    });
}

void PromptsDialog::showTemplate(int row)
{
    if (row < 0 || row >= m_prompts.size())
        return;
    const PromptTemplate &p = m_prompts.at(row);
    m_isNew = false;
    m_name->setText(p.name);
    m_title->setText(Prompts::shownTitle(p));
    m_description->setText(Prompts::shownDescription(p));
    m_body->setPlainText(p.body);
    const bool readOnly = Prompts::isReadOnly(p);
    for (QLineEdit *edit : {m_name, m_title, m_description})
        edit->setReadOnly(readOnly);
    m_name->setReadOnly(true); // a saved template keeps its name: duplicate to rename
    m_body->setReadOnly(readOnly);
    m_message->setText(noteFor(p));
    updateButtons();
}

bool PromptsDialog::isEdited() const
{
    const int row = m_list->currentRow();
    if (m_isNew || row < 0 || row >= m_prompts.size())
        return m_isNew;
    const PromptTemplate form = formTemplate();
    const PromptTemplate &saved = m_prompts.at(row);
    return form.title != Prompts::shownTitle(saved) || form.description != Prompts::shownDescription(saved) || form.body != saved.body;
}

QString PromptsDialog::noteFor(const PromptTemplate &p) const
{
    if (p.builtIn)
        return tr("REALM's own template: duplicate it to make one of your own.");
    return p.orgId.isEmpty() ? QString() : orgTemplateNote(m_adminOrgs, p.orgId, p.orgName);
}

PromptTemplate PromptsDialog::formTemplate() const
{
    PromptTemplate form;
    form.name = m_name->text().trimmed();
    form.title = m_title->text().trimmed();
    form.description = m_description->text().trimmed();
    form.body = m_body->toPlainText();
    return form;
}

QString PromptsDialog::freeName(const QString &base) const
{
    const auto taken = [this](const QString &name) {
        return std::any_of(m_prompts.cbegin(), m_prompts.cend(), [&name](const PromptTemplate &p) { return p.name == name; });
    };
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    return name;
}

void PromptsDialog::updateButtons()
{
    const int row = m_list->currentRow();
    const bool readOnly = !m_isNew && row >= 0 && row < m_prompts.size() && Prompts::isReadOnly(m_prompts.at(row));
    m_duplicate->setEnabled(row >= 0 || m_isNew);
    m_remove->setEnabled(!readOnly && !m_isNew && row >= 0);
    // What is shared is the saved template: not while the form says otherwise.
    m_share->setEnabled(!m_isNew && row >= 0 && row < m_prompts.size() && !m_prompts.at(row).builtIn && !m_adminOrgs.isEmpty() && !isEdited());
    if (readOnly) {
        m_save->setEnabled(false);
        return;
    }
    // The form says what is wrong as it is typed; Save waits until nothing is.
    const PromptTemplate form = formTemplate();
    const Result<void> valid = Prompts::validatePrompt(form);
    const bool taken = m_isNew && freeName(form.name) != form.name;
    m_message->setText(!valid ? valid.error().message
                              : taken ? tr("There is already a template named \"%1\".").arg(form.name) : QString());
    m_save->setEnabled(valid && !taken);
}

void PromptsDialog::newTemplate()
{
    {
        const QSignalBlocker quiet(m_list);
        m_list->setCurrentRow(-1); // choosing any template, even the last one shown, leaves the new one
    }
    m_isNew = true;
    m_name->setReadOnly(false);
    for (QLineEdit *edit : {m_title, m_description})
        edit->setReadOnly(false);
    m_body->setReadOnly(false);
    m_name->setText(freeName(QStringLiteral("my-prompt")));
    m_title->clear();
    m_description->clear();
    m_body->setPlainText(QStringLiteral("{{selection}}"));
    m_title->setFocus();
    updateButtons();
}

void PromptsDialog::duplicateTemplate()
{
    const PromptTemplate original = formTemplate();
    newTemplate();
    m_name->setText(freeName(original.name + QStringLiteral("-copy")));
    m_title->setText(tr("%1 (copy)").arg(Prompts::shownTitle(original)));
    m_description->setText(Prompts::shownDescription(original));
    m_body->setPlainText(original.body);
}

void PromptsDialog::saveTemplate()
{
    const PromptTemplate prompt = formTemplate();
    const int row = m_list->currentRow();
    PromptTemplate toSave = prompt;
    if (!m_isNew && row >= 0 && row < m_prompts.size())
        toSave.createdAt = m_prompts.at(row).createdAt;
    runInBackground(this, m_db, [toSave](Storage::DatabasePtr db) { return Prompts::PromptStore(db).save(toSave); },
                    [this, name = prompt.name](const Result<void> &saved) {
                        if (!saved) {
                            showError(saved.error().message);
                            return;
                        }
                        reload(name);
                        emit changed();
                    });
}

void PromptsDialog::removeTemplate()
{
    const QString name = m_name->text();
    runInBackground(this, m_db, [name](Storage::DatabasePtr db) { return Prompts::PromptStore(db).remove(name); },
                    [this](const Result<void> &removed) {
                        if (!removed) {
                            showError(removed.error().message);
                            return;
                        }
                        reload();
                        emit changed();
                    });
}

void PromptsDialog::importFrom(const QString &fileName)
{
    runInBackground(this, m_db, [fileName](Storage::DatabasePtr db) -> Result<QString> {
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly))
            return Error::io(tr("Cannot read %1: %2").arg(fileName, file.errorString()));
        Result<QList<PromptTemplate>> prompts = Prompts::importPrompts(file.readAll());
        if (!prompts)
            return prompts.error();
        if (Result<void> saved = Prompts::PromptStore(db).saveAll(*prompts, false); !saved)
            return saved.error();
        return prompts->isEmpty() ? QString() : prompts->first().name;
    }, [this](const Result<QString> &first) {
        if (!first) {
            showError(first.error().message);
            return;
        }
        reload(*first);
        emit changed();
    });
}

void PromptsDialog::exportTo(const QString &fileName)
{
    QList<PromptTemplate> mine;
    for (const PromptTemplate &p : std::as_const(m_prompts)) {
        if (!Prompts::isReadOnly(p)) // the user's own
            mine.append(p);
    }
    runInBackground(this, m_db, [fileName, mine](Storage::DatabasePtr) { return writeFileAtomically(fileName, Prompts::exportPrompts(mine)); },
                    [this, fileName, count = int(mine.size())](const Result<void> &written) {
                        if (!written)
                            showError(written.error().message);
                        else
                            m_message->setText(tr("Exported %n template(s) to %1.", nullptr, count).arg(fileName));
                    });
}

void PromptsDialog::setSharing(TemplateSharing *sharing)
{
    m_sharing = sharing;
    m_share->setVisible(sharing != nullptr);
    askAdminOrgs(sharing, m_share, this, [this](const QList<TemplateSharing::Org> &orgs, const QString &unavailable) {
        m_adminOrgs = orgs;
        if (!unavailable.isEmpty())
            showError(unavailable);
        // An organization's template (read-only: no edit to lose) says
        // what its admins may do.
        else if (const int row = m_list->currentRow(); !m_isNew && row >= 0 && row < m_prompts.size() && !m_prompts.at(row).orgId.isEmpty())
            m_message->setText(noteFor(m_prompts.at(row)));
        updateButtons();
        emit sharingKnown();
    });
}

QMenu *PromptsDialog::shareMenu()
{
    auto *menu = new QMenu(this);
    const int row = m_list->currentRow();
    if (!m_sharing || m_isNew || row < 0 || row >= m_prompts.size())
        return menu;
    const PromptTemplate prompt = m_prompts.at(row);
    const auto done = [this, name = Prompts::qualifiedName(prompt)](const Result<QString> &message) {
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
    fillShareMenu(menu, m_sharing, this, m_adminOrgs, prompt, SyncClient::TemplateKind::Prompt, [this](const QString &text) { m_message->setText(text); }, done);
    return menu;
}

void PromptsDialog::showError(const QString &message)
{
    m_message->setText(QStringLiteral("<span style=\"color:#c0392b\">%1</span>").arg(message.toHtmlEscaped()));
}

} // namespace Realm::Ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/savetemplatedialog.h"

#include "jobs/background.h"
#include "projects/projectstore.h"
#include "starters/startertemplate.h"
#include "widgets/fieldnote.h"
#include "widgets/sidebutton.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Realm::Ui {

SaveTemplateDialog::SaveTemplateDialog(Storage::DatabasePtr db, const QString &projectId, const QString &projectName, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_projectId(projectId)
    , m_name(new QLineEdit(projectName.toLower().replace(QLatin1Char(' '), QLatin1Char('-'))))
    , m_title(new QLineEdit(projectName))
    , m_description(new QLineEdit)
    , m_variables(new QTableWidget(4, 2))
    , m_files(new QListWidget)
    , m_problem(new QLabel)
    , m_shareWith(new QComboBox)
    , m_save(new QPushButton(tr("&Save Template")))
    , m_nameNote(new FieldNote(QStringLiteral("templateNameNote")))
    , m_filesNote(new FieldNote(QStringLiteral("templateFilesNote")))
{
    setWindowTitle(tr("Save “%1” as a Template").arg(projectName));
    m_name->setObjectName(QStringLiteral("templateName"));
    m_save->setObjectName(QStringLiteral("saveTemplate"));
    m_variables->setObjectName(QStringLiteral("templateVariables"));
    m_variables->setHorizontalHeaderLabels({tr("Variable"), tr("Text it replaces")});
    m_variables->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_variables->verticalHeader()->hide();
    m_variables->setItem(0, 0, new QTableWidgetItem(QStringLiteral("project_name")));
    m_variables->setItem(0, 1, new QTableWidgetItem(projectName));
    m_variables->setMaximumHeight(150);
    m_files->setObjectName(QStringLiteral("templateFiles"));
    m_problem->setWordWrap(true);
    m_description->setPlaceholderText(tr("One line about what it starts"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameNote);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Description:"), m_description);
    m_shareWith->setObjectName(QStringLiteral("templateShareWith"));
    m_shareWith->addItem(tr("Only me"));
    form->addRow(tr("S&hare with:"), m_shareWith);
    form->setRowVisible(m_shareWith, false); // until there are organizations the user administers
    m_form = form;
    m_problem->setObjectName(QStringLiteral("templateProblem"));
    connect(m_name, &QLineEdit::textChanged, this, &SaveTemplateDialog::validate);
    connect(m_files, &QListWidget::itemChanged, this, &SaveTemplateDialog::validate);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &SaveTemplateDialog::save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Variables — each text becomes {{variable}} in the files and their names:")));
    layout->addWidget(m_variables);
    layout->addWidget(new QLabel(tr("Files:")));
    layout->addWidget(m_files, 1);
    layout->addWidget(m_filesNote);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(560, 620);
    runInBackground(this, m_db, [projectId](Storage::DatabasePtr workspace) { return Projects::ProjectStore(workspace).files(projectId); },
                    [this](const Result<QList<Projects::ProjectFile>> &files) {
                        for (const Projects::ProjectFile &f : files ? *files : QList<Projects::ProjectFile>{}) {
                            auto *item = new QListWidgetItem(f.path, m_files);
                            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                            item->setCheckState(Qt::Checked);
                        }
                        validate();
                        emit filesLoaded();
                    });
    validate();
    setMainAction(m_save); // now that it is inside the dialog
}

// Save waits for a valid name and at least one ticked file; what is wrong
// is said under its field.
void SaveTemplateDialog::validate()
{
    const QString nameProblem = Starters::templateNameProblem(m_name->text().trimmed());
    m_nameNote->setProblem(nameProblem);
    const bool loaded = m_files->count() > 0;
    bool anyTicked = false;
    for (int i = 0; i < m_files->count() && !anyTicked; ++i)
        anyTicked = m_files->item(i)->checkState() == Qt::Checked;
    m_filesNote->setProblem(loaded && !anyTicked ? tr("Tick at least one file.") : QString());
    m_save->setEnabled(!m_saving && nameProblem.isEmpty() && anyTicked);
}

void SaveTemplateDialog::save()
{
    QList<Starters::TemplateMark> marks;
    for (int row = 0; row < m_variables->rowCount(); ++row) {
        const QString name = m_variables->item(row, 0) ? m_variables->item(row, 0)->text().trimmed() : QString();
        const QString text = m_variables->item(row, 1) ? m_variables->item(row, 1)->text() : QString();
        if (!name.isEmpty() && !text.isEmpty())
            marks.append({name, text, {}});
    }
    QStringList paths;
    for (int i = 0; i < m_files->count(); ++i) {
        if (m_files->item(i)->checkState() == Qt::Checked)
            paths << m_files->item(i)->text();
    }
    if (paths.isEmpty()) {
        m_filesNote->setProblem(tr("Tick at least one file."));
        return;
    }
    m_saving = true;
    m_save->setEnabled(false);
    m_problem->setText(tr("Saving…"));
    const QString projectId = m_projectId;
    const QString name = m_name->text().trimmed();
    const QString title = m_title->text().trimmed();
    const QString description = m_description->text().trimmed();
    const QString taken = tr("There is already a template named %1; choose another name.").arg(name);
    runInBackground(this, m_db,
                    [=](Storage::DatabasePtr db) -> Result<Starters::StarterTemplate> {
                        Starters::TemplateStore store(db);
                        if (store.hasOwn(name))
                            return Error::invalidInput(taken);
                        Result<Starters::StarterTemplate> starter = Starters::templateFromProject(db, projectId, name, title, description, marks, paths);
                        if (!starter)
                            return starter.error();
                        if (Result<void> stored = store.save(*starter); !stored)
                            return stored.error();
                        return starter;
                    },
                    [this, name, taken](const Result<Starters::StarterTemplate> &saved) {
                        m_saving = false;
                        validate();
                        if (!saved) {
                            // A name that is taken is said under the name.
                            const bool nameTaken = saved.error().message == taken;
                            m_problem->setText(nameTaken ? QString() : saved.error().message);
                            if (nameTaken)
                                m_nameNote->setProblem(taken);
                            return;
                        }
                        if (m_sharing && m_shareWith->currentIndex() > 0) {
                            publish(*saved);
                            return;
                        }
                        emit this->saved(name, {});
                        accept();
                    });
}

void SaveTemplateDialog::reject()
{
    if (m_cancel->isEnabled())
        QDialog::reject();
}

void SaveTemplateDialog::setSharing(TemplateSharing *sharing)
{
    m_sharing = sharing;
    askAdminOrgs(sharing, nullptr, this, [this](const QList<TemplateSharing::Org> &orgs, const QString &unavailable) {
        m_adminOrgs = orgs;
        if (!unavailable.isEmpty()) // saving stays possible; sharing, not now
            m_problem->setText(unavailable);
        for (const TemplateSharing::Org &org : std::as_const(m_adminOrgs))
            m_shareWith->addItem(tr("%1 (all its members)").arg(org.name));
        m_form->setRowVisible(m_shareWith, !m_adminOrgs.isEmpty());
        emit sharingKnown();
    });
}

// Saved here: now the organization's too. Whatever comes of it, the
// template stays the user's, and the window says what came of publishing.
void SaveTemplateDialog::publish(const Starters::StarterTemplate &starter)
{
    const TemplateSharing::Org org = m_adminOrgs.at(m_shareWith->currentIndex() - 1);
    m_saving = true;
    validate();
    // Saved already: what publishing comes to is said however long it takes.
    m_cancel->setEnabled(false);
    m_problem->setText(tr("Publishing to %1…").arg(org.name));
    m_sharing->publish(this, org, starter, [this, name = starter.id, org](const Result<QString> &published) {
        emit saved(name, published ? *published : tr("Saved \"%1\" as your template, but not published to %2: %3").arg(name, org.name, published.error().message));
        accept();
    });
}

} // namespace Realm::Ui

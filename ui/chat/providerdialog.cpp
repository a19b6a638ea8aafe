// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/providerdialog.h"

#include "chat/chatprovider.h"
#include "widgets/fieldnote.h"
#include "widgets/sidebutton.h"
#include "jobs/background.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Realm::Ui {

using namespace Realm::Chat;

ProviderDialog::ProviderDialog(Storage::DatabasePtr db, ProviderStore *store, QNetworkAccessManager *network, QWidget *parent)
    : QDialog(parent)
    , m_db(std::move(db))
    , m_store(store)
    , m_network(network)
    , m_list(new QListWidget)
    , m_name(new QLineEdit)
    , m_kind(new QComboBox)
    , m_url(new QLineEdit)
    , m_model(new QLineEdit)
    , m_contextWindow(new QSpinBox)
    , m_key(new QLineEdit)
    , m_plaintext(new QCheckBox(tr("Store the key in the workspace as plain text")))
    , m_tools(new QCheckBox(tr("The model may search and read the project (tools)")))
    , m_keyState(new QLabel)
    , m_result(new QLabel)
    , m_nameNote(new FieldNote(QStringLiteral("providerNameNote")))
    , m_urlNote(new FieldNote(QStringLiteral("providerUrlNote")))
{
    setWindowTitle(tr("LLM Providers"));
    resize(720, 420);
    m_kind->addItem(tr("OpenAI-compatible (OpenAI, llama.cpp, LM Studio, vLLM, OpenRouter)"), QStringLiteral("openai"));
    m_kind->addItem(tr("Anthropic"), QStringLiteral("anthropic"));
    m_kind->addItem(tr("Ollama"), QStringLiteral("ollama"));
    connect(m_kind, &QComboBox::activated, this, [this] {
        if (m_currentId.isEmpty() || m_url->text().isEmpty())
            m_url->setText(ProviderProfile::defaultBaseUrl(*ProviderProfile::kindFromName(m_kind->currentData().toString())).toString());
    });
    m_url->setPlaceholderText(QStringLiteral("https://api.openai.com/v1"));
    m_contextWindow->setRange(0, 10'000'000);
    m_contextWindow->setSingleStep(1024);
    m_contextWindow->setSpecialValueText(tr("unknown (8,192 assumed)"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Leave empty to keep the stored key; local servers need none"));
    m_plaintext->setToolTip(tr("Only if no keychain is available: anyone who can read the workspace file can read the key."));
    m_keyState->setWordWrap(true);
    m_result->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("providerTestResult"));
    m_model->setObjectName(QStringLiteral("providerDefaultModel"));

    auto *form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("providerName"));
    m_name->setPlaceholderText(tr("e.g. Local Ollama, OpenAI"));
    m_url->setObjectName(QStringLiteral("providerUrl"));
    m_model->setPlaceholderText(tr("Test Connection lists the server's models"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameNote);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Base URL:"), m_url);
    form->addRow(QString(), m_urlNote);
    form->addRow(tr("Default &model:"), m_model);
    form->addRow(tr("&Context window:"), m_contextWindow);
    form->addRow(QString(), m_tools);
    form->addRow(tr("API &key:"), m_key);
    form->addRow(QString(), m_plaintext);
    form->addRow(QString(), m_keyState);

    auto *add = sideButton(tr("&Add"));
    auto *remove = sideButton(tr("&Remove"));
    auto *saveButton = new QPushButton(tr("&Save"));
    saveButton->setObjectName(QStringLiteral("saveProvider"));
    m_save = saveButton;
    auto *test = sideButton(tr("&Test Connection"));
    connect(add, &QPushButton::clicked, this, [this] {
        m_list->clearSelection();
        m_currentId.clear();
        m_testedModels.clear();
        setForm(ProviderProfile{}, QString(), false);
        m_url->setText(ProviderProfile::defaultBaseUrl(ProviderProfile::Kind::OpenAiCompatible).toString());
        m_name->setFocus();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_currentId.isEmpty())
            return;
        if (Result<void> r = m_store->remove(m_currentId); !r)
            m_result->setText(r.error().message);
        reload();
    });
    connect(saveButton, &QPushButton::clicked, this, &ProviderDialog::save);
    connect(m_name, &QLineEdit::textChanged, this, &ProviderDialog::validate);
    connect(m_url, &QLineEdit::textChanged, this, &ProviderDialog::validate);
    connect(test, &QPushButton::clicked, this, &ProviderDialog::testConnection);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProviderDialog::showProfile);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(test);
    formButtons->addStretch(1);
    formButtons->addWidget(saveButton);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_result);
    right->addStretch(1);
    right->addLayout(formButtons);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(close);
    validate();
    reload();
    setMainAction(m_save); // now that it is inside the dialog
}

// Save waits for a name and an http(s) base URL; what is wrong is said
// under its field once there is something to judge.
void ProviderDialog::validate()
{
    const QString name = m_name->text();
    const QString url = m_url->text().trimmed();
    const QString nameProblem = Chat::profileNameProblem(name);
    const QString urlProblem = Chat::baseUrlProblem(QUrl(url));
    m_nameNote->setProblem(name.isEmpty() ? QString() : nameProblem);
    m_urlNote->setProblem(url.isEmpty() ? QString() : urlProblem);
    m_save->setEnabled(nameProblem.isEmpty() && urlProblem.isEmpty());
}

void ProviderDialog::reload(const QString &selectId, const std::function<void()> &then)
{
    const quint64 ticket = m_reloads.take();
    runInBackground(this, m_db, [store = *m_store](Storage::DatabasePtr) { return store.list(); },
                    [this, selectId, then, ticket](const Result<QList<StoredProfile>> &profiles) {
                        if (!m_reloads.isNewest(ticket))
                            return; // a newer reload shows the list (and runs its own `then`)
                        showProfiles(profiles, selectId);
                        if (then)
                            then();
                    });
}

void ProviderDialog::showProfiles(const Result<QList<StoredProfile>> &profiles, const QString &selectId)
{
    if (!profiles)
        m_result->setText(profiles.error().message);
    m_profiles = profiles ? *profiles : QList<StoredProfile>{};
    m_list->clear();
    int select = m_profiles.isEmpty() ? -1 : 0;
    for (qsizetype i = 0; i < m_profiles.size(); ++i) {
        m_list->addItem(m_profiles.at(i).profile.name);
        if (m_profiles.at(i).profile.id == selectId)
            select = int(i);
    }
    m_list->setCurrentRow(select);
    if (select < 0) {
        m_currentId.clear();
        m_testedModels.clear();
        setForm(ProviderProfile{}, QString(), false);
        m_url->setText(ProviderProfile::defaultBaseUrl(ProviderProfile::Kind::OpenAiCompatible).toString());
    }
    emit profilesLoaded();
}

void ProviderDialog::showProfile(int row)
{
    m_testedModels.clear();
    if (row < 0 || row >= m_profiles.size())
        return;
    const StoredProfile &s = m_profiles.at(row);
    m_currentId = s.profile.id;
    setForm(s.profile, QString(), s.keyStorage == KeyStorage::Plaintext);
    switch (s.keyStorage) {
    case KeyStorage::None:
        m_keyState->setText(tr("No API key stored."));
        break;
    case KeyStorage::Keychain:
        m_keyState->setText(tr("The API key is in the system keychain."));
        break;
    case KeyStorage::Session:
        m_keyState->setText(tr("No keychain was available: the key is kept only until REALM closes."));
        break;
    case KeyStorage::Plaintext:
        m_keyState->setText(tr("⚠ The API key is stored as PLAIN TEXT in the workspace file."));
        break;
    }
    m_result->clear();
}

void ProviderDialog::setForm(const ProviderProfile &profile, const QString &apiKey, bool plaintextKey)
{
    m_name->setText(profile.name);
    m_kind->setCurrentIndex(m_kind->findData(ProviderProfile::kindName(profile.kind)));
    m_url->setText(profile.baseUrl.toString());
    m_model->setText(profile.defaultModel);
    m_contextWindow->setValue(profile.contextWindowTokens);
    m_tools->setChecked(profile.toolsEnabled);
    m_key->setText(apiKey);
    m_plaintext->setChecked(plaintextKey);
    if (profile.id.isEmpty())
        m_keyState->clear();
}

ProviderProfile ProviderDialog::formProfile() const
{
    ProviderProfile p;
    for (const StoredProfile &s : m_profiles) {
        if (s.profile.id == m_currentId)
            p = s.profile; // keeps headers and retries the form does not show
    }
    p.id = m_currentId;
    p.name = m_name->text().trimmed();
    p.kind = ProviderProfile::kindFromName(m_kind->currentData().toString()).value_or(ProviderProfile::Kind::OpenAiCompatible);
    p.baseUrl = QUrl(m_url->text().trimmed());
    p.defaultModel = m_model->text().trimmed();
    p.contextWindowTokens = m_contextWindow->value();
    p.toolsEnabled = m_tools->isChecked();
    return p;
}

void ProviderDialog::save()
{
    const ProviderProfile profile = formProfile();
    const bool isNew = m_currentId.isEmpty();
    runInBackground(this, m_db,
                    [store = *m_store, profile, isNew, tested = m_testedModels](Storage::DatabasePtr) -> Result<StoredProfile> {
                        ProviderStore writer = store; // the store's writers are not const
                        Result<StoredProfile> saved = isNew ? writer.create(profile) : [&] {
                            StoredProfile existing;
                            existing.profile = profile;
                            return writer.update(existing);
                        }();
                        // A new profile keeps the models its test listed (if
                        // that fails, the next test lists them again).
                        if (saved && isNew && !tested.isEmpty())
                            (void)writer.cacheModels(saved->profile.id, tested);
                        return saved;
                    },
                    [this, key = m_key->text(), plaintext = m_plaintext->isChecked()](const Result<StoredProfile> &stored) {
                        saveKeyOf(stored, key, plaintext); // as the form was when Save was pressed
                    });
}

// After the profile is written: its key, wherever the form says.
void ProviderDialog::saveKeyOf(const Result<StoredProfile> &stored, const QString &key, bool plaintext)
{
    if (!stored) {
        m_result->setText(stored.error().message);
        return;
    }
    const QString id = stored->profile.id;
    const bool wasPlaintext = stored->keyStorage == KeyStorage::Plaintext;
    if (key.isEmpty() && plaintext == wasPlaintext) {
        reload(id, [this, id] { emit saved(id); }); // saved once the form shows it
        return;
    }
    if (key.isEmpty()) {
        m_result->setText(tr("Enter the key again to move it to another place."));
        return;
    }
    m_store->saveKey(id, key, plaintext, this, [this, id](Result<KeyStorage> where) {
        if (!where)
            m_result->setText(where.error().message);
        else if (*where == KeyStorage::Session)
            m_result->setText(tr("No keychain is available: the key works until REALM closes. Tick plain-text storage to keep it."));
        else
            m_result->clear();
        m_key->clear();
        reload(id, [this, id] { emit saved(id); }); // saved once the form shows it
    });
}

void ProviderDialog::testConnection()
{
    m_result->setText(tr("Connecting…"));
    StoredProfile candidate;
    candidate.profile = formProfile();
    for (const StoredProfile &s : std::as_const(m_profiles)) {
        if (s.profile.id == m_currentId)
            candidate.keyStorage = s.keyStorage;
    }
    const QString typedKey = m_key->text();
    const auto run = [this](const ProviderProfile &profile) {
        auto *provider = new ChatProvider(profile, m_network, this);
        provider->listModels(this, [this, provider](Result<QStringList> models) {
            provider->deleteLater();
            if (!models) {
                m_result->setText(tr("✗ %1").arg(models.error().message));
                emit tested(false, models.error().message);
                return;
            }
            const QString message = tr("✓ Connected: %n model(s) available.", nullptr, int(models->size()));
            m_result->setText(message);
            // The models become the default model's choices; an empty
            // default takes the first.
            m_testedModels = *models;
            auto *completer = new QCompleter(*models, m_model);
            completer->setFilterMode(Qt::MatchContains);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            m_model->setCompleter(completer);
            if (m_model->text().trimmed().isEmpty() && !models->isEmpty())
                m_model->setText(models->first());
            if (m_currentId.isEmpty()) {
                emit tested(true, message);
                return;
            }
            // The list is kept for the model pickers.
            runInBackground(this, m_db,
                            [store = *m_store, id = m_currentId, list = *models](Storage::DatabasePtr) {
                                ProviderStore writer = store;
                                return writer.cacheModels(id, list);
                            },
                            [this, message](const Result<void> &) { emit tested(true, message); });
        });
    };
    if (!typedKey.isEmpty() || candidate.keyStorage == KeyStorage::None) {
        candidate.profile.apiKey = typedKey;
        run(candidate.profile);
        return;
    }
    m_store->loadKey(candidate, this, [this, run](Result<ProviderProfile> withKey) {
        if (!withKey) {
            m_result->setText(tr("✗ %1").arg(withKey.error().message));
            emit tested(false, withKey.error().message);
            return;
        }
        run(*withKey);
    });
}

} // namespace Realm::Ui

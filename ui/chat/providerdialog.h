// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/providerstore.h"
#include "jobs/background.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;
class QSpinBox;

namespace Realm::Ui {

class FieldNote;

// Provider profiles: add, edit, remove, the API key (keychain, or plain
// text only when asked, which the dialog then says), and "Test connection",
// which fetches the model list.
class ProviderDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderDialog)
public:
    ProviderDialog(Storage::DatabasePtr db, Chat::ProviderStore *store, QNetworkAccessManager *network, QWidget *parent = nullptr);

    // For tests: fill the form as a user would.
    void setForm(const Chat::ProviderProfile &profile, const QString &apiKey, bool plaintextKey);
    void save();
    void testConnection();

signals:
    void saved(const QString &profileId);
    void tested(bool ok, const QString &message);
    // The list of profiles (re)loaded and shown.
    void profilesLoaded();

private:
    void validate();
    // Profiles are read and written on a worker thread; keys go through
    // the keychain's own asynchronous jobs.
    void reload(const QString &selectId = {}, const std::function<void()> &then = {});
    void showProfiles(const Result<QList<Chat::StoredProfile>> &profiles, const QString &selectId);
    void saveKeyOf(const Result<Chat::StoredProfile> &stored, const QString &key, bool plaintext);
    void showProfile(int row);
    Chat::ProviderProfile formProfile() const;

    Storage::DatabasePtr m_db;
    Chat::ProviderStore *m_store;
    QNetworkAccessManager *m_network;
    QList<Chat::StoredProfile> m_profiles;
    QString m_currentId; // empty: a new profile
    QStringList m_testedModels; // what the last Test Connection listed
    LatestOnly m_reloads;
    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_url;
    QLineEdit *m_model;
    QSpinBox *m_contextWindow;
    QLineEdit *m_key;
    QCheckBox *m_plaintext;
    QCheckBox *m_tools;
    QLabel *m_keyState;
    QLabel *m_result;
    FieldNote *m_nameNote;
    FieldNote *m_urlNote;
    QPushButton *m_save = nullptr;
};

} // namespace Realm::Ui

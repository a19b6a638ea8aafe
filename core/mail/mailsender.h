// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "mail/mailmessage.h"

#include <QString>
#include <QUrl>

#include <atomic>

namespace Realm::Mail {

// Where mails go: an SMTP server, or files while none is configured.
// send() blocks (up to the SMTP timeout); abort() from another thread ends
// a send in progress with Error::cancelled().
class MailSender {
public:
    virtual ~MailSender() = default;
    // Where the mail went, for the log ("smtp://host:587", a file path).
    virtual Result<QString> send(const MailMessage &message) = 0;
    void abort() { m_aborted = true; }
    void resume() { m_aborted = false; }

protected:
    std::atomic<bool> m_aborted = false;
};

// Each mail a file NNN.eml (mode 0600: mails carry sign-in codes) in a
// folder, for a server without SMTP: the operator reads and forwards them.
class FileMailSender final : public MailSender {
public:
    FileMailSender(QString folder, QString from);
    Result<QString> send(const MailMessage &message) override;

private:
    QString m_folder;
    QString m_from;
};

struct SmtpSettings final {
    QUrl url; // smtp://host:port (STARTTLS) or smtps://host:port (TLS from the start)
    QString user;
    QString password;
    QString from; // "REALM <realm@example.org>"
    // smtp:// refuses to go on unencrypted unless this is off (a relay on
    // localhost, a test sink).
    bool requireTls = true;
    int timeoutSeconds = 30;
};

// SMTP through libcurl.
class SmtpMailSender final : public MailSender {
public:
    explicit SmtpMailSender(SmtpSettings settings);
    Result<QString> send(const MailMessage &message) override;

private:
    SmtpSettings m_settings;
};

} // namespace Realm::Mail

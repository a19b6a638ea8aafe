// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace Realm::Mail {

// A plain-text mail to one person.
struct MailMessage final {
    QString recipient; // an address
    QString subject;
    QString body; // lines end in \n
};

// The mail as RFC 5322 text, lines ending in CRLF: From, To, Subject
// (RFC 2047 encoded when it is not ASCII), Date, Message-ID, MIME headers,
// and the body as quoted-printable UTF-8 (safe through any SMTP server).
// Line breaks in header values become spaces: no header injection.
QByteArray formatMail(const QString &from, const MailMessage &message, const QDateTime &date, const QString &messageId);

// The address inside "Name <address>", or the text itself.
QString addressOf(const QString &mailbox);

} // namespace Realm::Mail

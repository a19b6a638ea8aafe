// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/mailmessage.h"

#include <QLocale>
#include <QRegularExpression>

namespace Realm::Mail {

namespace {

QString oneLine(QString value)
{
    value.replace(QLatin1Char('\r'), QLatin1Char(' '));
    value.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return value.trimmed();
}

bool isAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() > 0x7e || (c.unicode() < 0x20 && c != QLatin1Char('\t')))
            return false;
    }
    return true;
}

// RFC 2047 "encoded words", each short enough for a 78-character line.
QByteArray encodedHeaderValue(const QString &value)
{
    if (isAscii(value))
        return value.toUtf8();
    QByteArray encoded;
    QString chunk;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!encoded.isEmpty())
            encoded += "\r\n ";
        encoded += "=?UTF-8?B?" + chunk.toUtf8().toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        // Never split a surrogate pair across two words.
        const qsizetype width = value.at(i).isHighSurrogate() && i + 1 < value.size() ? 2 : 1;
        if (chunk.toUtf8().size() + QStringView(value).mid(i, width).toUtf8().size() > 39)
            flush();
        chunk += QStringView(value).mid(i, width);
        i += width - 1;
    }
    flush();
    return encoded;
}

// "Name <address>" with the name encoded when it is not ASCII.
QByteArray encodedMailbox(const QString &mailbox)
{
    const QString address = addressOf(mailbox);
    const qsizetype angle = mailbox.lastIndexOf(QLatin1Char('<'));
    const QString name = angle > 0 ? mailbox.left(angle).trimmed() : QString();
    if (name.isEmpty())
        return address.toUtf8();
    return encodedHeaderValue(name) + " <" + address.toUtf8() + '>';
}

// RFC 2045 quoted-printable, soft line breaks before 76 characters.
QByteArray quotedPrintable(const QString &text)
{
    QByteArray out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype l = 0; l < lines.size(); ++l) {
        QByteArray line = lines.at(l).toUtf8();
        if (line.endsWith('\r'))
            line.chop(1);
        int column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line.at(i));
            const bool lastOfLine = i + 1 == line.size();
            QByteArray piece;
            if ((byte >= 33 && byte <= 126 && byte != '=') || ((byte == ' ' || byte == '\t') && !lastOfLine))
                piece = QByteArray(1, char(byte));
            else
                piece = '=' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0');
            if (column + piece.size() > 75) {
                out += "=\r\n";
                column = 0;
            }
            out += piece;
            column += int(piece.size());
        }
        if (l + 1 < lines.size())
            out += "\r\n";
    }
    return out;
}

} // namespace

QString addressOf(const QString &mailbox)
{
    static const QRegularExpression angled(QStringLiteral("<([^<>]+)>\\s*$"));
    const QRegularExpressionMatch match = angled.match(mailbox);
    return match.hasMatch() ? match.captured(1).trimmed() : mailbox.trimmed();
}

QByteArray formatMail(const QString &from, const MailMessage &message, const QDateTime &date, const QString &messageId)
{
    const QString domain = addressOf(from).section(QLatin1Char('@'), 1);
    QByteArray mail;
    mail += "From: " + encodedMailbox(oneLine(from)) + "\r\n";
    mail += "To: " + encodedMailbox(oneLine(message.recipient)) + "\r\n";
    mail += "Subject: " + encodedHeaderValue(oneLine(message.subject)) + "\r\n";
    mail += "Date: " + QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() + " +0000\r\n";
    mail += "Message-ID: <" + oneLine(messageId).toUtf8() + '@' + (domain.isEmpty() ? QByteArray("realm-server") : domain.toUtf8()) + ">\r\n";
    mail += "MIME-Version: 1.0\r\n";
    mail += "Content-Type: text/plain; charset=utf-8\r\n";
    mail += "Content-Transfer-Encoding: quoted-printable\r\n";
    mail += "\r\n";
    mail += quotedPrintable(message.body);
    if (!mail.endsWith("\r\n"))
        mail += "\r\n"; // SMTP's DATA ends after a line break
    return mail;
}

} // namespace Realm::Mail

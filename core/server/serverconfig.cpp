// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/serverconfig.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <limits>

namespace Realm::Server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Server", text);
}

// QSettings reads "a, b" as a list; a single value as a string.
QStringList listValue(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key);
    QStringList items = value.metaType().id() == QMetaType::QStringList ? value.toStringList() : value.toString().split(QLatin1Char(','));
    for (QString &item : items)
        item = item.trimmed();
    items.removeAll(QString());
    return items;
}

} // namespace

Result<std::pair<QString, quint16>> ServerConfig::parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? text.mid(colon + 1).toInt(&ok) : -1;
    QString host = colon > 0 ? text.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (!ok || port < 0 || port > 65535 || QHostAddress(host).isNull())
        return Error::invalidInput(tr("\"%1\" is not an address to listen on. Write HOST:PORT with an IP address, e.g. 127.0.0.1:8470 "
                                      "(0.0.0.0:8470 for every interface; port 0 picks a free one).")
                                       .arg(text));
    return std::pair<QString, quint16>{host, quint16(port)};
}

Result<ServerConfig> ServerConfig::load(const QString &file)
{
    if (!QFileInfo::exists(file))
        return Error::notFound(tr("There is no configuration file %1. Create the data folder with `realm-server init --data DIR`.").arg(file));
    QSettings settings(file, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Error::invalidInput(tr("Cannot read the configuration file %1: it is not in INI form. Compare it with the file `realm-server init` writes.").arg(file));
    ServerConfig config;
    const QString listen = settings.value(QStringLiteral("server/listen"), QStringLiteral("127.0.0.1:8470")).toString();
    Result<std::pair<QString, quint16>> address = parseListen(listen);
    if (!address)
        return Error::invalidInput(tr("%1 (listen in %2)").arg(address.error().message, file));
    config.listenHost = address->first;
    config.listenPort = address->second;
    config.databaseUrl = settings.value(QStringLiteral("server/database")).toString().trimmed();
    const QString publicUrl = settings.value(QStringLiteral("server/public_url")).toString().trimmed();
    if (!publicUrl.isEmpty()) {
        config.publicUrl = QUrl(publicUrl, QUrl::StrictMode);
        if (!config.publicUrl.isValid() || (config.publicUrl.scheme() != QLatin1String("http") && config.publicUrl.scheme() != QLatin1String("https")))
            return Error::invalidInput(tr("public_url in %1 is not an http(s) URL: \"%2\".").arg(file, publicUrl));
    }
    const QString registration = settings.value(QStringLiteral("server/registration"), QStringLiteral("closed")).toString().trimmed();
    if (registration == QLatin1String("closed"))
        config.registration = Auth::RegistrationMode::Closed;
    else if (registration == QLatin1String("invite"))
        config.registration = Auth::RegistrationMode::Invite;
    else if (registration == QLatin1String("open"))
        config.registration = Auth::RegistrationMode::Open;
    else
        return Error::invalidInput(tr("registration in %1 must be closed, invite or open, not \"%2\".").arg(file, registration));
    const QStringList proxies = listValue(settings, QStringLiteral("server/trusted_proxies"));
    for (const QString &proxy : proxies) {
        const QHostAddress proxyAddress(proxy);
        if (proxyAddress.isNull())
            return Error::invalidInput(tr("trusted_proxies in %1 holds \"%2\", which is not an IP address.").arg(file, proxy));
        config.trustedProxies.append(proxyAddress);
    }
    config.tlsCertificate = settings.value(QStringLiteral("server/tls_cert")).toString().trimmed();
    config.tlsKey = settings.value(QStringLiteral("server/tls_key")).toString().trimmed();
    // A whole number from 1 to `most`.
    const auto positive = [&](const QString &key, int fallback, int most = std::numeric_limits<int>::max()) -> Result<int> {
        bool ok = false;
        const int value = settings.value(key, fallback).toInt(&ok);
        if (!ok || value < 1)
            return Error::invalidInput(tr("%1 in %2 must be a whole number of at least 1.").arg(key, file));
        if (value > most)
            return Error::invalidInput(tr("%1 in %2 must be at most %3.").arg(key, file).arg(most));
        return value;
    };
    Result<int> perAccount = positive(QStringLiteral("sign_in/max_failures_per_account"), config.signInLimits.failuresPerAccount);
    if (!perAccount)
        return perAccount.error();
    Result<int> perIp = positive(QStringLiteral("sign_in/max_failures_per_ip"), config.signInLimits.failuresPerIp);
    if (!perIp)
        return perIp.error();
    constexpr int kHour = 60 * 60;
    Result<int> accessLifetime = positive(QStringLiteral("sign_in/access_token_lifetime"), config.accessTokenLifetimeSeconds, kHour);
    if (!accessLifetime)
        return accessLifetime.error();
    config.accessTokenLifetimeSeconds = *accessLifetime;
    constexpr int kDay = 24 * kHour;
    Result<int> requestTimeout = positive(QStringLiteral("server/request_timeout"), 30, kDay);
    if (!requestTimeout)
        return requestTimeout.error();
    Result<int> idleTimeout = positive(QStringLiteral("server/idle_timeout"), 60, kDay);
    if (!idleTimeout)
        return idleTimeout.error();
    Result<int> pingInterval = positive(QStringLiteral("server/events_ping_interval"), config.eventsPingIntervalSeconds, kHour);
    if (!pingInterval)
        return pingInterval.error();
    config.eventsPingIntervalSeconds = *pingInterval;
    config.connectionLimits.requestTimeout = std::chrono::seconds(*requestTimeout);
    config.connectionLimits.idleTimeout = std::chrono::seconds(*idleTimeout);
    config.signInLimits.failuresPerAccount = *perAccount;
    config.signInLimits.failuresPerIp = *perIp;

    const QString smtpUrl = settings.value(QStringLiteral("mail/smtp_url")).toString().trimmed();
    if (!smtpUrl.isEmpty()) {
        config.smtp.url = QUrl(smtpUrl, QUrl::StrictMode);
        const QString scheme = config.smtp.url.scheme();
        if (!config.smtp.url.isValid() || config.smtp.url.host().isEmpty() || (scheme != QLatin1String("smtp") && scheme != QLatin1String("smtps")))
            return Error::invalidInput(tr("smtp_url in %1 must look like smtp://HOST:587 or smtps://HOST:465, not \"%2\".").arg(file, smtpUrl));
    }
    config.smtp.user = settings.value(QStringLiteral("mail/smtp_user")).toString();
    config.smtp.password = settings.value(QStringLiteral("mail/smtp_password")).toString();
    config.smtp.from = settings.value(QStringLiteral("mail/from"), QStringLiteral("REALM <realm@localhost>")).toString().trimmed();
    if (!Mail::addressOf(config.smtp.from).contains(QLatin1Char('@')))
        return Error::invalidInput(tr("from in %1 must hold a mail address (\"REALM <realm@example.org>\"), not \"%2\".").arg(file, config.smtp.from));
    config.smtp.requireTls = !settings.value(QStringLiteral("mail/allow_unencrypted"), false).toBool();
    return config;
}

QByteArray ServerConfig::defaultFileContents()
{
    return R"(; realm-server configuration. Lines starting with ; are comments.
; Options given to `realm-server serve` on the command line win over this file.

[server]
; The address and port to listen on. 127.0.0.1 serves this machine only;
; 0.0.0.0 serves every network interface. Port 0 picks a free port.
listen = 127.0.0.1:8470

; The database. Empty: the SQLite file server.db in this folder (right for
; a small team). For several realm-server instances behind a load balancer,
; give them all the same PostgreSQL database (and the same data folder):
;   database = postgresql://realm@127.0.0.1:5432/realm
; A password may stand in the URL (postgresql://realm:SECRET@host/realm),
; in the PGPASSWORD environment variable, or in ~/.pgpass.
database =

; The address people reach this server at, used in the links of mails.
; Empty: http:// and the listen address.
public_url =

; Who may create an account:
;   closed - server administrators (realm-server admin user add), and
;            invitations sent by a server administrator
;   invite - also invitations from any organization's admins
;   open   - anyone, after confirming the email address by a mailed code
registration = closed

; Reverse proxies (nginx, HAProxy) whose X-Forwarded-For header names the
; client's address: a comma-separated list of IP addresses. The header from
; anyone else is ignored.
trusted_proxies =

; HTTPS without a reverse proxy: a PEM certificate (chain) and its key.
; tls_cert = /etc/realm/cert.pem
; tls_key = /etc/realm/key.pem

; Seconds a client may take to send one whole request (a client that
; trickles its headers or body is cut off with 408), and seconds a
; connection may sit without a request (kept-alive or never used) before it
; is closed. Event sockets (/api/v1/events) are not affected.
request_timeout = 30
idle_timeout = 60

; Seconds between the server's pings on an event socket (/api/v1/events):
; they keep proxies from closing idle sockets (nginx closes them after 60
; seconds by default), and a socket that has not answered for 2.5 times
; this long is closed (its peer vanished: a laptop asleep).
events_ping_interval = 30

[sign_in]
; Failed sign-ins before sign-ins to that account wait (30 seconds, doubling
; with each further failure, at most 15 minutes; never locked for good).
max_failures_per_account = 5
; The same for all accounts from one IP address.
max_failures_per_ip = 50
; Seconds an access token lasts (at most 3600). Clients refresh it with
; their refresh token before it runs out, and once more when the server
; refuses it during a long share, clone or sync. Less than a minute suits
; tests only: a request that takes longer than that is refused even with a
; renewed token.
access_token_lifetime = 600

[mail]
; Where the server's mails (password reset codes) go. Empty: each mail is
; written to a file in mail/ in this folder, and the log says which.
;   smtp_url = smtp://mail.example.org:587   (STARTTLS, required)
;   smtp_url = smtps://mail.example.org:465  (TLS from the start)
smtp_url =
; The account on the SMTP server, if it asks for one.
smtp_user =
smtp_password =
; The sender of the mails.
from = REALM <realm@localhost>
; true: send over smtp:// unencrypted when the server offers no STARTTLS.
; Only for a relay on this machine.
allow_unencrypted = false
)";
}

} // namespace Realm::Server

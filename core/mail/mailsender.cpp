// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/mailsender.h"

#include "common/ids.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace Realm::Mail {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::Mail", text);
}

struct Upload {
    QByteArray data;
    qsizetype offset = 0;
};

size_t readUpload(char *buffer, size_t size, size_t count, void *userData)
{
    auto *upload = static_cast<Upload *>(userData);
    const qsizetype wanted = qsizetype(size * count);
    const qsizetype chunk = std::min(wanted, upload->data.size() - upload->offset);
    std::memcpy(buffer, upload->data.constData() + upload->offset, size_t(chunk));
    upload->offset += chunk;
    return size_t(chunk);
}

int checkAbort(void *userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<std::atomic<bool> *>(userData)->load() ? 1 : 0;
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

FileMailSender::FileMailSender(QString folder, QString from) : m_folder(std::move(folder)), m_from(std::move(from)) {}

Result<QString> FileMailSender::send(const MailMessage &message)
{
    if (!QDir().mkpath(m_folder))
        return Error::io(tr("Cannot create the mail folder %1: check that the data folder is writable.").arg(m_folder));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString id = newId();
    const QString path = QDir(m_folder).filePath(now.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'-")) + id + QStringLiteral(".eml"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(tr("Cannot write the mail to %1: %2.").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(formatMail(m_from, message, now, id));
    if (!file.commit())
        return Error::io(tr("Cannot write the mail to %1: %2.").arg(path, file.errorString()));
    return path;
}

SmtpMailSender::SmtpMailSender(SmtpSettings settings) : m_settings(std::move(settings)) {}

Result<QString> SmtpMailSender::send(const MailMessage &message)
{
    initCurlOnce();
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        return Error::failed(tr("Cannot start an SMTP connection (libcurl failed to initialise)."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Upload upload{formatMail(m_settings.from, message, now, newId()), 0};
    const QByteArray url = m_settings.url.toString(QUrl::RemoveUserInfo).toUtf8();
    const QByteArray from = '<' + addressOf(m_settings.from).toUtf8() + '>';
    const QByteArray to = '<' + addressOf(message.recipient).toUtf8() + '>';
    const QByteArray user = m_settings.user.toUtf8();
    const QByteArray password = m_settings.password.toUtf8();
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(curl_slist_append(nullptr, to.constData()), &curl_slist_free_all);
    char errorText[CURL_ERROR_SIZE] = {};

    CURL *handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, url.constData());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, &readUpload);
    curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.data.size()));
    curl_easy_setopt(handle, CURLOPT_USE_SSL, long(m_settings.requireTls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    if (!user.isEmpty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, long(m_settings.timeoutSeconds));
    // Closing the connection waits for the answer to QUIT, outside the
    // transfer (and its abort check): bound that wait like the rest, or a
    // stuck SMTP server holds up a shutdown for curl's default two minutes.
    curl_easy_setopt(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, long(m_settings.timeoutSeconds));
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, &checkAbort);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &m_aborted);
    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorText);

    const CURLcode sent = curl_easy_perform(handle);
    if (sent == CURLE_ABORTED_BY_CALLBACK)
        return Error::cancelled();
    if (sent != CURLE_OK) {
        const QString why = errorText[0] ? QString::fromUtf8(errorText) : QString::fromUtf8(curl_easy_strerror(sent));
        return Error::unavailable(tr("The SMTP server %1 did not take the mail: %2. Check [mail] in realm-server.conf.").arg(QString::fromUtf8(url), why));
    }
    return QString::fromUtf8(url);
}

} // namespace Realm::Mail

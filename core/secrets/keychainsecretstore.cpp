// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/keychainsecretstore.h"

#include <QCoreApplication>
#include <QPointer>

#include <qt6keychain/keychain.h>

namespace Realm::Secrets {

namespace {
// QtKeychain reports a missing Secret Service as OtherError (7) on Linux,
// not NoBackendAvailable: both mean there is no keychain to use.
Error errorFor(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error::notFound(QCoreApplication::translate("Realm::Secrets", "The keychain has no entry %1.").arg(job.key()));
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:
        return Error::unavailable(QCoreApplication::translate("Realm::Secrets",
                                                              "No keychain is available (%1). Start a Secret Service such as "
                                                              "GNOME Keyring or KWallet, or keep the key for this session only.")
                                      .arg(job.errorString()));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error::unavailable(QCoreApplication::translate("Realm::Secrets", "The keychain refused access: %1").arg(job.errorString()));
    default:
        return Error::failed(QCoreApplication::translate("Realm::Secrets", "The keychain failed: %1").arg(job.errorString()));
    }
}

template<typename JobType, typename Callback, typename OnSuccess>
void run(JobType *job, QObject *context, Callback done, OnSuccess onSuccess)
{
    job->setAutoDelete(true);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [guard, done = std::move(done), onSuccess](QKeychain::Job *finished) {
        if (!guard)
            return;
        if (finished->error() != QKeychain::NoError)
            done(errorFor(*finished));
        else
            done(onSuccess(static_cast<JobType *>(finished)));
    });
    job->start();
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    run(job, context, std::move(done), [](QKeychain::ReadPasswordJob *j) { return Result<QString>(j->textData()); });
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(secret);
    run(job, context, std::move(done), [](QKeychain::WritePasswordJob *) { return Result<void>(); });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    run(job, context, std::move(done), [](QKeychain::DeletePasswordJob *) { return Result<void>(); });
}

} // namespace Realm::Secrets

// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/job.h"

#include <QThread>

namespace Realm {

Job::Job(QObject *parent) : QObject(parent)
{
}

Job::~Job()
{
    m_cancel.cancel();
    if (m_thread)
        m_thread->wait();
}

void Job::runOnOwnThread(std::function<void()> work)
{
    if (m_started)
        return;
    m_started = true;
    m_thread = QThread::create(std::move(work));
    m_thread->setParent(this);
    m_thread->setObjectName(QString::fromLatin1(metaObject()->className()));
    m_thread->start();
}

void Job::report(double fraction, const QString &text)
{
    QMetaObject::invokeMethod(this, [this, fraction, text] {
        if (!m_ended)
            emit progress(fraction, text);
    }, Qt::QueuedConnection);
}

void Job::endWith(std::function<void()> emitEnd)
{
    QMetaObject::invokeMethod(this, [this, emitEnd = std::move(emitEnd)] {
        if (std::exchange(m_ended, true))
            return;
        emitEnd();
    }, Qt::QueuedConnection);
}

} // namespace Realm

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Realm::ServerApp {

// SIGTERM and SIGINT, delivered through the event loop as stopRequested()
// (a signal handler may only write to a pipe).
class StopSignals final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StopSignals)

public:
    StopSignals();
    ~StopSignals() override;

signals:
    void stopRequested();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Realm::ServerApp

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"

#include <QObject>

class QSocketNotifier;

namespace Realm::Cli {

// While it exists, Ctrl+C does not kill realm-cli: it cancels token() (for
// work that polls it, like an import) and emits interrupted() from the event
// loop (for work driven by it, like a streaming chat), so the command can
// stop cleanly and keep what it has.
class InterruptScope final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterruptScope)
public:
    InterruptScope();
    ~InterruptScope() override;

    CancellationToken *token();

signals:
    void interrupted();

private:
    void (*m_previous)(int) = nullptr;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Realm::Cli

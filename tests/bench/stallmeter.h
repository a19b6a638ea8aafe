// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Realm::Bench {

// The longest stall of the UI thread's event loop: the largest gap between
// ticks of a 2 ms timer, less the 2 ms.
class StallMeter final : public QObject {
public:
    StallMeter()
    {
        m_clock.start();
        m_timer.setInterval(2);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_worst = qMax(m_worst, now - m_last - 2'000'000);
            m_last = now;
        });
        m_timer.start();
    }
    double worstMs() const { return double(m_worst) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

} // namespace Realm::Bench

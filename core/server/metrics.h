// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace Realm::Server {

// This instance's request counters and latency histograms, in Prometheus's
// text format. Each instance counts its own requests; Prometheus scrapes
// every instance and adds them up, so nothing here is shared state.
class Metrics final {
public:
    void recordRequest(const QString &route, const QByteArray &method, int status, double seconds);

    // Values read at scrape time (from the database, the pool).
    struct Gauges {
        qint64 activeSessions = -1; // -1: could not be read
        int databaseConnections = 0;
        int requestsInFlight = 0;
        qint64 connectionsOpen = 0;
    };
    QByteArray render(const Gauges &gauges) const;

    static const QList<double> &latencyBuckets();

private:
    struct Histogram {
        QList<qint64> buckets; // cumulative counts per bucket bound
        qint64 count = 0;
        double sum = 0;
    };
    mutable QMutex m_mutex;
    QHash<QString, qint64> m_requests;     // "route\nmethod\nstatus" → count
    QHash<QString, Histogram> m_latencies; // "route\nmethod" → histogram
};

} // namespace Realm::Server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/metrics.h"

#include <algorithm>

namespace Realm::Server {

namespace {

// Prometheus label values escape backslash, quote and newline.
QByteArray label(const QString &value)
{
    QByteArray escaped = value.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return escaped;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 10);
}

} // namespace

const QList<double> &Metrics::latencyBuckets()
{
    static const QList<double> buckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    return buckets;
}

void Metrics::recordRequest(const QString &route, const QByteArray &method, int status, double seconds)
{
    const QString methodText = QString::fromLatin1(method);
    QMutexLocker lock(&m_mutex);
    ++m_requests[route + QLatin1Char('\n') + methodText + QLatin1Char('\n') + QString::number(status)];
    Histogram &histogram = m_latencies[route + QLatin1Char('\n') + methodText];
    const QList<double> &bounds = latencyBuckets();
    if (histogram.buckets.isEmpty())
        histogram.buckets.fill(0, bounds.size());
    for (qsizetype i = 0; i < bounds.size(); ++i) {
        if (seconds <= bounds.at(i))
            ++histogram.buckets[i];
    }
    ++histogram.count;
    histogram.sum += seconds;
}

QByteArray Metrics::render(const Gauges &gauges) const
{
    QByteArray out;
    QMutexLocker lock(&m_mutex);
    out += "# HELP realm_http_requests_total HTTP requests answered, by route, method and status.\n"
           "# TYPE realm_http_requests_total counter\n";
    QStringList keys = m_requests.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : std::as_const(keys)) {
        const QStringList parts = key.split(QLatin1Char('\n'));
        out += "realm_http_requests_total{route=\"" + label(parts.at(0)) + "\",method=\"" + label(parts.at(1)) + "\",status=\""
               + label(parts.at(2)) + "\"} " + QByteArray::number(m_requests.value(key)) + '\n';
    }
    out += "# HELP realm_http_request_duration_seconds Time from request to response, by route and method.\n"
           "# TYPE realm_http_request_duration_seconds histogram\n";
    keys = m_latencies.keys();
    std::sort(keys.begin(), keys.end());
    const QList<double> &bounds = latencyBuckets();
    for (const QString &key : std::as_const(keys)) {
        const QStringList parts = key.split(QLatin1Char('\n'));
        const Histogram &histogram = m_latencies[key];
        const QByteArray labels = "route=\"" + label(parts.at(0)) + "\",method=\"" + label(parts.at(1)) + '"';
        for (qsizetype i = 0; i < bounds.size(); ++i)
            out += "realm_http_request_duration_seconds_bucket{" + labels + ",le=\"" + number(bounds.at(i)) + "\"} "
                   + QByteArray::number(histogram.buckets.at(i)) + '\n';
        out += "realm_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " + QByteArray::number(histogram.count) + '\n';
        out += "realm_http_request_duration_seconds_sum{" + labels + "} " + number(histogram.sum) + '\n';
        out += "realm_http_request_duration_seconds_count{" + labels + "} " + QByteArray::number(histogram.count) + '\n';
    }
    out += "# HELP realm_http_requests_in_flight Requests being answered now.\n"
           "# TYPE realm_http_requests_in_flight gauge\n"
           "realm_http_requests_in_flight " + QByteArray::number(gauges.requestsInFlight) + '\n';
    out += "# HELP realm_http_connections_open Client connections open now, event sockets included.\n"
           "# TYPE realm_http_connections_open gauge\n"
           "realm_http_connections_open " + QByteArray::number(gauges.connectionsOpen) + '\n';
    if (gauges.activeSessions >= 0)
        out += "# HELP realm_active_sessions Signed-in sessions that have not ended or expired (all instances).\n"
               "# TYPE realm_active_sessions gauge\n"
               "realm_active_sessions " + QByteArray::number(gauges.activeSessions) + '\n';
    out += "# HELP realm_database_connections Open database connections of this instance (one per worker thread).\n"
           "# TYPE realm_database_connections gauge\n"
           "realm_database_connections " + QByteArray::number(gauges.databaseConnections) + '\n';
    return out;
}

} // namespace Realm::Server

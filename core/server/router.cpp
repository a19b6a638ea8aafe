// SPDX-License-Identifier: GPL-3.0-or-later
#include "server/router.h"

namespace Realm::Server {

namespace {

bool isParameter(QStringView segment)
{
    return segment.size() > 2 && segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

// How well `pattern` fits `segments`: -1 not at all, else the number of
// literal segments (more is more specific).
int fit(const QString &pattern, const QStringList &segments, QHash<QString, QString> *parameters)
{
    const QStringList parts = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.size() != segments.size())
        return -1;
    int literals = 0;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (isParameter(parts.at(i))) {
            if (segments.at(i).isEmpty())
                return -1;
            found.insert(parts.at(i).mid(1, parts.at(i).size() - 2), segments.at(i));
        } else if (parts.at(i) == segments.at(i)) {
            ++literals;
        } else {
            return -1;
        }
    }
    if (parameters)
        *parameters = found;
    return literals;
}

} // namespace

void Router::add(Route route)
{
    m_routes.append(std::move(route));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match best;
    int bestFit = -1;
    for (const Route &route : m_routes) {
        QHash<QString, QString> parameters;
        const int score = fit(route.pattern, segments, &parameters);
        if (score < 0)
            continue;
        best.pathKnown = true;
        if (route.method != method || score <= bestFit)
            continue;
        bestFit = score;
        best.route = &route;
        best.parameters = parameters;
    }
    return best;
}

} // namespace Realm::Server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioutput.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <unistd.h>

namespace Realm::Cli {

namespace Output {

void print(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fputc('\n', stdout);
}

void printJson(const QJsonObject &object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact);
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fputc('\n', stdout);
}

void error(const QString &text)
{
    fflush(stdout);
    fprintf(stderr, "realm-cli: %s\n", text.toUtf8().constData());
}

void note(const QString &text)
{
    fflush(stdout);
    fprintf(stderr, "%s\n", text.toUtf8().constData());
}

QString localTime(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString count(qint64 n, Noun noun)
{
    const int shown = int(std::clamp<qint64>(n, 0, INT_MAX));
    switch (noun) {
    case Noun::File:
        return QCoreApplication::translate("Realm::Cli", "%n file(s)", nullptr, shown);
    case Noun::Line:
        return QCoreApplication::translate("Realm::Cli", "%n line(s)", nullptr, shown);
    case Noun::Project:
        return QCoreApplication::translate("Realm::Cli", "%n project(s)", nullptr, shown);
    case Noun::Symbol:
        return QCoreApplication::translate("Realm::Cli", "%n symbol(s)", nullptr, shown);
    }
    return QString::number(n);
}

bool stderrIsTerminal()
{
    return isatty(fileno(stderr)) == 1;
}

} // namespace Output

ProgressLine::ProgressLine()
    : m_enabled(Output::stderrIsTerminal() && qEnvironmentVariable("TERM") != QLatin1String("dumb"))
{
}

ProgressLine::~ProgressLine()
{
    clear();
}

void ProgressLine::show(const QString &line)
{
    if (!m_enabled)
        return;
    fprintf(stderr, "\r\033[K%s", line.toUtf8().constData());
    fflush(stderr);
    m_drawn = true;
}

void ProgressLine::clear()
{
    if (m_drawn) {
        fprintf(stderr, "\r\033[K");
        fflush(stderr);
        m_drawn = false;
    }
}

} // namespace Realm::Cli

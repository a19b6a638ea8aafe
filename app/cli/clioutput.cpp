// SPDX-License-Identifier: GPL-3.0-or-later
#include "clioutput.h"

#include "projects/importsource.h"
#include "projects/projectimporter.h"

#include <QDateTime>
#include <QJsonDocument>

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

void ProgressLine::update(const Projects::ImportProgress &progress)
{
    if (!m_enabled)
        return;
    QString line = QStringLiteral("%1 files, %2").arg(progress.files).arg(Projects::formatBytes(progress.bytes));
    if (progress.skipped > 0)
        line += QStringLiteral(", %1 skipped").arg(progress.skipped);
    if (progress.rejected > 0)
        line += QStringLiteral(", %1 rejected").arg(progress.rejected);
    QString path = progress.currentPath;
    constexpr qsizetype width = 50;
    if (path.size() > width)
        path = QStringLiteral("…") + path.right(width - 1);
    show(line + QStringLiteral("  ") + path);
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

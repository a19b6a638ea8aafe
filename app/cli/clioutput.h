// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Realm::Cli {

// stdout is for results (text or JSON Lines), stderr for errors and
// progress; the two never mix, so output can be piped.
namespace Output {
void print(const QString &text);          // text + newline on stdout
void printJson(const QJsonObject &object); // one compact JSON line on stdout
void error(const QString &text);          // "realm-cli: text" on stderr
void note(const QString &text);           // a remark on stderr
bool stderrIsTerminal();
// A time for people reading a terminal: local, to the minute. JSON output
// uses Json::time instead.
QString localTime(qint64 utcMs);
// "1 file", "3 files": Qt's plural forms, from the English plural catalog.
enum class Noun { File, Line, Project, Symbol };
QString count(qint64 n, Noun noun);
}

// A one-line progress display on a terminal's stderr; silent otherwise.
class ProgressLine final {
public:
    ProgressLine();
    ~ProgressLine();
    void show(const QString &line);
    void clear();

private:
    bool m_enabled;
    bool m_drawn = false;
};

} // namespace Realm::Cli

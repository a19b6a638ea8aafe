// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Realm::Analytics {

struct LineCounts {
    qint64 lines = 0;
    qint64 code = 0;    // has something besides comments and white space
    qint64 comment = 0; // only a comment (or part of a block comment)
    qint64 blank = 0;   // only white space
};

// A TODO, FIXME or HACK written in a comment (in capitals, as a word), or
// anywhere in a language without comments (Markdown, plain text).
struct Marker {
    int line = 0; // 1-based
    QString kind; // TODO, FIXME, HACK
    QString text; // the rest of the line, trimmed, at most 160 characters
};

struct TextAnalysis {
    LineCounts counts;
    QList<Marker> markers;
};

// Counts code, comment and blank lines of a UTF-8 text in the language REALM
// detected for it (the ids of Projects::detectLanguage). Comments are the
// language's line comments (//, #, --, %, ;, !) and block comments (/* */,
// <!-- -->, {- -}, (* *), --[[ ]], Python's docstrings when they open a
// line); comment markers inside double-quoted strings do not count. A line
// with code and a comment is code. Languages without comments (JSON, plain
// text, Markdown) count every non-blank line as code.
TextAnalysis analyzeText(QByteArrayView utf8, const QString &language);

} // namespace Realm::Analytics

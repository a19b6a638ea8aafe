// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace Realm::Docs {

// A documentation comment taken apart: the common tags (@param, @return,
// @throws, @brief, @deprecated, @see, and Google-style Args:/Returns:/
// Raises: sections) as structure, the rest as Markdown.
struct DocComment {
    QString brief;                           // the first sentence or @brief
    QString body;                            // the rest, Markdown
    QList<QPair<QString, QString>> params;   // name, description
    QString returns;
    QList<QPair<QString, QString>> throws;   // exception type, when
    QString deprecated;                      // non-empty when deprecated (the note, or "yes")
    QStringList see;

    bool isEmpty() const { return brief.isEmpty() && body.isEmpty() && params.isEmpty() && returns.isEmpty(); }
};

// One symbol of a source file, as the documentation shows it.
struct DocSymbol {
    QString name;
    QString qualifiedName; // scope::name
    QString kind;          // function, class, method, struct, …  (ctags' long kind names)
    QString signature;     // (int a, int b)
    QString returnType;    // int, when ctags knows it
    QString scope;
    QString access;        // public, protected, private, or empty
    QString path;
    QString language;      // ctags' name for the file's language: C, C++, Python, …
    int line = 0;          // 1-based
    int endLine = 0;
    QString rawComment;    // the comment text, markers stripped
    DocComment doc;

    bool isPublic() const { return access.isEmpty() || access == QLatin1String("public"); }
};

} // namespace Realm::Docs

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "docs/docsymbol.h"

#include <QList>
#include <QString>

namespace Realm::Docs {

// Share of public symbols that have documentation.
struct Coverage {
    int documented = 0;
    int total = 0;
    double ratio() const { return total == 0 ? 1.0 : double(documented) / total; }
};

struct DocFile {
    QString path;
    QList<DocSymbol> symbols; // in source order
    Coverage coverage;
};

struct DocModule {
    QString path; // the directory; "" for the project's top level
    QList<DocFile> files;
    Coverage coverage;
};

// What documentation is generated from: project → modules (directories) →
// files → symbols. Coverage counts the public symbols a reader looks up
// (types, functions, methods, macros…), not members or locals.
struct DocProject {
    QString name;
    QList<DocModule> modules; // sorted by path
    Coverage coverage;

    static DocProject build(const QString &name, QList<DocSymbol> symbols);
    // Whether a symbol of this kind counts for coverage and gets its own
    // entry in the reference.
    static bool isDocumentable(const DocSymbol &symbol);
};

} // namespace Realm::Docs

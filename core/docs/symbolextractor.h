// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "docs/docsymbol.h"

#include <QList>
#include <QString>

namespace Realm::Docs {

struct SourceText {
    QString path;
    QString text;
};

// Symbols of source files from Universal Ctags (`ctags-universal
// --output-format=json`, run as a subprocess on copies of the texts: no
// original folder needed), with line ranges, signatures, scope, kind and
// access, and the documentation comment of each, parsed. Blocking.
class SymbolExtractor final {
public:
    // Fails only when ctags cannot run (not installed: the message says so).
    static Result<QList<DocSymbol>> extract(const QList<SourceText> &files);
    // The path of ctags-universal, or empty.
    static QString ctagsPath();
};

} // namespace Realm::Docs

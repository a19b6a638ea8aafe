// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "docs/docsymbol.h"

#include <QList>
#include <QString>

#include <functional>

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
    // With `onDiskRoot`, the files are there under their paths as they are
    // (a folder being documented) and ctags reads them without copies.
    static Result<QList<DocSymbol>> extract(const QList<SourceText> &files, const QString &onDiskRoot = {});
    // The same for any number of files: batches of a few hundred, as many
    // ctags processes at a time as there are cores. Symbols come back in
    // the order of `files`. `progress` gets (files done, files in all) from
    // the calling thread.
    static Result<QList<DocSymbol>> extractAll(const QList<SourceText> &files, const CancellationToken *cancel = nullptr,
                                               const std::function<void(qint64, qint64)> &progress = {},
                                               const QString &onDiskRoot = {});
    // The path of ctags-universal, or empty.
    static QString ctagsPath();
};

} // namespace Realm::Docs

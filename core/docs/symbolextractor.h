// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "docs/docsymbol.h"

#include <QList>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <vector>

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

// Extraction that starts while files are still coming in (a folder being
// read): each batch goes to ctags as soon as it is full, as many at a time
// as there are cores. extractAll() uses it too.
class ExtractionQueue final {
public:
    // `batchBytes`: how much text a ctags run gets; `onDiskRoot` as for
    // SymbolExtractor::extract().
    explicit ExtractionQueue(const CancellationToken *cancel = nullptr, const QString &onDiskRoot = {},
                             qint64 batchBytes = kDefaultBatchBytes);
    ~ExtractionQueue(); // waits for running batches
    ExtractionQueue(const ExtractionQueue &) = delete;
    ExtractionQueue &operator=(const ExtractionQueue &) = delete;

    void add(SourceText file);
    // Waits for every batch. Symbols come in the order the files were
    // added; `progress` gets (files done, files in all) on this thread.
    Result<QList<DocSymbol>> finish(const std::function<void(qint64, qint64)> &progress = {});

    static constexpr qint64 kDefaultBatchBytes = 768 * 1024;

private:
    struct Batch;
    void submit();

    const CancellationToken *m_cancel;
    QString m_onDiskRoot;
    qint64 m_batchBytes;
    QList<SourceText> m_pending;
    qint64 m_pendingBytes = 0;
    qint64 m_files = 0;
    std::vector<std::unique_ptr<Batch>> m_batches;
    std::unique_ptr<QThreadPool> m_pool;
};

} // namespace Realm::Docs

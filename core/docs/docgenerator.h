// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "docs/docmodel.h"
#include "storage/database.h"

#include <functional>

namespace Realm::Docs {

struct GenerateOptions {
    enum class Format { Markdown, Html, Pdf };
    Format format = Format::Markdown;
    QString outputDir;
    QString templateText; // empty: the built-in template
};

struct GenerateOutcome {
    DocProject project;
    qint64 files = 0;   // source files read
    qint64 symbols = 0; // documentable symbols
    QString outputFile;
};

// The API reference of a project in the workspace, written to a folder as
// api.md, api.html (one self-contained page) or api.pdf. Reads the files
// from the workspace (no original folder needed); blocking, run it on a
// worker or from the CLI. `progress` gets (files done, files in all).
Result<GenerateOutcome> generateApiReference(const Storage::DatabasePtr &db, const QString &projectId, const GenerateOptions &options,
                                             const CancellationToken *cancel = nullptr,
                                             const std::function<void(qint64, qint64)> &progress = {});

} // namespace Realm::Docs

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "docs/docmodel.h"
#include "projects/project.h"
#include "storage/database.h"

#include <functional>

namespace Realm::Docs {

// What documentation of a project is made from: its source files and the
// document model of their symbols.
struct DocInputs {
    Projects::Project project;
    QList<Projects::ProjectFile> sources; // the files the docs read, by path
    DocProject model;
    QByteArray inputsHash; // SHA-256 over every source's path and content: equal means unchanged
    qint64 symbols = 0;    // documentable symbols
    qint64 extracted = 0;  // files run through Universal Ctags this time
    qint64 reused = 0;     // files whose symbols the workspace already had
};

// Whether the docs read files of this language (those Universal Ctags knows).
bool isDocumentedLanguage(const QString &language);

// Reads a project's sources from the workspace (no original folder needed)
// and their symbols: from the symbol cache for contents seen before, from
// Universal Ctags for the rest, which are then cached. Blocking: run it on
// a worker or from the CLI. `progress` gets (files done, files in all).
Result<DocInputs> readDocInputs(const Storage::DatabasePtr &db, const QString &projectId, const CancellationToken *cancel = nullptr,
                                const std::function<void(qint64, qint64)> &progress = {});

// The same straight from a folder, archive or Git repository, without a
// workspace: nothing is cached or kept (the API reference of a checkout).
Result<DocInputs> readDocInputs(const QString &location, const CancellationToken *cancel = nullptr,
                                const std::function<void(qint64, qint64)> &progress = {});

} // namespace Realm::Docs

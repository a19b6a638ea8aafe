// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "docs/docsources.h"
#include "docs/docstore.h"

#include <QDate>

#include <functional>
#include <optional>

namespace Realm::Docs {

struct Summaries;

// The documents REALM writes: the API reference (from code comments, no
// LLM), the overview (written by a model from per-file and per-module
// summaries) and custom ones (a user's template and prompt).
enum class DocKind { Api, Overview, Custom };
QString docKindName(DocKind kind); // api, overview, custom
std::optional<DocKind> docKindFromName(const QString &name);
bool needsModel(DocKind kind);
QString builtInTemplate(DocKind kind);

// What to generate.
struct DocSpec {
    DocKind kind = DocKind::Api;
    QString templateName = QStringLiteral("built-in");
    QString templateText; // empty: the built-in template of the kind
    QString prompt;       // custom: what to ask the model
    QString title;        // custom: the document's title (default: the template's name)
    QString model;        // the LLM kinds: who writes
    bool documentedOnly = false; // api: leave out symbols without a comment (ApiReference::Listed)
};

// Whether the spec can be generated (a custom one has a prompt, …): an
// error a person can act on, before anything runs.
Result<void> checkSpec(const DocSpec &spec);

// Step 1, blocking: the project's sources and symbols (incrementally, see
// readDocInputs), and whether the newest document of this kind and
// template was made from exactly these inputs — then it is reused as is.
struct PreparedDocument {
    DocInputs inputs;
    QString inputsHash; // of the sources, template, prompt and model
    std::optional<DocVersion> unchanged;
};
Result<PreparedDocument> prepareDocument(const Storage::DatabasePtr &db, const QString &projectId, const DocSpec &spec,
                                         const CancellationToken *cancel = nullptr,
                                         const std::function<void(qint64, qint64)> &progress = {});

// Step 2, blocking: renders the document (the LLM kinds from what the
// SummaryWriter wrote) as a version whose stats say what was redone…
Result<DocVersion> renderDocument(const PreparedDocument &prepared, const DocSpec &spec, const Summaries *summaries = nullptr,
                                  const QDate &date = QDate::currentDate());
// …and keeps it in the workspace.
Result<DocVersion> finishDocument(const Storage::DatabasePtr &db, const PreparedDocument &prepared, const DocSpec &spec,
                                  const Summaries *summaries = nullptr, const QDate &date = QDate::currentDate());

// The Markdown of the overview and custom kinds.
Result<QString> llmMarkdown(const DocInputs &inputs, const Summaries &summaries, const DocSpec &spec, const QDate &date);

} // namespace Realm::Docs

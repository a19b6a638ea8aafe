// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prompts/prompttemplate.h"
#include "storage/database.h"

#include <optional>

namespace Realm::Prompts {

// Lines first to last of a file, counted from 1, both included.
struct LineRange {
    int first = 1;
    int last = 1;
};

// "12:40" (or "12" for one line); an error that shows the form otherwise.
Result<LineRange> parseLineRange(const QString &text);

// Lines `lines` of `text` (LF or CRLF; a final newline ends the last line
// and starts none); an error when they start past the end.
Result<QString> linesOf(const QString &text, LineRange lines);

// The values for a prompt about `code` from `path`, in the language
// `languageId` (as Projects::detectLanguage names it), of `projectName`.
// The one way they are put together, for the CLI and the editor alike.
PromptValues valuesForCode(const QString &code, const QString &path, const QString &languageId, const QString &projectName);

// The values for a prompt about a project's file — all of it, or `lines`:
// the code, its path, its stored language, the project's name.
Result<PromptValues> valuesForProjectFile(const Storage::DatabasePtr &db, const QString &projectId, const QString &path,
                                          std::optional<LineRange> lines = std::nullopt);

} // namespace Realm::Prompts

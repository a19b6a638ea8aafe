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

// The values for a prompt about a project's file — all of it, or `lines`:
// the code, its path, its language, the project's name. Whoever asks (the
// CLI's --template, the editor's "Explain Selection") gets the same.
Result<PromptValues> valuesForProjectFile(const Storage::DatabasePtr &db, const QString &projectId, const QString &path,
                                          std::optional<LineRange> lines = std::nullopt);

} // namespace Realm::Prompts

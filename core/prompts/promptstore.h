// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prompts/prompttemplate.h"
#include "storage/database.h"

#include <optional>

namespace Realm::Prompts {

// The prompt templates a workspace offers: REALM's own, then the user's
// (table prompt_templates), then their organizations' (read-only, see
// orgprompts.h). Built-in names are taken: a user template cannot replace
// or remove one (duplicate it under a new name instead). A user's template
// comes before an organization's of the same name, which "ORG/NAME" finds.
class PromptStore final {
public:
    explicit PromptStore(Storage::DatabasePtr db) : m_db(std::move(db)) {}

    // Built-in first (in menu order), then the user's by name, then the
    // organizations' by organization and name.
    Result<QList<PromptTemplate>> list() const;
    Result<PromptTemplate> find(const QString &name) const;
    // Creates or replaces a user template.
    Result<void> save(const PromptTemplate &prompt);
    // Imports: all or none. Without `replace`, a name already in use
    // refuses the lot, naming it.
    Result<void> saveAll(const QList<PromptTemplate> &prompts, bool replace);
    Result<void> remove(const QString &name);

private:
    Result<std::optional<PromptTemplate>> findShared(const QString &name) const;

    Storage::DatabasePtr m_db;
};

} // namespace Realm::Prompts

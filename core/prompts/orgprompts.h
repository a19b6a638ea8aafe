// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prompts/prompttemplate.h"
#include "storage/orgcopies.h"

#include <optional>

namespace Realm::Prompts::OrgPrompts {

// Organizations' prompt templates as their team server last gave them
// (table org_prompt_templates): the sync client writes them, in its own
// transaction; PromptStore lists them read-only beside the user's.

// One as the server has it: its scope's seq, who changed it last and when.
struct Shared {
    PromptTemplate prompt; // with its orgId and orgName
    qint64 seq = 0;
    QString changedBy;
    qint64 changedAtMs = 0;
};

// Stores or replaces it; InvalidInput (nothing stored) when it is not a
// template REALM can use.
Result<void> store(Storage::Handle db, const Shared &shared);

// The rows' common part (a name, an organization, a seq), for the sync
// client.
inline constexpr Storage::OrgCopyTable kCopies{"org_prompt_templates"};

// By organization name, then name.
Result<QList<PromptTemplate>> list(Storage::Handle db);

} // namespace Realm::Prompts::OrgPrompts

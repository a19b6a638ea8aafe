// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "storage/handle.h"
#include "storage/orgcopies.h"
#include "sync/syncprotocol.h"
#include "syncclient/orgtemplatesyncer.h"

#include <QString>

#include <optional>
#include <span>

namespace Realm::SyncClient {

// The modules that keep copies of what an organization's scope holds —
// prompt templates (Prompts::OrgPrompts), documentation templates
// (Docs::OrgDocs), starter templates (Starters::OrgStarters) — as the sync
// client reaches them: one entry per table.
struct OrgTemplateCopies {
    TemplateKind kind;
    const char *table;
    Result<void> (*store)(Storage::Handle db, const Sync::Change &change, const QString &orgId, const QString &orgName);
    const Storage::OrgCopyTable *rows; // removes, forgets, renames, reads seqs
};

std::span<const OrgTemplateCopies> allOrgTemplateCopies();
const OrgTemplateCopies &orgTemplateCopies(TemplateKind kind);
// Nullptr: a table of a newer server, which this REALM passes by.
const OrgTemplateCopies *orgTemplateCopies(const QString &table);

} // namespace Realm::SyncClient

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "starters/startertemplate.h"
#include "storage/handle.h"
#include "storage/orgcopies.h"

#include <QByteArray>
#include <optional>

namespace Realm::Starters::OrgStarters {

// Organizations' starter templates as their team server last gave them
// (table org_starter_templates): the sync client writes them, in its own
// transaction; TemplateStore lists them read-only beside the user's.

// One as the server has it: its archive, its scope's seq, who changed it
// last and when.
struct Shared {
    QString orgId;
    QString orgName;
    QString name;
    QString title;
    QString description;
    QByteArray archive; // tar.gz, as StarterTemplate::toArchive makes it
    qint64 seq = 0;
    QString changedBy;
    qint64 changedAtMs = 0;
};

// Stores or replaces it; InvalidInput (nothing stored) when its archive is
// not a template REALM can use.
Result<void> store(Storage::Handle db, const Shared &shared);

// The rows' common part (a name, an organization, a seq), for the sync
// client.
inline constexpr Storage::OrgCopyTable kCopies{"org_starter_templates"};

// By organization name, then name; read from their archives.
Result<QList<StarterTemplate>> list(Storage::Handle db);
// The same, without reading the archives: name, organization, title and
// description only (to find one by name without unpacking them all).
Result<QList<StarterTemplate>> names(Storage::Handle db);
// The archive of one (by organization id and name).
Result<QByteArray> archive(Storage::Handle db, const QString &orgId, const QString &name);

} // namespace Realm::Starters::OrgStarters

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatrequest.h"
#include "storage/database.h"

namespace Realm::Chat {

// The tools a model may call to look things up in the project on its own:
// search_project (substring or regex search), read_file (lines of a file)
// and list_files (paths, by prefix or glob). Read-only; every result is
// capped so one call cannot flood the context. Blocking: run on a worker.
namespace ProjectTools {

QList<ToolSpec> specs();
// What the call returned, as text for the model; errors are results too
// ("No file src/x.cpp"), so the model can correct itself.
QString run(const Storage::DatabasePtr &db, const QString &projectId, const ToolCall &call);
// A one-line description for people: search_project("TODO", *.cpp).
QString describe(const ToolCall &call);

} // namespace ProjectTools

} // namespace Realm::Chat

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace Realm::Projects {

struct Project;
struct ProjectFile;
struct ProjectVersion;
struct ImportReport;

// The JSON form of the projects module's entities: what `realm-cli --json`
// prints and what the server will answer. snake_case keys, RFC 3339 UTC
// times (common/jsontime.h); the README lists every shape.
QJsonObject toJson(const Project &project);
QJsonObject toJson(const ProjectFile &file);         // no id, no hash
QJsonObject toJson(const ProjectVersion &version);
QJsonObject toJson(const ImportReport &report);      // the project and what changed

} // namespace Realm::Projects

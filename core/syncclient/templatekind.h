// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Realm::SyncClient {

// An organization shares prompt, documentation and starter templates.
enum class TemplateKind { Prompt, Doc, Starter };

} // namespace Realm::SyncClient

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>
#include <QStringList>

namespace Realm::Markup {

// Markdown (the canonical form of everything REALM writes for people:
// exported conversations, generated documentation) turned into the other
// formats — one place, so they all look alike.

// The HTML of a Markdown text (GitHub flavour, md4c). Everything REALM
// renders holds untrusted text (code comments, model answers), so it runs
// and fetches nothing when opened: raw HTML is shown as text, links keep
// only http, https, mailto, relative and #anchor targets, and images only
// load from relative paths (a remote one becomes a link to it).
QString markdownToHtml(const QString &markdown);

// The CSS of REALM's pages, light and dark (standalone pages and sites).
QString pageStyleSheet();

// A standalone HTML page: the Markdown rendered, headings with GitHub's
// anchors (so #links in the Markdown work), light and dark CSS inline.
QString htmlPage(const QString &title, const QString &markdown);

} // namespace Realm::Markup

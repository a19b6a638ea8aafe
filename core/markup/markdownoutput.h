// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>

namespace Realm::Markup {

// Markdown (the canonical form of everything REALM writes for people:
// exported conversations, generated documentation) turned into the other
// formats — one place, so they all look alike.

// The HTML of a Markdown text (GitHub flavour, md4c). Raw HTML in the
// Markdown is kept unless `allowRawHtml` is false (for untrusted text).
QString markdownToHtml(const QString &markdown, bool allowRawHtml = true);

// A standalone HTML page: the Markdown rendered, with light and dark CSS.
QString htmlPage(const QString &title, const QString &markdown, bool allowRawHtml = true);

// A PDF of the rendered Markdown: A4, numbered pages. Written atomically.
// Needs a QGuiApplication (the offscreen platform will do).
Result<void> writePdf(const QString &title, const QString &markdown, const QString &fileName, bool allowRawHtml = true);

} // namespace Realm::Markup

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>
#include <QStringList>

namespace Realm::Markup {

// A multi-page HTML site from one Markdown document: index.html holds what
// comes before the first chapter (level-2 heading), every chapter gets a
// page of its own with a table of contents of its sections, and every page
// a sidebar listing the chapters and a search box over chapter and section
// titles (site.js, no server needed). Links to #anchors point across pages.
// Light and dark styles in style.css. Returns the files written, index first.
// Rendered as markdownToHtml() does: nothing in it runs or loads remotely.
Result<QStringList> writeHtmlSite(const QString &title, const QString &markdown, const QString &dir, const QString &footer = {});

} // namespace Realm::Markup

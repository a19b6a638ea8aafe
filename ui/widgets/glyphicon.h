// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>

namespace Realm::Ui {

// Small line icons drawn in code, in the colour given (the palette's text
// colour), so they exist on machines without an icon theme and follow a
// theme switch.
enum class Glyph { Copy, Edit, Regenerate };

QIcon glyphIcon(Glyph glyph, const QColor &colour);

} // namespace Realm::Ui

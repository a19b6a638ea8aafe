// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Realm {

// Installs REALM's English plural forms ("1 file", "3 files") for the
// source strings written as "%n file(s)", so that every program — and every
// language without a catalog of its own — counts in proper English. Call
// once, after the application object exists; a language's own catalog,
// installed later, takes precedence.
bool installEnglishPluralForms();

// The catalog installEnglishPluralForms() loads.
inline constexpr char kEnglishPluralFormsFile[] = ":/i18n/realm_en.qm";

} // namespace Realm

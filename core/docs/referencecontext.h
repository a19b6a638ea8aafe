// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "docs/referenceentries.h"
#include "mustache/mustachedata.h"

#include <QDate>

#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

// Internal to the docs library.
namespace Realm::Docs::ApiReference {

// The data the API reference template sees (listed at the top of the
// built-in template), made as the template asks for it. The project, its
// modules and files are a small tree built up front; each listed symbol is
// a placeholder in its file's list, and its values (declaration,
// description with links, parameters, members, fields…) are made when the
// template names them and dropped when it moves on to the next symbol.
// Building the whole tree first — a million nodes for a large project,
// then freed again — was most of the time of a large reference.
class ReferenceContext final : public kainjow::mustache::basic_context<std::string> {
public:
    ReferenceContext(const DocProject &project, const QDate &date, const Entries &entries);

    void push(const Mustache::TemplateData *data) override;
    void pop() override;
    const Mustache::TemplateData *get(const std::string &name) const override;
    const Mustache::TemplateData *get_partial(const std::string &name) const override;

    // The names a template can ask a symbol, a parameter, a see-also or a field for.
    enum class Key {
        Name, Qualified, Kind, Anchor, Declaration, Brief, Body, HasParams, Params, Returns, HasThrows, Throws, HasSee, See,
        Deprecated, Undocumented, Location, HasMembers, Members, HasFields, Fields, Text, Type,
    };

private:
    enum class Kind { Entry, Member, Pair, See, Field };
    // What a placeholder stands for.
    struct Lazy {
        Kind kind = Kind::Entry;
        const Chapter *chapter = nullptr;
        const DocSymbol *symbol = nullptr; // the symbol, or the one a pair or see-also belongs to
        const QString *anchor = nullptr;   // that symbol's heading
        const FileEntry *entry = nullptr;  // Entry: members and fields
        const QPair<QString, QString> *pair = nullptr;
        const QString *seeName = nullptr;
    };

    const Mustache::TemplateData *lookup(const Mustache::TemplateData *item, const std::string &name) const;
    const Mustache::TemplateData *valueOf(const Lazy &lazy, const std::string &name) const;
    const Mustache::TemplateData *symbolValue(const Lazy &lazy, Key key) const;
    const Mustache::TemplateData *placeholders(std::vector<Lazy> items) const;
    const Mustache::TemplateData *keep(Mustache::TemplateData &&value) const;
    const QHash<QString, QString> &localNames(const Chapter *chapter) const;
    QString linked(const Lazy &lazy, const QString &text) const;

    const Entries &m_entries;
    Mustache::TemplateData m_root;
    std::unordered_map<const Mustache::TemplateData *, Lazy> m_entryPlaceholders;
    std::vector<const Mustache::TemplateData *> m_stack;
    // Made for the symbol being written; dropped when the template leaves it.
    mutable std::deque<Mustache::TemplateData> m_made;
    mutable std::unordered_map<const Mustache::TemplateData *, Lazy> m_madePlaceholders;
    // The names of the file being written, for links within it.
    mutable const Chapter *m_localOf = nullptr;
    mutable QHash<QString, QString> m_local;
};

} // namespace Realm::Docs::ApiReference

// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/referencecontext.h"

#include <QHash>

namespace Realm::Docs::ApiReference {

namespace {
// A placeholder: true, so that a section over it is entered, and no
// allocation.
Mustache::TemplateData placeholder()
{
    return Mustache::TemplateData(true);
}

using Key = ReferenceContext::Key;

// The tag of a code fence (GitHub's names) for a language as ctags names it.
QString fenceLanguage(const QString &ctagsLanguage)
{
    static const QHash<QString, QString> tags{
        {QStringLiteral("C++"), QStringLiteral("cpp")},        {QStringLiteral("C#"), QStringLiteral("csharp")},
        {QStringLiteral("Sh"), QStringLiteral("sh")},          {QStringLiteral("ObjectiveC"), QStringLiteral("objc")},
    };
    return tags.value(ctagsLanguage, ctagsLanguage.toLower());
}

const Key *keyOf(const std::string &name)
{
    static const std::unordered_map<std::string, Key> keys{
        {"name", Key::Name}, {"qualified", Key::Qualified}, {"kind", Key::Kind}, {"anchor", Key::Anchor},
        {"declaration", Key::Declaration}, {"brief", Key::Brief}, {"body", Key::Body}, {"hasParams", Key::HasParams},
        {"params", Key::Params}, {"returns", Key::Returns}, {"hasThrows", Key::HasThrows}, {"throws", Key::Throws},
        {"hasSee", Key::HasSee}, {"see", Key::See}, {"deprecated", Key::Deprecated}, {"undocumented", Key::Undocumented},
        {"location", Key::Location}, {"hasMembers", Key::HasMembers}, {"members", Key::Members}, {"hasFields", Key::HasFields},
        {"fields", Key::Fields}, {"text", Key::Text}, {"type", Key::Type},
    };
    const auto it = keys.find(name);
    return it == keys.end() ? nullptr : &it->second;
}
} // namespace

ReferenceContext::ReferenceContext(const DocProject &project, const QDate &date, const Entries &entries) : m_entries(entries)
{
    const QList<Chapter> &chapters = entries.chapters;
    Mustache::TemplateData modules = Mustache::templateList(size_t(project.modules.size()));
    for (qsizetype first = 0; first < chapters.size();) {
        const DocModule *module = chapters.at(first).module;
        qsizetype count = 0;
        while (first + count < chapters.size() && chapters.at(first + count).module == module)
            ++count;
        Mustache::TemplateData files = Mustache::templateList(size_t(count));
        for (qsizetype i = first; i < first + count; ++i) {
            const Chapter &chapter = chapters.at(i);
            Mustache::TemplateData symbols = Mustache::templateList(size_t(chapter.entries.size()));
            for (qsizetype e = 0; e < chapter.entries.size(); ++e)
                Mustache::append(symbols, placeholder());
            // The list's items stay where they are when the list is moved.
            const std::vector<Mustache::TemplateData> &items = symbols.list_value();
            for (qsizetype e = 0; e < chapter.entries.size(); ++e) {
                const FileEntry &entry = chapter.entries.at(e);
                m_entryPlaceholders.emplace(&items.at(size_t(e)), Lazy{Kind::Entry, &chapter, entry.symbol, &entry.anchor, &entry, nullptr, nullptr});
            }
            Mustache::TemplateData file;
            Mustache::set(file, "path", Mustache::templateText(chapter.file->path));
            Mustache::set(file, "anchor", Mustache::templateText(chapter.anchor));
            Mustache::set(file, "module", Mustache::templateText(moduleTitle(*chapter.module)));
            Mustache::set(file, "coverage", Mustache::templateText(percent(chapter.file->coverage)));
            Mustache::set(file, "symbolCount", Mustache::templateText(QString::number(chapter.symbolCount)));
            Mustache::set(file, "language", Mustache::templateText(fenceLanguage(chapter.entries.first().symbol->language)));
            Mustache::set(file, "symbols", std::move(symbols));
            Mustache::append(files, std::move(file));
        }
        first += count;
        Mustache::TemplateData data;
        Mustache::set(data, "title", Mustache::templateText(moduleTitle(*module)));
        Mustache::set(data, "fileCount", Mustache::templateText(QString::number(count)));
        Mustache::set(data, "coverage", Mustache::templateText(percent(module->coverage)));
        Mustache::set(data, "files", std::move(files));
        Mustache::append(modules, std::move(data));
    }
    Mustache::set(m_root, "project", Mustache::templateText(project.name));
    Mustache::set(m_root, "coverage", Mustache::templateText(percent(project.coverage)));
    Mustache::set(m_root, "documented", Mustache::templateText(QString::number(project.coverage.documented)));
    Mustache::set(m_root, "total", Mustache::templateText(QString::number(project.coverage.total)));
    Mustache::set(m_root, "date", Mustache::templateText(date.toString(Qt::ISODate)));
    Mustache::set(m_root, "modules", std::move(modules));
    m_stack.push_back(&m_root);
}

void ReferenceContext::push(const Mustache::TemplateData *data)
{
    m_stack.push_back(data);
}

void ReferenceContext::pop()
{
    const Mustache::TemplateData *left = m_stack.back();
    m_stack.pop_back();
    if (m_entryPlaceholders.count(left) != 0) {
        m_made.clear();
        m_madePlaceholders.clear();
    }
}

const Mustache::TemplateData *ReferenceContext::get(const std::string &name) const
{
    if (name == ".")
        return m_stack.back();
    if (name.find('.') == std::string::npos) {
        for (auto item = m_stack.rbegin(); item != m_stack.rend(); ++item) {
            if (const Mustache::TemplateData *value = lookup(*item, name))
                return value;
        }
        return nullptr;
    }
    // "a.b": resolved from the innermost item that has all of it, as kainjow does.
    std::vector<std::string> parts;
    for (size_t at = 0;;) {
        const size_t dot = name.find('.', at);
        parts.push_back(name.substr(at, dot == std::string::npos ? std::string::npos : dot - at));
        if (dot == std::string::npos)
            break;
        at = dot + 1;
    }
    for (auto item = m_stack.rbegin(); item != m_stack.rend(); ++item) {
        const Mustache::TemplateData *value = *item;
        for (const std::string &part : parts) {
            value = lookup(value, part);
            if (!value)
                break;
        }
        if (value)
            return value;
    }
    return nullptr;
}

const Mustache::TemplateData *ReferenceContext::get_partial(const std::string &name) const
{
    for (auto item = m_stack.rbegin(); item != m_stack.rend(); ++item) {
        if (const Mustache::TemplateData *value = lookup(*item, name))
            return value;
    }
    return nullptr;
}

const Mustache::TemplateData *ReferenceContext::lookup(const Mustache::TemplateData *item, const std::string &name) const
{
    if (item->is_true()) { // perhaps a placeholder
        if (const auto it = m_entryPlaceholders.find(item); it != m_entryPlaceholders.end())
            return valueOf(it->second, name);
        if (const auto it = m_madePlaceholders.find(item); it != m_madePlaceholders.end())
            return valueOf(it->second, name);
    }
    return item->get(name);
}

const Mustache::TemplateData *ReferenceContext::keep(Mustache::TemplateData &&value) const
{
    m_made.push_back(std::move(value));
    return &m_made.back();
}

const Mustache::TemplateData *ReferenceContext::placeholders(std::vector<Lazy> items) const
{
    Mustache::TemplateData list = Mustache::templateList(items.size());
    for (size_t i = 0; i < items.size(); ++i)
        Mustache::append(list, placeholder());
    const Mustache::TemplateData *kept = keep(std::move(list));
    for (size_t i = 0; i < items.size(); ++i)
        m_madePlaceholders.emplace(&kept->list_value().at(i), items.at(i));
    return kept;
}

const QHash<QString, QString> &ReferenceContext::localNames(const Chapter *chapter) const
{
    if (m_localOf != chapter) {
        m_local = localAnchors(*chapter);
        m_localOf = chapter;
    }
    return m_local;
}

QString ReferenceContext::linked(const Lazy &lazy, const QString &text) const
{
    return text.isEmpty() ? text : m_entries.targets.link(text, localNames(lazy.chapter), *lazy.anchor);
}

const Mustache::TemplateData *ReferenceContext::valueOf(const Lazy &lazy, const std::string &name) const
{
    const Key *key = keyOf(name);
    if (!key)
        return nullptr;
    switch (lazy.kind) {
    case Kind::Entry:
    case Kind::Member:
        return symbolValue(lazy, *key);
    case Kind::Pair:
        if (*key == Key::Name)
            return keep(Mustache::templateText(lazy.pair->first));
        if (*key == Key::Text)
            return keep(Mustache::templateText(linked(lazy, lazy.pair->second)));
        return nullptr;
    case Kind::See:
        if (*key == Key::Text) {
            const QString target = m_entries.targets.find(*lazy.seeName, localNames(lazy.chapter));
            return keep(Mustache::templateText(target.isEmpty() || target == *lazy.anchor ? QStringLiteral("`%1`").arg(*lazy.seeName)
                                                                                : QStringLiteral("[`%1`](#%2)").arg(*lazy.seeName, target)));
        }
        return nullptr;
    case Kind::Field:
        if (*key == Key::Name)
            return keep(Mustache::templateText(lazy.symbol->name));
        if (*key == Key::Type)
            return keep(Mustache::templateText(lazy.symbol->returnType.isEmpty() ? QStringLiteral("—") : lazy.symbol->returnType));
        if (*key == Key::Brief)
            return keep(Mustache::templateText(lazy.symbol->doc.brief.simplified()));
        return nullptr;
    }
    return nullptr;
}

const Mustache::TemplateData *ReferenceContext::symbolValue(const Lazy &lazy, Key key) const
{
    const DocSymbol &s = *lazy.symbol;
    const DocComment &doc = s.doc;
    switch (key) {
    case Key::Name:
        return keep(Mustache::templateText(s.name));
    case Key::Qualified:
        return keep(Mustache::templateText(s.qualifiedName));
    case Key::Kind:
        return keep(Mustache::templateText(s.kind));
    case Key::Anchor:
        return keep(Mustache::templateText(*lazy.anchor));
    case Key::Declaration:
        return keep(Mustache::templateText((s.returnType.isEmpty() ? QString() : s.returnType + QLatin1Char(' ')) + s.qualifiedName + s.signature));
    case Key::Brief:
        return keep(Mustache::templateText(linked(lazy, doc.brief)));
    case Key::Body:
        return keep(Mustache::templateText(linked(lazy, doc.body)));
    case Key::HasParams:
        return keep(Mustache::TemplateData(!doc.params.isEmpty()));
    case Key::Returns:
        return keep(Mustache::templateText(linked(lazy, doc.returns)));
    case Key::HasThrows:
        return keep(Mustache::TemplateData(!doc.throws.isEmpty()));
    case Key::HasSee:
        return keep(Mustache::TemplateData(!doc.see.isEmpty()));
    case Key::Deprecated:
        return keep(Mustache::templateText(doc.deprecated));
    case Key::Undocumented:
        return keep(Mustache::TemplateData(doc.isEmpty()));
    case Key::Location:
        return keep(Mustache::templateText(s.path + QLatin1Char(':') + QString::number(s.line)));
    case Key::Params:
    case Key::Throws: {
        const QList<QPair<QString, QString>> &list = key == Key::Params ? doc.params : doc.throws;
        std::vector<Lazy> items;
        for (const QPair<QString, QString> &pair : list)
            items.push_back({Kind::Pair, lazy.chapter, lazy.symbol, lazy.anchor, nullptr, &pair, nullptr});
        return placeholders(std::move(items));
    }
    case Key::See: {
        std::vector<Lazy> items;
        for (const QString &seeName : doc.see)
            items.push_back({Kind::See, lazy.chapter, lazy.symbol, lazy.anchor, nullptr, nullptr, &seeName});
        return placeholders(std::move(items));
    }
    // A type's own: members see through to their type's (as an object
    // without these keys would).
    case Key::HasMembers:
        return lazy.entry ? keep(Mustache::TemplateData(!lazy.entry->members.isEmpty())) : nullptr;
    case Key::HasFields:
        return lazy.entry ? keep(Mustache::TemplateData(!lazy.entry->fields.isEmpty())) : nullptr;
    case Key::Members: {
        if (!lazy.entry)
            return nullptr;
        std::vector<Lazy> items;
        for (qsizetype i = 0; i < lazy.entry->members.size(); ++i)
            items.push_back({Kind::Member, lazy.chapter, lazy.entry->members.at(i), &lazy.entry->memberAnchors.at(i), nullptr, nullptr, nullptr});
        return placeholders(std::move(items));
    }
    case Key::Fields: {
        if (!lazy.entry)
            return nullptr;
        std::vector<Lazy> items;
        for (const DocSymbol *field : lazy.entry->fields)
            items.push_back({Kind::Field, lazy.chapter, field, lazy.anchor, nullptr, nullptr, nullptr});
        return placeholders(std::move(items));
    }
    case Key::Text:
    case Key::Type:
        return nullptr;
    }
    return nullptr;
}

} // namespace Realm::Docs::ApiReference

// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/referencecontext.h"

#include <QHash>

namespace Realm::Docs::ApiReference {

namespace {
// A placeholder: true, so that a section over it is entered, and no
// allocation.
TemplateData placeholder()
{
    return TemplateData(true);
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
    TemplateData modules = templateList(size_t(project.modules.size()));
    for (qsizetype first = 0; first < chapters.size();) {
        const DocModule *module = chapters.at(first).module;
        qsizetype count = 0;
        while (first + count < chapters.size() && chapters.at(first + count).module == module)
            ++count;
        TemplateData files = templateList(size_t(count));
        for (qsizetype i = first; i < first + count; ++i) {
            const Chapter &chapter = chapters.at(i);
            TemplateData symbols = templateList(size_t(chapter.entries.size()));
            for (qsizetype e = 0; e < chapter.entries.size(); ++e)
                append(symbols, placeholder());
            // The list's items stay where they are when the list is moved.
            const std::vector<TemplateData> &items = symbols.list_value();
            for (qsizetype e = 0; e < chapter.entries.size(); ++e) {
                const FileEntry &entry = chapter.entries.at(e);
                m_entryPlaceholders.emplace(&items.at(size_t(e)), Lazy{Kind::Entry, &chapter, entry.symbol, &entry.anchor, &entry, nullptr, nullptr});
            }
            TemplateData file;
            set(file, "path", templateText(chapter.file->path));
            set(file, "anchor", templateText(chapter.anchor));
            set(file, "module", templateText(moduleTitle(*chapter.module)));
            set(file, "coverage", templateText(percent(chapter.file->coverage)));
            set(file, "symbolCount", templateText(QString::number(chapter.symbolCount)));
            set(file, "language", templateText(fenceLanguage(chapter.entries.first().symbol->language)));
            set(file, "symbols", std::move(symbols));
            append(files, std::move(file));
        }
        first += count;
        TemplateData data;
        set(data, "title", templateText(moduleTitle(*module)));
        set(data, "fileCount", templateText(QString::number(count)));
        set(data, "coverage", templateText(percent(module->coverage)));
        set(data, "files", std::move(files));
        append(modules, std::move(data));
    }
    set(m_root, "project", templateText(project.name));
    set(m_root, "coverage", templateText(percent(project.coverage)));
    set(m_root, "documented", templateText(QString::number(project.coverage.documented)));
    set(m_root, "total", templateText(QString::number(project.coverage.total)));
    set(m_root, "date", templateText(date.toString(Qt::ISODate)));
    set(m_root, "modules", std::move(modules));
    m_stack.push_back(&m_root);
}

void ReferenceContext::push(const TemplateData *data)
{
    m_stack.push_back(data);
}

void ReferenceContext::pop()
{
    const TemplateData *left = m_stack.back();
    m_stack.pop_back();
    if (m_entryPlaceholders.count(left) != 0) {
        m_made.clear();
        m_madePlaceholders.clear();
    }
}

const TemplateData *ReferenceContext::get(const std::string &name) const
{
    if (name == ".")
        return m_stack.back();
    if (name.find('.') == std::string::npos) {
        for (auto item = m_stack.rbegin(); item != m_stack.rend(); ++item) {
            if (const TemplateData *value = lookup(*item, name))
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
        const TemplateData *value = *item;
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

const TemplateData *ReferenceContext::get_partial(const std::string &name) const
{
    for (auto item = m_stack.rbegin(); item != m_stack.rend(); ++item) {
        if (const TemplateData *value = lookup(*item, name))
            return value;
    }
    return nullptr;
}

const TemplateData *ReferenceContext::lookup(const TemplateData *item, const std::string &name) const
{
    if (item->is_true()) { // perhaps a placeholder
        if (const auto it = m_entryPlaceholders.find(item); it != m_entryPlaceholders.end())
            return valueOf(it->second, name);
        if (const auto it = m_madePlaceholders.find(item); it != m_madePlaceholders.end())
            return valueOf(it->second, name);
    }
    return item->get(name);
}

const TemplateData *ReferenceContext::keep(TemplateData &&value) const
{
    m_made.push_back(std::move(value));
    return &m_made.back();
}

const TemplateData *ReferenceContext::placeholders(std::vector<Lazy> items) const
{
    TemplateData list = templateList(items.size());
    for (size_t i = 0; i < items.size(); ++i)
        append(list, placeholder());
    const TemplateData *kept = keep(std::move(list));
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

const TemplateData *ReferenceContext::valueOf(const Lazy &lazy, const std::string &name) const
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
            return keep(templateText(lazy.pair->first));
        if (*key == Key::Text)
            return keep(templateText(linked(lazy, lazy.pair->second)));
        return nullptr;
    case Kind::See:
        if (*key == Key::Text) {
            const QString target = m_entries.targets.find(*lazy.seeName, localNames(lazy.chapter));
            return keep(templateText(target.isEmpty() || target == *lazy.anchor ? QStringLiteral("`%1`").arg(*lazy.seeName)
                                                                                : QStringLiteral("[`%1`](#%2)").arg(*lazy.seeName, target)));
        }
        return nullptr;
    case Kind::Field:
        if (*key == Key::Name)
            return keep(templateText(lazy.symbol->name));
        if (*key == Key::Type)
            return keep(templateText(lazy.symbol->returnType.isEmpty() ? QStringLiteral("—") : lazy.symbol->returnType));
        if (*key == Key::Brief)
            return keep(templateText(lazy.symbol->doc.brief.simplified()));
        return nullptr;
    }
    return nullptr;
}

const TemplateData *ReferenceContext::symbolValue(const Lazy &lazy, Key key) const
{
    const DocSymbol &s = *lazy.symbol;
    const DocComment &doc = s.doc;
    switch (key) {
    case Key::Name:
        return keep(templateText(s.name));
    case Key::Qualified:
        return keep(templateText(s.qualifiedName));
    case Key::Kind:
        return keep(templateText(s.kind));
    case Key::Anchor:
        return keep(templateText(*lazy.anchor));
    case Key::Declaration:
        return keep(templateText((s.returnType.isEmpty() ? QString() : s.returnType + QLatin1Char(' ')) + s.qualifiedName + s.signature));
    case Key::Brief:
        return keep(templateText(linked(lazy, doc.brief)));
    case Key::Body:
        return keep(templateText(linked(lazy, doc.body)));
    case Key::HasParams:
        return keep(TemplateData(!doc.params.isEmpty()));
    case Key::Returns:
        return keep(templateText(linked(lazy, doc.returns)));
    case Key::HasThrows:
        return keep(TemplateData(!doc.throws.isEmpty()));
    case Key::HasSee:
        return keep(TemplateData(!doc.see.isEmpty()));
    case Key::Deprecated:
        return keep(templateText(doc.deprecated));
    case Key::Undocumented:
        return keep(TemplateData(doc.isEmpty()));
    case Key::Location:
        return keep(templateText(s.path + QLatin1Char(':') + QString::number(s.line)));
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
        return lazy.entry ? keep(TemplateData(!lazy.entry->members.isEmpty())) : nullptr;
    case Key::HasFields:
        return lazy.entry ? keep(TemplateData(!lazy.entry->fields.isEmpty())) : nullptr;
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

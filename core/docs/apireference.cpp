// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/apireference.h"

#include "docs/templatedata.h"

#include "markup/headings.h"
#include "projects/language.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QFile>
#include <QElapsedTimer>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QtConcurrent>

#include <numeric>

namespace Realm::Docs::ApiReference {

namespace {
QString percent(const Coverage &c)
{
    return QStringLiteral("%1 %").arg(qRound(c.ratio() * 100));
}

QString moduleTitle(const DocModule &module)
{
    return module.path.isEmpty() ? QCoreApplication::translate("Realm::Docs", "Top level") : module.path;
}

bool isTypeLike(const DocSymbol &s)
{
    static const QStringList kinds = {QStringLiteral("class"), QStringLiteral("struct"), QStringLiteral("union"), QStringLiteral("interface"),
                                      QStringLiteral("trait"), QStringLiteral("enum"), QStringLiteral("implementation"),
                                      QStringLiteral("module"), QStringLiteral("namespace"), QStringLiteral("object")};
    return kinds.contains(s.kind);
}

bool isField(const DocSymbol &s)
{
    static const QStringList kinds = {QStringLiteral("member"), QStringLiteral("field"), QStringLiteral("property"),
                                      QStringLiteral("enumerator"), QStringLiteral("variable"), QStringLiteral("constant")};
    return kinds.contains(s.kind) && s.isPublic();
}

// Where every documentable symbol's heading is, and how names in comments
// find them: a qualified name first, then a name only one symbol has, then
// a name in the same file (`local`: name -> anchor, kept per file).
class LinkTargets final {
public:
    void add(const DocSymbol &s, const QString &anchor)
    {
        m_byQualified.insert(s.qualifiedName, anchor);
        if (const auto it = m_byName.find(s.name); it != m_byName.end())
            it->clear(); // more than one symbol has this name
        else
            m_byName.insert(s.name, anchor);
    }

    QString find(const QString &name, const QHash<QString, QString> &local) const
    {
        if (const auto it = m_byQualified.constFind(name); it != m_byQualified.cend())
            return *it;
        if (const QString unique = m_byName.value(name); !unique.isEmpty())
            return unique;
        return local.value(name);
    }

    // Markdown with `name` and name() turned into links where the name is a
    // documented symbol; code blocks and existing links are left alone.
    QString link(const QString &markdown, const QHash<QString, QString> &local, const QString &self) const
    {
        static const QRegularExpression mention(QStringLiteral("\\[[^\\]]*\\]\\([^)]*\\)|`([A-Za-z_][\\w:.]*)(\\(\\))?`|\\b([A-Za-z_]\\w*)\\(\\)"));
        QStringList lines = markdown.split(QLatin1Char('\n'));
        bool inFence = false;
        for (QString &line : lines) {
            if (line.trimmed().startsWith(QLatin1String("```")))
                inFence = !inFence;
            if (inFence || (!line.contains(QLatin1Char('`')) && !line.contains(QLatin1String("()"))))
                continue;
            QString out;
            qsizetype at = 0;
            for (auto it = mention.globalMatch(line); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                const QString name = m.hasCaptured(1) ? m.captured(1) : m.captured(3);
                const QString anchor = name.isEmpty() ? QString() : find(name, local);
                if (anchor.isEmpty() || anchor == self)
                    continue;
                out += QStringView(line).mid(at, m.capturedStart() - at);
                out += m.hasCaptured(1) ? QStringLiteral("[%1](#%2)").arg(m.captured(0), anchor)
                                        : QStringLiteral("[`%1()`](#%2)").arg(name, anchor);
                at = m.capturedEnd();
            }
            if (at > 0)
                line = out + QStringView(line).mid(at);
        }
        return lines.join(QLatin1Char('\n'));
    }

private:
    QHash<QString, QString> m_byQualified;
    QHash<QString, QString> m_byName; // empty when ambiguous
};

TemplateData pairs(const QList<QPair<QString, QString>> &list, const std::function<QString(const QString &)> &link)
{
    TemplateData out = templateList(size_t(list.size()));
    for (const auto &[name, text] : list) {
        TemplateData pair;
        set(pair, "name", templateText(name));
        set(pair, "text", templateText(link(text)));
        append(out, std::move(pair));
    }
    return out;
}

// The documentable symbols of a file as the reference lists them: types and
// free functions at the top, methods under their type; each with the
// anchor of its heading.
struct FileEntry {
    DocSymbol symbol;
    QString anchor;
    QList<DocSymbol> members;
    QStringList memberAnchors;
    QList<DocSymbol> fields;
};

QList<FileEntry> entriesOf(const DocFile &file, Listed listed)
{
    QList<FileEntry> entries;
    QHash<QString, qsizetype> typeAt; // qualified name -> entry
    for (const DocSymbol &s : file.symbols) {
        const auto owner = typeAt.constFind(s.scope);
        if (owner != typeAt.cend() && DocProject::isDocumentable(s)) {
            entries[*owner].members.append(s);
        } else if (owner != typeAt.cend() && isField(s)) {
            entries[*owner].fields.append(s);
        } else if (DocProject::isDocumentable(s)) {
            if (isTypeLike(s))
                typeAt.insert(s.qualifiedName, entries.size());
            entries.append({s, {}, {}, {}, {}});
        }
    }
    if (listed == Listed::DocumentedOnly) {
        for (FileEntry &e : entries)
            e.members.removeIf([](const DocSymbol &member) { return member.doc.isEmpty(); });
        entries.removeIf([](const FileEntry &e) { return e.symbol.doc.isEmpty() && e.members.isEmpty(); });
    }
    return entries;
}

// A file's chapter, when it has anything to list.
struct Chapter {
    const DocModule *module = nullptr;
    const DocFile *file = nullptr;
    QString anchor;
    QList<FileEntry> entries;
};
} // namespace

QString builtInTemplate()
{
    QFile file(QStringLiteral(":/realm/docs/templates/api.md.mustache"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

namespace {
// What the template sees of a symbol (the built-in template lists it).
class SymbolData final {
public:
    explicit SymbolData(const LinkTargets &targets) : m_targets(targets) {}

    TemplateData operator()(const DocSymbol &s, const QString &anchor, const QHash<QString, QString> &local) const
    {
        const auto link = [&](const QString &text) -> QString { return text.isEmpty() ? text : m_targets.link(text, local, anchor); };
        TemplateData see = templateList(size_t(s.doc.see.size()));
        for (const QString &name : s.doc.see) {
            const QString target = m_targets.find(name, local);
            TemplateData item;
            set(item, "text", templateText(target.isEmpty() || target == anchor ? QStringLiteral("`%1`").arg(name)
                                                                                : QStringLiteral("[`%1`](#%2)").arg(name, target)));
            append(see, std::move(item));
        }
        const QString declaration =
            (s.returnType.isEmpty() ? QString() : s.returnType + QLatin1Char(' ')) + s.qualifiedName + s.signature;
        TemplateData data;
        set(data, "name", templateText(s.name));
        set(data, "qualified", templateText(s.qualifiedName));
        set(data, "kind", templateText(s.kind));
        set(data, "anchor", templateText(anchor));
        set(data, "declaration", templateText(declaration));
        set(data, "brief", templateText(link(s.doc.brief)));
        set(data, "body", templateText(link(s.doc.body)));
        set(data, "hasParams", TemplateData(!s.doc.params.isEmpty()));
        set(data, "params", pairs(s.doc.params, link));
        set(data, "returns", templateText(link(s.doc.returns)));
        set(data, "hasThrows", TemplateData(!s.doc.throws.isEmpty()));
        set(data, "throws", pairs(s.doc.throws, link));
        set(data, "hasSee", TemplateData(!s.doc.see.isEmpty()));
        set(data, "see", std::move(see));
        set(data, "deprecated", templateText(s.doc.deprecated));
        set(data, "undocumented", TemplateData(s.doc.isEmpty()));
        set(data, "location", templateText(s.path + QLatin1Char(':') + QString::number(s.line)));
        return data;
    }

    // A file's chapter: its types and functions, members and fields under them.
    TemplateData file(const Chapter &chapter) const
    {
        const QList<FileEntry> &entries = chapter.entries;
        QHash<QString, QString> local; // the file's names, for links
        for (const FileEntry &e : entries) {
            local.insert(e.symbol.name, e.anchor);
            for (qsizetype i = 0; i < e.members.size(); ++i)
                local.insert(e.members.at(i).name, e.memberAnchors.at(i));
        }
        TemplateData symbols = templateList(size_t(entries.size()));
        int symbolCount = 0;
        for (const FileEntry &e : entries) {
            TemplateData data = (*this)(e.symbol, e.anchor, local);
            TemplateData members = templateList(size_t(e.members.size()));
            for (qsizetype i = 0; i < e.members.size(); ++i)
                append(members, (*this)(e.members.at(i), e.memberAnchors.at(i), local));
            TemplateData fields = templateList(size_t(e.fields.size()));
            for (const DocSymbol &field : e.fields) {
                TemplateData item;
                set(item, "name", templateText(field.name));
                set(item, "type", templateText(field.returnType.isEmpty() ? QStringLiteral("—") : field.returnType));
                set(item, "brief", templateText(field.doc.brief.simplified()));
                append(fields, std::move(item));
            }
            set(data, "hasMembers", TemplateData(!e.members.isEmpty()));
            set(data, "members", std::move(members));
            set(data, "hasFields", TemplateData(!e.fields.isEmpty()));
            set(data, "fields", std::move(fields));
            symbolCount += 1 + int(e.members.size());
            append(symbols, std::move(data));
        }
        TemplateData data;
        set(data, "path", templateText(chapter.file->path));
        set(data, "language", templateText(Projects::detectLanguage(chapter.file->path, {})));
        set(data, "anchor", templateText(chapter.anchor));
        set(data, "module", templateText(moduleTitle(*chapter.module)));
        set(data, "coverage", templateText(percent(chapter.file->coverage)));
        set(data, "symbolCount", templateText(QString::number(symbolCount)));
        set(data, "symbols", std::move(symbols));
        return data;
    }

private:
    const LinkTargets &m_targets;
};

TemplateData templateData(const DocProject &project, const QDate &date, Listed listed)
{
    QList<Chapter> chapters;
    for (const DocModule &module : project.modules) {
        for (const DocFile &file : module.files) {
            QList<FileEntry> entries = entriesOf(file, listed);
            if (!entries.isEmpty())
                chapters.append({&module, &file, QString(), std::move(entries)});
        }
    }
    // The headings in the order the built-in template writes them, so the
    // anchors are GitHub's (repeated names numbered in that order).
    Markup::HeadingSlugger slugger;
    slugger.next(project.name + QStringLiteral(" — API reference"));
    slugger.next(QStringLiteral("Modules"));
    for (qsizetype i = 0; i < chapters.size(); ++i) {
        if (i == 0 || chapters.at(i).module != chapters.at(i - 1).module)
            slugger.next(moduleTitle(*chapters.at(i).module));
    }
    LinkTargets targets;
    for (Chapter &chapter : chapters) {
        chapter.anchor = slugger.next(chapter.file->path);
        for (FileEntry &e : chapter.entries) {
            e.anchor = slugger.next(e.symbol.kind + QLatin1Char(' ') + e.symbol.qualifiedName);
            targets.add(e.symbol, e.anchor);
            for (const DocSymbol &member : std::as_const(e.members)) {
                e.memberAnchors.append(slugger.next(member.kind + QLatin1Char(' ') + member.qualifiedName));
                targets.add(member, e.memberAnchors.last());
            }
        }
    }

    // The chapters are independent once the anchors are known: built on
    // every core, then moved into place in order.
    const SymbolData symbolData(targets);
    std::vector<TemplateData> built(size_t(chapters.size()));
    QList<qsizetype> indexes(chapters.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    QtConcurrent::blockingMap(indexes, [&](qsizetype i) { built[size_t(i)] = symbolData.file(chapters.at(i)); });

    TemplateData modules = templateList(size_t(project.modules.size()));
    for (qsizetype first = 0; first < chapters.size();) {
        const DocModule *module = chapters.at(first).module;
        qsizetype count = 0;
        while (first + count < chapters.size() && chapters.at(first + count).module == module)
            ++count;
        TemplateData files = templateList(size_t(count));
        for (qsizetype i = first; i < first + count; ++i)
            append(files, std::move(built[size_t(i)]));
        first += count;
        TemplateData data;
        set(data, "title", templateText(moduleTitle(*module)));
        set(data, "fileCount", templateText(QString::number(count)));
        set(data, "coverage", templateText(percent(module->coverage)));
        set(data, "files", std::move(files));
        append(modules, std::move(data));
    }
    TemplateData root;
    set(root, "project", templateText(project.name));
    set(root, "coverage", templateText(percent(project.coverage)));
    set(root, "documented", templateText(QString::number(project.coverage.documented)));
    set(root, "total", templateText(QString::number(project.coverage.total)));
    set(root, "date", templateText(date.toString(Qt::ISODate)));
    set(root, "modules", std::move(modules));
    return root;
}
} // namespace

Result<QString> markdown(const DocProject &project, const QString &templateText, const QDate &date, Listed listed)
{
    return renderMarkdown(templateText, templateData(project, date, listed));
}

} // namespace Realm::Docs::ApiReference

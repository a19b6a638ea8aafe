// SPDX-License-Identifier: GPL-3.0-or-later
#include "docs/referenceentries.h"

#include "markup/headings.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace Realm::Docs::ApiReference {

QString percent(const Coverage &c)
{
    return QStringLiteral("%1 %").arg(qRound(c.ratio() * 100));
}

QString moduleTitle(const DocModule &module)
{
    return module.path.isEmpty() ? QCoreApplication::translate("Realm::Docs", "Top level") : module.path;
}

namespace {
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

QList<FileEntry> fileEntries(const DocFile &file, Listed listed)
{
    QList<FileEntry> entries;
    QHash<QString, qsizetype> typeAt; // qualified name -> entry
    for (const DocSymbol &s : file.symbols) {
        const auto owner = typeAt.constFind(s.scope);
        if (owner != typeAt.cend() && DocProject::isDocumentable(s)) {
            entries[*owner].members.append(&s);
        } else if (owner != typeAt.cend() && isField(s)) {
            entries[*owner].fields.append(&s);
        } else if (DocProject::isDocumentable(s)) {
            if (isTypeLike(s))
                typeAt.insert(s.qualifiedName, entries.size());
            entries.append({&s, {}, {}, {}, {}});
        }
    }
    if (listed == Listed::DocumentedOnly) {
        for (FileEntry &e : entries)
            e.members.removeIf([](const DocSymbol *member) { return member->doc.isEmpty(); });
        // A type stays for its documented members or fields.
        const auto documented = [](const DocSymbol *s) { return !s->doc.isEmpty(); };
        entries.removeIf([&](const FileEntry &e) {
            return !documented(e.symbol) && e.members.isEmpty() && std::none_of(e.fields.cbegin(), e.fields.cend(), documented);
        });
    }
    return entries;
}
} // namespace

void LinkTargets::reserve(qsizetype symbols)
{
    m_byQualified.reserve(symbols);
    m_byName.reserve(symbols);
}

void LinkTargets::add(const DocSymbol &s, const QString &anchor)
{
    m_byQualified.insert(s.qualifiedName, anchor);
    if (const auto it = m_byName.find(s.name); it != m_byName.end())
        it->clear(); // more than one symbol has this name
    else
        m_byName.insert(s.name, anchor);
}

QString LinkTargets::find(const QString &name, const QHash<QString, QString> &local) const
{
    if (const auto it = m_byQualified.constFind(name); it != m_byQualified.cend())
        return *it;
    if (const QString unique = m_byName.value(name); !unique.isEmpty())
        return unique;
    return local.value(name);
}

QString LinkTargets::link(const QString &markdown, const QHash<QString, QString> &local, const QString &self) const
{
    // Most comments name nothing: they go back as they are, uncopied.
    if (!markdown.contains(QLatin1Char('`')) && !markdown.contains(QLatin1String("()")))
        return markdown;
    static const QRegularExpression mention(QStringLiteral("\\[[^\\]]*\\]\\([^)]*\\)|`([A-Za-z_][\\w:.]*)(\\(\\))?`|\\b([A-Za-z_]\\w*)\\(\\)"));
    QString out;
    out.reserve(markdown.size() + markdown.size() / 4);
    bool inFence = false;
    for (qsizetype at = 0;;) {
        qsizetype end = markdown.indexOf(QLatin1Char('\n'), at);
        const bool last = end < 0;
        if (last)
            end = markdown.size();
        const QStringView line = QStringView(markdown).mid(at, end - at);
        if (line.trimmed().startsWith(QLatin1String("```")))
            inFence = !inFence;
        qsizetype copied = 0; // of the line
        if (!inFence && (line.contains(QLatin1Char('`')) || line.contains(QLatin1String("()")))) {
            for (auto it = mention.globalMatch(line); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                const QString name = m.hasCaptured(1) ? m.captured(1) : m.captured(3);
                const QString anchor = name.isEmpty() ? QString() : find(name, local);
                if (anchor.isEmpty() || anchor == self)
                    continue;
                out += line.mid(copied, m.capturedStart() - copied);
                out += m.hasCaptured(1) ? QStringLiteral("[%1](#%2)").arg(m.captured(0), anchor)
                                        : QStringLiteral("[`%1()`](#%2)").arg(name, anchor);
                copied = m.capturedEnd();
            }
        }
        out += line.mid(copied);
        if (last)
            break;
        out += QLatin1Char('\n');
        at = end + 1;
    }
    return out;
}

Entries entriesOf(const DocProject &project, Listed listed)
{
    Entries result;
    QList<Chapter> &chapters = result.chapters;
    for (const DocModule &module : project.modules) {
        for (const DocFile &file : module.files) {
            QList<FileEntry> entries = fileEntries(file, listed);
            if (entries.isEmpty())
                continue;
            int symbolCount = 0;
            for (const FileEntry &e : std::as_const(entries))
                symbolCount += 1 + int(e.members.size());
            chapters.append({&module, &file, QString(), std::move(entries), symbolCount});
        }
    }
    // The headings in the order the built-in template writes them, so the
    // anchors are GitHub's (repeated names numbered in that order).
    qsizetype headings = 0;
    for (const Chapter &chapter : std::as_const(chapters))
        headings += 1 + chapter.symbolCount;
    Markup::HeadingSlugger slugger;
    slugger.reserve(headings + 2 * project.modules.size() + 2);
    result.targets.reserve(headings);
    slugger.next(project.name + QStringLiteral(" — API reference"));
    slugger.next(QStringLiteral("Modules"));
    for (qsizetype i = 0; i < chapters.size(); ++i) {
        if (i == 0 || chapters.at(i).module != chapters.at(i - 1).module)
            slugger.next(moduleTitle(*chapters.at(i).module));
    }
    for (Chapter &chapter : chapters) {
        chapter.anchor = slugger.next(chapter.file->path);
        for (FileEntry &e : chapter.entries) {
            e.anchor = slugger.next(e.symbol->kind + QLatin1Char(' ') + e.symbol->qualifiedName);
            result.targets.add(*e.symbol, e.anchor);
            for (const DocSymbol *member : std::as_const(e.members)) {
                e.memberAnchors.append(slugger.next(member->kind + QLatin1Char(' ') + member->qualifiedName));
                result.targets.add(*member, e.memberAnchors.last());
            }
        }
    }
    return result;
}

QHash<QString, QString> localAnchors(const Chapter &chapter)
{
    QHash<QString, QString> local;
    for (const FileEntry &e : chapter.entries) {
        local.insert(e.symbol->name, e.anchor);
        for (qsizetype i = 0; i < e.members.size(); ++i)
            local.insert(e.members.at(i)->name, e.memberAnchors.at(i));
    }
    return local;
}

} // namespace Realm::Docs::ApiReference

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "docs/apireference.h"
#include "docs/docmodel.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Internal to the docs library: what the API reference lists, with the
// anchors of its headings and the links between them.
namespace Realm::Docs::ApiReference {

QString percent(const Coverage &c);
QString moduleTitle(const DocModule &module);

// A type or free function of a file, methods and fields under a type, each
// with the anchor of its heading. The symbols are the DocProject's: it
// outlives the entries.
struct FileEntry {
    const DocSymbol *symbol = nullptr;
    QString anchor;
    QList<const DocSymbol *> members;
    QStringList memberAnchors;
    QList<const DocSymbol *> fields;
};

// A file's chapter, when it has anything to list.
struct Chapter {
    const DocModule *module = nullptr;
    const DocFile *file = nullptr;
    QString anchor;
    QList<FileEntry> entries;
    int symbolCount = 0; // entries and their members
};

// Where every listed symbol's heading is, and how names in comments find
// them: a qualified name first, then a name only one symbol has, then a
// name in the same file (`local`: name -> anchor, kept per file).
class LinkTargets final {
public:
    void reserve(qsizetype symbols);
    void add(const DocSymbol &s, const QString &anchor);
    QString find(const QString &name, const QHash<QString, QString> &local) const;
    // Markdown with `name` and name() turned into links where the name is a
    // listed symbol; code blocks and existing links are left alone.
    QString link(const QString &markdown, const QHash<QString, QString> &local, const QString &self) const;

private:
    QHash<QString, QString> m_byQualified;
    QHash<QString, QString> m_byName; // empty when ambiguous
};

// The chapters of the reference in the order the built-in template writes
// them, with GitHub's heading anchors (repeated names numbered in that
// order), and the link targets.
struct Entries {
    QList<Chapter> chapters;
    LinkTargets targets;
};
Entries entriesOf(const DocProject &project, Listed listed);

// A chapter's names -> anchors, for links within the file.
QHash<QString, QString> localAnchors(const Chapter &chapter);

} // namespace Realm::Docs::ApiReference

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/cancellation.h"
#include "common/error.h"
#include "projects/projectimporter.h"
#include "storage/database.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Realm::Starters {

// A value the form asks for.
struct TemplateVariable {
    QString name;
    QString label;
    QString defaultValue; // may use earlier variables and {{current_year}}
    QString pattern;      // the whole value must match; empty: anything
    QStringList choices;  // the only values allowed, when not empty
    QString help;
    bool required = false;
};

struct TemplateFile {
    QString path; // a Mustache template itself: folder and file names can use variables
    QByteArray content;
    int mode = 0644;
};

// A starter project: files with Mustache variables ({{project_name}},
// {{author}}, {{year}}, {{license}}, …) and a manifest (template.json)
// declaring the variables, their defaults and how they are checked.
struct StarterTemplate {
    QString id;
    QString title;
    QString description;
    QList<TemplateVariable> variables;
    QList<TemplateFile> files;
    QStringList raw; // files whose contents are copied as they are (they hold "{{" of their own)
    QStringList rawPaths; // file names used as they are, not rendered (they hold "{{" of their own)
    bool shipped = false; // one of REALM's own (not from the workspace)
    // An organization's (see OrgStarters): read-only here, changed by its
    // admins on the team server.
    QString orgId;
    QString orgName;

    // Reads `dir`/template.json and `dir`/files/** (a folder or a Qt
    // resource folder).
    static Result<StarterTemplate> fromDirectory(const QString &dir, const QString &id);
    // The templates REALM ships, by id.
    static QList<StarterTemplate> builtIn();
    static Result<StarterTemplate> builtIn(const QString &id);

    // The template as one archive (tar.gz of template.json and files/), the
    // form users exchange templates in and the workspace keeps them in; and
    // back, checked.
    Result<QByteArray> toArchive() const;
    static Result<StarterTemplate> fromArchive(const QByteArray &archive, const QString &id);
};

// A variable for "save as template": every `literal` in the chosen files'
// contents and paths becomes {{name}}; the literal is its default.
struct TemplateMark {
    QString name;
    QString literal;
    QString label;
};

// What is wrong with a name for a new template, said for the user; empty
// when nothing is.
QString templateNameProblem(const QString &name);

// A template made from a project: the chosen files (all when empty) with
// the marked literals turned into variables. project_name is always one of
// them (the project's name is its default unless a mark says otherwise).
Result<StarterTemplate> templateFromProject(const Storage::DatabasePtr &db, const QString &projectId, const QString &id,
                                            const QString &title, const QString &description, const QList<TemplateMark> &marks,
                                            const QStringList &paths = {});

// User templates in the workspace. Names are unique and not those of the
// built-in templates.
// An organization's is named "ORG/NAME" (see common/orgqualified.h).
inline QString orgItemName(const StarterTemplate &starter)
{
    return starter.id;
}
QString qualifiedName(const StarterTemplate &starter);
inline bool isReadOnly(const StarterTemplate &starter)
{
    return starter.shipped || !starter.orgId.isEmpty();
}

class TemplateStore final {
public:
    explicit TemplateStore(Storage::DatabasePtr db) : m_db(std::move(db)) {}
    // The user's, then the organizations' (by organization, then name).
    Result<QList<StarterTemplate>> list() const;
    // The user's of that name first, then an organization's: "ORG/NAME" or
    // NAME when one organization alone has it.
    Result<StarterTemplate> find(const QString &name) const;
    Result<void> save(const StarterTemplate &starter);
    // The user's own; an organization's is its admins' to withdraw.
    Result<void> remove(const QString &name);
    // The user's own, or an organization's (to copy it).
    Result<QByteArray> archive(const QString &name) const;
    // Built-in first, then the workspace's; by id.
    Result<StarterTemplate> findAny(const QString &id) const;
    // Whether the user has one of that name (an organization's does not
    // count: the user's own may have its name, and comes first).
    bool hasOwn(const QString &name) const;

private:
    Result<std::optional<StarterTemplate>> findShared(const QString &name) const;
    // The same without its files (name, organization, title, description).
    Result<std::optional<StarterTemplate>> findSharedEntry(const QString &name) const;

    Storage::DatabasePtr m_db;
};

// The values a template is filled with: the given ones, defaults for the
// rest; each checked. Errors name the variable and say what is expected;
// `failedVariable`, when given, is set to the name of the variable an error
// is about (empty for others), so a form can say it next to that field.
Result<QMap<QString, QString>> resolveValues(const StarterTemplate &starter, const QMap<QString, QString> &given,
                                             QString *failedVariable = nullptr);

// The folder a new project goes in when the user names none: project_name,
// when it is one plain name. A template's default ("../../x", "/etc") must
// not choose where files are written; anything else needs a folder the
// user picks (an error that says so).
Result<QString> defaultFolderName(const QMap<QString, QString> &values);

struct RenderedFile {
    QString path;
    QByteArray content;
    int mode = 0644;
};

// Every file with its path and (text) contents filled in. Binary files are
// copied as they are. A path that renders empty, absolute or outside the
// project is an error.
Result<QList<RenderedFile>> render(const StarterTemplate &starter, const QMap<QString, QString> &values);

// Writes the rendered files into `folder` (new or empty) and imports it as
// a project named after project_name (or `projectName`), so it can be
// refreshed from there. Blocking (CreateJob runs it on a thread of its own).
// A failure or a cancel leaves the folder as it was (absent or empty) and
// no project. `progress` gets (files written, files in all).
Result<Projects::ImportReport> createProject(const Storage::DatabasePtr &db, const StarterTemplate &starter,
                                             const QMap<QString, QString> &values, const QString &folder,
                                             const QString &projectName = {}, const CancellationToken *cancel = nullptr,
                                             const std::function<void(qint64, qint64)> &progress = {});

// The JSON form (snake_case keys, see the README): a variable as the
// manifest and `realm-cli project templates --json` give it, and a template
// without its files.
QJsonObject toJson(const TemplateVariable &variable);
QJsonObject toJson(const StarterTemplate &starter);

} // namespace Realm::Starters

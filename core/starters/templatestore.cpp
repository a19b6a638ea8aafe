// SPDX-License-Identifier: GPL-3.0-or-later
// Templates made from projects, kept in the workspace as archives.
#include "starters/startertemplate.h"

#include "common/clock.h"
#include "common/orgqualified.h"
#include "projects/projectstore.h"
#include "projects/textcontent.h"
#include "starters/orgstarters.h"
#include "storage/statement.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace Realm::Starters {

QString templateNameProblem(const QString &name)
{
    static const QRegularExpression validId(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
    if (validId.match(name).hasMatch())
        return {};
    return QCoreApplication::translate("Realm::Starters", "A template's name is lower case letters, digits, '.', '_' and '-' (\"%1\" is not).").arg(name);
}

Result<StarterTemplate> templateFromProject(const Storage::DatabasePtr &db, const QString &projectId, const QString &id,
                                            const QString &title, const QString &description, const QList<TemplateMark> &marks,
                                            const QStringList &paths)
{
    if (const QString problem = templateNameProblem(id); !problem.isEmpty())
        return Error::invalidInput(problem);
    Projects::ProjectStore store(db);
    Result<Projects::Project> project = store.find(projectId);
    if (!project)
        return project.error();
    Result<QList<Projects::ProjectFile>> files = store.files(project->id);
    if (!files)
        return files.error();
    StarterTemplate starter;
    starter.id = id;
    starter.title = title.isEmpty() ? id : title;
    starter.description = description;
    bool hasProjectName = false;
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const TemplateMark &m : marks) {
        if (m.name.isEmpty() || m.literal.isEmpty())
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "A variable needs a name and the text it replaces."));
        if (!validName.match(m.name).hasMatch())
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "A variable's name is letters, digits and _ (\"%1\" is not).").arg(m.name));
        starter.variables.append({m.name, m.label.isEmpty() ? m.name : m.label, m.literal, {}, {}, {}, false});
        hasProjectName = hasProjectName || m.name == QLatin1String("project_name");
    }
    if (!hasProjectName)
        starter.variables.prepend({QStringLiteral("project_name"), QCoreApplication::translate("Realm::Starters", "Project name"), project->name, {}, {}, {}, true});
    for (TemplateVariable &v : starter.variables)
        v.required = v.required || v.name == QLatin1String("project_name");

    // One pass, longest texts first: a later text must not match inside a
    // {{variable}} an earlier one put there.
    QList<TemplateMark> byLength = marks;
    std::sort(byLength.begin(), byLength.end(), [](const TemplateMark &a, const TemplateMark &b) { return a.literal.size() > b.literal.size(); });
    QStringList alternatives;
    QHash<QString, QString> nameOf;
    for (const TemplateMark &m : std::as_const(byLength)) {
        alternatives << QRegularExpression::escape(m.literal);
        nameOf.insert(m.literal, m.name);
    }
    const QRegularExpression literals(alternatives.join(QLatin1Char('|')));
    const auto substitute = [&](const QString &text) -> QString {
        if (marks.isEmpty())
            return text;
        QString out;
        qsizetype at = 0;
        for (auto it = literals.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(text).mid(at, m.capturedStart() - at);
            out += QStringLiteral("{{") + nameOf.value(m.captured(0)) + QStringLiteral("}}");
            at = m.capturedEnd();
        }
        return out + QStringView(text).mid(at);
    };
    for (const Projects::ProjectFile &f : std::as_const(*files)) {
        if (!paths.isEmpty() && !paths.contains(f.path))
            continue;
        if (f.size > 16 * 1024 * 1024)
            return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "%1 is larger than 16 MiB, too large for a template; leave it out.").arg(f.path));
        Result<QByteArray> content = store.content(f);
        if (!content)
            return content.error();
        const bool bracedName = f.path.contains(QLatin1String("{{")) || f.path.contains(QLatin1String("}}"));
        const QString path = bracedName ? f.path : substitute(f.path);
        if (bracedName)
            starter.rawPaths << path;
        QByteArray bytes = *content;
        const Projects::TextEncoding encoding = Projects::detectEncoding(bytes);
        const bool text = encoding == Projects::TextEncoding::Utf8 || encoding == Projects::TextEncoding::Utf8Bom;
        // A file with braces of its own (Jinja, Go templates, ${{ }}) is kept
        // as it is: rendering it would eat them.
        if (text && !bytes.contains("{{") && !bytes.contains("}}"))
            bytes = substitute(QString::fromUtf8(bytes)).toUtf8();
        else if (text)
            starter.raw << path;
        starter.files.append({path, bytes, f.mode});
    }
    if (starter.files.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "None of the chosen files is in the project."));
    return starter;
}

QString qualifiedName(const StarterTemplate &starter)
{
    return orgQualifiedName(starter);
}

Result<QList<StarterTemplate>> TemplateStore::list() const
{
    Storage::Statement q(m_db->handle(), "SELECT name, archive FROM project_templates WHERE deleted_at IS NULL ORDER BY name");
    QList<StarterTemplate> list;
    while (q.next()) {
        Result<StarterTemplate> starter = StarterTemplate::fromArchive(q.columnBlob(1), q.columnText(0));
        if (starter)
            list.append(*starter);
    }
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Starters", "Cannot read the templates"));
    Result<QList<StarterTemplate>> shared = OrgStarters::list(m_db->handle());
    if (!shared)
        return shared.error();
    return list + *shared;
}

Result<QByteArray> TemplateStore::archive(const QString &name) const
{
    Storage::Statement q(m_db->handle(), "SELECT archive FROM project_templates WHERE name = ? AND deleted_at IS NULL");
    q.bindAll(name);
    if (q.next())
        return q.columnBlob(0);
    if (q.failed())
        return q.error(QCoreApplication::translate("Realm::Starters", "Cannot read the template"));
    Result<std::optional<StarterTemplate>> shared = findSharedEntry(name);
    if (!shared)
        return shared.error();
    if (*shared)
        return OrgStarters::archive(m_db->handle(), (*shared)->orgId, (*shared)->id);
    return Error::notFound(QCoreApplication::translate("Realm::Starters", "There is no template \"%1\" in the workspace (realm-cli template list).").arg(name));
}

Result<std::optional<StarterTemplate>> TemplateStore::findSharedEntry(const QString &name) const
{
    Result<QList<StarterTemplate>> named = OrgStarters::names(m_db->handle());
    if (!named)
        return named.error();
    return findOrgQualified(*named, name);
}

Result<std::optional<StarterTemplate>> TemplateStore::findShared(const QString &name) const
{
    // By name first; only the one found is unpacked.
    Result<std::optional<StarterTemplate>> found = findSharedEntry(name);
    if (!found || !*found)
        return found;
    const StarterTemplate &entry = **found;
    Result<QByteArray> bytes = OrgStarters::archive(m_db->handle(), entry.orgId, entry.id);
    if (!bytes)
        return bytes.error();
    Result<StarterTemplate> starter = StarterTemplate::fromArchive(*bytes, entry.id);
    if (!starter)
        return starter.error();
    starter->orgId = entry.orgId;
    starter->orgName = entry.orgName;
    starter->title = entry.title;
    starter->description = entry.description;
    return std::optional<StarterTemplate>(*starter);
}

Result<StarterTemplate> TemplateStore::find(const QString &name) const
{
    // The user's own first; an organization's comes with its organization.
    if (!hasOwn(name)) {
        Result<std::optional<StarterTemplate>> shared = findShared(name);
        if (!shared)
            return shared.error();
        if (*shared)
            return **shared;
    }
    Result<QByteArray> bytes = archive(name);
    if (!bytes)
        return bytes.error();
    return StarterTemplate::fromArchive(*bytes, name);
}

Result<StarterTemplate> TemplateStore::findAny(const QString &id) const
{
    Result<StarterTemplate> shipped = StarterTemplate::builtIn(id);
    if (shipped)
        return shipped;
    Result<StarterTemplate> stored = find(id);
    if (stored || stored.error().code != Error::Code::NotFound) // found, or a name several organizations have
        return stored;
    return shipped.error(); // it lists the templates there are
}

Result<void> TemplateStore::save(const StarterTemplate &starter)
{
    if (StarterTemplate::builtIn(starter.id))
        return Error::invalidInput(QCoreApplication::translate("Realm::Starters", "\"%1\" is a built-in template's name; choose another.").arg(starter.id));
    Result<QByteArray> bytes = starter.toArchive();
    if (!bytes)
        return bytes.error();
    Storage::Statement q(m_db->handle(),
                         "INSERT INTO project_templates (name, title, description, archive, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT(name) DO UPDATE SET title = excluded.title, description = excluded.description, "
                         "archive = excluded.archive, created_at = iif(deleted_at IS NULL, created_at, excluded.created_at), "
                         "updated_at = excluded.updated_at, deleted_at = NULL");
    const qint64 now = Clock::nowMs();
    q.bindAll(starter.id, starter.title, starter.description, *bytes, now, now);
    return q.exec(QCoreApplication::translate("Realm::Starters", "Cannot save the template"));
}

bool TemplateStore::hasOwn(const QString &name) const
{
    Storage::Statement q(m_db->handle(), "SELECT 1 FROM project_templates WHERE name = ? AND deleted_at IS NULL");
    q.bindAll(name);
    return q.next();
}

Result<void> TemplateStore::remove(const QString &name)
{
    if (!hasOwn(name)) {
        Result<std::optional<StarterTemplate>> shared = findSharedEntry(name); // (its files are not needed to refuse)
        if (!shared)
            return shared.error();
        if (*shared)
            return Error::forbidden(QCoreApplication::translate("Realm::Starters", "%1 is %2's template: its admins withdraw it (realm-cli template withdraw %3 --org %2).")
                                        .arg(qualifiedName(**shared), (*shared)->orgName, (*shared)->id));
    }
    // A tombstone, so that sync can pass the removal on.
    Storage::Statement q(m_db->handle(), "UPDATE project_templates SET deleted_at = ?, updated_at = ? WHERE name = ? AND deleted_at IS NULL");
    const qint64 now = Clock::nowMs();
    q.bindAll(now, now, name);
    if (Result<void> removed = q.exec(QCoreApplication::translate("Realm::Starters", "Cannot remove the template")); !removed)
        return removed;
    if (q.changes() == 0)
        return Error::notFound(QCoreApplication::translate("Realm::Starters", "There is no template \"%1\" in the workspace.").arg(name));
    return {};
}

} // namespace Realm::Starters

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Realm::Projects {

// Where a project's files came from, so it can be refreshed.
struct ProjectSource {
    enum class Kind { None, Folder, Archive, Git };
    Kind kind = Kind::None;
    QString location; // folder path, archive path, or git path/URL
    QString ref;      // git: the branch, tag or commit asked for
    QString commit;   // git: the commit that was imported
};

QString sourceKindName(ProjectSource::Kind kind);
ProjectSource::Kind sourceKindFromName(const QString &name);

struct Project {
    QString id;
    QString name;
    QString description;
    QStringList tags;
    ProjectSource source;
    qint64 fileCount = 0;
    qint64 totalBytes = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    std::optional<qint64> deletedAt; // set while the project is in the trash
    qint64 revision = 0;

    bool isInTrash() const { return deletedAt.has_value(); }
};

struct ProjectFile {
    QString id;
    QString path;
    qint64 size = 0;
    int mode = 0644;
    QString language;
    QString encoding; // see TextEncoding; "binary" for binary files
    QByteArray sha256;
    qint64 updatedAt = 0;
    // False while a shared project that downloads contents when needed
    // has not downloaded this one: its bytes are on the server only.
    bool downloaded = true;

    bool isBinary() const { return encoding == QLatin1String("binary"); }
};

} // namespace Realm::Projects

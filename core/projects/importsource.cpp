// SPDX-License-Identifier: GPL-3.0-or-later
#include "projects/importsource.h"

#include "projects/archivesource.h"
#include "projects/foldersource.h"
#include "projects/gitsource.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Realm::Projects {

QStringList defaultImportExcludes()
{
    return {QStringLiteral("node_modules"), QStringLiteral("bower_components"), QStringLiteral("__pycache__"),
            QStringLiteral(".venv"), QStringLiteral("venv"), QStringLiteral(".tox"), QStringLiteral(".mypy_cache"),
            QStringLiteral(".pytest_cache"), QStringLiteral(".gradle"), QStringLiteral(".idea"), QStringLiteral(".vs"),
            QStringLiteral("build"), QStringLiteral("dist"), QStringLiteral("target"), QStringLiteral("CMakeFiles"),
            QStringLiteral(".cache")};
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    const char *units[] = {"KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', value < 10 ? 1 : 0).arg(QLatin1String(units[unit]));
}

Result<std::unique_ptr<ImportSource>> createImportSource(const QString &location, const ImportOptions &options)
{
    if (location.isEmpty())
        return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "Name a folder, an archive or a git URL to import."));
    if (GitSource::looksLikeUrl(location))
        return std::unique_ptr<ImportSource>(std::make_unique<GitSource>(location, options));
    const QFileInfo info(location);
    if (!info.exists())
        return Error::notFound(QCoreApplication::translate("Realm::Projects", "%1 does not exist. Give a folder, a .zip/.tar(.gz/.bz2/.xz/.zst) archive or a git URL.").arg(location));
    if (info.isFile())
        return std::unique_ptr<ImportSource>(std::make_unique<ArchiveSource>(location, options));
    if (GitSource::isRepositoryFolder(location))
        return std::unique_ptr<ImportSource>(std::make_unique<GitSource>(location, options));
    if (!options.ref.isEmpty()) {
        if (!QFileInfo::exists(location + QStringLiteral("/.git")))
            return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "--ref needs a git repository, and %1 is not one.").arg(location));
        return std::unique_ptr<ImportSource>(std::make_unique<GitSource>(location, options));
    }
    return std::unique_ptr<ImportSource>(std::make_unique<FolderSource>(location, options));
}

Result<std::unique_ptr<ImportSource>> createImportSource(const ProjectSource &source, const ImportOptions &options)
{
    switch (source.kind) {
    case ProjectSource::Kind::Folder:
        return std::unique_ptr<ImportSource>(std::make_unique<FolderSource>(source.location, options));
    case ProjectSource::Kind::Archive:
        return std::unique_ptr<ImportSource>(std::make_unique<ArchiveSource>(source.location, options));
    case ProjectSource::Kind::Git: {
        ImportOptions withRef = options;
        withRef.ref = source.ref;
        return std::unique_ptr<ImportSource>(std::make_unique<GitSource>(source.location, withRef));
    }
    case ProjectSource::Kind::None:
        break;
    }
    return Error::invalidInput(QCoreApplication::translate("Realm::Projects", "This project was not imported from anywhere, so it cannot be refreshed."));
}

} // namespace Realm::Projects

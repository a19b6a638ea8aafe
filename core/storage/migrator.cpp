// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/migrator.h"

#include "storage/changecapture.h"
#include "storage/statement.h"
#include "storage/transaction.h"
#include "storage/trigramtokenizer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QScopeGuard>

#include <optional>


namespace Realm::Storage {

namespace {

QMap<int, QString> migrationFiles(const QString &folder)
{
    QMap<int, QString> files;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files)) {
        bool ok = false;
        const int number = name.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (ok && number > 0)
            files.insert(number, dir.filePath(name));
    }
    return files;
}

// A number a pragma answers, if it can be read.
std::optional<qint64> pragmaValue(Handle handle, const char *pragma)
{
    Statement query(handle, pragma);
    if (!query.next())
        return std::nullopt;
    return query.columnInt(0);
}

// The references that break: "files row 3 → projects", at most a few.
QString brokenReferences(Handle handle)
{
    Statement check(handle, "PRAGMA foreign_key_check");
    QStringList broken;
    int count = 0;
    while (check.next()) {
        if (++count <= 3)
            broken << QStringLiteral("%1 row %2 → %3").arg(check.columnText(0)).arg(check.columnInt(1)).arg(check.columnText(2));
    }
    if (check.failed() || !check.isValid())
        return check.error(QCoreApplication::translate("Realm::Storage", "Checking the references")).message;
    if (count > 3)
        broken << QCoreApplication::translate("Realm::Storage", "%n more", nullptr, count - 3);
    return broken.join(QStringLiteral(", "));
}

} // namespace

Migrator::Migrator(QSqlDatabase db, QString migrationsFolder) : m_db(std::move(db)), m_folder(std::move(migrationsFolder))
{
}

int Migrator::applicationId()
{
    return 0x5245414c; // "REAL"
}

int Migrator::latestVersion()
{
    const QMap<int, QString> files = migrationFiles(QString::fromLatin1(kBuiltInMigrations));
    return files.isEmpty() ? 0 : files.lastKey();
}

Result<void> Migrator::migrate()
{
    const QMap<int, QString> files = migrationFiles(m_folder);
    return migrateTo(files.isEmpty() ? 0 : files.lastKey());
}

Result<void> Migrator::migrateTo(int target)
{
    const Handle handle = handleOf(m_db);
    if (!handle.isValid())
        return Error::database(QCoreApplication::translate("Realm::Storage", "The workspace connection is not an SQLite connection."));
    // The schema's search index names REALM's tokenizer.
    if (!registerTrigramTokenizer(handle.m_db))
        return Error::database(QCoreApplication::translate("Realm::Storage", "Cannot set up the search index: this SQLite has no FTS5."));

    const QMap<int, QString> files = migrationFiles(m_folder);
    // Opening an up-to-date workspace (every start of the CLI and the
    // desktop) reads two numbers and writes nothing: no write lock, and no
    // reference check over the whole file.
    const auto pending = [&](qint64 version) {
        const auto next = files.upperBound(int(version));
        return next != files.cend() && next.key() <= target;
    };
    const std::optional<qint64> version = pragmaValue(handle, "PRAGMA user_version");
    if (version && !pending(*version) && pragmaValue(handle, "PRAGMA application_id") == applicationId())
        return {};

    // A migration may rebuild a table (create the new one, copy, drop the
    // old, rename), which with foreign keys on would cascade-delete every row
    // that refers to it. So they are off during the upgrade (the pragma does
    // nothing inside a transaction) and every reference is checked before
    // COMMIT instead.
    // The final RENAME of a rebuild would otherwise re-check every trigger
    // and view, and fail on those of other tables that name the table while
    // it is gone (files' triggers name projects): legacy renaming leaves
    // them alone, and they find the rebuilt table by its name.
    if (Result<void> off = execScript(handle, "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON",
                                      QCoreApplication::translate("Realm::Storage", "Preparing the upgrade"));
        !off)
        return off;
    const auto foreignKeysOn = qScopeGuard([handle] {
        (void)execScript(handle, "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON", {});
    });
    // The whole upgrade is one transaction: a failure in any migration
    // leaves the workspace at the version it had, never in between. The
    // version is read inside it: when two processes open an old workspace
    // at once, the second one waits and then finds the upgrade done.
    Transaction upgrade(handle);
    if (!upgrade.isActive())
        return upgrade.error();
    const auto rollback = [&upgrade](Error error) {
        upgrade.rollback();
        return error;
    };
    const std::optional<qint64> current = pragmaValue(handle, "PRAGMA user_version");
    if (!current)
        return rollback(Statement(handle, "PRAGMA user_version").error(QCoreApplication::translate("Realm::Storage", "Cannot read the workspace schema version")));
    bool upgraded = false;
    for (auto next = files.upperBound(int(*current)); next != files.cend() && next.key() <= target; ++next) {
        QFile file(next.value());
        if (!file.open(QIODevice::ReadOnly))
            return rollback(Error::failed(QCoreApplication::translate("Realm::Storage", "The built-in migration %1 is missing.").arg(next.value())));
        const QString what = QCoreApplication::translate("Realm::Storage", "Upgrading the workspace to schema %1").arg(next.key());
        const QByteArray script = file.readAll() + "\nPRAGMA user_version = " + QByteArray::number(next.key()) + ";";
        if (Result<void> applied = execScript(handle, script, what); !applied)
            return rollback(applied.error());
        upgraded = true;
    }
    // Made from the schema as it now is: a new column is recorded, a
    // rebuilt table (whose triggers went with the old one) too.
    if (upgraded) {
        if (Result<void> captured = installChangeCapture(handle); !captured)
            return rollback(captured.error());
    }
    if (const QString broken = upgraded ? brokenReferences(handle) : QString(); !broken.isEmpty())
        return rollback(Error::database(QCoreApplication::translate("Realm::Storage", "Upgrading the workspace would leave rows that refer to "
                                                                                      "nothing (%1). It was not changed; please report this.")
                                            .arg(broken)));
    // Marks the file as a REALM workspace (older ones, too), so that no
    // other program's SQLite file is ever taken for one.
    const QByteArray mark = "PRAGMA application_id = " + QByteArray::number(applicationId()) + ";";
    if (Result<void> marked = execScript(handle, mark, QCoreApplication::translate("Realm::Storage", "Marking the workspace")); !marked)
        return rollback(marked.error());
    return upgrade.commit(QCoreApplication::translate("Realm::Storage", "Saving the upgrade"));
}

} // namespace Realm::Storage

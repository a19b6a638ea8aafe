// SPDX-License-Identifier: GPL-3.0-or-later
#include "admincommands.h"

#include "auth/accounts.h"
#include "auth/organizations.h"
#include "common/jsontime.h"
#include "server/datafolder.h"
#include "serverdb/backup.h"
#include "serverdb/serverdatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace Realm::ServerApp {

namespace {

using Server::DataFolder;

QString tr(const char *text)
{
    return QCoreApplication::translate("Realm::ServerApp", text);
}

void printLine(const QString &line)
{
    std::fputs(qUtf8Printable(line + QLatin1Char('\n')), stdout);
}

void printError(const QString &message)
{
    std::fputs(qUtf8Printable(QStringLiteral("realm-server: ") + message + QLatin1Char('\n')), stderr);
}

int exitFor(const Error &error)
{
    printError(error.message);
    switch (error.code) {
    case Error::Code::NotFound: return ExitNotFound;
    case Error::Code::InvalidInput:
    case Error::Code::Conflict: return ExitRejected;
    case Error::Code::Unavailable: return ExitUnavailable;
    default: return ExitFailed;
    }
}

int usage(const QString &message)
{
    printError(message);
    return ExitUsage;
}

// The password from standard input, without its final newline: never from
// the command line, where other users could read it in the process list.
QString passwordFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray bytes = in.readAll();
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

struct Admin {
    DataFolder data;
    ServerDb::ServerDatabasePtr database;
};

Result<Admin> openAdmin(const QCommandLineParser &parser)
{
    Result<DataFolder> data = DataFolder::open(parser.value(QStringLiteral("data")));
    if (!data)
        return data.error();
    Result<ServerDb::DatabaseLocation> location = data->databaseLocation(parser.value(QStringLiteral("database")));
    if (!location)
        return location.error();
    Result<ServerDb::ServerDatabasePtr> database = ServerDb::ServerDatabase::open(*location);
    if (!database)
        return database.error();
    return Admin{*data, *database};
}

int userCommand(const QCommandLineParser &parser, const QStringList &args, Auth::Accounts &accounts)
{
    const QString action = args.value(1);
    const QString email = args.value(2);
    if (action == QLatin1String("list")) {
        Result<QList<Auth::User>> users = accounts.listUsers();
        if (!users)
            return exitFor(users.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray list;
            for (const Auth::User &user : std::as_const(*users))
                list.append(user.toJson());
            std::fputs(QJsonDocument(QJsonObject{{QStringLiteral("users"), list}}).toJson().constData(), stdout);
            return ExitOk;
        }
        for (const Auth::User &user : std::as_const(*users)) {
            QStringList flags;
            if (user.isAdmin)
                flags << tr("admin");
            if (user.isDisabled())
                flags << tr("disabled");
            printLine(QStringLiteral("%1  %2%3").arg(user.email, user.name, flags.isEmpty() ? QString() : QStringLiteral("  (") + flags.join(QStringLiteral(", ")) + QLatin1Char(')')));
        }
        return ExitOk;
    }
    if (email.isEmpty())
        return usage(tr("Name the user's email: realm-server admin --data DIR user %1 EMAIL.").arg(action.isEmpty() ? QStringLiteral("add") : action));
    if (action == QLatin1String("add")) {
        if (!parser.isSet(QStringLiteral("name")))
            return usage(tr("Give the user's name with --name \"NAME\"."));
        if (!parser.isSet(QStringLiteral("password-stdin")))
            return usage(tr("Give the password on standard input with --password-stdin (never on the command line)."));
        Auth::NewUser user{email, parser.value(QStringLiteral("name")), passwordFromStdin(), parser.isSet(QStringLiteral("admin")), true};
        Result<Auth::User> added = accounts.addUser(user);
        if (!added)
            return exitFor(added.error());
        printLine(tr("Added %1 (%2)%3.").arg(added->email, added->id, added->isAdmin ? tr(", a server administrator") : QString()));
        return ExitOk;
    }
    if (action == QLatin1String("disable")) {
        Result<Auth::User> disabled = accounts.disableUser(email);
        if (!disabled)
            return exitFor(disabled.error());
        printLine(tr("Disabled %1: their sessions have ended and they cannot sign in.").arg(disabled->email));
        return ExitOk;
    }
    if (action == QLatin1String("reset-password")) {
        if (!parser.isSet(QStringLiteral("password-stdin")))
            return usage(tr("Give the new password on standard input with --password-stdin."));
        Result<void> reset = accounts.resetPassword(email, passwordFromStdin());
        if (!reset)
            return exitFor(reset.error());
        printLine(tr("Set a new password for %1 and ended their sessions.").arg(Auth::Users::normalizedEmail(email)));
        return ExitOk;
    }
    if (action == QLatin1String("remove-totp")) {
        Result<bool> removed = accounts.removeSecondFactor(email);
        if (!removed)
            return exitFor(removed.error());
        printLine(*removed ? tr("Turned two-step sign-in off for %1: they sign in with their password alone until they set it up again.").arg(Auth::Users::normalizedEmail(email))
                           : tr("Two-step sign-in was not on for %1.").arg(Auth::Users::normalizedEmail(email)));
        return ExitOk;
    }
    return usage(tr("Unknown user command \"%1\". Use add, list, disable, reset-password or remove-totp.").arg(action));
}

int orgCommand(const QCommandLineParser &parser, const QStringList &args, const ServerDb::ServerDatabasePtr &database)
{
    if (args.value(1) != QLatin1String("add") || args.value(2).isEmpty())
        return usage(tr("Use: realm-server admin --data DIR org add NAME --owner EMAIL."));
    if (!parser.isSet(QStringLiteral("owner")))
        return usage(tr("Name the organization's first owner with --owner EMAIL (an existing user)."));
    Auth::Organizations organizations(database);
    Result<Auth::Org> org = organizations.createFor(parser.value(QStringLiteral("owner")), args.value(2));
    if (!org)
        return exitFor(org.error());
    printLine(tr("Created the organization %1 (%2), owned by %3.").arg(org->name, org->id, Auth::Users::normalizedEmail(parser.value(QStringLiteral("owner")))));
    return ExitOk;
}

int auditCommand(const QStringList &args, Auth::Accounts &accounts)
{
    if (args.value(1) != QLatin1String("verify"))
        return usage(tr("Unknown audit command \"%1\". Use verify.").arg(args.value(1)));
    Result<Auth::AuditVerification> report = accounts.verifyAuditLog();
    if (!report)
        return exitFor(report.error());
    if (!report->intact()) {
        printError(tr("The audit log is broken: %1. Entries before %2 are intact. Compare with a backup to see what was changed.")
                       .arg(report->problem)
                       .arg(report->brokenAtSeq));
        return ExitFailed;
    }
    printLine(QCoreApplication::translate("Realm::ServerApp", "The audit log is intact: %n entry(s), each linked to the one before.", nullptr,
                                          int(report->entries)));
    return ExitOk;
}

int backupCommand(const QCommandLineParser &parser, const ServerDb::ServerDatabase &database)
{
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return usage(tr("Say where the backup goes: backup --out FILE."));
    Result<ServerDb::BackupSummary> written = ServerDb::Backup::write(database, out);
    if (!written)
        return exitFor(written.error());
    printLine(tr("Backed up the database (schema version %1, %2 tables) to %3. Keep signing.key and realm-server.conf with it.")
                  .arg(written->schemaVersion)
                  .arg(written->tables)
                  .arg(out));
    return ExitOk;
}

int restoreCommand(const QStringList &args, const ServerDb::ServerDatabase &database)
{
    const QString file = args.value(1);
    if (file.isEmpty())
        return usage(tr("Say which backup to restore: restore FILE."));
    Result<ServerDb::BackupSummary> restored = ServerDb::Backup::restore(file, database);
    if (!restored)
        return exitFor(restored.error());
    printLine(tr("Restored %1 rows in %2 tables from %3.").arg(restored->rows).arg(restored->tables).arg(file));
    return ExitOk;
}

} // namespace

int runInit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Creates a data folder: configuration, database, signing key, blob folder."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data"), tr("The data folder to create (new or empty)."), QStringLiteral("DIR")});
    parser.process(arguments);
    if (!parser.isSet(QStringLiteral("data")))
        return usage(tr("Say where with --data DIR."));
    const QString path = parser.value(QStringLiteral("data"));
    if (Result<void> created = DataFolder::create(path); !created)
        return exitFor(created.error());
    printLine(tr("Created the data folder %1.").arg(path));
    printLine(tr("Next: add an administrator with\n  realm-server admin --data %1 user add EMAIL --name \"NAME\" --admin --password-stdin\n"
                 "then start the server with\n  realm-server serve --data %1")
                  .arg(path));
    return ExitOk;
}

int runAdmin(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Administers a realm-server data folder (the server may be running).\n\n"
                                        "  user add EMAIL --name NAME [--admin] --password-stdin\n"
                                        "  user list [--json]\n"
                                        "  user disable EMAIL\n"
                                        "  user reset-password EMAIL --password-stdin\n"
                                        "  user remove-totp EMAIL  two-step sign-in off, for someone who lost phone and recovery codes\n"
                                        "  org add NAME --owner EMAIL\n"
                                        "  audit verify\n"
                                        "  backup --out FILE       a consistent copy of the database, taken while the server runs\n"
                                        "  restore FILE            into an empty database (a new data folder or PostgreSQL database)"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data"), tr("The data folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("database"), tr("A PostgreSQL URL instead of the configured database."), QStringLiteral("URL")});
    parser.addOption({QStringLiteral("name"), tr("The user's name (user add)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("admin"), tr("Make the user a server administrator (user add).")});
    parser.addOption({QStringLiteral("password-stdin"), tr("Read the password from standard input.")});
    parser.addOption({QStringLiteral("json"), tr("Print JSON (user list).")});
    parser.addOption({QStringLiteral("owner"), tr("The first owner's email (org add)."), QStringLiteral("EMAIL")});
    parser.addOption({QStringLiteral("out"), tr("The backup file to write (backup)."), QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("command"), tr("user … or audit …"));
    parser.process(arguments);
    if (!parser.isSet(QStringLiteral("data")))
        return usage(tr("Say which data folder with --data DIR."));
    const QStringList args = parser.positionalArguments();
    const QString group = args.value(0);
    const QStringList groups{QStringLiteral("user"), QStringLiteral("org"), QStringLiteral("audit"), QStringLiteral("backup"), QStringLiteral("restore")};
    if (!groups.contains(group))
        return usage(tr("Unknown admin command \"%1\". Use user, org, audit, backup or restore (realm-server admin --help).").arg(group));
    Result<Admin> admin = openAdmin(parser);
    if (!admin)
        return exitFor(admin.error());
    Auth::Accounts accounts(admin->database);
    if (group == QLatin1String("org"))
        return orgCommand(parser, args, admin->database);
    if (group == QLatin1String("backup"))
        return backupCommand(parser, *admin->database);
    if (group == QLatin1String("restore"))
        return restoreCommand(args, *admin->database);
    return group == QLatin1String("user") ? userCommand(parser, args, accounts) : auditCommand(args, accounts);
}

} // namespace Realm::ServerApp

// SPDX-License-Identifier: GPL-3.0-or-later
// realm-cli: REALM without a window. Parses the command words and hands
// over to the command; all work happens in the core libraries.
#include "common/allocator.h"
#include "cliarguments.h"
#include "chatcommands.h"
#include "clioutput.h"
#include "docscommands.h"
#include "projectcommands.h"
#include "promptcommands.h"
#include "providercommands.h"
#include "searchcommands.h"
#include "servercommands.h"
#include "synccommands.h"

#include "common/buildconfig.h"
#include "common/pluralforms.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

using namespace Realm::Cli;

namespace {

QString generalHelp()
{
    return QStringLiteral(
               "Usage: realm-cli [--workspace PATH] [--json] COMMAND [options]\n"
               "\n"
               "REALM's command line: import code projects into a local workspace, search them, and ask\n"
               "an LLM about them.\n"
               "\n"
               "Commands:\n")
           + projectCommandsHelp()
           + QStringLiteral(
               "  search [--project P] [-F | -e] [-i] [-w] [-g GLOB] [--lang L] [-C N] [--limit N | --all] [--] QUERY\n"
               "  cat PROJECT PATH              print a file's stored bytes\n")
           + chatCommandsHelp() + promptCommandsHelp() + providerCommandsHelp() + docsCommandsHelp() + templateCommandsHelp()
           + serverCommandsHelp() + syncCommandsHelp()
           + QStringLiteral(
               "\n"
               "Global options:\n"
               "  --workspace PATH   workspace file (default: $REALM_WORKSPACE, else the app data folder)\n"
               "  --json             JSON output (JSON Lines for lists and search results)\n"
               "  --version          versions of REALM and its libraries\n"
               "  COMMAND --help     options of one command\n"
               "\n"
               "Exit codes: 0 ok, 1 no matches, 2 usage error, 3 not found, 4 input rejected,\n"
               "5 workspace error, 6 provider error, 7 provider refused the key, 8 rate limited,\n"
               "9 network error, 10 answer cut off, 11 no keychain, 130 interrupted.\n"
               "\n"
               "Environment: REALM_WORKSPACE (workspace file), REALM_API_KEY (API key for this run),\n"
               "REALM_SERVER_TOKEN and REALM_SERVER_URL (a team server's API key and address, instead of server login).\n");
}

void printVersion(bool json)
{
    const auto versions = Realm::Workspace::componentVersions();
    if (json) {
        QJsonObject o;
        for (const auto &[name, version] : versions) // "syntax highlighting" → "syntax_highlighting"
            o.insert(name.toLower().replace(QLatin1Char(' '), QLatin1Char('_')), version);
        Output::printJson(o);
        return;
    }
    Output::print(QStringLiteral("realm-cli %1").arg(QStringLiteral(REALM_VERSION_STRING)));
    for (const auto &[name, version] : versions.mid(1))
        Output::print(QStringLiteral("  %1: %2").arg(name, version));
}

} // namespace

// Rendering a PDF needs fonts, which only a QGuiApplication has; everything
// else runs without one (and without a display).
bool needsGui(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--format=pdf" || (arg == "--format" && i + 1 < argc && QByteArray(argv[i + 1]) == "pdf"))
            return true;
    }
    return false;
}

int main(int argc, char *argv[])
{
    Realm::tuneAllocatorForLargeBuffers();
    std::unique_ptr<QCoreApplication> application;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("realm"));
    QCoreApplication::setOrganizationName(QStringLiteral("realm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REALM_VERSION_STRING));
    Realm::installEnglishPluralForms();

    // Global options may come before the command; the command's own parser
    // sees them again, so they may also come after it.
    const QStringList args = app.arguments().mid(1);
    Invocation inv;
    QStringList words;
    bool afterDoubleDash = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (afterDoubleDash || !a.startsWith(QLatin1Char('-')) || a == QLatin1String("-")) {
            if (words.size() < 2)
                words << a;
            inv.arguments << a;
            continue;
        }
        if (a == QLatin1String("--"))
            afterDoubleDash = true;
        if (a == QLatin1String("--workspace") && i + 1 < args.size()) {
            inv.workspaceOption = args.at(i + 1);
            inv.arguments << a << args.at(++i);
            continue;
        }
        if (a.startsWith(QLatin1String("--workspace=")))
            inv.workspaceOption = a.mid(12);
        if (a == QLatin1String("--json"))
            inv.json = true;
        inv.arguments << a;
    }
    const bool wantsHelp = args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"));
    if (args.contains(QStringLiteral("--version"))) {
        printVersion(inv.json);
        return ExitOk;
    }
    if (words.isEmpty()) {
        if (wantsHelp) {
            Output::print(generalHelp());
            return ExitOk;
        }
        Output::error(QStringLiteral("Name a command.\n\n") + generalHelp());
        return ExitUsage;
    }

    const QString command = words.first();
    // Drop the command words from the arguments the command parses.
    const auto dropWords = [&](int count) {
        int dropped = 0;
        QStringList rest;
        bool seenDoubleDash = false;
        for (qsizetype i = 0; i < inv.arguments.size(); ++i) {
            const QString &a = inv.arguments.at(i);
            if (a == QLatin1String("--"))
                seenDoubleDash = true;
            const bool isWord = !seenDoubleDash && (!a.startsWith(QLatin1Char('-')) || a == QLatin1String("-"));
            const bool isWorkspaceValue = i > 0 && inv.arguments.at(i - 1) == QLatin1String("--workspace");
            if (isWord && !isWorkspaceValue && dropped < count) {
                ++dropped;
                continue;
            }
            rest << a;
        }
        inv.arguments = rest;
    };
    // `realm-cli chat QUESTION` asks; `realm-cli chat list|show|...` manage.
    if (command == QLatin1String("chat")) {
        const qsizetype at = inv.arguments.indexOf(QStringLiteral("chat"));
        const QString next = inv.arguments.value(at + 1);
        if (isChatSubcommand(next)) {
            dropWords(2);
            inv.commandLine = QStringLiteral("realm-cli chat ") + next;
            return runChatCommand(next, inv);
        }
        dropWords(1);
        inv.commandLine = QStringLiteral("realm-cli chat");
        return runChatAsk(inv);
    }
    // Commands with subcommands: project, provider.
    const struct {
        const char *name;
        int (*run)(const QString &, const Invocation &);
        QString (*help)();
    } groups[] = {{"project", runProjectCommand, projectCommandsHelp},
                  {"provider", runProviderCommand, providerCommandsHelp},
                  {"docs", runDocsCommand, docsCommandsHelp},
                  {"template", runTemplateCommand, templateCommandsHelp},
                  {"prompt", runPromptCommand, promptCommandsHelp},
                  {"server", runServerCommand, serverCommandsHelp}};
    for (const auto &group : groups) {
        if (command != QLatin1String(group.name))
            continue;
        if (words.size() < 2) {
            Output::error(QStringLiteral("Name a %1 command:\n%2").arg(command, group.help()));
            return ExitUsage;
        }
        dropWords(2);
        inv.commandLine = QStringLiteral("realm-cli %1 %2").arg(command, words.at(1));
        return group.run(words.at(1), inv);
    }
    dropWords(1);
    inv.commandLine = QStringLiteral("realm-cli ") + command;
    if (command == QLatin1String("search"))
        return runSearch(inv);
    if (command == QLatin1String("sync"))
        return runSync(inv);
    if (command == QLatin1String("cat"))
        return runCat(inv);
    if (command == QLatin1String("help")) {
        Output::print(generalHelp());
        return ExitOk;
    }
    Output::error(QStringLiteral("Unknown command \"%1\".\n\n%2").arg(command, generalHelp()));
    return ExitUsage;
}

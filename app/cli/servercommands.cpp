// SPDX-License-Identifier: GPL-3.0-or-later
#include "servercommands.h"

#include "clioutput.h"
#include "providercommands.h"

#include "secrets/keychainsecretstore.h"
#include "teamclient/serverclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Realm::Cli {

namespace {

using TeamClient::ServerClient;

// The client of the running server command. It lives in
// runServerCommand's scope, not in a static: its network manager must go
// while the application (and its event loop) still exists, or the network
// thread's objects outlive it.
ServerClient *g_client = nullptr;

ServerClient &client()
{
    return *g_client;
}


// The password: standard input with --password-stdin, else asked for on
// the terminal without echo.
std::optional<QString> readPassword(bool fromStdin, const QString &prompt)
{
    if (fromStdin) {
        // One line per call: a second call reads the second line (the
        // two-step code after the password).
        static QFile in;
        if (!in.isOpen() && !in.open(stdin, QIODevice::ReadOnly))
            return std::nullopt;
        QByteArray line = in.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        return QString::fromUtf8(line);
    }
    if (!isatty(STDIN_FILENO))
        return std::nullopt;
    std::fprintf(stderr, "%s: ", qUtf8Printable(prompt));
    std::fflush(stderr);
    termios saved {};
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= tcflag_t(~ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    QTextStream in(stdin);
    const QString password = in.readLine();
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputc('\n', stderr);
    return password;
}

// A mailed code: --code (which other users of the machine can see in `ps`)
// or, better, asked for on the terminal, or read from standard input — the
// line after the password when one is read there too.
std::optional<QString> readCode(const QCommandLineParser &parser, bool passwordOnStdin, const QString &prompt)
{
    if (parser.isSet(QStringLiteral("code")))
        return parser.value(QStringLiteral("code")).trimmed();
    const std::optional<QString> code = readPassword(passwordOnStdin || !isatty(STDIN_FILENO), prompt);
    if (!code || code->trimmed().isEmpty())
        return std::nullopt;
    return code->trimmed();
}

int noCode(const QString &usage)
{
    Output::error(QStringLiteral("Give the code from the mail: on the terminal when asked, on standard input, or %1").arg(usage));
    return ExitUsage;
}

QString orgsText(const QJsonArray &orgs)
{
    QStringList parts;
    for (const QJsonValue &org : orgs)
        parts << QStringLiteral("%1 (%2)").arg(org[QStringLiteral("name")].toString(), org[QStringLiteral("role")].toString());
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

int printIdentity(const Invocation &inv, const QJsonObject &me)
{
    QJsonObject shown = me;
    shown.insert(QStringLiteral("server"), client().account().isSet() ? client().account().server.toString() : qEnvironmentVariable("REALM_SERVER_URL"));
    if (inv.json) {
        Output::printJson(shown);
        return ExitOk;
    }
    Output::print(QStringLiteral("%1 (%2) on %3").arg(me[QStringLiteral("email")].toString(), me[QStringLiteral("name")].toString(), shown[QStringLiteral("server")].toString()));
    Output::print(QStringLiteral("Organizations: %1").arg(orgsText(me[QStringLiteral("orgs")].toArray())));
    return ExitOk;
}

int runLogin(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("email"), QStringLiteral("Your account's email."), QStringLiteral("email")});
    parser.addOption({QStringLiteral("password-stdin"), QStringLiteral("Read the password from the first line of standard input.")});
    parser.addOption({QStringLiteral("totp"), QStringLiteral("With two-step sign-in: the code your authenticator app shows (asked for on the terminal, "
                                                             "or read from the second line of standard input with --password-stdin, otherwise)."),
                      QStringLiteral("code")});
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The server, e.g. https://realm.example.org"));
    if (const int exit = parseOrExit(parser, inv, QStringLiteral("URL --email EMAIL [--password-stdin] [--totp CODE]"), 1, 1); exit >= 0)
        return exit;
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(QStringLiteral("email"))) {
        Output::error(QStringLiteral("Give the server and your email: realm-cli server login https://realm.example.org --email you@example.org"));
        return ExitUsage;
    }
    const QString email = parser.value(QStringLiteral("email"));
    const bool fromStdin = parser.isSet(QStringLiteral("password-stdin"));
    const std::optional<QString> password = readPassword(fromStdin, QStringLiteral("Password for %1").arg(email));
    if (!password) {
        Output::error(QStringLiteral("No terminal to ask for the password: give it on standard input with --password-stdin."));
        return ExitUsage;
    }
    const auto login = [&](const QString &code) {
        return waitFor<QJsonObject>([&](auto done) { client().login(QUrl(positional.first()), email, *password, code, done); });
    };
    Result<QJsonObject> me = login(parser.value(QStringLiteral("totp")));
    if (!me && me.error().code == Error::Code::SecondFactorRequired && !parser.isSet(QStringLiteral("totp"))) {
        // With --password-stdin the code is the second line (a recovery
        // code stays out of the process list and the shell's history).
        const std::optional<QString> code = readPassword(fromStdin, QStringLiteral("Code from your authenticator app (or a recovery code)"));
        if (!code || code->trimmed().isEmpty()) {
            Output::error(QStringLiteral("%1 Give it as the second line of standard input, or with --totp CODE.").arg(me.error().message));
            return ExitAuth;
        }
        me = login(code->trimmed());
    }
    if (!me)
        return failServer(me.error());
    return printIdentity(inv, *me);
}

// server totp status|enable|confirm CODE|disable
int runTotp(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("password-stdin"), QStringLiteral("enable, disable: read your password from the first line of standard input "
                                                                       "(and, for disable, the code from the second).")});
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("status, enable, confirm CODE or disable"));
    if (const int exit = parseOrExit(parser, inv, QStringLiteral("status | enable [--password-stdin] | confirm CODE | disable [--password-stdin]"), 1, 2); exit >= 0)
        return exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.first();
    const auto passwordBody = [&]() -> std::optional<QJsonObject> {
        const std::optional<QString> password = readPassword(parser.isSet(QStringLiteral("password-stdin")), QStringLiteral("Your password"));
        if (!password)
            return std::nullopt;
        return QJsonObject{{QStringLiteral("password"), *password}};
    };
    const auto noPassword = [] {
        Output::error(QStringLiteral("No terminal to ask for your password: give it on standard input with --password-stdin."));
        return ExitUsage;
    };

    if (action == QLatin1String("status") && positional.size() == 1) {
        Result<QJsonObject> status = waitFor<QJsonObject>([](auto done) { client().call("GET", QStringLiteral("/me/totp"), {}, done); });
        if (!status)
            return failServer(status.error());
        if (inv.json)
            Output::printJson(*status);
        else
            Output::print((*status)[QStringLiteral("enabled")].toBool() ? QStringLiteral("Two-step sign-in is on.") : QStringLiteral("Two-step sign-in is off."));
        return ExitOk;
    }
    if (action == QLatin1String("enable") && positional.size() == 1) {
        const std::optional<QJsonObject> body = passwordBody();
        if (!body)
            return noPassword();
        Result<QJsonObject> enrolment = waitFor<QJsonObject>([&](auto done) { client().call("POST", QStringLiteral("/me/totp"), *body, done); });
        if (!enrolment)
            return failServer(enrolment.error());
        if (inv.json) {
            Output::printJson(*enrolment);
            return ExitOk;
        }
        Output::print(QStringLiteral("Add this key to your authenticator app: %1").arg((*enrolment)[QStringLiteral("secret")].toString()));
        Output::print(QStringLiteral("(or this address, as a QR code: %1)").arg((*enrolment)[QStringLiteral("otpauth_uri")].toString()));
        Output::note(QStringLiteral("Then turn two-step sign-in on with the code it shows: realm-cli server totp confirm CODE"));
        return ExitOk;
    }
    if (action == QLatin1String("confirm") && positional.size() == 2) {
        const QJsonObject body{{QStringLiteral("code"), positional.at(1)}};
        Result<QJsonObject> codes = waitFor<QJsonObject>([&](auto done) { client().call("POST", QStringLiteral("/me/totp/confirm"), body, done); });
        if (!codes)
            return failServer(codes.error());
        if (inv.json) {
            Output::printJson(*codes);
            return ExitOk;
        }
        Output::note(QStringLiteral("Two-step sign-in is on. Keep these recovery codes somewhere safe: each signs you in once without the app."));
        for (const QJsonValue &code : (*codes)[QStringLiteral("recovery_codes")].toArray())
            Output::print(code.toString());
        return ExitOk;
    }
    if (action == QLatin1String("disable") && positional.size() == 1) {
        std::optional<QJsonObject> body = passwordBody();
        if (!body)
            return noPassword();
        const std::optional<QString> code = readPassword(parser.isSet(QStringLiteral("password-stdin")), QStringLiteral("Code from your authenticator app (or a recovery code)"));
        body->insert(QStringLiteral("code"), code.value_or(QString()).trimmed());
        Result<QJsonObject> done = waitFor<QJsonObject>([&](auto callback) { client().call("DELETE", QStringLiteral("/me/totp"), *body, callback); });
        if (!done)
            return failServer(done.error());
        Output::note(QStringLiteral("Two-step sign-in is off."));
        return ExitOk;
    }
    Output::error(QStringLiteral("Use: realm-cli server totp status | enable | confirm CODE | disable"));
    return ExitUsage;
}

int runForgotPassword(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("email"), QStringLiteral("Your account's email."), QStringLiteral("email")});
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The server, e.g. https://realm.example.org"));
    if (const int exit = parseOrExit(parser, inv, QStringLiteral("URL --email EMAIL"), 1, 1); exit >= 0)
        return exit;
    if (!parser.isSet(QStringLiteral("email"))) {
        Output::error(QStringLiteral("Give the server and your email: realm-cli server forgot-password https://realm.example.org --email you@example.org"));
        return ExitUsage;
    }
    const QString server = parser.positionalArguments().first();
    const QString email = parser.value(QStringLiteral("email"));
    Result<QJsonObject> asked = waitFor<QJsonObject>(
        [&](auto done) { client().callAnonymously(QUrl(server), "POST", QStringLiteral("/auth/password/forgot"), {{QStringLiteral("email"), email}}, done); });
    if (!asked)
        return failServer(asked.error());
    Output::print(QStringLiteral("If %1 has an account on %2, a reset code is on its way by mail. Then run:\n"
                                 "  realm-cli server reset-password %2   (it asks for the code and the new password)")
                      .arg(email, server));
    return ExitOk;
}

int runResetPassword(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("code"), QStringLiteral("The reset code from the mail (visible to others in ps: leave it out to be asked, "
                                                             "or give it on the line after the password with --password-stdin)."),
                      QStringLiteral("code")});
    parser.addOption({QStringLiteral("password-stdin"), QStringLiteral("Read the new password from the first line of standard input.")});
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The server, e.g. https://realm.example.org"));
    if (const int exit = parseOrExit(parser, inv, QStringLiteral("URL [--code CODE] [--password-stdin]"), 1, 1); exit >= 0)
        return exit;
    const QString server = parser.positionalArguments().first();
    const std::optional<QString> password = readPassword(parser.isSet(QStringLiteral("password-stdin")), QStringLiteral("New password"));
    if (!password) {
        Output::error(QStringLiteral("No terminal to ask for the new password: give it on standard input with --password-stdin."));
        return ExitUsage;
    }
    const std::optional<QString> code = readCode(parser, parser.isSet(QStringLiteral("password-stdin")), QStringLiteral("Reset code from the mail"));
    if (!code)
        return noCode(QStringLiteral("--code CODE."));
    const QJsonObject body{{QStringLiteral("token"), *code}, {QStringLiteral("password"), *password}};
    Result<QJsonObject> reset = waitFor<QJsonObject>([&](auto done) { client().callAnonymously(QUrl(server), "POST", QStringLiteral("/auth/password/reset"), body, done); });
    if (!reset)
        return failServer(reset.error());
    Output::print(QStringLiteral("Password set; every session and API key of the account has ended. Sign in again:\n"
                                 "  realm-cli server login %1 --email EMAIL")
                      .arg(server));
    return ExitOk;
}

int runRegister(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("email"), QStringLiteral("Your email."), QStringLiteral("email")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("Your name as others see it."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("invitation"), QStringLiteral("The code from an invitation mail."), QStringLiteral("code")});
    parser.addOption({QStringLiteral("password-stdin"), QStringLiteral("Read the password from the first line of standard input.")});
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The server, e.g. https://realm.example.org"));
    if (const int exit = parseOrExit(parser, inv, QStringLiteral("URL --email EMAIL --name NAME [--invitation CODE] [--password-stdin]"), 1, 1); exit >= 0)
        return exit;
    if (!parser.isSet(QStringLiteral("email")) || !parser.isSet(QStringLiteral("name"))) {
        Output::error(QStringLiteral("Give your email and name: realm-cli server register https://realm.example.org --email you@example.org --name \"Your Name\""));
        return ExitUsage;
    }
    const QString server = parser.positionalArguments().first();
    const QString email = parser.value(QStringLiteral("email"));
    QJsonObject body{{QStringLiteral("email"), email}, {QStringLiteral("name"), parser.value(QStringLiteral("name"))}};
    // With an invitation the account is made now; an open sign-up chooses
    // its password with the mailed code (verify-email).
    if (parser.isSet(QStringLiteral("invitation"))) {
        const std::optional<QString> password = readPassword(parser.isSet(QStringLiteral("password-stdin")), QStringLiteral("Choose a password for %1").arg(email));
        if (!password) {
            Output::error(QStringLiteral("No terminal to ask for the password: give it on standard input with --password-stdin."));
            return ExitUsage;
        }
        body.insert(QStringLiteral("password"), *password);
        body.insert(QStringLiteral("invitation"), parser.value(QStringLiteral("invitation")));
    }
    Result<QJsonObject> made = waitFor<QJsonObject>([&](auto done) { client().callAnonymously(QUrl(server), "POST", QStringLiteral("/auth/register"), body, done); });
    if (!made)
        return failServer(made.error());
    if (made->contains(QStringLiteral("user")))
        Output::print(QStringLiteral("Account made. Sign in:\n  realm-cli server login %1 --email %2").arg(server, email));
    else
        Output::print(QStringLiteral("Check the mail to %2: it holds a code that makes the account. Then run (it asks for the code and your password):\n"
                                     "  realm-cli server verify-email %1\n"
                                     "(If %2 has an account there already, no mail comes: sign in, or reset the password.)")
                          .arg(server, email));
    return ExitOk;
}

int runVerifyEmail(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("code"), QStringLiteral("The code from the mail (visible to others in ps: leave it out to be asked, "
                                                             "or give it on the line after the password with --password-stdin)."),
                      QStringLiteral("code")});
    parser.addOption({QStringLiteral("password-stdin"), QStringLiteral("Read the new account's password from standard input.")});
    parser.addPositionalArgument(QStringLiteral("url"), QStringLiteral("The server, e.g. https://realm.example.org"));
    if (const int exit = parseOrExit(parser, inv, QStringLiteral("URL [--code CODE] [--password-stdin]"), 1, 1); exit >= 0)
        return exit;
    const QString server = parser.positionalArguments().first();
    const std::optional<QString> password = readPassword(parser.isSet(QStringLiteral("password-stdin")), QStringLiteral("Choose a password for your account"));
    if (!password) {
        Output::error(QStringLiteral("No terminal to ask for the password: give it on standard input with --password-stdin."));
        return ExitUsage;
    }
    const std::optional<QString> code = readCode(parser, parser.isSet(QStringLiteral("password-stdin")), QStringLiteral("Code from the mail"));
    if (!code)
        return noCode(QStringLiteral("--code CODE."));
    const QJsonObject body{{QStringLiteral("token"), *code}, {QStringLiteral("password"), *password}};
    Result<QJsonObject> user = waitFor<QJsonObject>([&](auto done) { client().callAnonymously(QUrl(server), "POST", QStringLiteral("/auth/verify"), body, done); });
    if (!user)
        return failServer(user.error());
    Output::print(QStringLiteral("Account made for %2. Sign in:\n  realm-cli server login %1 --email %2").arg(server, (*user)[QStringLiteral("email")].toString()));
    return ExitOk;
}

int runAcceptInvitation(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("code"), QStringLiteral("The code from the invitation mail (visible to others in ps: leave it out to be asked, "
                                                             "or give it on standard input)."),
                      QStringLiteral("code")});
    if (const int exit = parseOrExit(parser, inv, QStringLiteral("[--code CODE]"), 0, 0); exit >= 0)
        return exit;
    const std::optional<QString> code = readCode(parser, false, QStringLiteral("Code from the invitation mail"));
    if (!code)
        return noCode(QStringLiteral("--code CODE."));
    Result<QJsonObject> joined = waitFor<QJsonObject>(
        [&](auto done) { client().call("POST", QStringLiteral("/invitations/accept"), {{QStringLiteral("token"), *code}}, done); });
    if (!joined)
        return failServer(joined.error());
    Output::print(QStringLiteral("You joined %1 as %2.").arg((*joined)[QStringLiteral("org_name")].toString(), (*joined)[QStringLiteral("role")].toString()));
    return ExitOk;
}

int runWhoami(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (const int exit = parseOrExit(parser, inv, QString(), 0, 0); exit >= 0)
        return exit;
    Result<QJsonObject> me = waitFor<QJsonObject>([](auto done) { client().call("GET", QStringLiteral("/me"), {}, done); });
    if (!me)
        return failServer(me.error());
    return printIdentity(inv, *me);
}

int runSessions(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (const int exit = parseOrExit(parser, inv, QString(), 0, 0); exit >= 0)
        return exit;
    Result<QJsonObject> answer = waitFor<QJsonObject>([](auto done) { client().call("GET", QStringLiteral("/sessions"), {}, done); });
    if (!answer)
        return failServer(answer.error());
    const QJsonArray sessions = (*answer)[QStringLiteral("sessions")].toArray();
    for (const QJsonValue &value : sessions) {
        const QJsonObject session = value.toObject();
        if (inv.json) {
            Output::printJson(session);
            continue;
        }
        Output::print(QStringLiteral("%1  since %2  last used %3  %4  %5%6")
                          .arg(session[QStringLiteral("id")].toString(), session[QStringLiteral("created_at")].toString(),
                               session[QStringLiteral("last_used_at")].toString(), session[QStringLiteral("ip")].toString(),
                               session[QStringLiteral("user_agent")].toString(),
                               session[QStringLiteral("current")].toBool() ? QStringLiteral("  (this one)") : QString()));
    }
    return ExitOk;
}

int runLogout(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    if (const int exit = parseOrExit(parser, inv, QString(), 0, 0); exit >= 0)
        return exit;
    const QString server = client().account().server.toString();
    Result<void> done = waitFor<void>([](auto callback) { client().logout(callback); });
    if (!done)
        return failServer(done.error());
    Output::note(QStringLiteral("Signed out of %1.").arg(server));
    return ExitOk;
}

} // namespace

int failServer(const Error &error)
{
    Output::error(error.message);
    return exitCodeForServer(error);
}

int exitCodeForServer(const Error &error)
{
    switch (error.code) {
    case Error::Code::Unauthenticated:
    case Error::Code::SecondFactorRequired:
    case Error::Code::Forbidden: return ExitAuth;
    case Error::Code::Unavailable: return ExitNetwork;
    case Error::Code::Throttled: return ExitRateLimited;
    default: return exitCodeFor(error);
    }
}

QString serverCommandsHelp()
{
    return QStringLiteral("  server login URL --email E [--password-stdin] [--totp CODE]   sign in to a REALM team server (tokens go to the keychain)\n"
                          "  server whoami [--json]        who you are there, and your organizations\n"
                          "  server sessions [--json]      your signed-in sessions\n"
                          "  server logout                 end this session and forget the login\n"
                          "  server totp status|enable|confirm CODE|disable   two-step sign-in with an authenticator app\n"
                          "  server register URL --email E --name N [--invitation C] [--password-stdin]   make an account\n"
                          "  server verify-email URL --code C [--password-stdin]   make the account with the mailed code, choosing its password\n"
                          "  server accept-invitation --code C                 join an organization you were invited to\n"
                          "  server forgot-password URL --email E              mail yourself a password reset code\n"
                          "  server reset-password URL --code C [--password-stdin]   set a new password with that code\n");
}

namespace {

int dispatchServerCommand(const QString &subcommand, const Invocation &invocation)
{
    if (subcommand == QLatin1String("login"))
        return runLogin(invocation);
    if (subcommand == QLatin1String("whoami"))
        return runWhoami(invocation);
    if (subcommand == QLatin1String("sessions"))
        return runSessions(invocation);
    if (subcommand == QLatin1String("logout"))
        return runLogout(invocation);
    if (subcommand == QLatin1String("totp"))
        return runTotp(invocation);
    if (subcommand == QLatin1String("register"))
        return runRegister(invocation);
    if (subcommand == QLatin1String("verify-email"))
        return runVerifyEmail(invocation);
    if (subcommand == QLatin1String("accept-invitation"))
        return runAcceptInvitation(invocation);
    if (subcommand == QLatin1String("forgot-password"))
        return runForgotPassword(invocation);
    if (subcommand == QLatin1String("reset-password"))
        return runResetPassword(invocation);
    Output::error(QStringLiteral("Unknown server command \"%1\":\n%2").arg(subcommand, serverCommandsHelp()));
    return ExitUsage;
}

} // namespace

int runServerCommand(const QString &subcommand, const Invocation &invocation)
{
    Secrets::KeychainSecretStore keychain;
    ServerClient serverClient(&keychain);
    g_client = &serverClient;
    const int exit = dispatchServerCommand(subcommand, invocation);
    // Replies already answered wait for deleteLater: let them go now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    g_client = nullptr;
    return exit;
}

} // namespace Realm::Cli

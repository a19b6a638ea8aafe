// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcommands.h"

#include "clioutput.h"
#include "interrupts.h"
#include "providercommands.h"

#include "chat/askjob.h"
#include "chat/chatjson.h"
#include "chat/chatsession.h"
#include "chat/contextbuilder.h"
#include "chat/projecttools.h"
#include "chatexport/conversationexport.h"
#include "chat/conversationstore.h"
#include "projects/projectstore.h"
#include "prompts/promptstore.h"
#include "prompts/promptvalues.h"
#include "projects/textcontent.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace Realm::Cli {

using namespace Realm::Chat;

int exitCodeFor(const Chat::ProviderError &error)
{
    using Kind = Chat::ProviderError::Kind;
    switch (error.kind) {
    case Kind::Auth:
        return ExitAuth;
    case Kind::RateLimited:
        return ExitRateLimited;
    case Kind::Network:
    case Kind::Tls:
        return ExitNetwork;
    case Kind::Incomplete:
        return ExitIncomplete;
    case Kind::Redirected:
        return ExitNetwork;
    case Kind::Cancelled:
        return ExitCancelled;
    case Kind::NotFound:
    case Kind::ContextTooLong:
    case Kind::Overloaded:
    case Kind::BadRequest:
    case Kind::Server:
        return ExitProvider;
    }
    return ExitProvider;
}

namespace {

void writeRaw(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    fflush(stdout);
}

// "2026-11-26" or a full ISO time, as UTC milliseconds; 0 when empty.
std::optional<qint64> parseDate(const QString &text)
{
    if (text.isEmpty())
        return 0;
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime && !text.contains(QLatin1Char('T')))
        t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}


// --profile NAME, or a profile made up on the spot from --kind/--base-url.
Result<ProviderProfile> providerFor(const QCommandLineParser &parser, const Storage::DatabasePtr &db)
{
    if (!parser.isSet(QStringLiteral("kind")))
        return loadProvider(db, parser.value(QStringLiteral("profile")));
    const std::optional<ProviderProfile::Kind> kind = ProviderProfile::kindFromName(parser.value(QStringLiteral("kind")));
    if (!kind)
        return Error::invalidInput(QStringLiteral("--kind must be openai, anthropic or ollama."));
    ProviderProfile profile;
    profile.name = parser.value(QStringLiteral("kind"));
    profile.kind = *kind;
    profile.baseUrl = parser.isSet(QStringLiteral("base-url")) ? QUrl(parser.value(QStringLiteral("base-url"))) : ProviderProfile::defaultBaseUrl(*kind);
    profile.defaultModel = parser.value(QStringLiteral("model"));
    profile.apiKey = qEnvironmentVariable("REALM_API_KEY");
    if (profile.defaultModel.isEmpty())
        return Error::invalidInput(QStringLiteral("Name the model with --model when using --kind."));
    return profile;
}

// What a question ended with: the JSON object, or the usage line; the
// exit code says how it ended.
int reportAnswer(const Invocation &inv, const AskJob &job, const Message &answer, const std::optional<ProviderError> &error)
{
    if (inv.json) {
        QJsonObject o{{QStringLiteral("conversation_id"), job.conversationId()},
                      {QStringLiteral("message_id"), answer.id},
                      {QStringLiteral("status"), Message::statusName(answer.status)},
                      {QStringLiteral("model"), answer.model},
                      {QStringLiteral("content"), answer.content},
                      {QStringLiteral("usage"), toJson(answer.usage)}};
        if (error)
            o.insert(QStringLiteral("error"), describeProviderError(*error));
        QJsonArray context;
        for (const ContextItem &item : job.context())
            context.append(QJsonObject{{QStringLiteral("kind"), item.kind}, {QStringLiteral("title"), item.title},
                                       {QStringLiteral("chars"), item.text.size()}});
        o.insert(QStringLiteral("context"), context);
        Output::printJson(o);
    }
    if (!error) {
        if (!inv.json)
            Output::note(QStringLiteral("[conversation %1 · %2 in / %3 out tokens]")
                             .arg(job.conversationId())
                             .arg(answer.usage.inputTokens >= 0 ? QString::number(answer.usage.inputTokens) : QStringLiteral("?"),
                                  answer.usage.outputTokens >= 0 ? QString::number(answer.usage.outputTokens) : QStringLiteral("?")));
        return ExitOk;
    }
    if (error->kind == ProviderError::Kind::Cancelled) {
        Output::error(QStringLiteral("Stopped; the partial answer is kept in conversation %1.").arg(job.conversationId()));
        return ExitCancelled;
    }
    Output::error(describeProviderError(*error));
    return exitCodeFor(*error);
}

void addAskOptions(QCommandLineParser &parser)
{
    parser.addOption({{QStringLiteral("profile"), QStringLiteral("provider")}, QStringLiteral("Provider profile (default: the only one)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("kind"), QStringLiteral("No profile: talk to this kind of server (openai, anthropic, ollama)."), QStringLiteral("kind")});
    parser.addOption({QStringLiteral("base-url"), QStringLiteral("With --kind: the server's base URL."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("model"), QStringLiteral("Model (default: the conversation's, else the provider's)."), QStringLiteral("model")});
    parser.addOption({QStringLiteral("project"), QStringLiteral("Bind a new conversation to this project."), QStringLiteral("project")});
    parser.addOption({QStringLiteral("conversation"), QStringLiteral("Continue this conversation (id)."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("Send this project file as context (repeatable; needs --project)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("system"), QStringLiteral("System prompt instead of REALM's."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("no-context"), QStringLiteral("Send no project context except the --file ones.")});
    parser.addOption({QStringLiteral("no-tools"), QStringLiteral("Do not let the model search or read the project itself.")});
    parser.addOption({QStringLiteral("template"), QStringLiteral("Ask with this prompt template (realm-cli prompt list), filled with the first --file."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("selection-lines"), QStringLiteral("With --template: only lines FIRST:LAST of the file."), QStringLiteral("a:b")});
    parser.addOption({QStringLiteral("diff"), QStringLiteral("With --template: the diff to review ({{diff}}; - reads stdin)."), QStringLiteral("file")});
    parser.addPositionalArgument(QStringLiteral("question"), QStringLiteral("The question; \"-\" or nothing reads it from stdin. "
                                                                            "With --template: more to say after the prompt."));
}

// The question from the arguments, or from stdin ("-" or none); an error
// text when there is none.
std::optional<QString> readQuestion(const QCommandLineParser &parser)
{
    QString question = parser.positionalArguments().join(QLatin1Char(' '));
    if (question.isEmpty() || question == QLatin1String("-")) {
        if (question.isEmpty() && isatty(fileno(stdin))) {
            Output::error(QStringLiteral("Ask something: realm-cli chat \"QUESTION\" (or pipe it in)."));
            return std::nullopt;
        }
        question = QTextStream(stdin).readAll();
    }
    if (question.trimmed().isEmpty()) {
        Output::error(QStringLiteral("The question is empty."));
        return std::nullopt;
    }
    return question;
}

// --template: the template filled with the first --file (or its lines) and
// the diff, then what the arguments add. The file goes in the prompt, not
// again as context.
Result<void> fillFromTemplate(const QCommandLineParser &parser, const Storage::DatabasePtr &db, AskInput &input)
{
    Result<Prompts::PromptTemplate> prompt = Prompts::PromptStore(db).find(parser.value(QStringLiteral("template")));
    if (!prompt)
        return prompt.error();
    Prompts::PromptValues values;
    if (!input.files.isEmpty()) {
        std::optional<Prompts::LineRange> lines;
        if (parser.isSet(QStringLiteral("selection-lines"))) {
            Result<Prompts::LineRange> range = Prompts::parseLineRange(parser.value(QStringLiteral("selection-lines")));
            if (!range)
                return range.error();
            lines = *range;
        }
        Result<Prompts::PromptValues> fromFile = Prompts::valuesForProjectFile(db, input.projectId, input.files.takeFirst(), lines);
        if (!fromFile)
            return fromFile.error();
        values = *fromFile;
    } else if (!input.projectId.isEmpty()) {
        Result<Projects::Project> project = Projects::ProjectStore(db).find(input.projectId);
        values.project = project ? project->name : QString();
    }
    if (parser.isSet(QStringLiteral("diff"))) {
        Result<QByteArray> diff = readInputFile(parser.value(QStringLiteral("diff")));
        if (!diff)
            return diff.error();
        values.diff = QString::fromUtf8(*diff);
    }
    Result<QString> rendered = Prompts::renderPrompt(*prompt, values);
    if (!rendered)
        return rendered.error();
    input.question = input.question.trimmed().isEmpty() ? *rendered : *rendered + QStringLiteral("\n\n") + input.question.trimmed();
    return {};
}

Result<AskInput> askInputFrom(const QCommandLineParser &parser, const Storage::DatabasePtr &db, const QString &question)
{
    AskInput input;
    input.question = question;
    input.conversationId = parser.value(QStringLiteral("conversation"));
    if (parser.isSet(QStringLiteral("project"))) {
        Result<Projects::Project> project = Projects::ProjectStore(db).find(parser.value(QStringLiteral("project")));
        if (!project)
            return project.error();
        input.projectId = project->id;
    }
    input.files = parser.values(QStringLiteral("file"));
    input.projectContext = !parser.isSet(QStringLiteral("no-context"));
    input.tools = !parser.isSet(QStringLiteral("no-tools"));
    input.model = parser.value(QStringLiteral("model"));
    input.systemPrompt = parser.value(QStringLiteral("system"));
    if (parser.isSet(QStringLiteral("template"))) {
        if (Result<void> filled = fillFromTemplate(parser, db, input); !filled)
            return filled.error();
    }
    return input;
}

// Streams the answer to stdout as it arrives (context, tool calls and
// progress to stderr), unless JSON was asked for.
void showAnswerAsItArrives(const Invocation &inv, AskJob &job, ProgressLine &progress, QObject *context, bool &wroteText)
{
    QObject::connect(&job, &AskJob::progress, context, [&progress](double, const QString &text) { progress.show(text); });
    QObject::connect(&job, &AskJob::answerStarted, context, [&, context](const QString &, const QList<ContextItem> &items, ChatTurn *turn) {
        progress.clear();
        if (inv.json)
            return;
        if (!items.isEmpty()) {
            QStringList titles;
            for (const ContextItem &item : items)
                titles << item.title;
            Output::note(QStringLiteral("[context: %1]").arg(titles.join(QStringLiteral(", "))));
        }
        QObject::connect(turn, &ChatTurn::textReceived, context, [&wroteText](const QString &delta) {
            writeRaw(delta);
            wroteText = true;
        });
        QObject::connect(turn, &ChatTurn::retrying, context, [](int attempt, int attempts, qint64 delayMs) {
            Output::note(describeRetry(attempt, attempts, delayMs) + QStringLiteral("…"));
        });
        QObject::connect(turn, &ChatTurn::toolCalled, context, [](const ToolCall &call, const QString &result) {
            Output::note(QStringLiteral("[tool %1: %2]").arg(ProjectTools::describe(call), Output::count(result.count(QLatin1Char('\n')), Output::Noun::Line)));
        });
    });
}

int runAsk(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    addAskOptions(parser);
    if (int rc = parseOrExit(parser, inv, QStringLiteral("[options] QUESTION..."), 0, 10000); rc >= 0)
        return rc;
    if (parser.isSet(QStringLiteral("file")) && !parser.isSet(QStringLiteral("project"))) {
        Output::error(QStringLiteral("--file names a file of a project: add --project."));
        return ExitUsage;
    }
    if ((parser.isSet(QStringLiteral("selection-lines")) || parser.isSet(QStringLiteral("diff"))) && !parser.isSet(QStringLiteral("template"))) {
        Output::error(QStringLiteral("--selection-lines and --diff fill a prompt template: add --template NAME."));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("selection-lines")) && !parser.isSet(QStringLiteral("file"))) {
        Output::error(QStringLiteral("--selection-lines are lines of a file: add --project P --file PATH."));
        return ExitUsage;
    }
    // With a template, the arguments only add to its prompt.
    const std::optional<QString> question = parser.isSet(QStringLiteral("template"))
                                                ? std::optional<QString>(parser.positionalArguments().join(QLatin1Char(' ')))
                                                : readQuestion(parser);
    if (!question)
        return ExitUsage;
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    Result<ProviderProfile> profile = db ? providerFor(parser, *db) : Result<ProviderProfile>(db.error());
    Result<AskInput> input = profile ? askInputFrom(parser, *db, *question) : Result<AskInput>(profile.error());
    if (!input)
        return fail(input.error());

    QNetworkAccessManager network;
    ChatProvider provider(*profile, &network);
    ChatSession session(*db);
    AskJob job(*db, &session, &provider, *input);
    InterruptScope interrupts; // Ctrl+C stops the answer and keeps what arrived
    QObject::connect(&interrupts, &InterruptScope::interrupted, &job, &AskJob::cancel);
    QEventLoop loop;
    ProgressLine progress;
    bool wroteText = false;
    showAnswerAsItArrives(inv, job, progress, &loop, wroteText);
    std::optional<AskFailure> failure;
    Message answer;
    QObject::connect(&job, &AskJob::finished, &loop, [&](const Message &m) {
        answer = m;
        loop.quit();
    });
    QObject::connect(&job, &AskJob::failed, &loop, [&](const AskFailure &f) {
        failure = f;
        answer = f.answer;
        loop.quit();
    });
    job.start();
    loop.exec();
    progress.clear();
    session.flush();
    if (wroteText)
        writeRaw(QStringLiteral("\n"));
    if (failure && !failure->provider)
        return fail(failure->error); // nothing was asked
    return reportAnswer(inv, job, answer, failure ? failure->provider : std::nullopt);
}

int runList(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("project"), QStringLiteral("Only conversations about this project."), QStringLiteral("project")});
    parser.addOption({QStringLiteral("archived"), QStringLiteral("List archived conversations.")});
    parser.addOption({QStringLiteral("trash"), QStringLiteral("List the trash.")});
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("[--project P] [--archived | --trash]"), 0, 0, &exitCode);
    if (!db)
        return exitCode;
    ConversationFilter filter;
    filter.archived = parser.isSet(QStringLiteral("archived"));
    filter.trash = parser.isSet(QStringLiteral("trash"));
    if (parser.isSet(QStringLiteral("project"))) {
        Result<Projects::Project> project = Projects::ProjectStore(*db).find(parser.value(QStringLiteral("project")));
        if (!project)
            return fail(project.error());
        filter.projectId = project->id;
    }
    Result<QList<Conversation>> list = ConversationStore(*db).list(filter);
    if (!list)
        return fail(list.error());
    for (const Conversation &c : *list) {
        if (inv.json)
            Output::printJson(toJson(c));
        else
            Output::print(QStringLiteral("%1\t%2\t%3%4").arg(c.id, Output::localTime(c.updatedAt), c.pinned ? QStringLiteral("★ ") : QString(), c.title));
    }
    return ExitOk;
}

int runShow(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Conversation id."));
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("ID"), 1, 1, &exitCode);
    if (!db)
        return exitCode;
    ConversationStore store(*db);
    const QString id = parser.positionalArguments().first();
    Result<Conversation> conversation = store.find(id);
    Result<QList<Message>> thread = conversation ? store.thread(id) : Result<QList<Message>>(conversation.error());
    if (!thread)
        return fail(thread.error());
    if (inv.json) {
        Output::print(QString::fromUtf8(ConversationExport::toJson(*conversation, *thread)));
        return ExitOk;
    }
    Output::print(ConversationExport::toMarkdown(*conversation, *thread).trimmed());
    return ExitOk;
}

int runSearch(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("project"), QStringLiteral("Only conversations about this project."), QStringLiteral("project")});
    parser.addOption({QStringLiteral("provider"), QStringLiteral("Only answers from this provider."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("since"), QStringLiteral("Only messages from this date on (2026-11-01)."), QStringLiteral("date")});
    parser.addOption({QStringLiteral("until"), QStringLiteral("Only messages before this date."), QStringLiteral("date")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most N hits (default 50)."), QStringLiteral("n")});
    parser.addPositionalArgument(QStringLiteral("words"), QStringLiteral("Words to find; the last may be the start of a word."));
    int exitCode = ExitOk;
    const std::optional<Storage::DatabasePtr> db = parseAndOpenWorkspace(parser, inv, QStringLiteral("[options] WORDS..."), 1, 10000, &exitCode);
    if (!db)
        return exitCode;
    MessageSearch search;
    search.text = parser.positionalArguments().join(QLatin1Char(' '));
    search.limit = parser.isSet(QStringLiteral("limit")) ? parser.value(QStringLiteral("limit")).toInt() : 50;
    const std::optional<qint64> since = parseDate(parser.value(QStringLiteral("since")));
    const std::optional<qint64> until = parseDate(parser.value(QStringLiteral("until")));
    if (!since || !until || search.limit <= 0) {
        Output::error(QStringLiteral("--since/--until take dates like 2026-11-01; --limit a positive number."));
        return ExitUsage;
    }
    search.fromMs = *since;
    search.toMs = *until;
    if (parser.isSet(QStringLiteral("project"))) {
        Result<Projects::Project> project = Projects::ProjectStore(*db).find(parser.value(QStringLiteral("project")));
        if (!project)
            return fail(project.error());
        search.projectId = project->id;
    }
    if (parser.isSet(QStringLiteral("provider"))) {
        Result<ProviderProfile> provider = loadProvider(*db, parser.value(QStringLiteral("provider")));
        if (!provider && provider.error().code == Error::Code::NotFound)
            return fail(provider.error());
        search.providerId = provider ? provider->id : QString();
    }
    Result<QList<MessageHit>> hits = ConversationStore(*db).search(search);
    if (!hits)
        return fail(hits.error());
    for (const MessageHit &h : *hits) {
        if (inv.json)
            Output::printJson(toJson(h));
        else
            Output::print(QStringLiteral("%1\t%2\t%3").arg(h.conversationId, h.conversationTitle, h.snippet.simplified()));
    }
    return hits->isEmpty() ? ExitNoMatches : ExitOk;
}

int runExport(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("format"), QStringLiteral("md (default), html, json or pdf."), QStringLiteral("format")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write to this file instead of stdout."), QStringLiteral("file")});
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Conversation id."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("ID [--format md|html|json] [--out FILE]"), 1, 1); rc >= 0)
        return rc;
    const std::optional<ConversationExport::Format> format =
        ConversationExport::formatFromName(parser.value(QStringLiteral("format")).isEmpty() ? QStringLiteral("md") : parser.value(QStringLiteral("format")));
    if (!format) {
        Output::error(QStringLiteral("--format must be md, html, json or pdf."));
        return ExitUsage;
    }
    if (*format == ConversationExport::Format::Pdf && !parser.isSet(QStringLiteral("out"))) {
        Output::error(QStringLiteral("A PDF needs a file: add --out FILE.pdf."));
        return ExitUsage;
    }
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    const ConversationStore store(*db);
    const QString id = parser.positionalArguments().first();
    if (!parser.isSet(QStringLiteral("out"))) {
        Result<QByteArray> bytes = ConversationExport::render(store, id, *format);
        if (!bytes)
            return fail(bytes.error());
        fwrite(bytes->constData(), 1, size_t(bytes->size()), stdout);
        return ExitOk;
    }
    if (Result<void> written = ConversationExport::exportToFile(store, id, *format, parser.value(QStringLiteral("out"))); !written)
        return fail(written.error());
    Output::note(QStringLiteral("Wrote %1.").arg(parser.value(QStringLiteral("out"))));
    return ExitOk;
}

int runImport(const Invocation &inv)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A conversation exported with --format json."));
    if (int rc = parseOrExit(parser, inv, QStringLiteral("FILE.json"), 1, 1); rc >= 0)
        return rc;
    QFile in(parser.positionalArguments().first());
    if (!in.open(QIODevice::ReadOnly))
        return fail(Error::notFound(QStringLiteral("Cannot read %1: %2").arg(in.fileName(), in.errorString())));
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    ConversationStore store(*db);
    Result<QString> id = ConversationExport::importJson(store, in.readAll());
    if (!id)
        return fail(id.error());
    if (inv.json)
        Output::printJson({{QStringLiteral("conversation_id"), *id}});
    else
        Output::print(QStringLiteral("Imported conversation %1.").arg(*id));
    return ExitOk;
}

// rename, delete, restore, pin, unpin, archive, unarchive: one id, one change.
int runChange(const Invocation &inv, const QString &sub)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Conversation id."));
    const bool rename = sub == QLatin1String("rename");
    if (rename)
        parser.addPositionalArgument(QStringLiteral("title"), QStringLiteral("The new title."));
    if (int rc = parseOrExit(parser, inv, rename ? QStringLiteral("ID TITLE") : QStringLiteral("ID"), rename ? 2 : 1, rename ? 2 : 1); rc >= 0)
        return rc;
    Result<Storage::DatabasePtr> db = openWorkspaceFor(inv);
    if (!db)
        return fail(db.error());
    ConversationStore store(*db);
    const QString id = parser.positionalArguments().first();
    Result<void> r;
    if (rename)
        r = store.rename(id, parser.positionalArguments().at(1));
    else if (sub == QLatin1String("delete"))
        r = store.moveToTrash(id);
    else if (sub == QLatin1String("restore"))
        r = store.restore(id);
    else if (sub == QLatin1String("pin") || sub == QLatin1String("unpin"))
        r = store.setPinned(id, sub == QLatin1String("pin"));
    else
        r = store.setArchived(id, sub == QLatin1String("archive"));
    if (!r)
        return fail(r.error());
    return ExitOk;
}
} // namespace

bool isChatSubcommand(const QString &word)
{
    for (const char *sub : {"ask", "list", "show", "search", "export", "import", "rename", "delete", "restore", "pin", "unpin",
                            "archive", "unarchive"}) {
        if (word == QLatin1String(sub))
            return true;
    }
    return false;
}

int runChatAsk(const Invocation &inv)
{
    return runAsk(inv);
}

QString chatCommandsHelp()
{
    return QStringLiteral(
        "  chat [--profile P | --kind K --base-url URL --model M] [--project X [--file PATH]...] [--conversation ID] QUESTION\n"
        "  chat --template NAME [--project X --file PATH [--selection-lines A:B]] [--diff FILE|-] [MORE]  ask with a prompt template\n"
        "  chat list [--project X] [--archived | --trash]\n"
        "  chat show ID                  the conversation as Markdown (--json: every version)\n"
        "  chat search [--project X] [--provider P] [--since DATE] [--until DATE] WORDS...\n"
        "  chat export ID [--format md|html|json|pdf] [--out FILE]\n"
        "  chat import FILE.json\n"
        "  chat rename ID TITLE | delete ID | restore ID | pin ID | unpin ID | archive ID | unarchive ID\n");
}

int runChatCommand(const QString &sub, const Invocation &inv)
{
    if (sub == QLatin1String("ask")) // `chat ask QUESTION`, for questions that start with a subcommand's name
        return runAsk(inv);
    if (sub == QLatin1String("list"))
        return runList(inv);
    if (sub == QLatin1String("show"))
        return runShow(inv);
    if (sub == QLatin1String("search"))
        return runSearch(inv);
    if (sub == QLatin1String("export"))
        return runExport(inv);
    if (sub == QLatin1String("import"))
        return runImport(inv);
    for (const char *change : {"rename", "delete", "restore", "pin", "unpin", "archive", "unarchive"}) {
        if (sub == QLatin1String(change))
            return runChange(inv, sub);
    }
    Output::error(QStringLiteral("Unknown command \"chat %1\". Commands:\n%2").arg(sub, chatCommandsHelp()));
    return ExitUsage;
}

} // namespace Realm::Cli

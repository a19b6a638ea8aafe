// SPDX-License-Identifier: GPL-3.0-or-later
// How the chat panel keeps up with a long streamed answer.
//
//   bench_chat [TOKENS] [TOKENS_PER_SECOND]     (defaults: 20000, 200)
//
// A loopback mock provider streams an OpenAI-style answer of TOKENS deltas
// (prose, lists and code blocks) at the given rate into the real ChatPanel
// on the offscreen platform. Prints, as JSON: the UI thread's busy time per
// token (its CPU time over the answer, all work included: network reads,
// SSE decoding, Markdown rendering), and the longest stall of the event
// loop meanwhile.
#include "chat/chatpanel.h"
#include "chat/chatinput.h"
#include "chat/chatview.h"
#include "chat/providerstore.h"
#include "mockllmserver.h"
#include "secrets/memorysecretstore.h"
#include "stallmeter.h"
#include "testworkspace.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <ctime>

using namespace Realm;

namespace {
// CPU time this (the UI) thread has used: the work it did, whatever it was.
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// A realistic answer: paragraphs, a list now and then, code blocks.
QStringList answerTokens(int count)
{
    const QStringList words = {QStringLiteral("the"), QStringLiteral("importer"), QStringLiteral("reads"), QStringLiteral("each"),
                               QStringLiteral("entry"), QStringLiteral("and"), QStringLiteral("hashes"), QStringLiteral("its"),
                               QStringLiteral("bytes"), QStringLiteral("**before**"), QStringLiteral("writing"), QStringLiteral("`blobs`")};
    QStringList tokens;
    for (int i = 0; tokens.size() < count; ++i) {
        if (i % 400 == 399) {
            tokens << QStringLiteral("\n\n```cpp\n");
            for (int line = 0; line < 20 && tokens.size() < count; ++line)
                tokens << QStringLiteral("for (const Entry &e : entries) {") << QStringLiteral(" write(e); }\n");
            tokens << QStringLiteral("```\n\n");
        } else if (i % 150 == 149) {
            tokens << QStringLiteral("\n\n- first point\n- second point\n\n");
        } else if (i % 60 == 59) {
            tokens << QStringLiteral(".\n\n");
        } else {
            tokens << words.at(i % words.size()) + QLatin1Char(' ');
        }
    }
    return tokens;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int tokens = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20000;
    const int rate = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 200;

    Test::TestWorkspace ws;
    // The provider runs on its own thread, as a real one runs elsewhere: its
    // work must not count as the UI thread's.
    QThread serverThread;
    serverThread.start();
    QObject inServerThread;
    inServerThread.moveToThread(&serverThread);
    std::unique_ptr<Test::MockLlmServer> serverOwner;
    QMetaObject::invokeMethod(&inServerThread, [&] { serverOwner = std::make_unique<Test::MockLlmServer>(); }, Qt::BlockingQueuedConnection);
    Test::MockLlmServer &server = *serverOwner;
    Secrets::MemorySecretStore keys;
    Chat::ProviderStore providers(ws.db(), &keys, &keys);
    Chat::ProviderProfile profile;
    profile.name = QStringLiteral("mock");
    profile.baseUrl = QUrl(server.baseUrl(QStringLiteral("/v1")));
    profile.defaultModel = QStringLiteral("mock-model");
    if (!providers.create(profile))
        return 1;
    Test::MockLlmServer::Response response = Test::MockLlmServer::openAiStream(answerTokens(tokens));
    response.chunkIntervalMs = qMax(1, 1000 / rate);
    QMetaObject::invokeMethod(&inServerThread, [&] { server.enqueue(response); }, Qt::BlockingQueuedConnection);

    Ui::ChatPanel panel(ws.db(), &keys);
    panel.resize(520, 900);
    panel.show();
    while (panel.providerBox()->count() < 2)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);

    Bench::StallMeter stalls;
    const qint64 cpuAtStart = threadCpuNs();
    QElapsedTimer wall;
    wall.start();
    QObject::connect(&panel, &Ui::ChatPanel::answerFinished, &app, [&](bool ok) {
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        // The stall meter's own ticks (every 2 ms) cost UI-thread time too;
        // they are counted in, which makes the number an upper bound.
        const double busyNs = double(threadCpuNs() - cpuAtStart);
        std::printf("{\"tokens\":%d,\"tokens_per_second\":%d,\"ok\":%s,\"wall_s\":%.1f,"
                    "\"ui_busy_ms_per_token\":%.3f,\"ui_busy_share\":%.3f,\"worst_ui_stall_ms\":%.1f,\"chars\":%lld}\n",
                    tokens, rate, ok ? "true" : "false", seconds, busyNs / 1e6 / tokens, busyNs / 1e9 / seconds, stalls.worstMs(),
                    static_cast<long long>(panel.view()->toPlainText().size()));
        QTimer::singleShot(0, &app, &QCoreApplication::quit);
    });
    panel.input()->setPlainText(QStringLiteral("Explain the importer in depth."));
    panel.send();
    const int status = app.exec();
    QMetaObject::invokeMethod(&inServerThread, [&] { serverOwner.reset(); }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return status;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "mockllmserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace Realm::Test {

namespace {
QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 529: return "Overloaded";
    default: return "Status";
    }
}
} // namespace

QJsonObject MockLlmServer::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

MockLlmServer::MockLlmServer()
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                if (socket == m_heldSocket) {
                    ++m_abandoned;
                    m_heldSocket = nullptr;
                    emit connectionAbandoned();
                }
                socket->deleteLater();
            });
        }
    });
    m_server.listen(QHostAddress::LocalHost, 0);
}

MockLlmServer::~MockLlmServer()
{
    // The sockets die with m_server, after the members their handlers use.
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
        socket->disconnect(this);
}

QString MockLlmServer::baseUrl(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void MockLlmServer::enqueue(Response response)
{
    m_queue.append(std::move(response));
}

void MockLlmServer::readFrom(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return; // the body is still coming
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(request);
        emit requestReceived();
        respond(socket);
    }
}

void MockLlmServer::respond(QTcpSocket *socket)
{
    Response response = !m_queue.isEmpty() ? m_queue.takeFirst()
                        : m_responder      ? m_responder(m_requests.last())
                                           : jsonResponse(500, R"({"error":{"message":"the mock server has no scripted response left","type":"server_error"}})");
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n";
    socket->write(head);
    if (response.chunkIntervalMs > 0) {
        sendPaced(socket, response);
        return;
    }
    const int held = response.holdAfterChunks;
    if (held >= 0 && held < response.chunks.size()) {
        sendChunks(socket, response, 0, held);
        m_heldSocket = socket;
        m_heldResponse = response;
        m_heldResponse.holdAfterChunks = held; // where release() goes on
        return;
    }
    sendChunks(socket, response, 0, int(response.chunks.size()));
    finishResponse(socket, response);
}

void MockLlmServer::sendPaced(QTcpSocket *socket, const Response &response)
{
    auto *timer = new QTimer(socket);
    timer->setTimerType(Qt::PreciseTimer);
    auto next = std::make_shared<int>(0);
    connect(timer, &QTimer::timeout, socket, [this, socket, timer, next, response] {
        if (*next < response.chunks.size()) {
            sendChunks(socket, response, *next, *next + 1);
            ++*next;
            return;
        }
        timer->stop();
        finishResponse(socket, response);
    });
    timer->start(response.chunkIntervalMs);
}

void MockLlmServer::sendChunks(QTcpSocket *socket, const Response &response, int from, int to)
{
    for (int i = from; i < to; ++i) {
        const QByteArray &chunk = response.chunks.at(i);
        socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    }
    socket->flush();
}

void MockLlmServer::finishResponse(QTcpSocket *socket, const Response &response)
{
    if (response.dropConnection) {
        socket->disconnectFromHost();
        return;
    }
    socket->write("0\r\n\r\n");
    socket->flush();
}

void MockLlmServer::release()
{
    if (!m_heldSocket)
        return;
    QTcpSocket *socket = m_heldSocket;
    m_heldSocket = nullptr;
    sendChunks(socket, m_heldResponse, m_heldResponse.holdAfterChunks, int(m_heldResponse.chunks.size()));
    finishResponse(socket, m_heldResponse);
}

MockLlmServer::Response MockLlmServer::openAiStream(const QStringList &deltas, const QByteArray &finishReason)
{
    // As api.openai.com sends it: a role chunk, content chunks, a chunk with
    // finish_reason, the usage chunk (choices: []), then [DONE].
    Response r;
    r.headers = {{"Content-Type", "text/event-stream; charset=utf-8"}, {"openai-processing-ms", "87"}};
    const auto chunk = [](const QJsonObject &delta, const QJsonValue &finish) -> QByteArray {
        return "data: "
               + json({{QStringLiteral("id"), QStringLiteral("chatcmpl-mock")},
                       {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                       {QStringLiteral("created"), 1764115200},
                       {QStringLiteral("model"), QStringLiteral("gpt-mock")},
                       {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                                          {QStringLiteral("delta"), delta},
                                                                          {QStringLiteral("finish_reason"), finish}}}}})
               + "\n\n";
    };
    r.chunks << chunk({{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QString()}}, QJsonValue::Null);
    for (const QString &delta : deltas)
        r.chunks << chunk({{QStringLiteral("content"), delta}}, QJsonValue::Null);
    r.chunks << chunk({}, QString::fromLatin1(finishReason));
    r.chunks << "data: "
                    + json({{QStringLiteral("id"), QStringLiteral("chatcmpl-mock")},
                            {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                            {QStringLiteral("choices"), QJsonArray()},
                            {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 12},
                                                                  {QStringLiteral("completion_tokens"), int(deltas.size())},
                                                                  {QStringLiteral("total_tokens"), 12 + int(deltas.size())}}}})
                    + "\n\n";
    r.chunks << "data: [DONE]\n\n";
    return r;
}

MockLlmServer::Response MockLlmServer::openAiToolCalls(const QList<QPair<QString, QString>> &calls)
{
    Response r;
    r.headers = {{"Content-Type", "text/event-stream; charset=utf-8"}};
    const auto chunk = [](const QJsonObject &delta, const QJsonValue &finish) -> QByteArray {
        return "data: "
               + json({{QStringLiteral("id"), QStringLiteral("chatcmpl-tools")},
                       {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                       {QStringLiteral("model"), QStringLiteral("gpt-mock")},
                       {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                                          {QStringLiteral("delta"), delta},
                                                                          {QStringLiteral("finish_reason"), finish}}}}})
               + "\n\n";
    };
    r.chunks << chunk({{QStringLiteral("role"), QStringLiteral("assistant")}, {QStringLiteral("content"), QJsonValue::Null}}, QJsonValue::Null);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const auto &[name, arguments] = calls.at(i);
        r.chunks << chunk({{QStringLiteral("tool_calls"),
                            QJsonArray{QJsonObject{{QStringLiteral("index"), int(i)},
                                                   {QStringLiteral("id"), QStringLiteral("call_%1").arg(i + 1)},
                                                   {QStringLiteral("type"), QStringLiteral("function")},
                                                   {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), name},
                                                                                            {QStringLiteral("arguments"), QString()}}}}}}},
                          QJsonValue::Null);
        const qsizetype half = arguments.size() / 2;
        for (const QString &piece : {arguments.left(half), arguments.mid(half)})
            r.chunks << chunk({{QStringLiteral("tool_calls"),
                                QJsonArray{QJsonObject{{QStringLiteral("index"), int(i)},
                                                       {QStringLiteral("function"), QJsonObject{{QStringLiteral("arguments"), piece}}}}}}},
                              QJsonValue::Null);
    }
    r.chunks << chunk({}, QStringLiteral("tool_calls"));
    r.chunks << "data: [DONE]\n\n";
    return r;
}

MockLlmServer::Response MockLlmServer::anthropicStream(const QStringList &deltas, const QByteArray &stopReason)
{
    Response r;
    r.headers = {{"Content-Type", "text/event-stream; charset=utf-8"}, {"request-id", "req_mock"}};
    const auto event = [](const char *type, const QJsonObject &data) -> QByteArray {
        return QByteArray("event: ") + type + "\ndata: " + json(data) + "\n\n";
    };
    r.chunks << event("message_start",
                      {{QStringLiteral("type"), QStringLiteral("message_start")},
                       {QStringLiteral("message"), QJsonObject{{QStringLiteral("id"), QStringLiteral("msg_mock")},
                                                               {QStringLiteral("type"), QStringLiteral("message")},
                                                               {QStringLiteral("role"), QStringLiteral("assistant")},
                                                               {QStringLiteral("content"), QJsonArray()},
                                                               {QStringLiteral("model"), QStringLiteral("claude-mock")},
                                                               {QStringLiteral("stop_reason"), QJsonValue::Null},
                                                               {QStringLiteral("usage"), QJsonObject{{QStringLiteral("input_tokens"), 25},
                                                                                                     {QStringLiteral("output_tokens"), 1}}}}}});
    r.chunks << event("content_block_start", {{QStringLiteral("type"), QStringLiteral("content_block_start")},
                                              {QStringLiteral("index"), 0},
                                              {QStringLiteral("content_block"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                                                            {QStringLiteral("text"), QString()}}}});
    r.chunks << event("ping", {{QStringLiteral("type"), QStringLiteral("ping")}});
    for (const QString &delta : deltas)
        r.chunks << event("content_block_delta", {{QStringLiteral("type"), QStringLiteral("content_block_delta")},
                                                  {QStringLiteral("index"), 0},
                                                  {QStringLiteral("delta"), QJsonObject{{QStringLiteral("type"), QStringLiteral("text_delta")},
                                                                                        {QStringLiteral("text"), delta}}}});
    r.chunks << event("content_block_stop", {{QStringLiteral("type"), QStringLiteral("content_block_stop")}, {QStringLiteral("index"), 0}});
    r.chunks << event("message_delta", {{QStringLiteral("type"), QStringLiteral("message_delta")},
                                        {QStringLiteral("delta"), QJsonObject{{QStringLiteral("stop_reason"), QString::fromLatin1(stopReason)},
                                                                              {QStringLiteral("stop_sequence"), QJsonValue::Null}}},
                                        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("output_tokens"), int(deltas.size())}}}});
    r.chunks << event("message_stop", {{QStringLiteral("type"), QStringLiteral("message_stop")}});
    return r;
}

MockLlmServer::Response MockLlmServer::ollamaStream(const QStringList &deltas)
{
    Response r;
    r.headers = {{"Content-Type", "application/x-ndjson"}};
    for (const QString &delta : deltas)
        r.chunks << json({{QStringLiteral("model"), QStringLiteral("llama-mock")},
                          {QStringLiteral("created_at"), QStringLiteral("2026-11-26T12:00:00.000000Z")},
                          {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                  {QStringLiteral("content"), delta}}},
                          {QStringLiteral("done"), false}})
                        + '\n';
    r.chunks << json({{QStringLiteral("model"), QStringLiteral("llama-mock")},
                      {QStringLiteral("created_at"), QStringLiteral("2026-11-26T12:00:01.000000Z")},
                      {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                              {QStringLiteral("content"), QString()}}},
                      {QStringLiteral("done_reason"), QStringLiteral("stop")},
                      {QStringLiteral("done"), true},
                      {QStringLiteral("total_duration"), 1200000},
                      {QStringLiteral("prompt_eval_count"), 30},
                      {QStringLiteral("eval_count"), int(deltas.size())}})
                    + '\n';
    return r;
}

MockLlmServer::Response MockLlmServer::jsonResponse(int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers)
{
    Response r;
    r.status = status;
    r.headers = std::move(headers);
    r.headers.prepend({"Content-Type", "application/json"});
    r.chunks << body;
    return r;
}

} // namespace Realm::Test

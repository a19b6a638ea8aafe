// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace Realm::Test {

// A scripted LLM provider on 127.0.0.1 for tests: real HTTP/1.1 over
// loopback, answering each request with the next queued response (status,
// headers, a body streamed in chunks with chunked transfer encoding, the
// exact wire format of OpenAI, Anthropic or Ollama built by the helpers
// below). Records every request for the test to inspect.
class MockLlmServer final : public QObject {
    Q_OBJECT
public:
    struct Response {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QList<QByteArray> chunks;
        // Send only this many chunks, then keep the connection open until
        // release() (or the client goes away).
        int holdAfterChunks = -1;
        // Close the connection after the chunks without the terminating
        // zero-size chunk: a stream cut off by the network.
        bool dropConnection = false;
        // Send one chunk every this many milliseconds (0: all at once), as a
        // model producing tokens at a steady rate.
        int chunkIntervalMs = 0;
    };
    struct Request {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        QJsonObject json() const;
    };

    MockLlmServer();
    ~MockLlmServer() override;
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl(const QString &path = {}) const;

    void enqueue(Response response);
    // Answers requests when nothing is queued (e.g. a summary per file,
    // however many files there are); without one, those get a 500.
    void setResponder(std::function<Response(const Request &)> responder) { m_responder = std::move(responder); }
    // Stops listening: new connections are refused, as by a server that went away.
    void close() { m_server.close(); }
    // Sends the rest of a held response.
    void release();
    const QList<Request> &requests() const { return m_requests; }
    // Connections the client closed while a response was held.
    int abandonedConnections() const { return m_abandoned; }

    // Exact provider wire formats.
    static Response openAiStream(const QStringList &deltas, const QByteArray &finishReason = "stop");
    // An answer that only calls tools: (name, JSON arguments) pairs, the
    // arguments streamed in pieces as OpenAI does.
    static Response openAiToolCalls(const QList<QPair<QString, QString>> &calls);
    static Response anthropicStream(const QStringList &deltas, const QByteArray &stopReason = "end_turn");
    static Response ollamaStream(const QStringList &deltas);
    static Response jsonResponse(int status, const QByteArray &json, QList<QPair<QByteArray, QByteArray>> headers = {});

signals:
    void requestReceived();
    void connectionAbandoned();

private:
    struct Connection;
    std::function<Response(const Request &)> m_responder;
    void readFrom(QTcpSocket *socket);
    void respond(QTcpSocket *socket);
    void sendChunks(QTcpSocket *socket, const Response &response, int from, int to);
    void finishResponse(QTcpSocket *socket, const Response &response);
    void sendPaced(QTcpSocket *socket, const Response &response);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Response> m_queue;
    QList<Request> m_requests;
    QPointer<QTcpSocket> m_heldSocket;
    Response m_heldResponse;
    int m_abandoned = 0;
};

} // namespace Realm::Test

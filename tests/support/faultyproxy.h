// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <atomic>
#include <memory>

class QTcpSocket;
class QThread;

namespace Realm::Test {

// An HTTP proxy on 127.0.0.1 in front of a real server that breaks one
// request of its choosing the ways networks and middleboxes do: refusing,
// dropping the connection before or after the server acted, cutting the
// answer short, answering with an HTML error page, or never answering.
// Every other request passes through unchanged. One connection per request
// (it answers "Connection: close"), served on a thread of its own with
// blocking sockets, so the client under test may block its own thread.
class FaultyProxy final {
public:
    enum class Fault {
        None,
        Refuse,     // 503 with a JSON error, the server never asked
        // Closed before the server was asked, no byte answered: an HTTP
        // client may send it again on a new connection (Qt does, POSTs too,
        // as long as no whole head of an answer came).
        Drop,
        // The server acted, and the connection closes with no byte answered:
        // Qt sends the request again, and the server sees it twice.
        DropAfterActing,
        LoseAnswer, // the server acted; its head comes, then the connection closes
        Truncate,   // the server's answer, its body cut in half
        Garbage,    // the server acted; a 200 with an HTML page comes back
        Stall,      // the server acted; no answer until the client gives up
    };
    static const char *faultName(Fault fault);

    explicit FaultyProxy(QUrl upstream);
    ~FaultyProxy();

    // The proxy's own URL (http://127.0.0.1:PORT), empty if it did not start.
    QString url() const { return m_url; }
    // Breaks request number `request` (1-based, counted from now) with `fault`.
    void breakRequest(int request, Fault fault);
    // Requests seen since the last breakRequest() (or start).
    int requestCount() const { return m_seen.load(); }
    // Whether the planned fault happened.
    bool faultDone() const { return m_faultDone.load(); }

private:
    void serveOne(QTcpSocket &client, const QByteArray &head, const QByteArray &body);

    QUrl m_upstream;
    QString m_url;
    std::atomic<int> m_port{0};
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_seen{0};
    std::atomic<int> m_breakAt{0};
    std::atomic<int> m_fault{0};
    std::atomic<bool> m_faultDone{false};
    std::unique_ptr<QThread> m_thread;
};

} // namespace Realm::Test

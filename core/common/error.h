// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Realm {

// What went wrong, in words a person can act on. `code` lets callers branch
// (and the CLI pick an exit code); `message` says what failed, why, and
// what to do about it.
struct Error final {
    enum class Code {
        Failed,         // anything without a more specific code
        NotFound,       // a named project, file or row does not exist
        InvalidInput,   // the caller gave something unusable (bad query, bad path)
        Io,             // reading or writing a file failed
        Database,       // SQLite refused
        TooNew,         // the workspace was written by a newer REALM
        LimitExceeded,  // an import limit was hit
        Cancelled,      // the user stopped the job
        Unavailable,    // a service this needs is not there (no keychain, server down)
        Unauthenticated, // wrong credentials, an expired or revoked token
        Forbidden,      // signed in, but the role does not allow it
        Conflict,       // the request clashes with the current state (taken, already done)
        Throttled,      // too many attempts: wait retryAfterSeconds
        SecondFactorRequired, // the password was right; a one-time code is needed too
    };

    Code code = Code::Failed;
    QString message;
    int retryAfterSeconds = 0; // Throttled: when trying again may succeed

    static Error failed(const QString &message) { return {Code::Failed, message}; }
    static Error notFound(const QString &message) { return {Code::NotFound, message}; }
    static Error invalidInput(const QString &message) { return {Code::InvalidInput, message}; }
    static Error io(const QString &message) { return {Code::Io, message}; }
    static Error database(const QString &message) { return {Code::Database, message}; }
    static Error unavailable(const QString &message) { return {Code::Unavailable, message}; }
    static Error cancelled() { return {Code::Cancelled, QStringLiteral("Cancelled.")}; }
    static Error unauthenticated(const QString &message) { return {Code::Unauthenticated, message}; }
    static Error forbidden(const QString &message) { return {Code::Forbidden, message}; }
    static Error conflict(const QString &message) { return {Code::Conflict, message}; }
    static Error secondFactorRequired(const QString &message) { return {Code::SecondFactorRequired, message}; }
    static Error throttled(const QString &message, int retryAfterSeconds) { return {Code::Throttled, message, retryAfterSeconds}; }
};

// A value or an Error. Small on purpose: std::expected arrives with C++23.
template<typename T>
class [[nodiscard]] Result final {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    // By value: `for (x : *store.files())` must not dangle once the
    // temporary Result is gone.
    T value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }
    T operator*() const && = delete;
    T &operator*() & { return value(); }
    T operator*() && { return std::move(*this).value(); }

    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void> final {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

QString errorCodeName(Error::Code code);

} // namespace Realm

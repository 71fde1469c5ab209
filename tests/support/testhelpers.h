#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

// Small helpers every test uses. They never block the event loop for long: FakeCloudServer lives in
// the test's thread and must keep answering while a test waits.

/// The fixture folder, the source tree's tests/data (the same folder as DATA_DIR in a test).
[[nodiscard]] QString testDataDir();
/// @p relativePath under testDataDir() ("digitalocean/droplets.json").
[[nodiscard]] QString testDataPath(const QString &relativePath);
/// The bytes of a fixture under tests/data; records a test failure and returns empty if unreadable.
[[nodiscard]] QByteArray readFixture(const QString &relativePath);
/// Writes @p content to @p path, making its folder first; whether all of it was written.
[[nodiscard]] bool writeFile(const QString &path, const QByteArray &content);
/// A fixture parsed as JSON; records a test failure if unreadable or not JSON.
[[nodiscard]] QJsonDocument readJsonFixture(const QString &relativePath);

/// @brief A certificate and its private key, for an HTTPS FakeCloudServer.
struct TestCertificate
{
    QSslCertificate certificate;
    QSslKey key;

    [[nodiscard]] bool isNull() const { return certificate.isNull() || key.isNull(); }
    /// SHA-256 of the certificate's DER in lower-case hex, as HttpClient pins it.
    [[nodiscard]] QByteArray sha256() const;
};

/// A new self-signed certificate (valid 2 days) for @p commonName with the subject alternative
/// names localhost and 127.0.0.1, made by the openssl command line tool. Each call gives a
/// different certificate. Null (and a recorded test failure) when openssl fails.
[[nodiscard]] TestCertificate
makeSelfSignedCertificate(const QString &commonName = QStringLiteral("localhost"));

/// @brief What a finished child process left behind.
struct CliRun
{
    int exitCode = -1;
    QByteArray out; ///< everything written to stdout
    QByteArray err; ///< everything written to stderr
    bool finished = false; ///< false: failed to start, crashed or killed at the timeout
    bool timedOut = false;
    QString errorString; ///< why it did not finish normally

    [[nodiscard]] QString outText() const { return QString::fromUtf8(out); }
    [[nodiscard]] QString errText() const { return QString::fromUtf8(err); }
};

/// Runs @p program with @p args, writes @p stdinData to its stdin and closes it, and waits for it
/// to exit while the event loop keeps running (so a FakeCloudServer in this thread answers).
/// Killed after @p timeoutMs.
[[nodiscard]] CliRun
runProcess(const QString &program, const QStringList &args, const QByteArray &stdinData = {},
           const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
           int timeoutMs = 30'000);

/// clouddeck-cli as built beside the tests (bin/ of the build tree).
[[nodiscard]] QString cliPath();
/// runProcess() of cliPath() with @p args.
[[nodiscard]] CliRun
runCli(const QStringList &args, const QByteArray &stdinData = {},
       const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

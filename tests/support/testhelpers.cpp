#include "testhelpers.h"

#include "httpclient.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonParseError>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
void fail(const QString &message)
{
    QTest::qFail(message.toUtf8().constData(), __FILE__, __LINE__);
}
} // namespace

QString testDataDir()
{
    return QStringLiteral(CLOUDDECK_TEST_DATA_DIR);
}

QString testDataPath(const QString &relativePath)
{
    return QDir(testDataDir()).filePath(relativePath);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFixture(const QString &relativePath)
{
    QFile file(testDataPath(relativePath));
    if (!file.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("cannot read fixture %1: %2").arg(file.fileName(), file.errorString()));
        return {};
    }
    return file.readAll();
}

QJsonDocument readJsonFixture(const QString &relativePath)
{
    const QByteArray bytes = readFixture(relativePath);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        fail(QStringLiteral("fixture %1 is not JSON: %2").arg(relativePath, error.errorString()));
    return document;
}

QByteArray TestCertificate::sha256() const
{
    return HttpClient::certificateSha256(certificate);
}

TestCertificate makeSelfSignedCertificate(const QString &commonName)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        fail(QStringLiteral("no temporary folder for the certificate: %1").arg(dir.errorString()));
        return TestCertificate();
    }
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    const QString certificatePath = dir.filePath(QStringLiteral("cert.pem"));
    // An EC key: as good as RSA for the handshake and ~100 times faster to generate.
    const CliRun run =
        runProcess(QStringLiteral("openssl"),
                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certificatePath,
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                    QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")},
                   {}, QProcessEnvironment::systemEnvironment(), 30'000);
    if (!run.finished || run.exitCode != 0) {
        fail(QStringLiteral("openssl req failed (%1): %2").arg(run.errorString, run.errText()));
        return TestCertificate();
    }
    QFile keyFile(keyPath);
    QFile certificateFile(certificatePath);
    if (!keyFile.open(QIODevice::ReadOnly) || !certificateFile.open(QIODevice::ReadOnly)) {
        fail(QStringLiteral("openssl wrote no key or certificate"));
        return TestCertificate();
    }
    TestCertificate result;
    result.key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    result.certificate = QSslCertificate(certificateFile.readAll(), QSsl::Pem);
    if (result.isNull())
        fail(QStringLiteral("cannot load the certificate or key that openssl made"));
    return result;
}

CliRun runProcess(const QString &program, const QStringList &args, const QByteArray &stdinData,
                  const QProcessEnvironment &env, int timeoutMs)
{
    CliRun run;
    QProcess process;
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            loop.quit();
    });
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        run.timedOut = true;
        process.kill(); // finished() follows and ends the loop
        QTimer::singleShot(5'000, &loop, &QEventLoop::quit);
    });

    process.start(program, args);
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (process.state() != QProcess::NotRunning) {
        deadline.start(timeoutMs);
        loop.exec();
    }
    deadline.stop();

    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(1'000);
    }
    run.finished = !run.timedOut && process.error() != QProcess::FailedToStart
                   && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = run.finished ? process.exitCode() : -1;
    if (run.timedOut)
        run.errorString = QStringLiteral("killed after %1 ms").arg(timeoutMs);
    else if (!run.finished)
        run.errorString = process.errorString();
    return run;
}

QString cliPath()
{
    return QStringLiteral(CLOUDDECK_TEST_BIN_DIR "/clouddeck-cli");
}

CliRun runCli(const QStringList &args, const QByteArray &stdinData, const QProcessEnvironment &env)
{
    return runProcess(cliPath(), args, stdinData, env);
}

// FakeResponse and RecordedRequest, the value types of fakecloudserver.h.
#include "fakecloudserver.h"

#include "testhelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject RecordedRequest::json() const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const QByteArray message = "request body is not a JSON object: " + body.left(200);
        QTest::qFail(message.constData(), __FILE__, __LINE__);
        return {};
    }
    return document.object();
}

FakeResponse FakeResponse::json(const QJsonDocument &document, int status)
{
    return raw(status, document.toJson(QJsonDocument::Compact));
}

FakeResponse FakeResponse::json(const QJsonObject &object, int status)
{
    return json(QJsonDocument(object), status);
}

FakeResponse FakeResponse::raw(int status, const QByteArray &body, const QByteArray &contentType)
{
    FakeResponse response;
    response.status = status;
    response.body = body;
    if (!contentType.isEmpty())
        response.headers.append({"Content-Type", contentType});
    return response;
}

FakeResponse FakeResponse::file(const QString &path, int status, const QByteArray &contentType)
{
    // Relative paths are fixtures under tests/data.
    const QString resolved = QFileInfo(path).isAbsolute() ? path : testDataPath(path);
    QFile file(resolved);
    if (!file.open(QIODevice::ReadOnly)) {
        const QByteArray message =
            "cannot read fixture " + resolved.toUtf8() + ": " + file.errorString().toUtf8();
        QTest::qFail(message.constData(), __FILE__, __LINE__);
        return raw(500, R"({"id":"fixture_missing","message":"fixture missing"})");
    }
    return raw(status, file.readAll(), contentType);
}

FakeResponse &FakeResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

FakeResponse &FakeResponse::withDelay(int ms)
{
    delayMs = ms;
    return *this;
}

FakeResponse &FakeResponse::withFault(Fault newFault)
{
    fault = newFault;
    return *this;
}

FakeResponse FakeResponse::generated(qint64 size, BodySource source, int status)
{
    FakeResponse response = raw(status, {});
    response.source = std::move(source);
    response.sourceSize = size;
    return response;
}

FakeResponse &FakeResponse::withTrickle(int bytes, int intervalMs)
{
    trickleBytes = bytes;
    trickleIntervalMs = intervalMs;
    return *this;
}

FakeResponse &FakeResponse::withStall(qint64 bytes)
{
    stallAfterBytes = bytes;
    return *this;
}

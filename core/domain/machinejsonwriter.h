#pragma once

#include "bytebuffer.h"
#include "clouddeck_core_export.h"
#include "machine.h"

#include <QByteArray>
#include <QHash>

class QIODevice;
class QJsonValue;
class QVariant;

/**
 * @brief Writes machines as the JSON array of `clouddeck-cli machines list --json`, one machine
 * at a time, straight to UTF-8 bytes.
 *
 * The output is byte for byte what QJsonDocument(array).toJson(Indented) gives for the objects of
 * Machine::toJson() with an "account" key added (keys sorted, four-space indents), so the format
 * stays what scripts already read; but nothing is built per machine: no QJsonObject of 25 keys,
 * no document of the whole list, no UTF-16 round trip. That was most of the CLI's time and
 * memory for a large list (issue 13). Machine::toJson() stays the reference the tests compare to.
 *
 * Bytes go to the device in chunks as they accumulate; end() writes the rest. A writer without a
 * device keeps them (writeAll() renders a share of a list that way on another thread).
 */
class CLOUDDECK_CORE_EXPORT MachineJsonWriter
{
public:
    explicit MachineJsonWriter(QIODevice *device);
    ~MachineJsonWriter();
    MachineJsonWriter(const MachineJsonWriter &) = delete;
    MachineJsonWriter &operator=(const MachineJsonWriter &) = delete;

    /// Writes @p machine as the next element; @p accountName becomes its "account" key.
    void write(const Machine &machine, const QString &accountName);
    /// Writes all of @p machines as write() would, one after another, each with its account's
    /// name from @p accountNames (the account id where it has none). Large lists are rendered
    /// by two threads: see machinejsonwriterall.cpp.
    void writeAll(const QList<const Machine *> &machines,
                  const QHash<QString, QString> &accountNames);
    /// Closes the array (an empty one when nothing was written) and flushes. Idempotent.
    void end();

    /// The bytes not written yet.
    using Sink = ByteBuffer;

    /// Appends @p text as a JSON string literal (quoted, escaped as QJsonDocument does).
    static void appendString(Sink &out, QStringView text);

private:
    void key(const char *name, int indent);
    void value(const QJsonValue &value, int indent);
    void variant(const QVariant &value, int indent);
    void stringList(const QStringList &list, int indent);
    void number(double value);
    void flushIfFull();
    void writeRange(const QList<const Machine *> &machines, qsizetype from, qsizetype to,
                    const QHash<QString, QString> &accountNames);
    void writeBytes(const QByteArray &bytes);

    QIODevice *m_device;
    Sink m_buffer;
    bool m_started = false;
    bool m_ended = false;
};

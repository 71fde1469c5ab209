// MachineJsonWriter::writeAll(): a large list rendered by two threads, written in order.
#include "machinejsonwriter.h"

#include <QIODevice>
#include <QThreadPool>

#include <future>
#include <memory>

namespace {
// Machines per share: about 600 KB of JSON, so a share is worth a thread's hand-over and the
// bytes held in memory stay small beside the list itself.
constexpr qsizetype s_share = 512;
} // namespace

void MachineJsonWriter::writeAll(const QList<const Machine *> &machines,
                                 const QHash<QString, QString> &accountNames)
{
    // Printing 10,000 machines took 26-40 ms on one core, after the last page was in and with
    // the pool idle. The shares alternate: this thread renders the even ones straight into its
    // own buffer while the pool renders the next odd one into a buffer of its own, which is
    // written when this thread gets to it. The bytes are the same as one write() after another.
    const qsizetype count = machines.size();
    QThreadPool *pool = QThreadPool::globalInstance();
    if (count < 2 * s_share || pool->maxThreadCount() < 2)
        return writeRange(machines, 0, count, accountNames);
    // Both are read only, by both threads, until the last share is in: nothing detaches them.
    const auto render = [&machines, &accountNames, count](qsizetype from) {
        MachineJsonWriter share(nullptr);
        share.m_started = true; // it follows other elements: each of its own opens with ",\n"
        share.writeRange(machines, from, std::min(from + s_share, count), accountNames);
        share.m_ended = true; // the array is this writer's to close
        return share.m_buffer.take();
    };
    std::future<QByteArray> odd;
    for (qsizetype from = 0, n = 0; from < count; from += s_share, ++n) {
        if (n % 2 == 1) {
            writeBytes(odd.get());
            continue;
        }
        if (from + s_share < count) {
            auto promise = std::make_shared<std::promise<QByteArray>>();
            odd = promise->get_future();
            pool->start(
                [promise, render, next = from + s_share] { promise->set_value(render(next)); });
        }
        writeRange(machines, from, std::min(from + s_share, count), accountNames);
    }
}

void MachineJsonWriter::writeRange(const QList<const Machine *> &machines, qsizetype from,
                                   qsizetype to, const QHash<QString, QString> &accountNames)
{
    for (qsizetype i = from; i < to; ++i) {
        const Machine &machine = *machines.at(i);
        const auto name = accountNames.constFind(machine.accountId);
        write(machine, name == accountNames.cend() ? machine.accountId : *name);
    }
}

void MachineJsonWriter::writeBytes(const QByteArray &bytes)
{
    m_started = true;
    if (!m_device) {
        m_buffer.append(bytes);
        return;
    }
    // Ours first, then the share's as it is: no copy of 600 KB into our buffer.
    if (m_buffer.size() > 0)
        m_device->write(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
    m_device->write(bytes);
}

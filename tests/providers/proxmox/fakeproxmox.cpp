#include "fakeproxmox.h"

#include "testhelpers.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

namespace {
QJsonObject wrapped(const QJsonValue &value)
{
    return QJsonObject {{QStringLiteral("data"), value}};
}

QStringList templateNames(const QString &pathTemplate)
{
    QStringList names;
    static const QRegularExpression s_name(QStringLiteral("\\{([a-z]+)\\}"));
    for (const QRegularExpressionMatch &match : s_name.globalMatch(pathTemplate))
        names.append(match.captured(1));
    return names;
}
} // namespace

FakeProxmox::FakeProxmox(FakeCloudServer &server, QByteArray authorization)
    : m_server(server)
    , m_authorization(std::move(authorization))
    , m_resources(readJsonFixture(QStringLiteral("proxmox/cluster_resources.json"))
                      .object()
                      .value(QStringLiteral("data"))
                      .toArray())
{
    route("GET", QStringLiteral("/version"), [](const auto &, const auto &) {
        return FakeResponse::file(QStringLiteral("proxmox/version.json"));
    });
    route("GET", QStringLiteral("/nodes"), [](const auto &, const auto &) {
        return FakeResponse::file(QStringLiteral("proxmox/nodes.json"));
    });
    route("GET", QStringLiteral("/cluster/resources"), [this](const auto &params, const auto &) {
        if (params.value(QStringLiteral("type")) != QLatin1String("vm"))
            m_violations.append(QStringLiteral("/cluster/resources without type=vm"));
        QJsonArray resources = m_resources;
        for (qsizetype i = 0; i < resources.size() && !m_heldId.isEmpty(); ++i) {
            QJsonObject object = resources.at(i).toObject();
            if (object.value(QStringLiteral("id")) == m_heldId) {
                object.insert(QStringLiteral("status"), m_heldStatus);
                resources.replace(i, object);
            }
        }
        m_heldId.clear();
        return FakeResponse::json(wrapped(resources));
    });
    route("GET", QStringLiteral("/cluster/nextid"), [this](const auto &, const auto &) {
        const int id = m_nextId;
        return FakeResponse::json(
            wrapped(m_nextIdAsString ? QJsonValue(QString::number(id)) : QJsonValue(id)));
    });
    route("GET", QStringLiteral("/nodes/{node}/tasks/{upid}/status"),
          [this](const auto &params, const auto &) {
              const QString upid = params.value(QStringLiteral("upid"));
              auto it = m_tasks.find(upid);
              if (it == m_tasks.end())
                  return failure(500, QStringLiteral("unable to parse worker upid '%1'").arg(upid));
              if (it->node != params.value(QStringLiteral("node")))
                  m_violations.append(QStringLiteral("task %1 read on another node").arg(upid));
              QJsonObject status {{QStringLiteral("upid"), upid},
                                  {QStringLiteral("node"), it->node},
                                  {QStringLiteral("pid"), 239857},
                                  {QStringLiteral("pstart"), 28492756},
                                  {QStringLiteral("starttime"), 1733144737},
                                  {QStringLiteral("type"), it->type},
                                  {QStringLiteral("id"), upid.section(QLatin1Char(':'), 6, 6)},
                                  {QStringLiteral("user"), QStringLiteral("clouddeck@pve!ci")}};
              if (it->pollsLeft > 0) {
                  --it->pollsLeft;
                  status.insert(QStringLiteral("status"), QStringLiteral("running"));
              } else {
                  if (it->onSuccess && it->exitStatus == QLatin1String("OK"))
                      std::exchange(it->onSuccess, {})();
                  status.insert(QStringLiteral("status"), QStringLiteral("stopped"));
                  status.insert(QStringLiteral("exitstatus"), it->exitStatus);
              }
              return FakeResponse::json(wrapped(status));
          });
    route("GET", QStringLiteral("/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces"),
          [this](const auto &params, const auto &) {
              const int vmid = params.value(QStringLiteral("vmid")).toInt();
              if (m_agentReplies.contains(vmid))
                  return m_agentReplies.value(vmid);
              const int index = indexOf(QStringLiteral("qemu"), vmid);
              if (index < 0)
                  return failure(
                      500, QStringLiteral(
                               "Configuration file 'nodes/%1/qemu-server/%2.conf' does not exist")
                               .arg(params.value(QStringLiteral("node")))
                               .arg(vmid));
              if (m_resources.at(index)[QStringLiteral("status")] != QLatin1String("running"))
                  return failure(500, QStringLiteral("VM %1 is not running").arg(vmid));
              return FakeResponse::file(QStringLiteral("proxmox/agent_interfaces.json"));
          });
    route("GET", QStringLiteral("/nodes/{node}/lxc/{vmid}/interfaces"),
          [](const auto &, const auto &) {
              return FakeResponse::file(QStringLiteral("proxmox/lxc_interfaces.json"));
          });
    serveGuestActions(QStringLiteral("qemu"));
    serveGuestActions(QStringLiteral("lxc"));
    serveRrdData(QStringLiteral("qemu"));
    serveRrdData(QStringLiteral("lxc"));
}

void FakeProxmox::serveRrdData(const QString &type)
{
    route("GET", QStringLiteral("/nodes/{node}/%1/{vmid}/rrddata").arg(type),
          [this, type](const auto &params, const auto &) {
              const int vmid = params.value(QStringLiteral("vmid")).toInt();
              const int index = indexOf(type, vmid);
              // pvedaemon reads the RRD of the node asked; another node has no such guest.
              if (index < 0
                  || m_resources.at(index)[QStringLiteral("node")]
                         != params.value(QStringLiteral("node")))
                  return failure(500, QStringLiteral("Configuration file 'nodes/%1/%2/%3.conf' "
                                                     "does not exist")
                                          .arg(params.value(QStringLiteral("node")),
                                               type == QLatin1String("qemu")
                                                   ? QStringLiteral("qemu-server")
                                                   : QStringLiteral("lxc"))
                                          .arg(vmid));
              if (m_rrdReplies.contains(vmid))
                  return m_rrdReplies.value(vmid);
              return FakeResponse::file(QStringLiteral("proxmox/rrddata_%1.json").arg(type));
          });
}

QString FakeProxmox::path(const QString &path)
{
    return QString::fromLatin1(basePath) + path;
}

QString FakeProxmox::pattern(const QString &pathTemplate)
{
    QString result = path(pathTemplate);
    static const QRegularExpression s_name(QStringLiteral("\\{[a-z]+\\}"));
    return result.replace(s_name, QStringLiteral("*"));
}

QList<RecordedRequest> FakeProxmox::requests(const QByteArray &method,
                                             const QString &pathTemplate) const
{
    return m_server.requests(method, pattern(pathTemplate));
}

QJsonObject FakeProxmox::resource(const QString &id) const
{
    for (const QJsonValue &value : m_resources) {
        if (value[QStringLiteral("id")] == id)
            return value.toObject();
    }
    return {};
}

void FakeProxmox::setStatus(const QString &id, const QString &status)
{
    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        QJsonObject object = m_resources.at(i).toObject();
        if (object.value(QStringLiteral("id")) == id) {
            object.insert(QStringLiteral("status"), status);
            m_resources.replace(i, object);
        }
    }
}

int FakeProxmox::indexOf(const QString &type, int vmid) const
{
    for (qsizetype i = 0; i < m_resources.size(); ++i) {
        const QJsonObject object = m_resources.at(i).toObject();
        if (object.value(QStringLiteral("type")) == type
            && object.value(QStringLiteral("vmid")).toInt() == vmid)
            return int(i);
    }
    return -1;
}

FakeResponse FakeProxmox::failure(int status, const QString &message)
{
    return FakeResponse::json(QJsonObject {{QStringLiteral("data"), QJsonValue::Null},
                                           {QStringLiteral("message"), message + u'\n'}},
                              status);
}

void FakeProxmox::route(const QByteArray &method, const QString &pathTemplate, Handler handler)
{
    if (!m_schema.has(QString::fromLatin1(method), pathTemplate))
        m_violations.append(QStringLiteral("the fake serves %1 %2, which the schema lacks")
                                .arg(QString::fromLatin1(method), pathTemplate));
    const QStringList names = templateNames(pathTemplate);
    m_server.on(method, pattern(pathTemplate),
                [this, method, pathTemplate, names, handler](const RecordedRequest &request) {
                    // pveproxy: the token header first (401 with the reason only in the status
                    // line, no body), then the parameters.
                    if (request.header("Authorization") != m_authorization)
                        return FakeResponse::raw(401, QByteArray(), "text/plain");
                    QMap<QString, QString> params;
                    for (qsizetype i = 0; i < names.size() && i < request.pathArgs.size(); ++i)
                        params.insert(names.at(i), request.pathArgs.at(i));
                    QStringList problems;
                    if (method == "POST" || method == "PUT") {
                        const QByteArray type = request.header("Content-Type");
                        if (!request.body.isEmpty()
                            && !type.startsWith("application/x-www-form-urlencoded"))
                            problems.append(QStringLiteral("body is not a form: ")
                                            + QString::fromLatin1(type));
                        const QUrlQuery form(QString::fromUtf8(request.body).replace(u'+', u' '));
                        for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
                            params.insert(key, value);
                    } else if (!request.body.isEmpty()) {
                        return failure(501, QStringLiteral("Unexpected content for method '%1'")
                                                .arg(QString::fromLatin1(method)));
                    }
                    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded))
                        params.insert(key, value);
                    problems += m_schema.check(QString::fromLatin1(method), pathTemplate, params);
                    if (!problems.isEmpty()) {
                        m_violations += problems;
                        QJsonObject errors;
                        for (const QString &problem : problems)
                            errors.insert(QString::number(errors.size()), problem);
                        return FakeResponse::json(
                            QJsonObject {{QStringLiteral("data"), QJsonValue::Null},
                                         {QStringLiteral("errors"), errors},
                                         {QStringLiteral("message"),
                                          QStringLiteral("Parameter verification failed.\n")}},
                            400);
                    }
                    return handler(params, request);
                });
}

FakeResponse FakeProxmox::startTask(const QString &node, const QString &type, int vmid,
                                    std::function<void()> onSuccess)
{
    static int s_pid = 0x3A8F1;
    // As pve-common's upid_encode prints it: hex fields upper case, 8 digits.
    const QString upid =
        QStringLiteral("UPID:%1:%2:01B2C3D4:674DB0A1:%3:%4:clouddeck@pve!ci:")
            .arg(node, QString::number(++s_pid, 16).toUpper().rightJustified(8, u'0'), type)
            .arg(vmid);
    Task task;
    task.node = node;
    task.type = type;
    task.pollsLeft = m_taskPolls;
    task.exitStatus = m_nextFailure.isEmpty() ? QStringLiteral("OK") : m_nextFailure;
    task.onSuccess = std::move(onSuccess);
    m_nextFailure.clear();
    m_tasks.insert(upid, task);
    m_taskOrder.append(upid);
    return FakeResponse::json(wrapped(upid));
}

void FakeProxmox::serveGuestActions(const QString &type)
{
    const bool qemu = type == QLatin1String("qemu");
    const QString prefix = qemu ? QStringLiteral("qm") : QStringLiteral("vz");
    const QString base = QStringLiteral("/nodes/{node}/%1/{vmid}").arg(type);
    // A guest Proxmox does not know, or on another node: the 500 pvedaemon answers.
    const auto missing = [type](const QMap<QString, QString> &params) {
        return failure(500,
                       QStringLiteral("Configuration file 'nodes/%1/%2/%3.conf' does not exist")
                           .arg(params.value(QStringLiteral("node")),
                                type == QLatin1String("qemu") ? QStringLiteral("qemu-server")
                                                              : QStringLiteral("lxc"),
                                params.value(QStringLiteral("vmid"))));
    };
    const struct
    {
        const char *action;
        const char *status; // after the task
    } actions[] = {
        {"start", "running"}, {"shutdown", "stopped"}, {"stop", "stopped"}, {"reboot", "running"}};
    for (const auto &action : actions) {
        const QString verb = QString::fromLatin1(action.action);
        const QString after = QString::fromLatin1(action.status);
        route("POST", base + QStringLiteral("/status/") + verb,
              [=, this](const auto &params, const auto &) {
                  const int vmid = params.value(QStringLiteral("vmid")).toInt();
                  const int index = indexOf(type, vmid);
                  if (index < 0
                      || m_resources.at(index)[QStringLiteral("node")]
                             != params.value(QStringLiteral("node")))
                      return missing(params);
                  return startTask(params.value(QStringLiteral("node")), prefix + verb, vmid,
                                   [this, type, vmid, after] {
                                       const int at = indexOf(type, vmid);
                                       if (at < 0)
                                           return;
                                       QJsonObject object = m_resources.at(at).toObject();
                                       object.insert(QStringLiteral("status"), after);
                                       m_resources.replace(at, object);
                                   });
              });
    }
    route("DELETE", base, [=, this](const auto &params, const auto &) {
        const int vmid = params.value(QStringLiteral("vmid")).toInt();
        const int index = indexOf(type, vmid);
        if (index < 0)
            return missing(params);
        if (m_resources.at(index)[QStringLiteral("status")] == QLatin1String("running"))
            failNextTask(QStringLiteral("VM %1 is running - destroy failed").arg(vmid));
        return startTask(params.value(QStringLiteral("node")), prefix + QStringLiteral("destroy"),
                         vmid, [this, type, vmid] {
                             const int at = indexOf(type, vmid);
                             if (at >= 0)
                                 m_resources.removeAt(at);
                         });
    });
    route("POST", base + QStringLiteral("/clone"), [=, this](const auto &params, const auto &) {
        const int vmid = params.value(QStringLiteral("vmid")).toInt();
        const int index = indexOf(type, vmid);
        if (index < 0)
            return missing(params);
        const int newId = params.value(QStringLiteral("newid")).toInt();
        if (newId == m_nextId)
            ++m_nextId;
        QJsonObject clone = m_resources.at(index).toObject();
        const QString node =
            params.value(QStringLiteral("target"), params.value(QStringLiteral("node")));
        clone.insert(QStringLiteral("id"), QStringLiteral("%1/%2").arg(type).arg(newId));
        clone.insert(QStringLiteral("vmid"), newId);
        clone.insert(QStringLiteral("node"), node);
        clone.insert(QStringLiteral("template"), 0);
        clone.insert(QStringLiteral("status"), QStringLiteral("stopped"));
        clone.insert(QStringLiteral("name"),
                     params.value(qemu ? QStringLiteral("name") : QStringLiteral("hostname")));
        return startTask(params.value(QStringLiteral("node")), prefix + QStringLiteral("clone"),
                         vmid, [this, clone] { m_resources.append(clone); });
    });
    // Cores, memory and tags of a guest: POST (asynchronous, a task) for qemu, PUT for lxc.
    route(qemu ? "POST" : "PUT", base + QStringLiteral("/config"),
          [=, this](const auto &params, const auto &) {
              const int vmid = params.value(QStringLiteral("vmid")).toInt();
              const int index = indexOf(type, vmid);
              if (index < 0)
                  return missing(params);
              QJsonObject object = m_resources.at(index).toObject();
              if (params.contains(QStringLiteral("cores")))
                  object.insert(QStringLiteral("maxcpu"),
                                params.value(QStringLiteral("cores")).toInt());
              if (params.contains(QStringLiteral("memory"))) {
                  const qint64 mib =
                      params.value(QStringLiteral("memory")).section(u'=', -1).toLongLong();
                  object.insert(QStringLiteral("maxmem"), double(mib * 1024 * 1024));
              }
              if (params.contains(QStringLiteral("tags")))
                  object.insert(QStringLiteral("tags"), params.value(QStringLiteral("tags")));
              m_resources.replace(index, object);
              if (!qemu)
                  return FakeResponse::json(wrapped(QJsonValue::Null));
              return startTask(params.value(QStringLiteral("node")), QStringLiteral("qmconfig"),
                               vmid, {});
          });
}

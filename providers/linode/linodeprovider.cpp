#include "linodeprovider.h"

#include "sshpublickey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <algorithm>

Q_LOGGING_CATEGORY(lcLinode, "clouddeck.provider.linode", QtInfoMsg)

LinodeProvider::LinodeProvider(const ProviderMetadata &metadata, const Account &account,
                               const QVariantMap &secrets, QObject *parent)
    : Provider(metadata, account, secrets, parent)
    , m_machines(
          [this](Callback<QList<Machine>> done) {
              listAll<Machine>(QStringLiteral("/linode/instances"), &LinodeParser::instances,
                               std::move(done));
          },
          [this](Callback<PriceTable> done) {
              listTypes([done](Result<QList<LinodeParser::Type>> types) {
                  if (!types.ok())
                      return done(types.error());
                  done(LinodeParser::priceTable(types.value()));
              });
          })
{
    const QByteArray authorization = "Bearer " + secret(QStringLiteral("token")).toUtf8();
    http()->setAuthorizer([authorization](HttpRequest &request) {
        request.setHeader("Authorization", authorization);
    });
    // {"errors": [{"reason": "Invalid Token"}]}, with "field" for validation errors.
    http()->setErrorReader([](const HttpResponse &response) {
        const Result<QJsonObject> body = response.jsonObject();
        return body.ok() ? LinodeParser::error(body.value()) : HttpClient::ProviderError {};
    });
    // X-RateLimit-Limit / -Remaining / -Reset (epoch seconds) and Retry-After on 429: the default
    // rate-limit reader and HttpClient's retry handle them as Linode documents them.
}

void LinodeProvider::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 25, 500);
}

template<typename T>
void LinodeProvider::listAll(const QString &path, PagedList::PageParser<T> parse,
                             Callback<QList<T>> done)
{
    auto requested = std::make_shared<int>(1);
    const auto pageUrl = [this, path](int page) {
        return url(path, {{QStringLiteral("page"), QString::number(page)},
                          {QStringLiteral("page_size"), QString::number(m_pageSize)}});
    };
    PagedList::collect<T>(
        http(), HttpRequest::get(pageUrl(1)), std::move(parse),
        [requested, pageUrl](const QJsonObject &page) -> Result<std::optional<HttpRequest>> {
            const Result<std::optional<int>> next = LinodeParser::nextPage(page, *requested);
            if (!next.ok())
                return next.error();
            if (!next.value())
                return std::optional<HttpRequest>();
            *requested = *next.value();
            return std::optional<HttpRequest>(HttpRequest::get(pageUrl(*requested)));
        },
        std::move(done));
}

void LinodeProvider::verify(Callback<QString> done)
{
    http()->sendJson(HttpRequest::get(url(QStringLiteral("/profile"))),
                     [done](Result<QJsonObject> reply) {
                         if (!reply.ok())
                             return done(reply.error());
                         done(LinodeParser::profile(reply.value()));
                     });
}

void LinodeProvider::listMachines(Callback<QList<Machine>> done)
{
    m_machines.list(std::move(done));
}

void LinodeProvider::runAction(const QString &machineId, MachineAction::Action action,
                               Callback<void> done)
{
    const QString path = QStringLiteral("/linode/instances/") + machineId;
    HttpRequest request;
    request.method = "POST";
    switch (action) {
    case MachineAction::Start:
        request.url = url(path + QStringLiteral("/boot"));
        break;
    case MachineAction::Shutdown:
        request.url = url(path + QStringLiteral("/shutdown"));
        break;
    case MachineAction::Reboot:
        request.url = url(path + QStringLiteral("/reboot"));
        break;
    case MachineAction::Destroy:
        request.method = "DELETE";
        request.url = url(path);
        break;
    case MachineAction::PowerOff:
        return unsupported(tr("a forced power-off (shut the Linode down instead)"),
                           std::move(done));
    }
    // Linode's examples send these with a JSON content type and no body (boot then uses the
    // last booted configuration profile).
    request.setHeader("Content-Type", "application/json");
    qCInfo(lcLinode) << "Linode" << machineId << MachineAction::id(action);
    http()->send(request, [done](Result<HttpResponse> reply) {
        done(reply.ok() ? Result<void>() : Result<void>(reply.error()));
    });
}

QString LinodeProvider::randomRootPassword()
{
    // Linode rejects weak passwords ("Password does not meet strength requirement"): 32 characters
    // from four classes, drawn from the system's cryptographic random source.
    static const QString classes[] = {QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ"),
                                      QStringLiteral("abcdefghijkmnopqrstuvwxyz"),
                                      QStringLiteral("23456789"), QStringLiteral("!#%+-.:=?@^_~")};
    const QString all = classes[0] + classes[1] + classes[2] + classes[3];
    QRandomGenerator *random = QRandomGenerator::system();
    QString password;
    for (const QString &characters : classes) // at least one of each class
        password.append(characters.at(random->bounded(int(characters.size()))));
    while (password.size() < 32)
        password.append(all.at(random->bounded(int(all.size()))));
    for (qsizetype i = password.size() - 1; i > 0; --i) // so the first four are not predictable
        std::swap(password[i], password[random->bounded(int(i + 1))]);
    return password;
}

void LinodeProvider::createMachine(const CreateMachineRequest &request, Callback<Machine> done)
{
    if (request.region.isEmpty() || request.size.isEmpty()) {
        const Error error(Error::InvalidInput, tr("A Linode needs a region and a type."));
        return post([done, error] { done(error); });
    }
    // Linode takes the public key lines themselves (authorized_keys), where CloudDeck offers the
    // profile's keys by id: anything but a key line is looked up in /profile/sshkeys first.
    const bool allKeyLines =
        std::all_of(request.sshKeys.cbegin(), request.sshKeys.cend(), &SshPublicKey::isPublicKey);
    if (allKeyLines) {
        QStringList keys;
        for (const QString &key : request.sshKeys)
            keys.append(key.trimmed());
        return postCreate(request, keys, std::move(done));
    }
    listSshKeys([this, request, done](Result<QList<SshKey>> profileKeys) {
        if (!profileKeys.ok())
            return done(profileKeys.error());
        QStringList keys;
        for (const QString &wanted : request.sshKeys) {
            if (SshPublicKey::isPublicKey(wanted)) {
                keys.append(wanted.trimmed());
                continue;
            }
            const Result<QList<SshKey>> found = SshPublicKey::select(profileKeys.value(), {wanted});
            if (!found.ok())
                return done(found.error());
            keys.append(found.value().constFirst().publicKey);
        }
        postCreate(request, keys, done);
    });
}

void LinodeProvider::postCreate(const CreateMachineRequest &request,
                                const QStringList &authorizedKeys, Callback<Machine> done)
{
    QJsonObject body {{QStringLiteral("region"), request.region},
                      {QStringLiteral("type"), request.size}};
    if (!request.name.isEmpty())
        body.insert(QStringLiteral("label"), request.name);
    if (!request.image.isEmpty()) {
        body.insert(QStringLiteral("image"), request.image);
        // Linode requires a root password whenever a disk is deployed from an image. CloudDeck
        // logs in with SSH keys, so it sends a strong random password that is never shown, logged
        // or stored; whoever needs one resets it in Cloud Manager (Settings → Reset Root Password).
        body.insert(QStringLiteral("root_pass"), randomRootPassword());
    }
    if (!authorizedKeys.isEmpty())
        body.insert(QStringLiteral("authorized_keys"), QJsonArray::fromStringList(authorizedKeys));
    if (!request.tags.isEmpty())
        body.insert(QStringLiteral("tags"), QJsonArray::fromStringList(request.tags));
    if (!request.userData.isEmpty()) {
        body.insert(QStringLiteral("metadata"),
                    QJsonObject {{QStringLiteral("user_data"),
                                  QString::fromLatin1(request.userData.toUtf8().toBase64())}});
    }
    qCInfo(lcLinode) << "creating Linode" << request.name << "in" << request.region << "type"
                     << request.size << "image" << request.image;
    http()->sendJson(
        HttpRequest::json("POST", url(QStringLiteral("/linode/instances")), QJsonDocument(body)),
        [done](Result<QJsonObject> reply) {
            if (!reply.ok())
                return done(reply.error());
            done(LinodeParser::instance(reply.value()));
        });
}

void LinodeProvider::listRegions(Callback<QList<Region>> done)
{
    listAll<Region>(QStringLiteral("/regions"), &LinodeParser::regions, std::move(done));
}

void LinodeProvider::listTypes(Callback<QList<LinodeParser::Type>> done)
{
    listAll<LinodeParser::Type>(QStringLiteral("/linode/types"), &LinodeParser::types,
                                std::move(done));
}

void LinodeProvider::listSizes(Callback<QList<Size>> done)
{
    listTypes([done](Result<QList<LinodeParser::Type>> types) {
        if (!types.ok())
            return done(types.error());
        QList<Size> sizes;
        for (const LinodeParser::Type &type : types.value())
            sizes.append(type.size);
        done(sizes);
    });
}

void LinodeProvider::listImages(Callback<QList<Image>> done)
{
    // With a token, GET /images lists the public images and the account's own ("private/...").
    listAll<Image>(QStringLiteral("/images"), &LinodeParser::images, std::move(done));
}

void LinodeProvider::listSshKeys(Callback<QList<SshKey>> done)
{
    listAll<SshKey>(QStringLiteral("/profile/sshkeys"), &LinodeParser::sshKeys, std::move(done));
}

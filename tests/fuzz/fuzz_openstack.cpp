// OpenStack's JSON replies: Keystone's token (and the service catalog in it), Nova's version
// document, servers, flavors and key pairs, Glance's images, Neutron's networks, and errors.
#include "fuzzinput.h"
#include "httpresponse.h"
#include "keystoneparser.h"
#include "novaparser.h"
#include "openstackcatalogparser.h"

using FuzzInput::expect;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    HttpResponse response;
    response.status = 409;
    response.body = FuzzInput::bytes(data, size);
    (void)NovaParser::error(response);
    const std::optional<QJsonObject> page = FuzzInput::object(response.body);
    if (!page)
        return 0;
    const Result<KeystoneParser::Token> token =
        KeystoneParser::token(QByteArrayLiteral("gAAAAAB-subject-token"), *page);
    expect(token, "KeystoneParser::token");
    if (token.ok()) {
        (void)KeystoneParser::endpoints(token.value().catalog, QStringLiteral("compute"),
                                        QStringLiteral("public"));
    }
    const Result<QString> version = NovaParser::maxVersion(*page);
    expect(version, "NovaParser::maxVersion");
    if (version.ok())
        (void)NovaParser::negotiate(version.value());
    const QString region = QStringLiteral("RegionOne");
    expect(NovaParser::servers(*page, region), "NovaParser::servers");
    expect(NovaParser::nextMarker(*page, QStringLiteral("servers")), "NovaParser::nextMarker");
    expect(NovaParser::flavors(*page, region), "NovaParser::flavors");
    expect(NovaParser::keypairs(*page), "NovaParser::keypairs");
    expect(NovaParser::createdServerId(*page), "NovaParser::createdServerId");
    expect(OpenStackCatalogParser::images(*page, region), "OpenStackCatalogParser::images");
    expect(OpenStackCatalogParser::nextImageMarker(*page), "OpenStackCatalogParser::nextImageMarker");
    expect(OpenStackCatalogParser::networks(*page, region), "OpenStackCatalogParser::networks");
    return 0;
}

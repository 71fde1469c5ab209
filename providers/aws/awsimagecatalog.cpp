#include "awsimagecatalog.h"

#include <QRegularExpression>

namespace AwsImageCatalog {

const QList<Family> &families()
{
    // Owners: Canonical 099720109477, Amazon (alias "amazon"), Debian 136693071363; the patterns
    // are the name schemes each publisher documents for its images.
    static const QList<Family> list = {
        {QStringLiteral("099720109477"),
         QStringLiteral("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"),
         QStringLiteral("Ubuntu 24.04 LTS (x86_64)"), QStringLiteral("Ubuntu")},
        {QStringLiteral("099720109477"),
         QStringLiteral("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-*"),
         QStringLiteral("Ubuntu 24.04 LTS (arm64)"), QStringLiteral("Ubuntu")},
        {QStringLiteral("099720109477"),
         QStringLiteral("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"),
         QStringLiteral("Ubuntu 22.04 LTS (x86_64)"), QStringLiteral("Ubuntu")},
        {QStringLiteral("amazon"), QStringLiteral("al2023-ami-2023.*-kernel-6.1-x86_64"),
         QStringLiteral("Amazon Linux 2023 (x86_64)"), QStringLiteral("Amazon Linux")},
        {QStringLiteral("amazon"), QStringLiteral("al2023-ami-2023.*-kernel-6.1-arm64"),
         QStringLiteral("Amazon Linux 2023 (arm64)"), QStringLiteral("Amazon Linux")},
        {QStringLiteral("136693071363"), QStringLiteral("debian-12-amd64-*"),
         QStringLiteral("Debian 12 (x86_64)"), QStringLiteral("Debian")},
    };
    return list;
}

QList<std::pair<QString, QString>> query()
{
    QList<std::pair<QString, QString>> params;
    QStringList owners;
    for (const Family &family : families()) {
        if (!owners.contains(family.owner))
            owners.append(family.owner);
    }
    for (qsizetype i = 0; i < owners.size(); ++i)
        params.append({QStringLiteral("Owner.%1").arg(i + 1), owners.at(i)});
    params.append({QStringLiteral("Filter.1.Name"), QStringLiteral("name")});
    for (qsizetype i = 0; i < families().size(); ++i)
        params.append(
            {QStringLiteral("Filter.1.Value.%1").arg(i + 1), families().at(i).namePattern});
    params.append({QStringLiteral("Filter.2.Name"), QStringLiteral("state")});
    params.append({QStringLiteral("Filter.2.Value.1"), QStringLiteral("available")});
    return params;
}

bool matches(const QString &pattern, const QString &name)
{
    QString expression;
    const QStringList parts = pattern.split(QLatin1Char('*'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            expression += QLatin1String(".*");
        expression += QRegularExpression::escape(parts.at(i));
    }
    const QRegularExpression regex(QRegularExpression::anchoredPattern(expression));
    return regex.match(name).hasMatch();
}

QList<Image> current(const QList<AwsParser::ImageRecord> &records)
{
    QList<Image> result;
    for (const Family &family : families()) {
        const AwsParser::ImageRecord *newest = nullptr;
        for (const AwsParser::ImageRecord &record : records) {
            const bool owned = family.owner == QLatin1String("amazon")
                                   ? record.ownerAlias == QLatin1String("amazon")
                                   : record.ownerId == family.owner;
            if (!owned || !matches(family.namePattern, record.image.name))
                continue;
            // An image without a readable date loses to any dated one; among equals the id
            // decides, so the choice never depends on the order of the reply.
            if (!newest || record.created > newest->created
                || (record.created == newest->created && record.image.id > newest->image.id)) {
                newest = &record;
            }
        }
        if (!newest)
            continue;
        Image image = newest->image;
        image.name = family.label;
        image.distribution = family.distribution;
        image.kind = QStringLiteral("distribution");
        result.append(image);
    }
    return result;
}

} // namespace AwsImageCatalog

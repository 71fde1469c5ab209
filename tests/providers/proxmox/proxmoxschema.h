#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

/**
 * @brief The Proxmox VE API schema for the endpoints CloudDeck calls (tests/data/proxmox/
 * apidata-extract.json, cut unchanged out of pve-docs' api-viewer/apidata.js), as a request
 * checker: every parameter we send must be one the endpoint declares (they all set
 * additionalProperties 0), of its type, within its range, enum, pattern and format, and every
 * required one must be there. The fake server runs each request through it.
 */
class ProxmoxSchema
{
public:
    /// Reads the extract; a broken file fails the test that loads it.
    ProxmoxSchema();

    /// Whether the schema has @p method on @p pathTemplate ("/nodes/{node}/qemu/{vmid}/clone").
    [[nodiscard]] bool has(const QString &method, const QString &pathTemplate) const;
    /// What is wrong with a request of @p method to @p pathTemplate whose parameters (path
    /// arguments, query and form fields together, as pveproxy merges them) are @p params;
    /// empty when it is valid.
    [[nodiscard]] QStringList check(const QString &method, const QString &pathTemplate,
                                    const QMap<QString, QString> &params) const;

private:
    [[nodiscard]] static QString checkValue(const QString &name, const QJsonObject &schema,
                                            const QString &value);
    QJsonObject m_endpoints;
};

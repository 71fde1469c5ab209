#pragma once

#include "machine.h"
#include "result.h"

class JsonScanner;

/**
 * @brief Reads one DigitalOcean droplet object (droplets/models/droplet.yml) straight from the
 * reply's text into a Machine.
 *
 * A listing of 10,000 droplets is about 19 MB of JSON, most of it lists nobody reads (the
 * region's every size, the size's every region). Reading it through JsonScanner builds only the
 * Machine; building a QJsonDocument first cost half of `machines list`'s CPU. Members may come in
 * any order, so what depends on several (the image's label, the size's fallback slug, which
 * fault is reported first) is settled at the object's end.
 */
class DigitalOceanDropletReader
{
public:
    /// The droplet that comes next in @p scanner; InvalidReply when it is not one (it has no id,
    /// a nested object of the wrong type, addresses not in the documented form). The value is
    /// consumed either way.
    [[nodiscard]] static Result<Machine> read(JsonScanner &scanner);
    /// "Ubuntu 20.04 (LTS) x64": the reference names images without their distribution, so the
    /// label puts it in front unless the name already starts with it.
    [[nodiscard]] static QString imageLabel(const QString &distribution, const QString &name);
};

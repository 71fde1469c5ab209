#include "resourceid.h"

#include <algorithm>

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHex(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isUnreserved(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-'
        || c == u'.' || c == u'_' || c == u'~';
}

bool isNumeric(const QString &id)
{
    if (id.isEmpty() || id.size() > 18 || id.front() == u'0')
        return false;
    return std::all_of(id.cbegin(), id.cend(), isDigit);
}

bool isUuid(const QString &id)
{
    if (id.size() != 36)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? id.at(i) != u'-' : !isHex(id.at(i)))
            return false;
    }
    return true;
}

bool isOpaque(const QString &id)
{
    if (id.isEmpty() || id.size() > 255 || id == u"." || id == u"..")
        return false;
    return std::all_of(id.cbegin(), id.cend(), isUnreserved);
}

} // namespace

bool ResourceId::isValid(Kind kind, const QString &id)
{
    switch (kind) {
    case Numeric:
        return isNumeric(id);
    case Uuid:
        return isUuid(id);
    case Opaque:
        return isOpaque(id);
    }
    return false;
}

Result<void> ResourceId::check(Kind kind, const QString &id, const QString &noun)
{
    if (isValid(kind, id))
        return {};
    //: %1 is the id the user gave, %2 what it should have been ("DigitalOcean droplet id")
    return Error(Error::InvalidInput, tr("\"%1\" is not a valid %2.").arg(id, noun));
}

// Set-up shared by the fuzz targets: parsers log what they reject (qCWarning), which at tens of
// thousands of inputs a second would be all the fuzzer does. Critical and fatal messages stay.
#include <QLoggingCategory>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int * /*argc*/, char *** /*argv*/)
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
    return 0;
}

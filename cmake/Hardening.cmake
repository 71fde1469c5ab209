# The hardened configurations (docs/HARDENING.md): clang's AddressSanitizer and
# UndefinedBehaviorSanitizer on every target of the project (CLOUDDECK_SANITIZE), libFuzzer targets
# (CLOUDDECK_BUILD_FUZZ), and precompiled headers that make such a cold clang build affordable on
# two cores (CLOUDDECK_PCH). scripts/setup.sh --sanitize configures all three in build-asan/.
#
# Qt's own libraries are not instrumented. ASan still sees every heap block (it replaces malloc
# and new for the whole process) and UBSan checks the Qt code inlined from headers into ours;
# what neither sees is a fault entirely inside libQt6*.so, which is Qt's to find.

option(CLOUDDECK_PCH "Precompile the Qt headers every target includes (clang builds)" OFF)

if(CLOUDDECK_BUILD_FUZZ AND NOT CLOUDDECK_SANITIZE)
    # A fuzz target is only as good as the checks inside it: the libraries it calls are built
    # with the same sanitizers, or an overflow in a parser passes silently.
    message(STATUS "CLOUDDECK_BUILD_FUZZ: CLOUDDECK_SANITIZE turned on as well")
    set(CLOUDDECK_SANITIZE ON)
endif()

if(CLOUDDECK_SANITIZE)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "CLOUDDECK_SANITIZE and CLOUDDECK_BUILD_FUZZ need clang: configure a "
                            "new build folder with -DCMAKE_CXX_COMPILER=clang++ "
                            "(scripts/setup.sh --sanitize does)")
    endif()
    # -fno-sanitize-recover: the first report ends the program with an error, so a test that
    # triggers one fails instead of printing a warning nobody reads.
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
    # Code that skips work only a leak checker would notice (the CLI's exit) keeps doing it here.
    add_compile_definitions(CLOUDDECK_SANITIZE)
    # What every test and fuzz target runs with (ctest's ENVIRONMENT): stop at the first report
    # of any sanitizer, leaks included, with stacks that name our lines (llvm-symbolizer); the
    # suppressions in tests/sanitizers/ each say why they are there.
    set(_supp "${CMAKE_SOURCE_DIR}/tests/sanitizers")
    set(CLOUDDECK_SANITIZER_ENVIRONMENT
        "ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1"
        "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=${_supp}/ubsan.supp"
        "LSAN_OPTIONS=suppressions=${_supp}/lsan.supp:print_suppressions=0")
    if(CLOUDDECK_BUILD_FUZZ)
        # Coverage instrumentation in every library, so libFuzzer is guided by the parsers' own
        # branches (the fuzz targets themselves are little more than calls). In programs that
        # are not fuzzers the sanitizer runtime's default callbacks make it a no-op.
        add_compile_options(-fsanitize=fuzzer-no-link)
    endif()
endif()

# Precompiled headers: most of a test's compile time is parsing QtCore, QtNetwork and QtTest.
# Three headers, each shared by targets compiled with the same options (clang refuses a
# precompiled header made with other -D or -fvisibility flags): core's own (hidden visibility),
# one for the provider libraries and the CLI, one for the tests.
set(_clouddeck_pch_headers
    <QByteArray> <QCoreApplication> <QDateTime> <QHash> <QJsonArray> <QJsonDocument>
    <QJsonObject> <QJsonValue> <QList> <QLoggingCategory> <QMap> <QObject> <QPointer> <QSet>
    <QString> <QStringList> <QTimer> <QUrl> <QUrlQuery> <QVariant> <algorithm> <functional>
    <memory> <optional> <utility>)
set(_clouddeck_test_pch_headers ${_clouddeck_pch_headers} <QSignalSpy> <QTest>
    <QNetworkAccessManager> <QNetworkReply> <QTcpServer> <QTcpSocket> <QTemporaryDir>)

# The hosts, made once clouddeck_target_defaults exists (they need the same definitions as
# their users: QT_NO_CAST_FROM_ASCII changes what the Qt headers declare). They link only what
# every user of their header links, so that they define no macro (QT_TESTLIB_LIB, ...) a user
# lacks.
function(clouddeck_pch_hosts)
    if(NOT CLOUDDECK_PCH)
        return()
    endif()
    # Written once: a new time stamp at every configure would rebuild the hosts.
    if(NOT EXISTS "${CMAKE_BINARY_DIR}/clouddeck_pch.cpp")
        file(WRITE "${CMAKE_BINARY_DIR}/clouddeck_pch.cpp"
             "// The host of a precompiled header (cmake/Hardening.cmake).\n")
    endif()
    add_library(clouddeck_pch OBJECT "${CMAKE_BINARY_DIR}/clouddeck_pch.cpp")
    target_link_libraries(clouddeck_pch PRIVATE Qt6::Core Qt6::Network Qt6::Sql)
    target_precompile_headers(clouddeck_pch PRIVATE ${_clouddeck_pch_headers})
    add_library(clouddeck_test_pch OBJECT "${CMAKE_BINARY_DIR}/clouddeck_pch.cpp")
    # Qt6::Test's headers and QT_TESTLIB_LIB, but not the target: it defines QT_TESTCASE_BUILDDIR
    # per folder, which would differ from every test's. (Without it here the header's
    # QFINDTESTDATA falls back to __FILE__; no test uses it.)
    target_link_libraries(clouddeck_test_pch PRIVATE Qt6::Core Qt6::Network Qt6::Sql)
    target_include_directories(clouddeck_test_pch PRIVATE
                               $<TARGET_PROPERTY:Qt6::Test,INTERFACE_INCLUDE_DIRECTORIES>)
    target_compile_definitions(clouddeck_test_pch PRIVATE QT_TESTLIB_LIB)
    target_precompile_headers(clouddeck_test_pch PRIVATE ${_clouddeck_test_pch_headers})
    foreach(_host clouddeck_pch clouddeck_test_pch)
        set_target_properties(${_host} PROPERTIES POSITION_INDEPENDENT_CODE ON)
        clouddeck_target_defaults(${_host})
    endforeach()
endfunction()

# clouddeck_precompile(<target> OWN|LIBRARY|TEST): the precompiled header of its kind, if on.
function(clouddeck_precompile target kind)
    if(NOT CLOUDDECK_PCH)
        return()
    endif()
    if(kind STREQUAL "OWN")
        target_precompile_headers(${target} PRIVATE ${_clouddeck_pch_headers})
    elseif(kind STREQUAL "LIBRARY")
        target_precompile_headers(${target} REUSE_FROM clouddeck_pch)
    elseif(kind STREQUAL "TEST")
        target_precompile_headers(${target} REUSE_FROM clouddeck_test_pch)
    else()
        message(FATAL_ERROR "clouddeck_precompile: unknown kind ${kind}")
    endif()
endfunction()

# Windows and macOS: after `cmake --install` (so inside CPack's NSIS installer and DragNDrop
# image too) Qt's own deployment tools copy the Qt libraries, QML modules and Qt plugins the app
# uses next to it, with the libraries Qt's tools do not know about (QtKeychain, yaml-cpp,
# OpenSSL's libcrypto). Linux packages use the distribution's Qt instead: nothing happens there.
# Included last from the top CMakeLists.txt: install rules run in order (CMP0082), so everything
# is installed by the time these run.
if(NOT (WIN32 OR APPLE))
    return()
endif()

get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION)
get_filename_component(_qt_bin "${_qmake}" DIRECTORY)
set(_qml_dir "${CMAKE_SOURCE_DIR}/qml")

# Libraries outside Qt that our binaries link (found by their imported targets).
find_package(yaml-cpp REQUIRED) # its target is local to core/'s folder
set(_runtime_targets Qt6Keychain::Qt6Keychain)
foreach(_candidate yaml-cpp::yaml-cpp yaml-cpp)
    if(TARGET ${_candidate})
        get_target_property(_type ${_candidate} TYPE)
        if(_type STREQUAL "SHARED_LIBRARY")
            list(APPEND _runtime_targets ${_candidate})
        endif()
        break()
    endif()
endforeach()
# install(IMPORTED_RUNTIME_ARTIFACTS) refuses aliases (Qt6Keychain::Qt6Keychain is one).
set(_runtime_artifacts)
foreach(_target IN LISTS _runtime_targets)
    get_target_property(_aliased ${_target} ALIASED_TARGET)
    if(_aliased)
        list(APPEND _runtime_artifacts ${_aliased})
    else()
        list(APPEND _runtime_artifacts ${_target})
    endif()
endforeach()
install(IMPORTED_RUNTIME_ARTIFACTS ${_runtime_artifacts}
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        FRAMEWORK DESTINATION "clouddeck.app/Contents/Frameworks")

if(WIN32)
    find_program(CLOUDDECK_WINDEPLOYQT windeployqt HINTS "${_qt_bin}" REQUIRED)
    # FindOpenSSL gives an import library; the DLL the GCE plugin loads sits in its bin folder.
    find_file(CLOUDDECK_LIBCRYPTO_DLL NAMES libcrypto-3-x64.dll libcrypto-3.dll
              HINTS "${OPENSSL_ROOT_DIR}/bin" ENV OPENSSL_ROOT_DIR PATH_SUFFIXES bin)
    if(CLOUDDECK_LIBCRYPTO_DLL)
        install(FILES "${CLOUDDECK_LIBCRYPTO_DLL}" DESTINATION "${CMAKE_INSTALL_BINDIR}")
    else()
        message(WARNING "libcrypto-3 DLL not found (set OPENSSL_ROOT_DIR): the GCE plugin will not load")
    endif()
    # --qmldir: the QML imports are read from our sources, so exactly the modules used are copied.
    # The CLI needs no QML; it is deployed for its own Qt libraries (QtNetwork, QtSql's plugin).
    install(CODE "
        foreach(_exe \"$<TARGET_FILE_NAME:clouddeck>\" \"$<TARGET_FILE_NAME:clouddeck-cli>\")
            execute_process(
                COMMAND \"${CLOUDDECK_WINDEPLOYQT}\" --qmldir \"${_qml_dir}\" --no-translations
                        --compiler-runtime \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/\${_exe}\"
                RESULT_VARIABLE _rc)
            if(NOT _rc EQUAL 0)
                message(FATAL_ERROR \"windeployqt failed for \${_exe} (\${_rc})\")
            endif()
        endforeach()")
elseif(APPLE)
    find_program(CLOUDDECK_MACDEPLOYQT macdeployqt HINTS "${_qt_bin}" REQUIRED)
    # The bundle must hold everything: the CLI, core and the provider plugins go inside it, where
    # ProviderRegistry looks (Contents/MacOS/../lib/clouddeck/plugins), and macdeployqt rewrites
    # their references to Qt (-executable=) as it does the app's.
    set(_bundle "\${CMAKE_INSTALL_PREFIX}/clouddeck.app/Contents")
    install(CODE "
        file(MAKE_DIRECTORY \"${_bundle}/lib\")
        file(COPY \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/\" DESTINATION \"${_bundle}/lib\")
        file(COPY \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/clouddeck-cli\"
             DESTINATION \"${_bundle}/MacOS\")
        file(REMOVE_RECURSE \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}\"
                            \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
        file(GLOB _plugins \"${_bundle}/lib/clouddeck/plugins/*.dylib\"
                           \"${_bundle}/lib/clouddeck/plugins/*.so\")
        set(_extra -executable=${_bundle}/MacOS/clouddeck-cli)
        foreach(_plugin IN LISTS _plugins)
            list(APPEND _extra -executable=\${_plugin})
        endforeach()
        execute_process(
            COMMAND \"${CLOUDDECK_MACDEPLOYQT}\" \"\${CMAKE_INSTALL_PREFIX}/clouddeck.app\"
                    -qmldir=${_qml_dir} \${_extra} -always-overwrite
            RESULT_VARIABLE _rc)
        if(NOT _rc EQUAL 0)
            message(FATAL_ERROR \"macdeployqt failed (\${_rc})\")
        endif()")
endif()

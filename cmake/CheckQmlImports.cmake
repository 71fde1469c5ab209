# Every QML module our QML imports must be installed, and Debian splits them into one package per
# module (qml6-module-qtquick-layouts, qml6-module-qtquick-shapes, ...) that do not depend on each
# other: a missing one would only show when the app runs ("module "QtQuick.Layouts" is not
# installed"). This checks them at configure time, following each module's own qmldir imports,
# and names the package to install.
#
#   clouddeck_check_qml_imports(QML_DIR <Qt's qml folder> SOURCES <dir>... [EXTRA <module>...]
#                               [OWN <module>...] [PACKAGES_FROM <file listing the packages>])
#
# Also runs as a script, to try it on other inputs:
#   cmake -DQML_DIR=... -DSOURCES=dir1;dir2 [-DEXTRA=QtQuick.Bogus] -P cmake/CheckQmlImports.cmake

if(CMAKE_SCRIPT_MODE_FILE)
    cmake_policy(VERSION 3.21) # as the project's; script mode starts with none
endif()

function(_clouddeck_qml_package module known inner result)
    # The package is named after the module (QtQuick.Shapes -> qml6-module-qtquick-shapes); a
    # module another module's qmldir pulls in (@p inner) may ship inside its parent's package
    # (QtQuick.Controls.Basic in qml6-module-qtquick-controls).
    string(TOLOWER "${module}" _lower)
    string(REPLACE "." "-" _lower "${_lower}")
    if(NOT inner)
        set(_package "qml6-module-${_lower}")
        if(known AND NOT _package IN_LIST known)
            string(APPEND _package " (not in scripts/setup.sh's list yet: add it there)")
        endif()
        set(${result} "${_package}" PARENT_SCOPE)
        return()
    endif()
    set(_name "${module}")
    while(TRUE)
        string(TOLOWER "${_name}" _lower)
        string(REPLACE "." "-" _lower "${_lower}")
        set(_package "qml6-module-${_lower}")
        if(NOT known OR _package IN_LIST known)
            set(${result} "${_package}" PARENT_SCOPE)
            return()
        endif()
        if(NOT _name MATCHES "\\.")
            break()
        endif()
        string(REGEX REPLACE "\\.[^.]*$" "" _name "${_name}")
    endwhile()
    string(TOLOWER "${module}" _lower)
    string(REPLACE "." "-" _lower "${_lower}")
    set(${result} "qml6-module-${_lower}" PARENT_SCOPE)
endfunction()

function(clouddeck_check_qml_imports)
    cmake_parse_arguments(ARG "" "QML_DIR;PACKAGES_FROM" "SOURCES;EXTRA;OWN" ${ARGN})
    set(_known)
    if(ARG_PACKAGES_FROM AND EXISTS "${ARG_PACKAGES_FROM}")
        file(STRINGS "${ARG_PACKAGES_FROM}" _lines REGEX "qml6-module-")
        foreach(_line IN LISTS _lines)
            string(REGEX MATCHALL "qml6-module-[a-z0-9-]+" _names "${_line}")
            list(APPEND _known ${_names})
        endforeach()
    endif()

    # What our files import (each file is read as written: "import QtQuick.Controls").
    set(_queue ${ARG_EXTRA})
    set(_wanted_by)
    foreach(_dir IN LISTS ARG_SOURCES)
        file(GLOB_RECURSE _files "${_dir}/*.qml")
        foreach(_file IN LISTS _files)
            file(STRINGS "${_file}" _imports REGEX "^[ \t]*import[ \t]+[A-Za-z]")
            foreach(_import IN LISTS _imports)
                string(REGEX REPLACE "^[ \t]*import[ \t]+([A-Za-z0-9_.]+).*" "\\1" _module
                                     "${_import}")
                list(APPEND _queue "${_module}")
            endforeach()
        endforeach()
    endforeach()
    list(REMOVE_DUPLICATES _queue)

    set(_seen)
    set(_missing)
    while(_queue)
        list(POP_FRONT _queue _module)
        if(_module IN_LIST _seen OR _module IN_LIST ARG_OWN)
            continue()
        endif()
        list(APPEND _seen "${_module}")
        string(REPLACE "." "/" _path "${_module}")
        set(_qmldir "${ARG_QML_DIR}/${_path}/qmldir")
        if(NOT EXISTS "${_qmldir}")
            set(_why "")
            set(_inner FALSE)
            if(DEFINED _needed_by_${_path})
                set(_why " (needed by ${_needed_by_${_path}})")
                set(_inner TRUE)
            endif()
            _clouddeck_qml_package("${_module}" "${_known}" ${_inner} _package)
            list(APPEND _missing "  ${_module}${_why}: install the Debian package ${_package}")
            continue()
        endif()
        # What the module itself needs at run time: its non-optional imports and depends.
        file(STRINGS "${_qmldir}" _entries REGEX "^(default[ \t]+)?(import|depends)[ \t]")
        foreach(_entry IN LISTS _entries)
            string(REGEX REPLACE "^(default[ \t]+)?(import|depends)[ \t]+([A-Za-z0-9_.]+).*" "\\3"
                                 _dependency "${_entry}")
            string(REPLACE "." "/" _dependency_path "${_dependency}")
            if(NOT DEFINED _needed_by_${_dependency_path})
                set(_needed_by_${_dependency_path} "${_module}")
            endif()
            list(APPEND _queue "${_dependency}")
        endforeach()
    endwhile()

    if(_missing)
        list(JOIN _missing "\n" _text)
        message(FATAL_ERROR "QML modules CloudDeck imports are not installed in ${ARG_QML_DIR}:\n"
                            "${_text}\n(scripts/setup.sh installs every package CloudDeck needs.)")
    endif()
    list(LENGTH _seen _count)
    message(STATUS "QML imports: ${_count} modules found in ${ARG_QML_DIR}")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
    clouddeck_check_qml_imports(QML_DIR "${QML_DIR}" SOURCES ${SOURCES} EXTRA ${EXTRA}
                                OWN CloudDeck PACKAGES_FROM "${PACKAGES_FROM}")
endif()

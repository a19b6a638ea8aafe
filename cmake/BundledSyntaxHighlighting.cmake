# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the pinned KSyntaxHighlighting release in third_party/ (see its
# README) when no copy for Qt 6 is installed, as Qt Creator does. It is built
# once per build folder, with its own upstream CMake project, into
# <build>/third_party/syntax-highlighting, then found like an installed copy:
# the rest of the build cannot tell the difference.
#
# At configure time rather than as an ExternalProject, so that
# find_package() sees the real package (targets, include folders, the Qt it
# needs) instead of a hand-written imported target. A static library, so the
# programs carry it and nothing needs a library path at run time.

set(_ksh_source "${PROJECT_SOURCE_DIR}/third_party/syntax-highlighting")
set(_ksh_prefix "${CMAKE_BINARY_DIR}/third_party/syntax-highlighting")
file(READ "${PROJECT_SOURCE_DIR}/third_party/README.md" _ksh_readme)
string(REGEX MATCH "tag `(v[0-9.]+)`" _ksh_tag_line "${_ksh_readme}")
set(_ksh_tag "${CMAKE_MATCH_1}")
if(NOT _ksh_tag)
  message(FATAL_ERROR "third_party/README.md does not name the syntax-highlighting tag (\"tag `vX.Y.Z`\")")
endif()
# The stamp names the release: a new pin rebuilds, an unchanged one does not.
set(_ksh_stamp "${_ksh_prefix}/built-${_ksh_tag}.stamp")

if(NOT EXISTS "${_ksh_stamp}")
  find_package(ECM 5.103.0 NO_MODULE QUIET)
  if(NOT ECM_FOUND)
    message(FATAL_ERROR "Building the bundled KSyntaxHighlighting needs KDE's extra-cmake-modules "
                        "(Debian: apt install extra-cmake-modules; ./scripts/deps.sh installs it).")
  endif()
  message(STATUS "Building the bundled KSyntaxHighlighting ${_ksh_tag} (once per build folder; a few minutes)")
  file(REMOVE_RECURSE "${_ksh_prefix}")
  set(_ksh_launcher)
  if(CMAKE_CXX_COMPILER_LAUNCHER)
    set(_ksh_launcher "-DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}")
  endif()
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -S "${_ksh_source}" -B "${_ksh_prefix}/build" -G "${CMAKE_GENERATOR}"
            -DCMAKE_BUILD_TYPE=Release
            "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
            ${_ksh_launcher}
            "-DCMAKE_INSTALL_PREFIX=${_ksh_prefix}"
            "-DCMAKE_PREFIX_PATH=${CMAKE_PREFIX_PATH}"
            -DCMAKE_INSTALL_LIBDIR=lib
            -DBUILD_WITH_QT6=ON
            -DBUILD_SHARED_LIBS=OFF
            -DCMAKE_POSITION_INDEPENDENT_CODE=ON
            -DBUILD_TESTING=OFF
            -DBUILD_QCH=OFF
            -DKSYNTAXHIGHLIGHTING_USE_GUI=ON
            -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Quick=ON
            -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Widgets=ON
            -DCMAKE_DISABLE_FIND_PACKAGE_Qt6PrintSupport=ON
    OUTPUT_FILE "${CMAKE_BINARY_DIR}/third_party-syntax-highlighting-configure.log"
    ERROR_FILE "${CMAKE_BINARY_DIR}/third_party-syntax-highlighting-configure.log"
    RESULT_VARIABLE _ksh_result)
  if(_ksh_result EQUAL 0)
    execute_process(
      COMMAND "${CMAKE_COMMAND}" --build "${_ksh_prefix}/build" --target install
      OUTPUT_FILE "${CMAKE_BINARY_DIR}/third_party-syntax-highlighting-build.log"
      ERROR_FILE "${CMAKE_BINARY_DIR}/third_party-syntax-highlighting-build.log"
      RESULT_VARIABLE _ksh_result)
    set(_ksh_log "${CMAKE_BINARY_DIR}/third_party-syntax-highlighting-build.log")
  else()
    set(_ksh_log "${CMAKE_BINARY_DIR}/third_party-syntax-highlighting-configure.log")
  endif()
  if(NOT _ksh_result EQUAL 0)
    message(FATAL_ERROR "Building the bundled KSyntaxHighlighting failed; see ${_ksh_log}")
  endif()
  file(TOUCH "${_ksh_stamp}")
endif()

find_package(KF5SyntaxHighlighting CONFIG REQUIRED PATHS "${_ksh_prefix}" NO_DEFAULT_PATH)
set(REALM_SYNTAX_HIGHLIGHTING_SOURCE "bundled")

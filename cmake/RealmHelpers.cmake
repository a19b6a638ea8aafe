# SPDX-License-Identifier: GPL-3.0-or-later
# Shared build settings for every REALM target.

function(realm_apply_defaults target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_STRICT_ITERATORS QT_USE_QSTRINGBUILDER)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor
    # GCC 12 reports false positives inside std::variant (Result<T>).
    -Wno-maybe-uninitialized)
  if(REALM_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# realm_add_library(Name SOURCES ... PUBLIC_LINKS ... PRIVATE_LINKS ...)
# Creates the static library realm_<name> with the alias Realm::<Name>.
# It exposes only its own headers, as "<folder>/<header>.h" (its folder is
# linked into an include root of its own), so a library sees the headers of
# the libraries it links and no others: core including a ui header, or a
# module it does not depend on, fails to build.
function(realm_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LINKS;PRIVATE_LINKS" ${ARGN})
  string(TOLOWER ${name} lower)
  add_library(realm_${lower} STATIC ${ARG_SOURCES})
  add_library(Realm::${name} ALIAS realm_${lower})
  get_filename_component(folder ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  set(include_root ${PROJECT_BINARY_DIR}/include/realm_${lower})
  file(MAKE_DIRECTORY ${include_root})
  if(NOT EXISTS ${include_root}/${folder})
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${include_root}/${folder} SYMBOLIC)
  endif()
  target_include_directories(realm_${lower} PUBLIC ${include_root})
  target_link_libraries(realm_${lower} PUBLIC ${ARG_PUBLIC_LINKS} PRIVATE ${ARG_PRIVATE_LINKS})
  realm_apply_defaults(realm_${lower})
endfunction()

# realm_add_test(tst_name SOURCES ... LINKS ... [GUI] [TIMEOUT s] [LABELS ...])
# One executable per tested class or area; GUI tests run on the offscreen platform.
function(realm_add_test name)
  # KEYRING: the test runs twice — with a real keychain (gnome-keyring on a
  # private D-Bus session, REALM_TEST_KEYCHAIN=available) and with none
  # reachable (${name}_nokeychain, REALM_TEST_KEYCHAIN=absent).
  # BACKENDS: a team-server test that runs twice — on SQLite
  # (REALM_TEST_DATABASE=sqlite) and on a throwaway PostgreSQL cluster
  # (${name}_postgresql, REALM_TEST_DATABASE=postgresql).
  cmake_parse_arguments(ARG "GUI;KEYRING;BACKENDS" "TIMEOUT" "SOURCES;LINKS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test Realm::TestSupport ${ARG_LINKS})
  realm_apply_defaults(${name})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  if(ARG_KEYRING)
    add_test(NAME ${name} COMMAND ${PROJECT_SOURCE_DIR}/tests/support/with-keyring $<TARGET_FILE:${name}>)
    add_test(NAME ${name}_nokeychain COMMAND ${name})
  elseif(ARG_BACKENDS)
    add_test(NAME ${name} COMMAND ${name})
    add_test(NAME ${name}_postgresql COMMAND ${name})
  else()
    add_test(NAME ${name} COMMAND ${name})
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  # Every test is labelled with its suite: core, ui or e2e (scripts/test
  # --repeat runs ui and e2e again and again).
  file(RELATIVE_PATH suite_path ${PROJECT_SOURCE_DIR}/tests ${CMAKE_CURRENT_SOURCE_DIR})
  string(REGEX REPLACE "/.*" "" suite "${suite_path}")
  list(APPEND ARG_LABELS ${suite})
  # Each test has its own (empty) config and data folders: the user's
  # REALM settings and workspace never leak into a run.
  set(env "QT_QPA_PLATFORM=offscreen" "REALM_BIN_DIR=${CMAKE_BINARY_DIR}/bin"
          "REALM_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data"
          "XDG_CONFIG_HOME=${CMAKE_BINARY_DIR}/tests/home/${name}/config"
          "XDG_DATA_HOME=${CMAKE_BINARY_DIR}/tests/home/${name}/data")
  set_tests_properties(${name} PROPERTIES
    TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "${env}"
    SKIP_REGULAR_EXPRESSION "Totals: 0 passed, 0 failed, [1-9][0-9]* skipped"
    LABELS "${ARG_LABELS}")
  if(ARG_KEYRING)
    set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT "REALM_TEST_KEYCHAIN=available")
    set_tests_properties(${name}_nokeychain PROPERTIES
      TIMEOUT ${ARG_TIMEOUT}
      ENVIRONMENT "${env};REALM_TEST_KEYCHAIN=absent;DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/realm-no-bus"
      SKIP_REGULAR_EXPRESSION "Totals: 0 passed, 0 failed, [1-9][0-9]* skipped"
      LABELS "${ARG_LABELS}")
  endif()
  if(ARG_BACKENDS)
    set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT "REALM_TEST_DATABASE=sqlite")
    set_tests_properties(${name}_postgresql PROPERTIES
      TIMEOUT ${ARG_TIMEOUT}
      ENVIRONMENT "${env};REALM_TEST_DATABASE=postgresql"
      LABELS "${ARG_LABELS}")
  endif()
endfunction()

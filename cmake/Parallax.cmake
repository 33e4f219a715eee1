# parallax_add_library(NAME SOURCES ... DEPS ...): the target parallax_NAME, alias parallax::NAME,
# with includes rooted at src/.
function(parallax_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(parallax_${name} STATIC ${ARG_SOURCES})
  add_library(parallax::${name} ALIAS parallax_${name})
  target_include_directories(parallax_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(parallax_${name} PUBLIC ${ARG_DEPS})
endfunction()

# parallax_add_test(NAME SOURCES ... DEPS ... [LABELS ...]): one GoogleTest binary, registered
# with CTest as one test that runs all of its tests in one process (its output names each test
# and each failure). One process per test would load the packs and the name models again for
# every test: ~0.35 s each, ~1.5 s under the sanitizers, minutes of CI in all, against about
# half a second for the whole quotation suite in one process.
function(parallax_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE
    PARALLAX_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
    PARALLAX_SHARED_DATA="${PARALLAX_SHARED_DATA}")
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
endfunction()

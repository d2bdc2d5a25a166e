# Run at every build (cmake -P): writes OUT with the version and `git describe` of SRC.
# configure_file leaves OUT untouched when nothing changed, so only buildinfo.cpp recompiles
# after a commit, and nothing at all on a rebuild of the same commit.
set(COCKPIT_GIT_DESCRIBE "")
find_program(GIT_EXECUTABLE git)
if(GIT_EXECUTABLE AND EXISTS "${SRC}/.git")
    execute_process(COMMAND "${GIT_EXECUTABLE}" -C "${SRC}" describe --tags --always --dirty
                    OUTPUT_VARIABLE COCKPIT_GIT_DESCRIBE OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE _rc ERROR_QUIET)
    if(NOT _rc EQUAL 0)
        set(COCKPIT_GIT_DESCRIBE "")
    endif()
endif()
configure_file("${TEMPLATE}" "${OUT}" @ONLY)

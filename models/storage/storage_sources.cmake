# The hash chain of the activity log at the sqlite3 level: shared by storage and the demo
# generator. OpenSSL's SHA-256 uses the CPU's SHA extensions (verify-log within 3x of sha256sum).
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
# The one sqlite3 statement wrapper and read-only opener of the bulk paths (no Qt SQL).
add_library(cockpit_sqlite STATIC sqlitestatement.h sqlitestatement.cpp uuidcolumn.h uuidcolumn.cpp)
target_include_directories(cockpit_sqlite PUBLIC ${PROJECT_SOURCE_DIR}/models)
target_link_libraries(cockpit_sqlite PUBLIC Qt6::Core SQLite::SQLite3 cockpit_domain)
add_library(cockpit_logchain STATIC logchain.h logchain.cpp logchainrecord.h logverify.cpp)
target_include_directories(cockpit_logchain PUBLIC ${PROJECT_SOURCE_DIR}/models)
target_link_libraries(cockpit_logchain PUBLIC Qt6::Core cockpit_sqlite PRIVATE SQLite::SQLite3 OpenSSL::Crypto)
# stage_history.exit_actions kept on write: shared by storage and the demo generator.
add_library(cockpit_exitactions STATIC exitactions.h exitactions.cpp)
target_include_directories(cockpit_exitactions PUBLIC ${PROJECT_SOURCE_DIR}/models)
target_link_libraries(cockpit_exitactions PUBLIC Qt6::Core cockpit_sqlite PRIVATE cockpit_domain SQLite::SQLite3)

add_library(cockpit_storage STATIC
    changes.h changes.cpp
    database.h database.cpp databasemessages.cpp databaseinternal.h integrity.cpp repair.cpp
    filecheck.h filecheck.cpp
    filelock.h filelock.cpp
    migrations.h migrations.cpp
    keys.h keys.cpp
    transaction.h
    outbox.h outbox.cpp
    leadrepository.h leadrepository.cpp
    customerrepository.h customerrepository.cpp
    conflictrepository.h conflictrepository.cpp
    pipelinerepository.h pipelinerepository.cpp
    bulkload.h bulkload.cpp
    activitylog.h activitylog.cpp
)
target_include_directories(cockpit_storage PUBLIC ${PROJECT_SOURCE_DIR}/models)
target_link_libraries(cockpit_storage
    PUBLIC Qt6::Core cockpit_schema cockpit_domain cockpit_logchain cockpit_exitactions cockpit_sqlite
    PRIVATE Qt6::Sql SQLite::SQLite3 cockpit_pinyin)

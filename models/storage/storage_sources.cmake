add_library(cockpit_storage STATIC
    database.h database.cpp
    filecheck.h filecheck.cpp
    migrations.h migrations.cpp
    transaction.h
    outbox.h outbox.cpp
    leadrepository.h leadrepository.cpp
    customerrepository.h customerrepository.cpp
    pipelinerepository.h pipelinerepository.cpp
    bulkload.h bulkload.cpp
)
target_include_directories(cockpit_storage PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(cockpit_storage
    PUBLIC Qt6::Core Qt6::Sql cockpit_schema cockpit_domain
    PRIVATE SQLite::SQLite3 cockpit_pinyin)

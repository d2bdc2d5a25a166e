# Turns the schema .sql files into a header of raw string literals (run at build time).
file(READ "${SCHEMA}" schema_sql)
file(READ "${INDEXES}" indexes_sql)
file(WRITE "${OUT}.tmp" "#pragma once\n// Generated from schema_v1.sql and indexes_v1.sql; do not edit.\n"
    "static const char kSchemaV1Sql[] = R\"sql(${schema_sql})sql\";\n"
    "static const char kIndexesV1Sql[] = R\"sql(${indexes_sql})sql\";\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)

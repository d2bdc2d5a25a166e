# Turns the schema .sql files into a header of raw string literals (run at build time).
file(READ "${SCHEMA}" schema_sql)
file(READ "${INDEXES}" indexes_sql)
file(READ "${SCHEMA2}" schema2_sql)
file(READ "${INDEXES2}" indexes2_sql)
file(READ "${SCHEMA3}" schema3_sql)
file(READ "${INDEXES3}" indexes3_sql)
file(READ "${SCHEMA4}" schema4_sql)
file(READ "${INDEXES4}" indexes4_sql)
file(READ "${SCHEMA5}" schema5_sql)
file(READ "${SCHEMA6}" schema6_sql)
file(READ "${INDEXES6}" indexes6_sql)
file(READ "${SCHEMA7}" schema7_sql)
file(READ "${INDEXES7}" indexes7_sql)
file(READ "${SCHEMA8}" schema8_sql)
file(WRITE "${OUT}.tmp" "#pragma once\n// Generated from schema_v*.sql and indexes_v*.sql; do not edit.\n"
    "static const char kSchemaV1Sql[] = R\"sql(${schema_sql})sql\";\n"
    "static const char kIndexesV1Sql[] = R\"sql(${indexes_sql})sql\";\n"
    "static const char kSchemaV2Sql[] = R\"sql(${schema2_sql})sql\";\n"
    "static const char kIndexesV2Sql[] = R\"sql(${indexes2_sql})sql\";\n"
    "static const char kSchemaV3Sql[] = R\"sql(${schema3_sql})sql\";\n"
    "static const char kIndexesV3Sql[] = R\"sql(${indexes3_sql})sql\";\n"
    "static const char kSchemaV4Sql[] = R\"sql(${schema4_sql})sql\";\n"
    "static const char kIndexesV4Sql[] = R\"sql(${indexes4_sql})sql\";\n"
    "static const char kSchemaV5Sql[] = R\"sql(${schema5_sql})sql\";\n"
    "static const char kSchemaV6Sql[] = R\"sql(${schema6_sql})sql\";\n"
    "static const char kIndexesV6Sql[] = R\"sql(${indexes6_sql})sql\";\n"
    "static const char kSchemaV7Sql[] = R\"sql(${schema7_sql})sql\";\n"
    "static const char kIndexesV7Sql[] = R\"sql(${indexes7_sql})sql\";\n"
    "static const char kSchemaV8Sql[] = R\"sql(${schema8_sql})sql\";\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)

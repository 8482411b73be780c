"""What is built from the written tables: ``publish`` (the one call) makes the report (``report/``), the data
package (``datapackage``) and the DuckDB file (``duckdb_export``, also behind ``query``)."""

/**
 * 导入导出: the one import/export pipeline. Every bulk upload (xlsx or CSV) and every list export goes through this
 * module. The file layer: {@link io.zhenwu.imports.TabularReader} streams a spreadsheet or CSV as
 * {@link io.zhenwu.imports.SourceRow}s in constant memory (format detected by content, CSV charset UTF-8 or GBK),
 * {@link io.zhenwu.imports.CellValues} turns cells into dates, decimals and text the way town staff type them, and
 * {@link io.zhenwu.imports.XlsxTableWriter} / {@link io.zhenwu.imports.CsvTableWriter} stream exports and error
 * reports. A file that cannot be read raises {@link io.zhenwu.imports.TabularFileException} with a message key.
 */
package io.zhenwu.imports;

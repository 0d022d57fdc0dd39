package io.zhenwu.imports;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz tests of the xlsx and CSV readers (issue 18). The property: a file is read to its end or refused with a
 * {@link TabularFileException} (the documented input errors); nothing else is thrown, and memory stays within the
 * fuzz execution's heap (-Xmx512m, see pom.xml) under the {@link XlsxLimits}. Seeds: src/test/resources/io/zhenwu/imports/ReaderFuzzInputs/;
 * {@code mvn verify} replays them, {@code bench/fuzz.sh} fuzzes.
 */
class ReaderFuzz {

    /** Sheet XML and shared strings XML built into a workbook: most mutations then reach the XML parsing. */
    private static final byte SEPARATOR = 0;

    @TempDir
    Path dir;

    @FuzzTest(maxDuration = "30s")
    void csv(byte[] input) throws IOException {
        readAll(Files.write(dir.resolve("fuzz.csv"), input), "fuzz.csv");
    }

    /** Raw bytes as an upload: seeds are whole small workbooks, so mutations reach the zip layer. */
    @FuzzTest(maxDuration = "30s")
    void xlsxFile(byte[] input) throws IOException {
        readAll(Files.write(dir.resolve("fuzz.xlsx"), input), "fuzz.xlsx");
    }

    /** The rows of a sheet, a NUL, then the items of the shared-string table: mutations of the XML itself. */
    @FuzzTest(maxDuration = "30s")
    void xlsxXml(byte[] input) {
        int split = indexOf(input, SEPARATOR);
        String rows = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.UTF_8);
        String items = split < 0 ? "" : new String(input, split + 1, input.length - split - 1, StandardCharsets.UTF_8);
        Path file = new XlsxPackages()
                .sheet(XlsxPackages.Part.of(XlsxPackages.sheetXml(rows)))
                .sharedStrings(XlsxPackages.Part.of(XlsxPackages.sst(items)))
                .write(dir.resolve("fuzz-xml.xlsx"));
        readAll(file, "fuzz-xml.xlsx");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static void readAll(Path file, String name) {
        try (TabularReader reader = TabularReader.open(file, name)) {
            reader.header();
            while (reader.next()) {
                SourceRow row = reader.current();
                for (int i = 0; i < row.cells().size(); i++) {
                    SourceRow.Cell cell = row.cell(i);
                    CellValues.text(cell);
                    CellValues.date(cell);
                    CellValues.decimal(cell);
                }
            }
        } catch (TabularFileException expected) {
            // a documented input error
        }
    }
}

package io.zhenwu.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.zhenwu.imports.XlsxPackages.Part;
import static io.zhenwu.imports.XlsxPackages.sheetEnd;
import static io.zhenwu.imports.XlsxPackages.sheetStart;
import static io.zhenwu.imports.XlsxPackages.sheetXml;
import static io.zhenwu.imports.XlsxPackages.sst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18 finding 1: a few hundred KB of xlsx that unpack to one 600 MB cell or shared string filled the heap. Every
 * bomb is built here (small on disk) and must be rejected with its message before its payload is ever held: the bytes
 * the opening thread allocates are measured (com.sun.management.ThreadMXBean), all of the check runs in it.
 */
class XlsxBombTest {

    private static final long MB = 1024L * 1024;
    /** What opening a rejected bomb may allocate at most: buffers, the zip directory, never the payload. */
    private static final long ALLOCATION_BUDGET = 32 * MB;

    @TempDir
    Path dir;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Opens the file, expects the key, and returns the bytes this thread allocated meanwhile. */
    private static long rejects(Path file, XlsxLimits limits, String key) {
        long before = allocatedBytes();
        assertThatThrownBy(() -> TabularReader.open(file, "居民.xlsx", limits).close())
                .isInstanceOfSatisfying(TabularFileException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
        long allocated = allocatedBytes() - before;
        assertThat(allocated).as("bytes allocated while rejecting").isLessThan(ALLOCATION_BUDGET);
        return allocated;
    }

    @Test
    void theHandBuiltWorkbookReads() {
        Path file = new XlsxPackages().write(dir.resolve("ok.xlsx"));
        try (TabularReader reader = TabularReader.open(file, "ok.xlsx", XlsxLimits.DEFAULTS)) {
            assertThat(reader.header()).containsExactly("姓名");
            assertThat(reader.next()).isTrue();
            assertThat(reader.current().text(0)).isEqualTo("张三");
        }
    }

    @Test
    void aSharedStringOf600MbIsRejectedByItsCompressionRatio() throws Exception {
        Path file = new XlsxPackages()
                .sharedStrings(Part.repeated(sst("<si><t>姓名</t></si><si><t>").replace("</sst>", ""),
                        'a', 600 * MB, "</t></si></sst>"))
                .write(dir.resolve("bomb.xlsx"));
        assertThat(Files.size(file)).isLessThan(MB);
        rejects(file, XlsxLimits.DEFAULTS, "import.file.xlsxCompression");
    }

    @Test
    void aCellOf100MbWhoseSizesLieIsStoppedWhileInflating() throws Exception {
        Path file = new XlsxPackages()
                .sheet(Part.repeated(sheetStart() + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>", 'a', 100 * MB,
                        "</t></is></c></row>" + sheetEnd()))
                .write(dir.resolve("liar.xlsx"));
        // the central directory now says every part is 1 KB: the directory check alone would let it through
        XlsxPackages.lieAboutSizes(file, 1024);
        rejects(file, XlsxLimits.DEFAULTS, "import.file.xlsxDamaged");
    }

    @Test
    void aCellBeyondTheTextLimitIsStoppedByTheScanEvenWithinTheRatio() {
        XlsxLimits noRatio = new XlsxLimits(1_000, 4096 * MB, Integer.MAX_VALUE, 96 * MB, 4 * MB);
        Path inline = new XlsxPackages()
                .sheet(Part.repeated(sheetStart() + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>",
                        'a', 64 * MB, "</t></is></c></row>" + sheetEnd()))
                .write(dir.resolve("inline.xlsx"));
        rejects(inline, noRatio, "import.file.xlsxCellTooLong");
        Path shared = new XlsxPackages()
                .sharedStrings(Part.repeated(sst("<si><t>姓名</t></si><si><r><t>a</t></r><r><t>").replace("</sst>", ""),
                        'b', 64 * MB, "</t></r></si></sst>"))
                .write(dir.resolve("shared.xlsx"));
        rejects(shared, noRatio, "import.file.xlsxTextTooLong");
    }

    @Test
    void theTotalUnpackedSizeIsCounted() {
        XlsxLimits small = new XlsxLimits(1_000, 8 * MB, Integer.MAX_VALUE, 96 * MB, 4 * MB);
        Path file = new XlsxPackages()
                .sheet(Part.repeated(sheetStart() + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", ' ', 16 * MB, sheetEnd()))
                .write(dir.resolve("big.xlsx"));
        rejects(file, small, "import.file.xlsxTooLarge");
    }

    @Test
    void tooManySharedStringsForTheMemoryBudget() {
        XlsxLimits budget = new XlsxLimits(1_000, 4096 * MB, Integer.MAX_VALUE, 8 * MB, 4 * MB);
        String item = "<si><t>x</t></si>";
        // 1M tiny strings: 17 MB of XML, each one a String that fastexcel would keep
        Part many = Part.of(sst("<si><t>姓名</t></si>").replace("</sst>", "")).andThen(item, 1_000_000).andThen("</sst>", 1);
        Path file = new XlsxPackages().sharedStrings(many).write(dir.resolve("many.xlsx"));
        rejects(file, budget, "import.file.xlsxSharedStrings");
    }

    @Test
    void aColumnBeyondXfdOrTooManyCellsInARow() {
        Path far = new XlsxPackages()
                .sheet(Part.of(sheetXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"FXSHRXW2\"><v>1</v></c></row>")))
                .write(dir.resolve("far.xlsx"));
        assertThatThrownBy(() -> TabularReader.open(far, "far.xlsx").close())
                .isInstanceOfSatisfying(TabularFileException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("import.file.tooManyColumns");
                    assertThat(e.args()).containsExactly("far.xlsx", "2");
                });
        Path wide = new XlsxPackages()
                .sheet(Part.of(sheetStart() + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"3\">")
                        .andThen("<c/>", 20_000).andThen("</row>" + sheetEnd(), 1))
                .write(dir.resolve("wide.xlsx"));
        rejects(wide, XlsxLimits.DEFAULTS, "import.file.tooManyColumns");
    }

    @Test
    void aCellJustOverExcelsLimitIsRefusedWithItsRow() {
        Path file = new XlsxPackages()
                .sheet(Part.repeated(sheetStart() + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>",
                        'a', XmlScan.MAX_CELL_CHARS + 1, "</t></is></c></row>" + sheetEnd()))
                .write(dir.resolve("long.xlsx"));
        try (TabularReader reader = TabularReader.open(file, "long.xlsx")) {
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(TabularFileException.class, e -> {
                assertThat(e.messageKey()).isEqualTo("import.file.xlsxCellTooLong");
                assertThat(e.args()).containsExactly("long.xlsx", "5");
            });
        }
    }

    @Test
    void aCellOfExactlyExcelsLimitReads() {
        Path file = new XlsxPackages()
                .sheet(Part.repeated(sheetStart() + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>",
                        'a', XmlScan.MAX_CELL_CHARS, "</t></is></c></row>" + sheetEnd()))
                .write(dir.resolve("max.xlsx"));
        try (TabularReader reader = TabularReader.open(file, "max.xlsx")) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.current().text(0)).hasSize(XmlScan.MAX_CELL_CHARS);
        }
    }

    @Test
    void tooManyParts() {
        XlsxPackages many = new XlsxPackages();
        for (int i = 0; i < 1_001; i++) {
            many.part("xl/media/image" + i + ".png", Part.of("x"));
        }
        rejects(many.write(dir.resolve("parts.xlsx")), XlsxLimits.DEFAULTS, "import.file.xlsxTooManyParts");
    }
}

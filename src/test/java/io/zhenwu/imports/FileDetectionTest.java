package io.zhenwu.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Formats are told apart by content; what cannot be read is a {@link TabularFileException} with a clear key. */
class FileDetectionTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(dir, "upload", ".tmp");
        Files.write(file, bytes);
        return file;
    }

    private void assertRejected(Path file, String name, String key) {
        assertThatThrownBy(() -> TabularReader.open(file, name).close())
                .isInstanceOfSatisfying(TabularFileException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.args()[0]).isEqualTo(name.substring(name.lastIndexOf('\\') + 1));
                });
    }

    @Test
    void anEmptyFile() throws Exception {
        assertRejected(write(new byte[0]), "人口.xlsx", "import.file.empty");
        assertRejected(write(new byte[0]), "人口.csv", "import.file.empty");
    }

    @Test
    void anImageNamedXlsxOrCsv() throws Exception {
        assertRejected(write(PNG), "人口.xlsx", "import.file.unreadable");
        assertRejected(write(PNG), "人口.csv", "import.file.unreadable");
    }

    @Test
    void randomBytes() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[0] = 0x13; // not a ZIP or OLE2 header by chance
        assertRejected(write(bytes), "数据.xlsx", "import.file.unreadable");
        assertRejected(write(bytes), "数据", "import.file.unreadable");
    }

    @Test
    void textNamedXlsx() throws Exception {
        assertRejected(write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), "人口.xlsx", "import.file.unreadable");
    }

    @Test
    void anOldXlsWorkbookAndAPasswordProtectedXlsx() throws Exception {
        assertRejected(write(OLE2), "人口.xls", "import.file.xlsOld");
        assertRejected(write(OLE2), "C:\\Users\\村委\\人口.xlsx", "import.file.encrypted");
    }

    @Test
    void aZipThatIsNoWorkbook() throws Exception {
        Path file = dir.resolve("doc.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertRejected(file, "人口.xlsx", "import.file.unreadable");
        assertRejected(file, "人口.docx", "import.file.unreadable");
    }

    @Test
    void aTruncatedWorkbook() throws Exception {
        Path full = dir.resolve("full.xlsx");
        try (OutputStream out = Files.newOutputStream(full); XlsxTableWriter writer = new XlsxTableWriter(out, "s", java.util.List.of("a"))) {
            for (int i = 0; i < 5000; i++) {
                writer.writeRow(java.util.List.of("row " + i));
            }
        }
        byte[] bytes = Files.readAllBytes(full);
        byte[] half = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> {
            try (TabularReader reader = TabularReader.open(write(half), "人口.xlsx")) {
                while (reader.next()) {
                    reader.current();
                }
            }
        }).isInstanceOfSatisfying(TabularFileException.class, e -> assertThat(e.messageKey()).isEqualTo("import.file.unreadable"));
    }

    @Test
    void csvIsRecognisedWhateverItsName() throws Exception {
        try (TabularReader reader = TabularReader.open(write("姓名\n张三\n".getBytes(StandardCharsets.UTF_8)), "名单.txt")) {
            assertThat(reader.format()).isEqualTo(TabularReader.Format.CSV);
            assertThat(reader.header()).containsExactly("姓名");
        }
        try (TabularReader reader = TabularReader.open(write("姓名\n张三\n".getBytes(StandardCharsets.UTF_8)), null)) {
            assertThat(reader.format()).isEqualTo(TabularReader.Format.CSV);
        }
    }
}

package io.zhenwu.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-built xlsx packages for the reader's limits: the smallest workbook fastexcel opens (content types, relationships,
 * workbook, one sheet, shared strings), with parts given as text or as a generator that streams gigabytes into a small
 * file without ever holding them.
 */
final class XlsxPackages {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Writes a part's bytes to the zip stream. */
    @FunctionalInterface
    interface Part {
        void write(OutputStream out) throws IOException;

        /** This part, then {@code text} {@code times} times. */
        default Part andThen(String text, int times) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return out -> {
                write(out);
                for (int i = 0; i < times; i++) {
                    out.write(bytes);
                }
            };
        }

        static Part of(String xml) {
            return out -> out.write(xml.getBytes(StandardCharsets.UTF_8));
        }

        /** {@code before}, then {@code count} bytes of {@code filler}, then {@code after}: small on disk once deflated. */
        static Part repeated(String before, char filler, long count, String after) {
            return out -> {
                out.write(before.getBytes(StandardCharsets.UTF_8));
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) filler);
                for (long left = count; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                out.write(after.getBytes(StandardCharsets.UTF_8));
            };
        }
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();

    XlsxPackages() {
        parts.put("[Content_Types].xml", Part.of("""
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>"""));
        parts.put("_rels/.rels", Part.of("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>"""));
        parts.put("xl/workbook.xml", Part.of("""
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="居民" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(MAIN)));
        parts.put("xl/_rels/workbook.xml.rels", Part.of("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>"""));
        parts.put("xl/styles.xml", Part.of("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN
                + "\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>"));
        sharedStrings(Part.of(sst("<si><t>姓名</t></si><si><t>张三</t></si>")));
        sheet(Part.of(sheetXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c></row>")));
    }

    static String sst(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">" + items + "</sst>";
    }

    static String sheetXml(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows
                + "</sheetData></worksheet>";
    }

    static String sheetStart() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>";
    }

    static String sheetEnd() {
        return "</sheetData></worksheet>";
    }

    XlsxPackages sheet(Part part) {
        parts.put("xl/worksheets/sheet1.xml", part);
        return this;
    }

    XlsxPackages sharedStrings(Part part) {
        parts.put("xl/sharedStrings.xml", part);
        return this;
    }

    XlsxPackages part(String name, Part part) {
        parts.put(name, part);
        return this;
    }

    Path write(Path file) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(9);
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                part.getValue().write(zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Rewrites the uncompressed size the central directory states for every entry to {@code statedSize}: the lie a
     * crafted bomb tells to pass a check of the directory alone.
     */
    static void lieAboutSizes(Path file, int statedSize) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02) {
                for (int k = 0; k < 4; k++) {
                    bytes[i + 24 + k] = (byte) (statedSize >>> (8 * k));
                }
            }
        }
        Files.write(file, bytes);
    }
}

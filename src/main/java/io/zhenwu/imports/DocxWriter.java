package io.zhenwu.imports;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A DOCX in 公文 style (GB/T 9704 in spirit), written as a stream: the package's fixed parts first, then the body
 * paragraph by paragraph straight into the zip, so memory stays flat however long the report (a 200-page report
 * holds no more than one paragraph at a time; Apache POI's XWPF would keep the whole document tree). Title in
 * 方正小标宋简体 二号 (falling back to 黑体), section headings 黑体 三号, body 仿宋_GB2312 三号 (16 pt, falling back to
 * 仿宋/FangSong) with a first-line indent of two characters and a fixed 28 pt line (22 lines a page), A4 with the
 * standard's margins, and the page number centred in the footer as “— 1 —”.
 */
public final class DocxWriter implements AutoCloseable {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String HEADING_FONT = "黑体";
    static final String BODY_FONT = "仿宋_GB2312";
    /** 三号 = 16 pt = 32 half-points. */
    static final int BODY_HALF_POINTS = 32;

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final ZipOutputStream zip;
    private final XMLStreamWriter body;

    public DocxWriter(OutputStream out, String title) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        try {
            part("[Content_Types].xml", CONTENT_TYPES);
            part("_rels/.rels", ROOT_RELS);
            part("docProps/core.xml", core(title));
            part("word/_rels/document.xml.rels", DOCUMENT_RELS);
            part("word/styles.xml", STYLES);
            part("word/fontTable.xml", FONTS);
            part("word/settings.xml", SETTINGS);
            part("word/footer1.xml", FOOTER);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            body = XMLOutputFactory.newInstance().createXMLStreamWriter(nonClosing(zip), "UTF-8");
            body.writeStartDocument("UTF-8", "1.0");
            body.setPrefix("w", W);
            body.setPrefix("r", R);
            body.writeStartElement(W, "document");
            body.writeNamespace("w", W);
            body.writeNamespace("r", R);
            body.writeStartElement(W, "body");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    private void part(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    public void title(String text) {
        paragraph("Title", text);
    }

    public void heading(String text) {
        paragraph("Heading1", text);
    }

    /** Body text: 仿宋 三号, first line indented two characters. */
    public void paragraph(String text) {
        paragraph(null, text);
    }

    /** A centred line without indent (a document number under the title). */
    public void centred(String text) {
        paragraph("Centred", text);
    }

    /** A line without indent (the addressee: “某某公司：”). */
    public void flush(String text) {
        paragraph("Flush", text);
    }

    /** A right-aligned line (the issuing unit and date under the text). */
    public void signature(String text) {
        paragraph("Signature", text);
    }

    private void paragraph(String style, String text) {
        try {
            body.writeStartElement(W, "p");
            if (style != null) {
                body.writeStartElement(W, "pPr");
                body.writeEmptyElement(W, "pStyle");
                body.writeAttribute(W, "val", style);
                body.writeEndElement();
            }
            body.writeStartElement(W, "r");
            body.writeStartElement(W, "t");
            body.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
            body.writeCharacters(clean(text));
            body.writeEndElement();
            body.writeEndElement();
            body.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Characters XML 1.0 cannot carry are left out. */
    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000 && c <= 0x10FFFF).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            // A4, margins 37/35/28/26 mm, the footer with the page number.
            body.writeStartElement(W, "sectPr");
            body.writeEmptyElement(W, "footerReference");
            body.writeAttribute(W, "type", "default");
            body.writeAttribute(R, "id", "rIdFooter");
            body.writeEmptyElement(W, "pgSz");
            body.writeAttribute(W, "w", "11906");
            body.writeAttribute(W, "h", "16838");
            body.writeEmptyElement(W, "pgMar");
            body.writeAttribute(W, "top", "2098");
            body.writeAttribute(W, "right", "1474");
            body.writeAttribute(W, "bottom", "1984");
            body.writeAttribute(W, "left", "1588");
            body.writeAttribute(W, "header", "851");
            body.writeAttribute(W, "footer", "992");
            body.writeAttribute(W, "gutter", "0");
            body.writeEndElement();
            body.writeEndElement();
            body.writeEndElement();
            body.writeEndDocument();
            body.flush();
            body.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static String core(String title) {
        String t = title == null ? "" : title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + clean(t) + "</dc:title><dc:creator>Zhenwu 镇务</dc:creator>"
                + "</cp:coreProperties>";
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
            + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
            + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>";

    private static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
            + "</Relationships>";

    private static final String DOCUMENT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdFonts\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>"
            + "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
            + "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
            + "</Relationships>";

    private static String fonts(String font, int halfPoints, boolean bold) {
        return "<w:rPr><w:rFonts w:ascii=\"" + font + "\" w:eastAsia=\"" + font + "\" w:hAnsi=\"" + font + "\" w:cs=\"" + font + "\"/>"
                + (bold ? "<w:b/>" : "") + "<w:sz w:val=\"" + halfPoints + "\"/><w:szCs w:val=\"" + halfPoints + "\"/></w:rPr>";
    }

    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:styles xmlns:w=\"" + W + "\">"
            + "<w:docDefaults><w:rPrDefault>" + fonts(BODY_FONT, BODY_HALF_POINTS, false) + "</w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
            + "<w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/></w:pPr>"
            + fonts(BODY_FONT, BODY_HALF_POINTS, false) + "</w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:spacing w:before=\"0\" w:after=\"560\" w:line=\"700\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
            + "<w:jc w:val=\"center\"/></w:pPr>" + fonts(TITLE_FONT, 44, false) + "</w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr>" + fonts(HEADING_FONT, BODY_HALF_POINTS, false) + "</w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Centred\"><w:name w:val=\"Centred\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Flush\"><w:name w:val=\"Flush\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Signature\"><w:name w:val=\"Signature\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:right=\"640\"/><w:jc w:val=\"right\"/></w:pPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
            + "<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
            + fonts("宋体", 28, false) + "</w:style>"
            + "</w:styles>";

    private static final String FONTS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:fonts xmlns:w=\"" + W + "\">"
            + "<w:font w:name=\"" + BODY_FONT + "\"><w:altName w:val=\"仿宋\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/></w:font>"
            + "<w:font w:name=\"仿宋\"><w:altName w:val=\"FangSong\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/></w:font>"
            + "<w:font w:name=\"" + TITLE_FONT + "\"><w:altName w:val=\"" + HEADING_FONT + "\"/><w:charset w:val=\"86\"/></w:font>"
            + "<w:font w:name=\"" + HEADING_FONT + "\"><w:altName w:val=\"SimHei\"/><w:charset w:val=\"86\"/></w:font>"
            + "<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/><w:charset w:val=\"86\"/></w:font>"
            + "</w:fonts>";

    private static final String SETTINGS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:settings xmlns:w=\"" + W + "\"><w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
            + "</w:settings>";

    /** — PAGE — centred: the page number as a field, so Word counts the pages. */
    private static final String FOOTER = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:ftr xmlns:w=\"" + W + "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
            + "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
            + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            + "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>";
}

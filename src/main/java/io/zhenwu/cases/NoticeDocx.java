package io.zhenwu.cases;

import io.zhenwu.cases.SafetyRecords.Notice;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** 责令限期整改通知书 as a Word document (the wording of the standard form, filled from the notice). */
final class NoticeDocx {

    private NoticeDocx() {
    }

    static byte[] render(Notice n, String issuingUnit) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, ParagraphAlignment.CENTER, issuingUnit, 16, true);
            paragraph(doc, ParagraphAlignment.CENTER, "责令限期整改通知书", 22, true);
            paragraph(doc, ParagraphAlignment.CENTER, n.number(), 12, false);
            paragraph(doc, ParagraphAlignment.LEFT, n.addressee() + "：", 14, false);
            paragraph(doc, ParagraphAlignment.LEFT, "    经查，你单位存在下列安全生产隐患（办件编号 " + n.caseNumber() + "）：", 14, false);
            int i = 1;
            for (String line : n.items().split("\\R")) {
                if (!line.isBlank()) {
                    paragraph(doc, ParagraphAlignment.LEFT, "    " + (i++) + ". " + line.strip(), 14, false);
                }
            }
            paragraph(doc, ParagraphAlignment.LEFT, "    依据《中华人民共和国安全生产法》的规定，现责令你单位于 " + chinese(n.deadline())
                    + " 前整改完毕，并将整改情况书面报告。逾期未整改的，依法予以处理。", 14, false);
            paragraph(doc, ParagraphAlignment.RIGHT, issuingUnit, 14, false);
            paragraph(doc, ParagraphAlignment.RIGHT, chinese(n.issuedOn()), 14, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static void paragraph(XWPFDocument doc, ParagraphAlignment align, String text, int size, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily("宋体");
    }
}

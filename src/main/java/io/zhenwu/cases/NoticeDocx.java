package io.zhenwu.cases;

import io.zhenwu.cases.SafetyRecords.Notice;
import io.zhenwu.imports.DocxWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * 责令限期整改通知书 as a Word document (the wording of the standard form, filled from the notice), written by the
 * pipeline's one DOCX writer in 公文 style, like the reports.
 */
final class NoticeDocx {

    private NoticeDocx() {
    }

    static byte[] render(Notice n, String issuingUnit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DocxWriter doc = new DocxWriter(out, "责令限期整改通知书 " + n.number())) {
            doc.centred(issuingUnit);
            doc.title("责令限期整改通知书");
            doc.centred(n.number());
            doc.flush(n.addressee() + "：");
            doc.paragraph("经查，你单位存在下列安全生产隐患（办件编号 " + n.caseNumber() + "）：");
            int i = 1;
            for (String line : n.items().split("\\R")) {
                if (!line.isBlank()) {
                    doc.paragraph((i++) + ". " + line.strip());
                }
            }
            doc.paragraph("依据《中华人民共和国安全生产法》的规定，现责令你单位于 " + chinese(n.deadline())
                    + " 前整改完毕，并将整改情况书面报告。逾期未整改的，依法予以处理。");
            doc.signature(issuingUnit);
            doc.signature(chinese(n.issuedOn()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}

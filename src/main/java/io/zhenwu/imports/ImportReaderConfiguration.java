package io.zhenwu.imports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The xlsx reader's limits from {@code zhenwu.imports.xlsx.*}; the defaults are {@link XlsxLimits#DEFAULTS}. */
@Configuration(proxyBeanMethods = false)
class ImportReaderConfiguration {

    @Bean
    XlsxLimits xlsxLimits(@Value("${zhenwu.imports.xlsx.max-entries:1000}") int maxEntries,
                          @Value("${zhenwu.imports.xlsx.max-uncompressed-size:4GB}") DataSize maxUncompressed,
                          @Value("${zhenwu.imports.xlsx.max-compression-ratio:100}") int maxRatio,
                          @Value("${zhenwu.imports.xlsx.max-shared-strings-memory:96MB}") DataSize maxSharedStrings,
                          @Value("${zhenwu.imports.xlsx.max-row-size:4MB}") DataSize maxRow) {
        return new XlsxLimits(maxEntries, maxUncompressed.toBytes(), maxRatio, maxSharedStrings.toBytes(), maxRow.toBytes());
    }
}

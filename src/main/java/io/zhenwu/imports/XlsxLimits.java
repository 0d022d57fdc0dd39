package io.zhenwu.imports;

/**
 * What an xlsx upload may unpack to before a byte of it is parsed ({@link XlsxPackageCheck}), and so the memory one
 * xlsx import may hold. Properties {@code zhenwu.imports.xlsx.*} (see {@link ImportReaderConfiguration}).
 *
 * <p>The memory budget of one xlsx import: the shared-string table (which fastexcel keeps whole) at most
 * {@code maxSharedStringsMemory}, estimated as 64 bytes per string plus 2 bytes per byte of its text, so an upper
 * bound; the rows parsed ahead at most {@value XlsxTabularReader#BATCHES} batches of
 * {@value XlsxTabularReader#BATCH_MEMORY} bytes plus one row; the row being parsed at most {@code maxRowBytes} of XML
 * and 16,384 cells; one cell at most 32,767 characters. With the defaults: about 96 + 4 × (2 + 4) + 8 ≈ 130 MiB in
 * the worst case, a few MiB for files written by Zhenwu or without shared strings. A file over any limit is rejected
 * before it is read, with a message naming the limit.
 *
 * @param maxEntries             parts (zip entries) in the file
 * @param maxUncompressedBytes   all parts unpacked together, counted while inflating (the sizes a zip states can lie)
 * @param maxCompressionRatio    unpacked ÷ packed size of any part larger than 1 MiB unpacked
 * @param maxSharedStringsMemory the estimated heap of the shared-string table
 * @param maxRowBytes            the XML of one row of the sheet
 */
record XlsxLimits(int maxEntries, long maxUncompressedBytes, int maxCompressionRatio, long maxSharedStringsMemory,
                  long maxRowBytes) {

    static final long MIB = 1024L * 1024;
    static final XlsxLimits DEFAULTS = new XlsxLimits(1_000, 4096 * MIB, 100, 96 * MIB, 4 * MIB);

    XlsxLimits {
        if (maxEntries <= 0 || maxUncompressedBytes <= 0 || maxCompressionRatio <= 0 || maxSharedStringsMemory <= 0
                || maxRowBytes <= 0) {
            throw new IllegalArgumentException("zhenwu.imports.xlsx.* limits must be positive");
        }
    }
}

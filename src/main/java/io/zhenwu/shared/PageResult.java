package io.zhenwu.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results with the total count, as every list endpoint returns it. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements) {

    public long totalPages() {
        return size == 0 ? 0 : (totalElements + size - 1) / size;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(content.stream().map(mapper).toList(), page, size, totalElements);
    }
}

package com.publisherdesk.kit.input;

import java.util.List;
import java.util.function.Function;

/**
 * One page of rows and the cursor of the next page, as a service lists it; a resource maps the rows to views.
 *
 * @param items the rows on this page
 * @param next  the cursor of the next page; null on the last page
 * @param <T>   what a row is
 */
public record Paged<T>(List<T> items, String next) {

    /**
     * The first {@code limit} of {@code rows}, read with one row more than a page holds: when that extra row is
     * there, the next page starts after the page's last row, which {@code cursorOf} names.
     */
    public static <T> Paged<T> of(List<T> rows, int limit, Function<T, PageCursor> cursorOf) {
        List<T> page = rows.stream().limit(limit).toList();
        return new Paged<>(page, rows.size() > limit ? cursorOf.apply(page.get(page.size() - 1)).encode() : null);
    }

    /** The same page with every row mapped. */
    public <R> Paged<R> map(Function<? super T, R> mapping) {
        return new Paged<>(items.stream().<R>map(mapping).toList(), next);
    }
}

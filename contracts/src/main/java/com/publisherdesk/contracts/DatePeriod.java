package com.publisherdesk.contracts;

import java.time.LocalDate;

/**
 * An inclusive range of days.
 *
 * @param from the first day
 * @param to   the last day
 */
public record DatePeriod(LocalDate from, LocalDate to) {
}

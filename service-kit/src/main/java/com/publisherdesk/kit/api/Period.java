package com.publisherdesk.kit.api;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * An inclusive range of days, such as the period a credit is for.
 *
 * @param from the first day
 * @param to   the last day, not before {@code from}
 */
public record Period(@NotNull LocalDate from, @NotNull LocalDate to) {

    @JsonIgnore
    @AssertTrue(message = "must not end before it starts")
    public boolean isOrdered() {
        return from == null || to == null || !to.isBefore(from);
    }
}

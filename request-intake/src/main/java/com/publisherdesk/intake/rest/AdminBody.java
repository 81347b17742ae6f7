package com.publisherdesk.intake.rest;

import jakarta.validation.constraints.NotBlank;

/**
 * A co-administrator to add.
 *
 * @param email their email address (stored in lower case)
 */
public record AdminBody(@NotBlank @EmailAddress String email) {
}

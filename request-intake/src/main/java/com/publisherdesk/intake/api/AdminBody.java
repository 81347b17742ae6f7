package com.publisherdesk.intake.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A co-administrator to add.
 *
 * @param email their email address (stored in lower case)
 */
public record AdminBody(@NotBlank @Size(max = 320) @EmailAddress String email) {
}

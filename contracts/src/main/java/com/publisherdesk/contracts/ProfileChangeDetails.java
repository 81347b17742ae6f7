package com.publisherdesk.contracts;

import java.util.List;

/**
 * An administrator changed the publisher's profile; the change was applied when it was filed.
 *
 * @param changes what changed, field by field, never empty
 */
public record ProfileChangeDetails(List<FieldChange> changes) {
}

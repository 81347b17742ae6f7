package com.publisherdesk.intake.api;

import java.util.List;

/**
 * One page of a publisher's audit trail, newest first.
 *
 * @param items the changes on this page
 * @param next  the cursor of the next page; absent on the last page
 */
public record AuditPage(List<AuditEntryView> items, String next) {
}

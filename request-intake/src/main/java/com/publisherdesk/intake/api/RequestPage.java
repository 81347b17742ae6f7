package com.publisherdesk.intake.api;

import java.util.List;

/**
 * One page of requests, newest first.
 *
 * @param items the requests on this page
 * @param next  the cursor of the next page; absent on the last page
 */
public record RequestPage(List<RequestSummary> items, String next) {
}

package com.publisherdesk.billing.api;

import java.util.List;

/**
 * One page of the review queue, oldest first.
 *
 * @param items the requests on this page
 * @param next  the cursor of the next page; absent on the last page
 */
public record ReviewPage(List<ReviewItem> items, String next) {
}
